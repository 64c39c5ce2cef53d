// Domain refusals on the wire: one table maps each domain code to a tRPC code, and the
// code itself travels in error.data.domainCode so clients translate it (never the message).
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/unstable-core-do-not-import";

/** The cause attached to a refused action's TRPCError. */
export class DomainRefusal extends Error {
  constructor(
    readonly domainCode: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainRefusal";
  }
}

export type TrpcCode = Extract<
  TRPC_ERROR_CODE_KEY,
  "FORBIDDEN" | "CONFLICT" | "BAD_REQUEST" | "PRECONDITION_FAILED" | "NOT_FOUND" | "UNAUTHORIZED" | "TOO_MANY_REQUESTS"
>;
