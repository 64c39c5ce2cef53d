/** The one shape every domain rule returns: a value, or a refusal with a stable code. */

/** A successful decision. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

/**
 * A refusal: a stable machine-readable `code`, an English `message` for developers and
 * logs (people see the frontends' translation of `code`), and optional details.
 */
export type Refusal<C extends string, D extends object = object> = {
  readonly code: C;
  readonly message: string;
} & Readonly<D>;

/** A refused decision as returned by a rule. */
export type Err<E extends { readonly code: string }> = { readonly ok: false } & E;

/**
 * `{ ok: true, value } | { ok: false, code, message, … }`.
 *
 * @typeParam T - the decision when allowed.
 * @typeParam E - the union of refusals the rule may return.
 */
export type Result<T, E extends { readonly code: string }> = Ok<T> | Err<E>;

/** Wraps a value as a successful {@link Result}. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/**
 * Builds a refusal.
 *
 * @param code - stable code, e.g. `"ACTIVITY_FULL"`.
 * @param message - English explanation for developers and logs.
 * @param details - extra fields a client may need (e.g. `locationId` for `WRONG_LOCATION`).
 */
export function err<C extends string, D extends object = object>(
  code: C,
  message: string,
  details?: D,
): { readonly ok: false; readonly code: C; readonly message: string } & Readonly<D> {
  return { ...(details as D), ok: false, code, message };
}

/** Narrowing helper: `true` when the result is a refusal. */
export function isErr<T, E extends { readonly code: string }>(
  result: Result<T, E>,
): result is Err<E> {
  return !result.ok;
}
