/** A member's own details: names, phone, language, directory consent. */
import { z } from "zod";
import { PersonNameSchema } from "../shared/schemas.js";

/** The languages the association speaks (UI and e-mail). */
export const LOCALES = ["en", "zh-CN"] as const;
/** A supported language. */
export type Locale = (typeof LOCALES)[number];
/** A supported language tag. */
export const LocaleSchema = z.enum(LOCALES);

/** E.164 numbers have at most 15 digits; spaces, dashes and brackets make 32 plenty. */
export const PHONE_MAX_LENGTH = 32;

/** An optional phone number: digits with an optional leading +, spaces, dashes, brackets. */
export const PhoneSchema = z
  .string()
  .trim()
  .max(PHONE_MAX_LENGTH)
  .regex(/^\+?[0-9][0-9 ()-]{2,}$/, "Use digits, spaces, dashes and an optional leading +");

/** The member details a member may edit and an application asks for. */
export const MemberProfileInputSchema = z.object({
  firstName: PersonNameSchema,
  lastName: PersonNameSchema,
  /** Empty or absent means none. */
  phone: z
    .union([z.literal(""), PhoneSchema])
    .nullish()
    .transform((v) => v || null),
  /** Appear in the member directory (name only); off unless the member says so. */
  directoryConsent: z.boolean().default(false),
});
/** Parsed {@link MemberProfileInputSchema}. */
export type MemberProfileInput = z.output<typeof MemberProfileInputSchema>;

/**
 * Splits an account's display name into first and last name for a first application
 * form: the last word is the last name ("Ada King Lovelace" → "Ada King" + "Lovelace");
 * a name written without spaces in Chinese ("王芳") keeps its first character as the
 * family name, as Chinese names put it first.
 */
export function splitDisplayName(name: string): { firstName: string; lastName: string } {
  const trimmed = name.trim().replace(/\s+/g, " ");
  const space = trimmed.lastIndexOf(" ");
  if (space > 0) return { firstName: trimmed.slice(0, space), lastName: trimmed.slice(space + 1) };
  if (/^[\u3400-\u9fff]{2,4}$/.test(trimmed)) {
    return { firstName: trimmed.slice(1), lastName: trimmed.slice(0, 1) };
  }
  return { firstName: trimmed, lastName: "" };
}
