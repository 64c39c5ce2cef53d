/** The association shelf: label codes printed on its copies, and what a kiosk scan means. */
import { z } from "zod";
import { CARD_PAYLOAD_MAX_LENGTH } from "../membership/card.js";
import { MemberNumberSchema } from "../membership/member-number.js";
import { IdSchema } from "../shared/schemas.js";
import { ISBN_INPUT_MAX_LENGTH, normalizeIsbn } from "./isbn.js";

/**
 * Characters of a label code: digits and capitals without 0/O, 1/I/L, so a volunteer can
 * type a scuffed label, and nothing a keyboard-wedge scanner could type differently on
 * another keyboard layout (no punctuation).
 */
export const LABEL_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** Every label starts so; an ISBN (digits only) is never taken for a label. */
export const LABEL_CODE_PREFIX = "RB";
/** Random characters after the prefix: 31^6 ≈ 887 million codes, short enough for Code 128. */
export const LABEL_CODE_RANDOM_LENGTH = 6;

const LABEL_CODE_PATTERN = new RegExp(
  `^${LABEL_CODE_PREFIX}[${LABEL_CODE_ALPHABET}]{${LABEL_CODE_RANDOM_LENGTH}}$`,
);

/**
 * A label code from {@link LABEL_CODE_RANDOM_LENGTH} random numbers (the caller draws them;
 * each is taken modulo the alphabet's size).
 *
 * @example labelCodeFrom([0, 1, 2, 3, 4, 5]) // "RB234567"
 */
export function labelCodeFrom(randoms: readonly number[]): string {
  if (randoms.length !== LABEL_CODE_RANDOM_LENGTH) {
    throw new RangeError(`Expected ${LABEL_CODE_RANDOM_LENGTH} random numbers`);
  }
  const n = LABEL_CODE_ALPHABET.length;
  return (
    LABEL_CODE_PREFIX +
    randoms.map((r) => LABEL_CODE_ALPHABET[((Math.trunc(r) % n) + n) % n]).join("")
  );
}

/** `true` for a well-formed label code (upper case, as printed). */
export function isLabelCode(code: string): boolean {
  return LABEL_CODE_PATTERN.test(code);
}

/** What a scanned or typed shelf barcode names. */
export type ShelfBarcode = { kind: "label"; code: string } | { kind: "isbn"; isbn13: string };

/**
 * Reads a barcode scanned at the kiosk: a copy's label code (any case, spaces ignored) or
 * the EAN-13 / ISBN printed on the book; `null` when it is neither.
 *
 * @example parseShelfBarcode("rb 234567") // { kind: "label", code: "RB234567" }
 * @example parseShelfBarcode("9780306406157") // { kind: "isbn", isbn13: "9780306406157" }
 */
export function parseShelfBarcode(scan: string): ShelfBarcode | null {
  const compact = scan.replace(/\s/g, "").toUpperCase();
  if (isLabelCode(compact)) return { kind: "label", code: compact };
  const isbn = normalizeIsbn(compact);
  return isbn.ok ? { kind: "isbn", isbn13: isbn.value } : null;
}

/** A shelf barcode as the kiosk sends it. */
export const ShelfBarcodeSchema = z.string().trim().min(1).max(ISBN_INPUT_MAX_LENGTH);

/** Who borrows at the kiosk: the member card's QR code, or the member number typed in. */
export const ShelfCredentialSchema = z.union([
  z.object({ qr: z.string().min(1).max(CARD_PAYLOAD_MAX_LENGTH) }).strict(),
  z.object({ memberNumber: MemberNumberSchema }).strict(),
]);

/** Input of `kiosk.borrow`: card, book, and the kiosk's id for this scan (re-sent = no-op). */
export const KioskBorrowInputSchema = z.object({
  credential: ShelfCredentialSchema,
  barcode: ShelfBarcodeSchema,
  clientId: IdSchema,
});

/** Input of `kiosk.return`: the book, and the kiosk's id for this scan. */
export const KioskReturnInputSchema = z.object({
  barcode: ShelfBarcodeSchema,
  clientId: IdSchema,
});
