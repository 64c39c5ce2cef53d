// Cursor paging over books.search for "load more": the first page follows the filters;
// later pages are appended on request and dropped when the filters change.
import { type Accessor, createComputed, createResource, createSignal, on } from "solid-js";
import type { BookSearchInput, BookSearchItem, BookSearchPage } from "./books.ts";
import { trpc } from "./trpc.ts";

export function createBookPages(input: Accessor<BookSearchInput | undefined>) {
  const [first, { refetch }] = createResource(input, (value) => trpc.books.search.query(value));
  const [more, setMore] = createSignal<BookSearchPage[]>([]);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<unknown>();
  createComputed(
    on(input, () => {
      setMore([]);
      setMoreError(undefined);
    }),
  );

  const firstPage = (): BookSearchPage | undefined => (first.error ? undefined : first.latest);
  const items = (): BookSearchItem[] => [
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
      const page = await trpc.books.search.query({ ...current, cursor });
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
