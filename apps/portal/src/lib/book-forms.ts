// The add-a-book and edit-a-copy forms: their text fields to books.addCopy / updateCopy
// input, checked against the domain's limits as they are typed (the server checks again).
import {
  AUTHORS_MAX,
  BOOK_YEAR_MAX,
  BOOK_YEAR_MIN,
  COPIES_PER_ADD_MAX,
  COPY_LOAN_DAYS_MAX,
  type CopyCondition,
  type CopyMode,
  MIN_TRUST_MAX,
  NAME_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from "@readers/domain";
import type { Message } from "../i18n/index.ts";
import type { BookView, CopyView, IsbnLookupAnswer } from "./books.ts";
import { isWholeNumberIn, wholeNumber } from "./numbers.ts";

// ------------------------------------------------------------------------------ the book

export interface BookFormValues {
  title: string;
  /** One author per line. */
  authors: string;
  year: string;
  /** A language tag, or "" for not set. */
  language: string;
  /** From a lookup; not typed (shown as a preview). */
  coverUrl: string | null;
  /** The ISBN-13 the details belong to, if any. */
  isbn13: string | null;
}

export type BookField = "title" | "authors" | "year";
export const BOOK_FIELDS: readonly BookField[] = ["title", "authors", "year"];

export function emptyBookForm(isbn13: string | null = null): BookFormValues {
  return { title: "", authors: "", year: "", language: "", coverUrl: null, isbn13 };
}

/** The form prefilled from what a lookup found. */
export function bookFormFromLookup(
  book: Pick<BookView, "title" | "authors" | "year" | "language" | "coverUrl">,
  isbn13: string,
): BookFormValues {
  return {
    title: book.title,
    authors: book.authors.join("\n"),
    year: book.year === null ? "" : String(book.year),
    language: book.language ?? "",
    coverUrl: book.coverUrl,
    isbn13,
  };
}

const authorLines = (text: string): string[] =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

export function checkBookField(values: BookFormValues, field: BookField): Message | undefined {
  switch (field) {
    case "title": {
      const title = values.title.trim();
      if (!title) return { key: "validation.titleRequired" };
      if (title.length > TITLE_MAX_LENGTH)
        return { key: "validation.textTooLong", params: { max: TITLE_MAX_LENGTH } };
      return undefined;
    }
    case "authors": {
      const lines = authorLines(values.authors);
      if (lines.length > AUTHORS_MAX)
        return { key: "validation.listTooLong", params: { max: AUTHORS_MAX } };
      if (lines.some((line) => line.length > NAME_MAX_LENGTH))
        return { key: "validation.listItemTooLong", params: { max: NAME_MAX_LENGTH } };
      return undefined;
    }
    case "year":
      if (values.year.trim() === "") return undefined;
      return isWholeNumberIn(values.year, { min: BOOK_YEAR_MIN, max: BOOK_YEAR_MAX })
        ? undefined
        : { key: "validation.wholeNumber", params: { min: BOOK_YEAR_MIN, max: BOOK_YEAR_MAX } };
  }
}

/** The `book` of books.addCopy: an edition typed in (or confirmed after a lookup). */
export function manualBookInput(values: BookFormValues) {
  return {
    title: values.title.trim(),
    authors: authorLines(values.authors),
    year: values.year.trim() === "" ? null : wholeNumber(values.year),
    language: values.language || null,
    coverUrl: values.coverUrl,
    ...(values.isbn13 ? { isbn: values.isbn13 } : {}),
  };
}

/**
 * Where the book of a new copy comes from after a lookup: the catalogue's edition (its id),
 * details to confirm (found by the lookup service), or details to type in.
 */
export type BookSource =
  | { kind: "catalogue"; bookId: string; book: BookView }
  | { kind: "found"; isbn13: string }
  | { kind: "manual"; isbn13: string | null; reason: "unknown" | "unavailable" | "no_isbn" };

export function bookSourceOf(answer: IsbnLookupAnswer): BookSource {
  if (!answer.found) return { kind: "manual", isbn13: answer.isbn13, reason: answer.reason };
  if (answer.source === "catalogue" && answer.bookId) {
    return { kind: "catalogue", bookId: answer.bookId, book: answer.book as BookView };
  }
  return { kind: "found", isbn13: answer.isbn13 };
}

// ------------------------------------------------------------------------------ the copy

export interface CopyFormValues {
  mode: CopyMode;
  condition: CopyCondition;
  note: string;
  /** Empty: the borrower's tier decides. */
  loanDays: string;
  /** Empty: anyone. */
  minTrust: string;
  visible: boolean;
  /** Officers: an association copy on a location's shelf. */
  forAssociation: boolean;
  locationId: string;
  quantity: string;
}

export type CopyField = "note" | "loanDays" | "minTrust" | "locationId" | "quantity";
export const COPY_FIELDS: readonly CopyField[] = [
  "note",
  "loanDays",
  "minTrust",
  "locationId",
  "quantity",
];

export function copyFormValues(copy?: CopyView): CopyFormValues {
  return {
    mode: copy?.mode ?? "lend",
    condition: copy?.condition ?? "good",
    note: copy?.note ?? "",
    loanDays: copy?.loanDays == null ? "" : String(copy.loanDays),
    minTrust: copy?.minTrust == null ? "" : String(copy.minTrust),
    visible: copy?.visible ?? true,
    forAssociation: copy ? copy.owner.kind === "association" : false,
    locationId: copy?.shelf?.locationId ?? "",
    quantity: "1",
  };
}

const optionalWhole = (text: string, min: number, max: number): Message | undefined =>
  text.trim() === "" || isWholeNumberIn(text, { min, max })
    ? undefined
    : { key: "validation.wholeNumber", params: { min, max } };

/** The note's length as the server counts it (trimmed). */
export const noteLength = (note: string): number => note.trim().length;

export function checkCopyField(values: CopyFormValues, field: CopyField): Message | undefined {
  switch (field) {
    case "note":
      return noteLength(values.note) > NOTE_MAX_LENGTH
        ? { key: "validation.textTooLong", params: { max: NOTE_MAX_LENGTH } }
        : undefined;
    case "loanDays":
      return optionalWhole(values.loanDays, 1, COPY_LOAN_DAYS_MAX);
    case "minTrust":
      return optionalWhole(values.minTrust, 0, MIN_TRUST_MAX);
    case "locationId":
      return values.forAssociation && !values.locationId
        ? { key: "validation.locationRequired" }
        : undefined;
    case "quantity":
      return isWholeNumberIn(values.quantity, { min: 1, max: COPIES_PER_ADD_MAX })
        ? undefined
        : { key: "validation.wholeNumber", params: { min: 1, max: COPIES_PER_ADD_MAX } };
  }
}

const optionalNumber = (text: string): number | null =>
  text.trim() === "" ? null : wholeNumber(text);

/** The copy settings both procedures take. */
function copySettings(values: CopyFormValues) {
  return {
    mode: values.mode,
    condition: values.condition,
    note: values.note.trim(),
    visible: values.visible,
    loanDays: optionalNumber(values.loanDays),
    minTrust: optionalNumber(values.minTrust),
  };
}

/** books.addCopy input, but for the book (an ISBN, an id or typed details). */
export function copyCreateFields(values: CopyFormValues) {
  return {
    ...copySettings(values),
    quantity: values.forAssociation ? wholeNumber(values.quantity) : 1,
    forAssociation: values.forAssociation,
    custodian: values.forAssociation
      ? { kind: "shelf" as const, locationId: values.locationId }
      : { kind: "owner" as const },
  };
}

/** books.updateCopy input; an association copy may move to another shelf. */
export function copyUpdateInput(values: CopyFormValues, copy: CopyView) {
  const moved =
    copy.owner.kind === "association" &&
    values.locationId !== "" &&
    values.locationId !== copy.shelf?.locationId;
  return {
    id: copy.id,
    ...copySettings(values),
    ...(moved ? { custodian: { kind: "shelf" as const, locationId: values.locationId } } : {}),
  };
}
