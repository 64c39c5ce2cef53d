// Client-side checks of the forms, for instant feedback; the server checks again. Where the
// domain has a schema for a field, the schema decides and this only picks the words.
import {
  CENTS_MAX,
  EMAIL_MAX_LENGTH,
  MemberProfileInputSchema,
  MembershipSuspendInputSchema,
  NAME_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PAYMENT_REFERENCE_MAX_LENGTH,
  PHONE_MAX_LENGTH,
  REASON_MAX_LENGTH,
  RecordPaymentInputSchema,
  TimeZoneSchema,
} from "@readers/domain";
import type { Message, MessageKey } from "../i18n/index.ts";
import { parseAmount } from "./money.ts";

// The same limits better-auth enforces on the server (apps/api/src/auth.ts).
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

// One "@", something on each side, a dot in the domain: what a person can fix by looking.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkName(value: string): Message | undefined {
  const name = value.trim();
  if (!name) return { key: "validation.nameRequired" };
  if (name.length > NAME_MAX_LENGTH)
    return { key: "validation.nameTooLong", params: { max: NAME_MAX_LENGTH } };
  return undefined;
}

export function checkEmail(value: string): Message | undefined {
  const email = value.trim();
  if (!email) return { key: "validation.emailRequired" };
  if (email.length > EMAIL_MAX_LENGTH)
    return { key: "validation.emailTooLong", params: { max: EMAIL_MAX_LENGTH } };
  if (!EMAIL_SHAPE.test(email)) return { key: "validation.emailInvalid" };
  return undefined;
}

/** A password being chosen (sign up, reset). better-auth counts UTF-16 code units too. */
export function checkNewPassword(value: string): Message | undefined {
  if (!value) return { key: "validation.passwordRequired" };
  if (value.length < PASSWORD_MIN_LENGTH)
    return { key: "validation.passwordTooShort", params: { min: PASSWORD_MIN_LENGTH } };
  if (value.length > PASSWORD_MAX_LENGTH)
    return { key: "validation.passwordTooLong", params: { max: PASSWORD_MAX_LENGTH } };
  return undefined;
}

/** A password being entered to sign in: only its presence is ours to judge. */
export function checkPasswordPresent(value: string): Message | undefined {
  return value ? undefined : { key: "validation.passwordRequired" };
}

export function checkConfirmation(password: string, confirmation: string): Message | undefined {
  if (!confirmation) return { key: "validation.confirmRequired" };
  if (confirmation !== password) return { key: "validation.confirmMismatch" };
  return undefined;
}

/**
 * Where to go after signing in: only a path on this site ("/notifications"), never
 * "//evil.example" or "https://…", so the parameter cannot become an open redirect.
 */
export function safeNextPath(value: string | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return "/";
  }
  return value;
}

const profile = MemberProfileInputSchema.shape;

/** A first or last name of a member (the domain's PersonNameSchema). */
export function checkPersonName(value: string, requiredKey: MessageKey): Message | undefined {
  if (profile.firstName.safeParse(value).success) return undefined;
  if (!value.trim()) return { key: requiredKey };
  return { key: "validation.nameFieldTooLong", params: { max: NAME_MAX_LENGTH } };
}

/** An optional phone number (the domain's PhoneSchema; empty is fine). */
export function checkPhone(value: string): Message | undefined {
  if (profile.phone.safeParse(value).success) return undefined;
  if (value.trim().length > PHONE_MAX_LENGTH)
    return { key: "validation.phoneTooLong", params: { max: PHONE_MAX_LENGTH } };
  return { key: "validation.phoneInvalid" };
}

/** A location's name (locations.save: required, at most NAME_MAX_LENGTH). */
export function checkLocationName(value: string): Message | undefined {
  const name = value.trim();
  if (!name) return { key: "validation.locationNameRequired" };
  if (name.length > NAME_MAX_LENGTH)
    return { key: "validation.textTooLong", params: { max: NAME_MAX_LENGTH } };
  return undefined;
}

/** A location's optional address (at most NOTE_MAX_LENGTH). */
export function checkLocationAddress(value: string): Message | undefined {
  if (value.trim().length > NOTE_MAX_LENGTH)
    return { key: "validation.textTooLong", params: { max: NOTE_MAX_LENGTH } };
  return undefined;
}

/** The reason for a suspension: required, the member is told. */
export function checkReason(value: string): Message | undefined {
  if (MembershipSuspendInputSchema.shape.reason.safeParse(value).success) return undefined;
  if (!value.trim()) return { key: "validation.reasonRequired" };
  return { key: "validation.reasonTooLong", params: { max: REASON_MAX_LENGTH } };
}

/** A payment's optional reference. */
export function checkReference(value: string): Message | undefined {
  if (RecordPaymentInputSchema.shape.reference.safeParse(value).success) return undefined;
  return { key: "validation.referenceTooLong", params: { max: PAYMENT_REFERENCE_MAX_LENGTH } };
}

/** An amount typed in currency units; the domain bounds it in cents. */
export function checkAmount(value: string): Message | undefined {
  const cents = parseAmount(value);
  if (cents === undefined) return { key: "validation.amountInvalid" };
  if (!RecordPaymentInputSchema.shape.amountCents.safeParse(cents).success)
    return { key: "validation.amountTooLarge", params: { max: CENTS_MAX / 100 } };
  return undefined;
}

/** An IANA time zone this browser knows (the domain's TimeZoneSchema). */
export function checkTimeZone(value: string): Message | undefined {
  return TimeZoneSchema.safeParse(value.trim()).success
    ? undefined
    : { key: "validation.timeZoneInvalid" };
}
