// Finding books: free text over titles, authors and ISBNs (partial words and Chinese titles
// found too), filters for what is available now, lend or give, language and the association's
// shelf, all kept in the address; results with cover, authors and availability, "load more".
import { A, useSearchParams } from "@solidjs/router";
import {
  type Component,
  createEffect,
  createMemo,
  createSignal,
  For,
  Match,
  on,
  onCleanup,
  Show,
  Switch,
} from "solid-js";
import { BookCover } from "../components/book-cover.tsx";
import { CheckboxField, Field, SelectField } from "../components/field.tsx";
import { Guard } from "../components/guard.tsx";
import { Page } from "../components/page.tsx";
import { ErrorNotice } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import { createBookPages } from "../lib/book-pages.ts";
import {
  BOOK_LANGUAGES,
  type BookFilterParams,
  type BookFilters,
  type BookSearchItem,
  bookSearchInput,
  hasBookFilters,
  languageName,
  readBookFilters,
} from "../lib/books.ts";
import { useFormat } from "../lib/format.ts";

/** Wait for a pause in typing before searching. */
export const BOOK_SEARCH_DEBOUNCE_MS = 300;

const FilterBar: Component<{
  filters: BookFilters;
  initialText: string;
  setParams: (params: Partial<BookFilterParams>) => void;
  onClear: () => void;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const [text, setText] = createSignal(props.initialText);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  // "Clear filters" (or the back button) empties the address's text: the box follows.
  createEffect(
    on(
      () => props.filters.q,
      (q) => {
        if (q !== undefined) return;
        clearTimeout(timer);
        setText("");
      },
      { defer: true },
    ),
  );
  function search(value: string) {
    setText(value);
    clearTimeout(timer);
    timer = setTimeout(
      () => props.setParams({ q: value.trim() || undefined }),
      BOOK_SEARCH_DEBOUNCE_MS,
    );
  }
  const languages = () => {
    const known: string[] = [...BOOK_LANGUAGES];
    const chosen = props.filters.language;
    if (chosen && !known.includes(chosen)) known.push(chosen);
    return known.map((tag) => ({ value: tag, label: languageName(tag, i18n.locale()) }));
  };
  return (
    <search class="filters" aria-label={t("books.filtersLabel")}>
      <Field
        id="book-search"
        label={t("books.search")}
        hint={t("books.searchHint")}
        type="search"
        autocomplete="off"
        required={false}
        value={text()}
        onInput={search}
      />
      <SelectField
        id="book-mode"
        label={t("books.mode")}
        value={props.filters.mode ?? ""}
        options={[
          { value: "", label: t("books.anyMode") },
          { value: "lend", label: t("books.modes.lend") },
          { value: "give", label: t("books.modes.give") },
        ]}
        onChange={(value) => props.setParams({ mode: value || undefined })}
      />
      <SelectField
        id="book-language"
        label={t("books.language")}
        value={props.filters.language ?? ""}
        options={[{ value: "", label: t("books.anyLanguage") }, ...languages()]}
        onChange={(value) => props.setParams({ lang: value || undefined })}
      />
      <div class="filters__checks">
        <CheckboxField
          id="book-available"
          label={t("books.availableNow")}
          checked={props.filters.availableNow}
          onChange={(checked) => props.setParams({ available: checked ? "1" : undefined })}
        />
        <CheckboxField
          id="book-shelf"
          label={t("books.associationOnly")}
          checked={props.filters.associationOnly}
          onChange={(checked) => props.setParams({ shelf: checked ? "1" : undefined })}
        />
      </div>
      <Show when={hasBookFilters(props.filters)}>
        <div>
          <button type="button" class="button button--secondary" onClick={() => props.onClear()}>
            {t("books.clearFilters")}
          </button>
        </div>
      </Show>
    </search>
  );
};

