// Adding a book to share: find it by ISBN — typed (the check digit is checked as it is
// typed, with the domain's rule) or scanned with the camera — and confirm the details the
// lookup found; when it finds nothing, fails or the network is down, type them in. A book
// without an ISBN is typed in the same short form. Then the copy: lend or give, condition,
// note, loan period, trust needed, visibility; officers may put it on the association's shelf.
import { A } from "@solidjs/router";
import {
  type Component,
  createMemo,
  createResource,
  createSignal,
  Match,
  Show,
  Switch,
} from "solid-js";
import { createStore } from "solid-js/store";
import { BookCover } from "../components/book-cover.tsx";
import { CopyFields } from "../components/copy-fields.tsx";
import { Field, SelectField, TextAreaField } from "../components/field.tsx";
import { createFormState } from "../components/form.ts";
import { Guard } from "../components/guard.tsx";
import { IsbnScanner } from "../components/isbn-scanner.tsx";
import { Page } from "../components/page.tsx";
import { ErrorNotice, SuccessNotice } from "../components/status.tsx";
import { type MessageKey, useI18n } from "../i18n/index.ts";
import {
  BOOK_FIELDS,
  type BookField,
  type BookFormValues,
  type BookSource,
  bookFormFromLookup,
  bookSourceOf,
  COPY_FIELDS,
  type CopyField,
  type CopyFormValues,
  checkBookField,
  checkCopyField,
  copyCreateFields,
  copyFormValues,
  emptyBookForm,
  manualBookInput,
} from "../lib/book-forms.ts";
import { BOOK_LANGUAGES, checkIsbn, isbn13Of, languageName } from "../lib/books.ts";
import { domainCode } from "../lib/errors.ts";
import { useFormat } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";
import { listVenues } from "../lib/venues.ts";
import { useSession } from "../session.tsx";

/** ISBN-13 is 13 characters without dashes: then it is checked while typing. */
const FULL_ISBN_LENGTH = 13;

/** Why the details are typed in, as the notice above the form says it. */
const MANUAL_NOTICE: Record<Extract<BookSource, { kind: "manual" }>["reason"], MessageKey> = {
  unknown: "addBook.notFound",
  unavailable: "addBook.lookupFailed",
  no_isbn: "addBook.noIsbnNotice",
};

const BookDetailsFields: Component<{
  values: BookFormValues;
  setValues: (field: keyof BookFormValues, value: string) => void;
  error: (field: BookField) => string | undefined;
  touch: (field: BookField) => void;
  register: (field: BookField) => (element: HTMLElement) => void;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const languages = () => {
    const tags: string[] = [...BOOK_LANGUAGES];
    if (props.values.language && !tags.includes(props.values.language)) {
      tags.push(props.values.language);
    }
    return [
      { value: "", label: t("addBook.languageNone") },
      ...tags.map((tag) => ({ value: tag, label: languageName(tag, i18n.locale()) })),
    ];
  };
  return (
    <>
      <Field
        id="book-title"
        label={t("addBook.bookTitle")}
        autocomplete="off"
        value={props.values.title}
        error={props.error("title")}
        ref={props.register("title")}
        onInput={(value) => props.setValues("title", value)}
        onBlur={() => props.touch("title")}
      />
      <TextAreaField
        id="book-authors"
        label={t("addBook.authors")}
        hint={t("addBook.authorsHint")}
        required={false}
        rows={2}
        value={props.values.authors}
        error={props.error("authors")}
        ref={props.register("authors")}
        onInput={(value) => props.setValues("authors", value)}
        onBlur={() => props.touch("authors")}
      />
      <div class="field-grid">
        <Field
          id="book-year"
          label={t("addBook.year")}
          hint={t("addBook.yearHint")}
          inputMode="numeric"
          autocomplete="off"
          required={false}
          value={props.values.year}
          error={props.error("year")}
          ref={props.register("year")}
          onInput={(value) => props.setValues("year", value)}
          onBlur={() => props.touch("year")}
        />
        <SelectField
          id="book-language"
          label={t("addBook.language")}
          value={props.values.language}
          options={languages()}
          onChange={(value) => props.setValues("language", value)}
        />
      </div>
    </>
  );
};

