/** Withdrawing a copy from sharing. */
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import type { Copy } from "./book.js";

/** Refusals of {@link decideCopyWithdrawal}. */
export type CopyWithdrawalRefusal =
  | Refusal<"COPY_ON_LOAN">
  | Refusal<"COPY_UNAVAILABLE", { canQueue: false }>;

/**
 * Decides withdrawing a copy: not while a loan on it is accepted or on loan (it must
 * come back first), not twice. Open requests and queue places are ended by the caller
 * (`dropRequests`), and their members notified.
 */
export function decideCopyWithdrawal(input: {
  readonly copy: Pick<Copy, "withdrawnAt">;
  /** State of the copy's open loan, if any. */
  readonly openLoanState: "requested" | "accepted" | "on_loan" | null;
}): Result<{ dropRequests: boolean }, CopyWithdrawalRefusal> {
  if (input.copy.withdrawnAt) {
    return err("COPY_UNAVAILABLE", "This copy is already withdrawn.", { canQueue: false as const });
  }
  if (input.openLoanState === "accepted" || input.openLoanState === "on_loan") {
    return err("COPY_ON_LOAN", "This copy is promised or lent; withdraw it once it is back.");
  }
  return ok({ dropRequests: true });
}