const BookResult: Component<{ item: BookSearchItem }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const b = () => props.item.book;
  return (
    <li class="book-card">
      <BookCover url={b().coverUrl} title={b().title} />
      <div class="book-card__body">
        <h3 class="book-card__title">
          <A href={`/books/${encodeURIComponent(b().id)}`}>{b().title}</A>
        </h3>
        <Show when={b().authors.length > 0}>
          <p class="book-card__authors">{b().authors.join(", ")}</p>
        </Show>
        <p class="book-card__facts">
          <Show when={b().year}>{(year) => <span>{year()}</span>}</Show>
          <Show when={b().language}>
            {(tag) => <span>{languageName(tag(), i18n.locale())}</span>}
          </Show>
          <span>{i18n.plural(t("books.copies"), props.item.copies)}</span>
        </p>
        <p class="availability" classList={{ "availability--none": props.item.available === 0 }}>
          {props.item.available > 0
            ? i18n.plural(t("books.available"), props.item.available)
            : t("books.noneAvailable")}
        </p>
      </div>
    </li>
  );
};

/** Placeholder cards while the first page loads, announced once as "Loading…". */
const ResultsSkeleton: Component = () => {
  const { t } = useI18n();
  return (
    <div class="book-skeleton">
      <p class="visually-hidden" role="status">
        {t("common.loading")}
      </p>
      <ul class="book-list" aria-hidden="true">
        <For each={[1, 2, 3]}>
          {() => (
            <li class="book-card book-card--skeleton">
              <div class="book-cover book-cover--small skeleton" />
              <div class="book-card__body">
                <div class="skeleton skeleton--line" />
                <div class="skeleton skeleton--line skeleton--short" />
              </div>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
};

const Results: Component<{ filters: BookFilters }> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const input = createMemo(() => bookSearchInput(props.filters));
  const pages = createBookPages(input);
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" class="visually-hidden">
        {t("books.results")}
      </h2>
      <Switch>
        <Match when={pages.first.error}>
          <ErrorNotice onRetry={() => void pages.refetch()}>
            {fmt.error(pages.first.error)}
          </ErrorNotice>
        </Match>
        <Match when={!pages.first.latest}>
          <ResultsSkeleton />
        </Match>
        <Match when={pages.items().length === 0}>
          <Show
            when={hasBookFilters(props.filters)}
            fallback={
              <p class="empty">
                {t("books.emptyCatalogue")} <A href="/books/add">{t("books.addFirst")}</A>
              </p>
            }
          >
            <p class="empty">{t("books.empty")}</p>
          </Show>
        </Match>
        <Match when={pages.items().length > 0}>
          <ul class="book-list" aria-busy={pages.first.loading}>
            <For each={pages.items()}>{(item) => <BookResult item={item} />}</For>
          </ul>
          <Show when={pages.moreError()}>
            {(error) => <ErrorNotice>{fmt.error(error())}</ErrorNotice>}
          </Show>
          <Show when={pages.nextCursor()}>
            <button
              type="button"
              class="button button--secondary"
              disabled={pages.loadingMore()}
              onClick={() => void pages.loadMore()}
            >
              {pages.loadingMore() ? t("common.loading") : t("books.loadMore")}
            </button>
          </Show>
        </Match>
      </Switch>
    </section>
  );
};

export const BooksPage: Component = () => {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams<BookFilterParams>();
  const filters = createMemo(() => readBookFilters(params));
  const clear = () =>
    setParams({
      q: undefined,
      available: undefined,
      mode: undefined,
      lang: undefined,
      shelf: undefined,
    });
  return (
    <Page title={t("books.title")}>
      <Guard>
        <p class="lead">{t("books.intro")}</p>
        <p class="actions">
          <A class="button" href="/books/add">
            {t("books.add")}
          </A>
          <A class="button button--secondary" href="/books/mine">
            {t("books.mine")}
          </A>
          <A class="button button--secondary" href="/loans">
            {t("books.loans")}
          </A>
        </p>
        <FilterBar
          filters={filters()}
          initialText={params.q ?? ""}
          setParams={setParams}
          onClear={clear}
        />
        <Results filters={filters()} />
      </Guard>
    </Page>
  );
};
