/** Books (editions) and copies (physical books) shared among members or kept on the shelf. */
import { z } from "zod";
import {
  LANGUAGE_TAG_MAX_LENGTH,
  NAME_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  SEARCH_TEXT_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  URL_MAX_LENGTH,
} from "../shared/limits.js";
import { IdSchema, InstantSchema, PageInputSchema } from "../shared/schemas.js";
import { Isbn13Schema, IsbnSchema } from "./isbn.js";

/** Co-authors listed on one edition; anthologies beyond this list "et al.". */
export const AUTHORS_MAX = 20;
/** Printing with movable type in Europe starts around 1450. */
export const BOOK_YEAR_MIN = 1450;
/** Forthcoming editions are announced a few years ahead at most. */
export const BOOK_YEAR_MAX = 2200;
/** Trust needed for a copy is a count of successful returns; 100 is "a regular". */
export const MIN_TRUST_MAX = 100;
/** An owner may lend for at most half a year. */
export const COPY_LOAN_DAYS_MAX = 183;

/** A book: one edition, identified by its ISBN-13 when it has one. */
export const BookSchema = z.object({
  id: IdSchema,
  /** Normalised ISBN-13; `null` for books without one (old or self-published). */
  isbn13: Isbn13Schema.nullable().default(null),
  title: z.string().trim().min(1).max(TITLE_MAX_LENGTH),
  authors: z.array(z.string().trim().min(1).max(NAME_MAX_LENGTH)).max(AUTHORS_MAX).default([]),
  year: z.number().int().min(BOOK_YEAR_MIN).max(BOOK_YEAR_MAX).nullable().default(null),
  /** BCP 47 language tag, e.g. `"en"`, `"zh-Hans"`. */
  language: z
    .string()
    .max(LANGUAGE_TAG_MAX_LENGTH)
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Expected a language tag such as en or zh-Hans")
    .nullable()
    .default(null),
  coverUrl: z
    .url({ protocol: /^https?$/ })
    .max(URL_MAX_LENGTH)
    .nullable()
    .default(null),
});

/** A book (parsed). */
export type Book = z.output<typeof BookSchema>;

/** Input of `books.lookupIsbn`. */
export const IsbnLookupInputSchema = z.object({ isbn: IsbnSchema });

/** Input of `books.search`: text over title, authors and ISBN, and copy filters. */
export const BookSearchInputSchema = PageInputSchema.extend({
  text: z.string().trim().max(SEARCH_TEXT_MAX_LENGTH).optional(),
  /** Language tag or its primary subtag: `zh` also finds `zh-Hans`. */
  language: z.string().max(LANGUAGE_TAG_MAX_LENGTH).optional(),
  /** Only books with a copy nobody has asked for right now. */
  availableNow: z.boolean().default(false),
  /** Only books with a copy shared in this mode. */
  mode: z.enum(["lend", "give"]).optional(),
  /** Only books on the association's shelves. */
  associationOnly: z.boolean().default(false),
});

/** Parsed input of `books.search`. */
export type BookSearchInput = z.output<typeof BookSearchInputSchema>;

/** Lend (comes back) or give (ownership moves to the borrower at hand-over). */
export const COPY_MODES = ["lend", "give"] as const;
/** A copy's sharing mode. */
export type CopyMode = (typeof COPY_MODES)[number];

/** Physical condition of a copy. */
export const COPY_CONDITIONS = ["new", "very_good", "good", "fair", "poor"] as const;
/** A copy's condition. */
export type CopyCondition = (typeof COPY_CONDITIONS)[number];

/** Who owns a copy: a member, or the association. */
export const CopyOwnerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("member"), memberId: IdSchema }),
  z.object({ kind: z.literal("association") }),
]);
/** A copy's owner. */
export type CopyOwner = z.output<typeof CopyOwnerSchema>;

/** Who keeps a copy between loans: its owner, or the association shelf at a location. */
export const CopyCustodianSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("owner") }),
  z.object({ kind: z.literal("shelf"), locationId: IdSchema }),
]);
/** A copy's custodian. */
export type CopyCustodian = z.output<typeof CopyCustodianSchema>;