const AddBookForm: Component = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const session = useSession();
  // Officers (who print shelf labels) may add the association's copies.
  const officer = () => session.can("books.label");
  const [locations] = createResource(
    () => officer() || undefined,
    () => listVenues(),
  );

  // --- finding the book
  const [isbn, setIsbn] = createSignal("");
  const [isbnTouched, setIsbnTouched] = createSignal(false);
  const [isbnServerError, setIsbnServerError] = createSignal<string>();
  const [lookingUp, setLookingUp] = createSignal(false);
  const [source, setSource] = createSignal<BookSource>();
  const isbnProblem = createMemo(() => checkIsbn(isbn()));
  const showIsbnProblem = () =>
    isbnTouched() || isbn().replace(/[\s-]/g, "").length >= FULL_ISBN_LENGTH;
  const isbnError = () => {
    const problem = showIsbnProblem() ? isbnProblem() : undefined;
    return problem ? t(problem.key, problem.params) : isbnServerError();
  };
  let isbnInput: HTMLInputElement | undefined;

  // --- the book's details and the copy
  const [book, setBook] = createStore<BookFormValues>(emptyBookForm());
  const [copy, setCopy] = createStore<CopyFormValues>(copyFormValues());
  const bookForm = createFormState<BookField>(
    Object.fromEntries(
      BOOK_FIELDS.map((field) => [
        field,
        () => (typesBook() ? checkBookField(book, field) : undefined),
      ]),
    ) as Record<BookField, () => ReturnType<typeof checkBookField>>,
  );
  const copyForm = createFormState<CopyField>(
    Object.fromEntries(
      COPY_FIELDS.map((field) => [field, () => checkCopyField(copy, field)]),
    ) as Record<CopyField, () => ReturnType<typeof checkCopyField>>,
  );
  const message = (found: ReturnType<typeof checkBookField>) => found && t(found.key, found.params);
  const typesBook = () => {
    const current = source();
    return current !== undefined && current.kind !== "catalogue";
  };
  /** The cover the lookup found (or the catalogue has), beside the details. */
  const shownCover = () => {
    const current = source();
    return current?.kind === "catalogue"
      ? { url: current.book.coverUrl, title: current.book.title }
      : { url: book.coverUrl, title: book.title };
  };
  const [failure, setFailure] = createSignal<string>();
  const [added, setAdded] = createSignal<{ bookId: string; title: string; count: number }>();

  function startOver() {
    setIsbn("");
    setIsbnTouched(false);
    setIsbnServerError(undefined);
    setSource(undefined);
    setBook(emptyBookForm());
    setCopy(copyFormValues());
    bookForm.reset();
    copyForm.reset();
    setFailure(undefined);
    setAdded(undefined);
    isbnInput?.focus();
  }

  async function lookUp(event?: SubmitEvent) {
    event?.preventDefault();
    setIsbnTouched(true);
    setIsbnServerError(undefined);
    const isbn13 = isbn13Of(isbn());
    if (!isbn13 || lookingUp()) {
      isbnInput?.focus();
      return;
    }
    setLookingUp(true);
    setAdded(undefined);
    try {
      const answer = await trpc.books.lookupIsbn.query({ isbn: isbn13 });
      const next = bookSourceOf(answer);
      setSource(next);
      setBook(
        answer.found ? bookFormFromLookup(answer.book, answer.isbn13) : emptyBookForm(isbn13),
      );
    } catch (error) {
      if (domainCode(error) === "INVALID_ISBN") {
        setIsbnServerError(fmt.error(error));
        return;
      }
      // No answer, or the server could not ask: the details are typed in instead.
      setSource({ kind: "manual", isbn13, reason: "unavailable" });
      setBook(emptyBookForm(isbn13));
    } finally {
      setLookingUp(false);
    }
    bookForm.reset();
  }

  function withoutIsbn() {
    setIsbn("");
    setIsbnTouched(false);
    setIsbnServerError(undefined);
    setAdded(undefined);
    setSource({ kind: "manual", isbn13: null, reason: "no_isbn" });
    setBook(emptyBookForm());
    bookForm.reset();
  }

  function scanned(text: string) {
    setIsbn(text);
    setIsbnTouched(true);
    if (isbn13Of(text)) void lookUp();
    else setIsbnServerError(t("scan.notIsbn"));
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const current = source();
    if (!current || bookForm.busy()) return;
    const bookOk = bookForm.validate();
    const copyOk = copyForm.validate();
    if (!bookOk || !copyOk) return;
    bookForm.setBusy(true);
    setFailure(undefined);
    try {
      const result = await trpc.books.addCopy.mutate({
        ...(current.kind === "catalogue"
          ? { bookId: current.bookId }
          : { book: manualBookInput(book) }),
        ...copyCreateFields(copy),
      });
      setAdded({
        bookId: result.book.id,
        title: result.book.title,
        count: result.copies.length,
      });
      setSource(undefined);
      setIsbn("");
      setIsbnTouched(false);
      setBook(emptyBookForm());
      setCopy(copyFormValues());
      bookForm.reset();
      copyForm.reset();
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      bookForm.setBusy(false);
    }
  }

  return (
    <>
      <Show when={added()}>
        {(done) => (
          <SuccessNotice>
            <p>
              {t("addBook.added", { title: done().title })}
              <Show when={done().count > 1}>
                {" "}
                {i18n.plural(t("addBook.addedCopies"), done().count)}
              </Show>
            </p>
            <p class="actions">
              <A href={`/books/${encodeURIComponent(done().bookId)}`}>{t("addBook.seeBook")}</A>
              <A href="/books/mine">{t("addBook.seeMine")}</A>
            </p>
          </SuccessNotice>
        )}
      </Show>
      <section class="card" aria-labelledby="find-heading">
        <h2 id="find-heading">{t("addBook.findHeading")}</h2>
        <form class="form isbn-form" novalidate onSubmit={lookUp}>
          <Field
            id="isbn"
            label={t("addBook.isbn")}
            hint={t("addBook.isbnHint")}
            inputMode="numeric"
            autocomplete="off"
            value={isbn()}
            error={isbnError()}
            ref={(element) => {
              isbnInput = element;
            }}
            onInput={(value) => {
              setIsbn(value);
              setIsbnServerError(undefined);
            }}
            onBlur={() => isbn() && setIsbnTouched(true)}
          />
          <p class="actions">
            <button type="submit" class="button" disabled={lookingUp()}>
              {lookingUp() ? t("addBook.lookingUp") : t("addBook.lookUp")}
            </button>
            <IsbnScanner onRead={scanned} />
            <button type="button" class="button button--secondary" onClick={withoutIsbn}>
              {t("addBook.noIsbn")}
            </button>
          </p>
        </form>
      </section>
      <Show when={source()}>
        {(current) => (
          <form class="form" novalidate onSubmit={submit} aria-labelledby="details-heading">
            <section class="card" aria-labelledby="details-heading">
              <h2 id="details-heading">{t("addBook.detailsHeading")}</h2>
              <Switch>
                <Match when={current().kind === "catalogue"}>
                  <p class="notice notice--success" role="status">
                    {t("addBook.foundCatalogue")}
                  </p>
                </Match>
                <Match when={current().kind === "found"}>
                  <p class="notice notice--success" role="status">
                    {t("addBook.found")}
                  </p>
                </Match>
                <Match when={manualReason(current())}>
                  {(reason) => (
                    <p class="notice" role="status">
                      {t(MANUAL_NOTICE[reason()])}
                    </p>
                  )}
                </Match>
              </Switch>
              <div class="book-head">
                <Show when={shownCover().url}>
                  <BookCover url={shownCover().url} title={shownCover().title} />
                </Show>
                <div class="book-head__fields">
                  <Show
                    when={catalogueBook(current())}
                    fallback={
                      <BookDetailsFields
                        values={book}
                        setValues={(field, value) => setBook(field, value)}
                        error={(field) => message(bookForm.error(field))}
                        touch={bookForm.touch}
                        register={bookForm.register}
                      />
                    }
                  >
                    {(known) => (
                      <dl class="facts">
                        <div>
                          <dt>{t("addBook.bookTitle")}</dt>
                          <dd>{known().title}</dd>
                        </div>
                        <Show when={known().authors.length > 0}>
                          <div>
                            <dt>{t("addBook.authors")}</dt>
                            <dd>{known().authors.join(", ")}</dd>
                          </div>
                        </Show>
                        <Show when={known().year}>
                          <div>
                            <dt>{t("addBook.year")}</dt>
                            <dd>{known().year}</dd>
                          </div>
                        </Show>
                      </dl>
                    )}
                  </Show>
                  <Show when={isbnOf(current())}>
                    {(code) => <p class="field__hint">{t("addBook.isbnIs", { isbn: code() })}</p>}
                  </Show>
                </div>
              </div>
            </section>
            <section class="card" aria-labelledby="copy-heading">
              <h2 id="copy-heading">
                {copy.forAssociation ? t("addBook.copyHeadingShelf") : t("addBook.copyHeading")}
              </h2>
              <CopyFields
                idPrefix="copy"
                values={copy}
                setValues={setCopy}
                error={(field) => message(copyForm.error(field))}
                touch={copyForm.touch}
                register={copyForm.register}
                shelfChoice={officer() ? "add" : "none"}
                locations={locations.error ? [] : locations.latest}
              />
            </section>
            <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
            <p class="actions">
              <button type="submit" class="button" disabled={bookForm.busy()}>
                {bookForm.busy() ? t("addBook.submitting") : t("addBook.submit")}
              </button>
              <button type="button" class="button button--secondary" onClick={startOver}>
                {t("addBook.startOver")}
              </button>
            </p>
          </form>
        )}
      </Show>
      <p>
        <A href="/books">{t("book.back")}</A>
      </p>
    </>
  );
};

function catalogueBook(source: BookSource) {
  return source.kind === "catalogue" ? source.book : undefined;
}

function manualReason(source: BookSource) {
  return source.kind === "manual" ? source.reason : undefined;
}

function isbnOf(source: BookSource): string | null {
  if (source.kind === "catalogue") return source.book.isbn13;
  return source.isbn13;
}

export const AddBookPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("addBook.title")}>
      <Guard>
        <p class="lead">{t("addBook.intro")}</p>
        <AddBookForm />
      </Guard>
    </Page>
  );
};
