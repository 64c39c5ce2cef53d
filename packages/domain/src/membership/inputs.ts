/** Inputs of the `memberships.*` procedures that change a membership. */
import { z } from "zod";
import { CENTS_MAX, REASON_MAX_LENGTH } from "../shared/limits.js";
import { IdSchema, InstantSchema } from "../shared/schemas.js";
import { MemberProfileInputSchema } from "./profile.js";

/** Input of `memberships.apply`: the tier chosen and the applicant's member details. */
export const MembershipApplyInputSchema = z.object({
  tierId: IdSchema,
  profile: MemberProfileInputSchema,
});

/** Input of `memberships.renew`: optionally into another tier. */
export const MembershipRenewInputSchema = z.object({ tierId: IdSchema.optional() });

/** Input of `memberships.approve` and `memberships.reinstate`. */
export const MembershipIdInputSchema = z.object({ membershipId: IdSchema });

/** Input of `memberships.suspend`: a reason is required (the member is told why). */
export const MembershipSuspendInputSchema = z.object({
  membershipId: IdSchema,
  reason: z.string().trim().min(1).max(REASON_MAX_LENGTH),
});

/** How a fee was paid (recorded, not charged online). */
export const PAYMENT_METHODS = ["cash", "bank_transfer", "card", "mobile", "other"] as const;
/** A payment method. */
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** A receipt number or transfer reference is short; longer text belongs in a note. */
export const PAYMENT_REFERENCE_MAX_LENGTH = 100;

/** Input of `memberships.recordPayment`: fees are recorded, not charged online. */
export const RecordPaymentInputSchema = z.object({
  membershipId: IdSchema,
  amountCents: z.number().int().min(0).max(CENTS_MAX),
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().trim().max(PAYMENT_REFERENCE_MAX_LENGTH).default(""),
  /** When the money was received; the API uses now when absent. */
  paidAt: InstantSchema.optional(),
});
