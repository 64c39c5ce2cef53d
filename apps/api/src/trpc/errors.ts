// Domain refusals on the wire: one table maps each domain code to a tRPC code, and the
// code itself travels in error.data.domainCode so clients translate it (never the message).
import { type DomainCode, domainCodeHttpKind } from "@readers/domain";
import { TRPCError } from "@trpc/server";

/** The cause attached to a refused action's TRPCError (read by the error formatter). */
export class DomainRefusal extends Error {
  constructor(
    readonly domainCode: DomainCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainRefusal";
  }
}

export type TrpcCode =
  | "FORBIDDEN"
  | "CONFLICT"
  | "BAD_REQUEST"
  | "PRECONDITION_FAILED"
  | "NOT_FOUND";

/**
 * Domain code → tRPC code. The domain suggests a kind per code; this is the API's one
 * place to decide otherwise. Typed over every DomainCode, so a new code cannot be missed.
 */
export const domainCodeToTrpc: Readonly<Record<DomainCode, TrpcCode>> = { ...domainCodeHttpKind };

/** The TRPCError for a domain refusal (`{ ok: false, code, message, ...details }`). */
export function domainError(
  refusal: { code: DomainCode; message: string } & Record<string, unknown>,
): TRPCError {
  const { code, message, ok: _ok, ...details } = refusal;
  return new TRPCError({
    code: domainCodeToTrpc[code],
    message,
    cause: new DomainRefusal(code, message, details),
  });
}

/** Returns a rule's value, or throws its refusal as a typed tRPC error. */
export function unwrap<T>(
  result:
    | { ok: true; value: T }
    | ({ ok: false; code: DomainCode; message: string } & Record<string, unknown>),
): T {
  if (result.ok) return result.value;
  throw domainError(result);
}
