/** ISBN-10 and ISBN-13: validation, and normalisation to bare ISBN-13 digits. */
import { z } from "zod";
import { err, ok, type Refusal, type Result } from "../shared/result.js";

/** Longest input accepted: 13 digits plus hyphens/spaces between every group and some slack. */
export const ISBN_INPUT_MAX_LENGTH = 32;

/** Refusal of {@link normalizeIsbn}. */
export type IsbnRefusal = Refusal<"INVALID_ISBN">;

function isbn10CheckOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const c = digits[i] as string;
    sum += (c === "X" ? 10 : Number(c)) * (10 - i);
  }
  return sum % 11 === 0;
}

/** The ISBN-13 / EAN-13 check digit of the first 12 digits. */
export function isbn13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/**
 * Validates an ISBN-10 or ISBN-13 (hyphens and spaces allowed, `x` for the ISBN-10 check
 * digit) and returns its 13 bare digits; an ISBN-10 becomes `978…` with a new check digit.
 *
 * @example normalizeIsbn("0-306-40615-2") // { ok: true, value: "9780306406157" }
 */
export function normalizeIsbn(input: string): Result<string, IsbnRefusal> {
  const invalid = err("INVALID_ISBN", "Not a valid ISBN.");
  if (input.length > ISBN_INPUT_MAX_LENGTH) return invalid;
  const compact = input.replace(/[\s-]/g, "").toUpperCase();
  if (/^\d{9}[\dX]$/.test(compact)) {
    if (!isbn10CheckOk(compact)) return invalid;
    const first12 = `978${compact.slice(0, 9)}`;
    return ok(first12 + isbn13CheckDigit(first12));
  }
  if (/^97[89]\d{10}$/.test(compact)) {
    if (isbn13CheckDigit(compact.slice(0, 12)) !== Number(compact[12])) return invalid;
    return ok(compact);
  }
  return invalid;
}

/** `true` for a valid ISBN-10 or ISBN-13. */
export function isValidIsbn(input: string): boolean {
  return normalizeIsbn(input).ok;
}

/** An ISBN typed or scanned by a person; parses to 13 bare digits. */
export const IsbnSchema = z
  .string()
  .max(ISBN_INPUT_MAX_LENGTH)
  // The domain code travels with the validation error, so clients translate it as they do
  // a refusal (the API's error formatter reads `params.domainCode`).
  .refine(isValidIsbn, { message: "Invalid ISBN", params: { domainCode: "INVALID_ISBN" } })
  // The refinement above guarantees success.
  .transform((value) => (normalizeIsbn(value) as { value: string }).value);

/** A stored ISBN-13: 13 digits with a valid check digit. */
export const Isbn13Schema = z
  .string()
  .regex(/^97[89]\d{10}$/, "Expected 13 digits")
  .refine(isValidIsbn, "Invalid ISBN-13 check digit");
