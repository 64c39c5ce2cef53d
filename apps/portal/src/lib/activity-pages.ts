// Cursor paging over activities.list for a list with "show more": the first page follows
// the filters; later pages are appended on request and dropped when the filters change.
import { type Accessor, createComputed, createResource, createSignal, on } from "solid-js";
import type { ActivityListItem, ActivityPage } from "./activities.ts";
import { trpc } from "./trpc.ts";

export type ActivityListInput = NonNullable<Parameters<typeof trpc.activities.list.query>[0]>;

export function createActivityPages(input: Accessor<ActivityListInput | undefined>) {
  const [first, { refetch }] = createResource(input, (value) => trpc.activities.list.query(value));
  const [more, setMore] = createSignal<ActivityPage[]>([]);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<unknown>();
  createComputed(
    on(input, () => {
      setMore([]);
      setMoreError(undefined);
    }),
  );

  const firstPage = (): ActivityPage | undefined => (first.error ? undefined : first.latest);
  const items = (): ActivityListItem[] => [
    ...(firstPage()?.items ?? []),
    ...more().flatMap((page) => page.items),
  ];
  const nextCursor = (): string | null =>
    more().at(-1)?.nextCursor ?? (more().length > 0 ? null : (firstPage()?.nextCursor ?? null));

  async function loadMore() {
    const cursor = nextCursor();
    const current = input();
    if (!cursor || !current || loadingMore()) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await trpc.activities.list.query({ ...current, cursor });
      // The filters may have changed while this page was on its way.
      if (input() === current) setMore((pages) => [...pages, page]);
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  }

  return {
    first,
    items,
    nextCursor,
    loadMore,
    loadingMore,
    moreError,
    refetch: () => {
      setMore([]);
      return refetch();
    },
  };
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
