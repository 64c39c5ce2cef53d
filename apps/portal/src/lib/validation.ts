// Client-side checks of the account forms, for instant feedback; the server checks again.
import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from "@readers/domain";
import type { Message } from "../i18n/index.ts";

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