const copyFields = {
  id: IdSchema,
  bookId: IdSchema,
  owner: CopyOwnerSchema,
  custodian: CopyCustodianSchema,
  mode: z.enum(COPY_MODES).default("lend"),
  condition: z.enum(COPY_CONDITIONS).default("good"),
  note: z.string().trim().max(NOTE_MAX_LENGTH).default(""),
  /** Shown to members in search; a hidden copy cannot be requested. */
  visible: z.boolean().default(true),
  /** Successful returns a borrower needs; `null` = anyone. */
  minTrust: z.number().int().min(0).max(MIN_TRUST_MAX).nullable().default(null),
  /** The owner's loan period; the tier's `loanDays` caps it. `null` = the tier's. */
  loanDays: z.number().int().min(1).max(COPY_LOAN_DAYS_MAX).nullable().default(null),
  withdrawnAt: InstantSchema.nullable().default(null),
};

// An association copy has no member to keep it at home: it lives on a shelf.
const associationOnShelf = (copy: { owner: CopyOwner; custodian: CopyCustodian }) =>
  copy.owner.kind === "member" || copy.custodian.kind === "shelf";
const SHELF_MESSAGE = { message: "Association copies are kept on a shelf", path: ["custodian"] };

/** A copy as stored. */
export const CopySchema = z.object(copyFields).refine(associationOnShelf, SHELF_MESSAGE);

/** A copy (parsed). */
export type Copy = z.output<typeof CopySchema>;

/** Copies of one book added in one go (a box of a class set); more is an import. */
export const COPIES_PER_ADD_MAX = 20;

/** A book typed in by hand (no ISBN, or the lookup found nothing): the edition's fields. */
export const ManualBookInputSchema = BookSchema.omit({ id: true, isbn13: true }).extend({
  /** An ISBN the lookup did not know; checked like any other. */
  isbn: IsbnSchema.optional(),
});

/** Parsed manual book fields. */
export type ManualBookInput = z.output<typeof ManualBookInputSchema>;

/**
 * Input of `books.addCopy`: the book by ISBN (looked up), an existing book id, or typed in
 * by hand (`book`), and the copy's settings; `quantity` identical copies at once.
 */
export const CopyCreateInputSchema = z
  .object({
    isbn: IsbnSchema.optional(),
    bookId: IdSchema.optional(),
    book: ManualBookInputSchema.optional(),
    quantity: z.number().int().min(1).max(COPIES_PER_ADD_MAX).default(1),
    /** Organizers add association copies (kept on a shelf); members add their own. */
    forAssociation: z.boolean().default(false),
    custodian: CopyCustodianSchema.default({ kind: "owner" }),
    mode: copyFields.mode,
    condition: copyFields.condition,
    note: copyFields.note,
    visible: copyFields.visible,
    minTrust: copyFields.minTrust,
    loanDays: copyFields.loanDays,
  })
  .refine(
    (input) =>
      [input.isbn, input.bookId, input.book].filter((given) => given !== undefined).length === 1,
    { message: "Give an ISBN, a book id, or the book's details", path: ["isbn"] },
  )
  .refine((input) => !input.forAssociation || input.custodian.kind === "shelf", SHELF_MESSAGE);

/** Parsed input of `books.addCopy`. */
export type CopyCreateInput = z.output<typeof CopyCreateInputSchema>;

/** Input of `books.updateCopy`: the id and the settings to change. */
export const CopyUpdateInputSchema = z
  .object({
    id: IdSchema,
    custodian: CopyCustodianSchema,
    mode: z.enum(COPY_MODES),
    condition: z.enum(COPY_CONDITIONS),
    note: z.string().trim().max(NOTE_MAX_LENGTH),
    visible: z.boolean(),
    minTrust: z.number().int().min(0).max(MIN_TRUST_MAX).nullable(),
    loanDays: z.number().int().min(1).max(COPY_LOAN_DAYS_MAX).nullable(),
  })
  .partial()
  .required({ id: true });

/** `true` when `memberId` owns the copy. */
export function isOwnCopy(copy: Pick<Copy, "owner">, memberId: string): boolean {
  return copy.owner.kind === "member" && copy.owner.memberId === memberId;
}

/** `true` when a copy can be asked for at all: not withdrawn and visible. */
export function isCopyListed(copy: Pick<Copy, "withdrawnAt" | "visible">): boolean {
  return !copy.withdrawnAt && copy.visible;
}
