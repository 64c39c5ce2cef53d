// Cursor paging over activities.list for a list with "show more" (see cursor-pages.ts),
// and every activity of a range for the month view.
import type { Accessor } from "solid-js";
import type { ActivityListItem, ActivityPage } from "./activities.ts";
import { createCursorPages } from "./cursor-pages.ts";
import { trpc } from "./trpc.ts";

export type ActivityListInput = NonNullable<Parameters<typeof trpc.activities.list.query>[0]>;

export function createActivityPages(input: Accessor<ActivityListInput | undefined>) {
  return createCursorPages<ActivityListInput, ActivityListItem, ActivityPage>(input, (value) =>
    trpc.activities.list.query(value),
  );
}

/** Every activity of a range, following cursors up to `maxPages` (a month view needs them all). */
export async function allActivities(
  input: ActivityListInput,
  maxPages: number,
): Promise<{ items: ActivityListItem[]; complete: boolean }> {
  const items: ActivityListItem[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await trpc.activities.list.query({ ...input, cursor });
    items.push(...result.items);
    if (!result.nextCursor) return { items, complete: true };
    cursor = result.nextCursor;
  }
  return { items, complete: false };
}
