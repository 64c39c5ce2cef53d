// Cursor paging for "load more" lists: the first page follows the input (filters); later
// pages are appended on request and dropped when the input changes. One implementation for
// every list that pages with `cursor` / `nextCursor` (activities, books).
import { type Accessor, createComputed, createResource, createSignal, on } from "solid-js";

/** A page as our list procedures return it. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export function createCursorPages<I extends object, T, P extends CursorPage<T>>(
  input: Accessor<I | undefined>,
  fetchPage: (input: I & { cursor?: string }) => Promise<P>,
) {
  const [first, { refetch }] = createResource(input, (value) => fetchPage(value));
  const [more, setMore] = createSignal<P[]>([]);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<unknown>();
  createComputed(
    on(input, () => {
      setMore([]);
      setMoreError(undefined);
    }),
  );

  const firstPage = (): P | undefined => (first.error ? undefined : first.latest);
  const items = (): T[] => [...(firstPage()?.items ?? []), ...more().flatMap((page) => page.items)];
  const nextCursor = (): string | null =>
    more().at(-1)?.nextCursor ?? (more().length > 0 ? null : (firstPage()?.nextCursor ?? null));

  async function loadMore() {
    const cursor = nextCursor();
    const current = input();
    if (!cursor || !current || loadingMore()) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await fetchPage({ ...current, cursor });
      // The input may have changed while this page was on its way.
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
