// Cursor paging over books.search for "load more" (see cursor-pages.ts).
import type { Accessor } from "solid-js";
import type { BookSearchInput, BookSearchItem, BookSearchPage } from "./books.ts";
import { createCursorPages } from "./cursor-pages.ts";
import { trpc } from "./trpc.ts";

export function createBookPages(input: Accessor<BookSearchInput | undefined>) {
  return createCursorPages<BookSearchInput, BookSearchItem, BookSearchPage>(input, (value) =>
    trpc.books.search.query(value),
  );
}
