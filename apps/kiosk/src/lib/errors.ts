// Sorts a failed server call into what the kiosk does next: queue it (network), forget the
// device (revoked), explain a refusal (domain code), or ask to slow down.
import { TRPCClientError } from "@trpc/client";

export type Failure =
  /** No answer: the network or the server is down. Check-ins are queued. */
  | { kind: "network" }
  /** The device token is unknown or revoked: back to the pairing screen. */
  | { kind: "revoked" }
  /** The server decided no, with a stable code and details for the message. */
  | { kind: "refused"; code: string; details: Record<string, unknown> }
  /** Too many attempts (name search, pairing codes). */
  | { kind: "rate-limited" }
  /** The server answered but failed (5xx): worth retrying later. */
  | { kind: "server" }
  /** Anything else the server rejected (bad input): not worth retrying. */
  | { kind: "rejected"; message: string };

interface ErrorData {
  code?: string;
  httpStatus?: number;
  domainCode?: string | null;
  details?: Record<string, unknown> | null;
}

export function classifyFailure(error: unknown): Failure {
  if (!(error instanceof TRPCClientError)) {
    // fetch() rejects with a TypeError when offline; our own code throws nothing else here.
    return error instanceof TypeError ? { kind: "network" } : { kind: "server" };
  }
  const data = error.data as ErrorData | undefined;
  // No error shape at all: the request never reached the API (offline, proxy page, reset).
  if (!data) return { kind: "network" };
  if (data.domainCode === "KIOSK_REVOKED") return { kind: "revoked" };
  if (data.domainCode) {
    return { kind: "refused", code: data.domainCode, details: data.details ?? {} };
  }
  if (data.httpStatus === 401 || data.code === "UNAUTHORIZED") return { kind: "revoked" };
  if (data.code === "TOO_MANY_REQUESTS") return { kind: "rate-limited" };
  if ((data.httpStatus ?? 500) >= 500) return { kind: "server" };
  return { kind: "rejected", message: error.message };
}
