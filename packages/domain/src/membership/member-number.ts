/** Member numbers: 8 digits whose last is a Luhn check digit, so kiosk typos are caught early. */
import { z } from "zod";
import { err, ok, type Refusal, type Result } from "../shared/result.js";

/** Digits in a member number, check digit included. */
export const MEMBER_NUMBER_LENGTH = 8;
/** Largest sequence value: 7 digits before the check digit. */
export const MEMBER_SEQUENCE_MAX = 9_999_999;

/** The Luhn check digit for a string of digits (the digit to append). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // Walk from the right; the digit next to the (future) check digit is doubled.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The member number for the `n`th member (a database sequence value, 1-based).
 *
 * @example memberNumberFromSequence(1234567) // "12345674"
 * @throws RangeError when `n` is not an integer in 1…9 999 999 (a programming error).
 */
export function memberNumberFromSequence(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MEMBER_SEQUENCE_MAX) {
    throw new RangeError(`Member sequence out of range: ${n}`);
  }
  const body = String(n).padStart(MEMBER_NUMBER_LENGTH - 1, "0");
  return body + luhnCheckDigit(body);
}

/** Refusal of {@link normalizeMemberNumber}. */
export type MemberNumberRefusal = Refusal<"INVALID_MEMBER_NUMBER">;

/**
 * Strips spaces and hyphens and checks length and check digit.
 *
 * @example normalizeMemberNumber("1234 5674") // { ok: true, value: "12345674" }
 */
export function normalizeMemberNumber(input: string): Result<string, MemberNumberRefusal> {
  const digits = input.replace(/[\s-]/g, "");
  if (!/^\d{8}$/.test(digits) || digits === "00000000") {
    return err("INVALID_MEMBER_NUMBER", "A member number has 8 digits.");
  }
  if (luhnCheckDigit(digits.slice(0, -1)) !== Number(digits.slice(-1))) {
    return err("INVALID_MEMBER_NUMBER", "The member number's check digit does not match.");
  }
  return ok(digits);
}

/** `true` when `input` (spaces and hyphens allowed) is a well-formed member number. */
export function isValidMemberNumber(input: string): boolean {
  return normalizeMemberNumber(input).ok;
}

/** Formats a member number for people: `"1234 5674"`. Invalid input is returned unchanged. */
export function formatMemberNumber(input: string): string {
  const result = normalizeMemberNumber(input);
  return result.ok ? `${result.value.slice(0, 4)} ${result.value.slice(4)}` : input;
}

/** A member number typed by a person; parses to the 8 bare digits. */
export const MemberNumberSchema = z
  .string()
  .max(20)
  .refine(isValidMemberNumber, "Invalid member number")
  .transform((value) => value.replace(/[\s-]/g, ""));
