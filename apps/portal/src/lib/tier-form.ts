// The tier form's text fields to a TierInput, judged by the domain's TierInputSchema; this
// only turns each issue into words, with the limits read from the schema itself.
import {
  CENTS_MAX,
  FixedTermSchema,
  NAME_MAX_LENGTH,
  RollingTermSchema,
  type Term,
  type Tier,
  TierInputSchema,
} from "@readers/domain";
import type { Message } from "../i18n/index.ts";
import { amountInput, parseAmount } from "./money.ts";
import { bounds, wholeNumber as number } from "./numbers.ts";

export const TIER_NUMBER_FIELDS = [
  "graceDays",
  "loanLimit",
  "loanDays",
  "maxRenewals",
  "holdLimit",
] as const;
type NumberField = (typeof TIER_NUMBER_FIELDS)[number];

export type TierField = "name" | "months" | "endMonth" | "endDay" | "fee" | NumberField;

export interface TierFormValues {
  name: string;
  kind: Term["kind"];
  months: string;
  endMonth: string;
  endDay: string;
  fee: string;
  graceDays: string;
  loanLimit: string;
  loanDays: string;
  maxRenewals: string;
  holdLimit: string;
  requiresApproval: boolean;
}

/** What saveTier takes besides the id. */
export type TierInput = Omit<Tier, "id">;

const FIELD_BOUNDS: Record<"months" | "endDay" | NumberField, { min: number; max: number }> = {
  months: bounds(RollingTermSchema.shape.months),
  endDay: bounds(FixedTermSchema.shape.endDay),
  graceDays: bounds(TierInputSchema.shape.graceDays),
  loanLimit: bounds(TierInputSchema.shape.loanLimit),
  loanDays: bounds(TierInputSchema.shape.loanDays),
  maxRenewals: bounds(TierInputSchema.shape.maxRenewals),
  holdLimit: bounds(TierInputSchema.shape.holdLimit),
};

/** The form's values as the input saveTier takes (unchecked). */
function candidate(values: TierFormValues) {
  return {
    name: values.name,
    term:
      values.kind === "rolling"
        ? { kind: "rolling" as const, months: number(values.months) }
        : {
            kind: "fixed" as const,
            endMonth: number(values.endMonth),
            endDay: number(values.endDay),
          },
    feeCents: parseAmount(values.fee) ?? Number.NaN,
    graceDays: number(values.graceDays),
    loanLimit: number(values.loanLimit),
    loanDays: number(values.loanDays),
    maxRenewals: number(values.maxRenewals),
    holdLimit: number(values.holdLimit),
    requiresApproval: values.requiresApproval,
  };
}

function fieldOf(path: readonly PropertyKey[]): TierField | undefined {
  const [first, second] = path;
  if (first === "term") return second === "endMonth" || second === "endDay" ? second : "months";
  if (first === "feeCents") return "fee";
  if (first === "name") return "name";
  return TIER_NUMBER_FIELDS.find((field) => field === first);
}

function messageFor(field: TierField, values: TierFormValues): Message {
  switch (field) {
    case "name":
      return values.name.trim()
        ? { key: "validation.nameFieldTooLong", params: { max: NAME_MAX_LENGTH } }
        : { key: "validation.tierNameRequired" };
    case "fee":
      return parseAmount(values.fee) === undefined
        ? { key: "validation.amountInvalid" }
        : { key: "validation.amountTooLarge", params: { max: CENTS_MAX / 100 } };
    case "endMonth":
      return { key: "validation.wholeNumber", params: { min: 1, max: 12 } };
    case "endDay": {
      const day = number(values.endDay);
      const { min, max } = FIELD_BOUNDS.endDay;
      return Number.isInteger(day) && day >= min && day <= max
        ? { key: "validation.dayNotInMonth" }
        : { key: "validation.wholeNumber", params: { min, max } };
    }
    default:
      return { key: "validation.wholeNumber", params: FIELD_BOUNDS[field] };
  }
}

/** Each field's problem (the first one), or the parsed input when there is none. */
export function checkTierForm(
  values: TierFormValues,
): { ok: true; input: TierInput } | { ok: false; problems: Partial<Record<TierField, Message>> } {
  const result = TierInputSchema.safeParse(candidate(values));
  if (result.success) return { ok: true, input: result.data };
  const problems: Partial<Record<TierField, Message>> = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path);
    if (field && !problems[field]) problems[field] = messageFor(field, values);
  }
  return { ok: false, problems };
}

/** The form's values for an existing tier, or the domain's defaults for a new one. */
export function tierFormValues(tier?: TierInput): TierFormValues {
  const defaults = TierInputSchema.parse({ name: "-", term: { kind: "rolling", months: 12 } });
  const source = tier ?? defaults;
  return {
    name: tier?.name ?? "",
    kind: source.term.kind,
    months: source.term.kind === "rolling" ? String(source.term.months) : "12",
    endMonth: source.term.kind === "fixed" ? String(source.term.endMonth) : "8",
    endDay: source.term.kind === "fixed" ? String(source.term.endDay) : "31",
    fee: amountInput(source.feeCents),
    graceDays: String(source.graceDays),
    loanLimit: String(source.loanLimit),
    loanDays: String(source.loanDays),
    maxRenewals: String(source.maxRenewals),
    holdLimit: String(source.holdLimit),
    requiresApproval: source.requiresApproval,
  };
}
