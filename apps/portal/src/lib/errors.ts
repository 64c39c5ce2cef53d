// Turns failures (better-auth codes, tRPC and domain codes, network trouble) into catalog keys.
import { en } from "../i18n/en.ts";
import type { MessageKey } from "../i18n/index.ts";
import type { AuthFailure } from "./auth.ts";

type AuthCode = keyof typeof en.errors.auth;

/** better-auth codes that mean the same thing to a reader share one message. */
const AUTH_ALIASES: Record<string, AuthCode> = {
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "USER_ALREADY_EXISTS",
  TOKEN_EXPIRED: "INVALID_TOKEN",
};

const isAuthCode = (code: string): code is AuthCode => Object.hasOwn(en.errors.auth, code);

export function authErrorKey(failure: AuthFailure): MessageKey {
  if (failure.status === 0) return "errors.network";
  if (failure.status === 429) return "errors.tooManyRequests";
  const code = failure.code && (AUTH_ALIASES[failure.code] ?? failure.code);
  if (code && isAuthCode(code)) return `errors.auth.${code}`;
  return "errors.generic";
}

const TRPC_CODES: Record<string, MessageKey> = {
  UNAUTHORIZED: "errors.unauthorized",
  FORBIDDEN: "errors.forbidden",
  NOT_FOUND: "errors.notFound",
  TOO_MANY_REQUESTS: "errors.tooManyRequests",
  BAD_REQUEST: "errors.badRequest",
  CONFLICT: "errors.conflict",
};

type DomainCode = keyof typeof en.errors.domain;
const isDomainCode = (code: string): code is DomainCode => Object.hasOwn(en.errors.domain, code);

interface TrpcErrorData {
  code?: string;
  domainCode?: string | null;
  details?: unknown;
}

function errorData(error: unknown): TrpcErrorData | undefined {
  if (typeof error !== "object" || error === null || !("data" in error)) return undefined;
  const data = (error as { data: unknown }).data;
  return typeof data === "object" && data !== null ? (data as TrpcErrorData) : undefined;
}

/** The tRPC code of an error (`UNAUTHORIZED`, …), if the server sent one. */
export function trpcCode(error: unknown): string | undefined {
  return errorData(error)?.code;
}

/** The domain code of a refused action (`RENEWAL_TOO_EARLY`, …), if it was one. */
export function domainCode(error: unknown): string | undefined {
  return errorData(error)?.domainCode ?? undefined;
}

/** The details a refusal carries (`{ opensOn }`, `{ missing, unknown }`, …); `{}` if none. */
export function errorDetails(error: unknown): Record<string, unknown> {
  const details = errorData(error)?.details;
  return typeof details === "object" && details !== null && !Array.isArray(details)
    ? (details as Record<string, unknown>)
    : {};
}

/**
 * A message for a failed tRPC call: the domain code's own text when there is one
 * (errors.domain.*), else the tRPC code's. No data at all means the request never got
 * an answer from our server.
 */
export function trpcErrorKey(error: unknown): MessageKey {
  const data = errorData(error);
  if (!data) return "errors.network";
  if (data.domainCode && isDomainCode(data.domainCode)) return `errors.domain.${data.domainCode}`;
  return (data.code && TRPC_CODES[data.code]) || "errors.generic";
}

/** The text of a domain code a rule returned in the browser (a preview), or a generic one. */
export function domainMessageKey(code: string): MessageKey {
  return isDomainCode(code) ? `errors.domain.${code}` : "errors.generic";
}
