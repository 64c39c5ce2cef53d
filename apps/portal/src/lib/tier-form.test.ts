import { describe, expect, it } from "vitest";
import { checkTierForm, tierFormValues } from "./tier-form.ts";

describe("tier form", () => {
  it("starts a new tier from the domain's defaults", () => {
    expect(tierFormValues()).toMatchObject({
      name: "",
      kind: "rolling",
      months: "12",
      fee: "0.00",
      graceDays: "30",
      loanLimit: "3",
      loanDays: "21",
      maxRenewals: "1",
      holdLimit: "3",
      requiresApproval: false,
    });
  });

  it("parses a valid form into the saveTier input, fee in cents", () => {
    const result = checkTierForm({
      ...tierFormValues(),
      name: " Student ",
      kind: "fixed",
      endMonth: "8",
      endDay: "31",
      fee: "25.5",
    });
    expect(result).toEqual({
      ok: true,
      input: {
        name: "Student",
        term: { kind: "fixed", endMonth: 8, endDay: 31 },
        feeCents: 2550,
        graceDays: 30,
        loanLimit: 3,
        loanDays: 21,
        maxRenewals: 1,
        holdLimit: 3,
        requiresApproval: false,
      },
    });
  });

  it("words each problem with the schema's own limits", () => {
    const result = checkTierForm({
      ...tierFormValues(),
      months: "0",
      fee: "lots",
      graceDays: "400",
      loanDays: "1.5",
      holdLimit: "",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual({
      name: { key: "validation.tierNameRequired" },
      months: { key: "validation.wholeNumber", params: { min: 1, max: 120 } },
      fee: { key: "validation.amountInvalid" },
      graceDays: { key: "validation.wholeNumber", params: { min: 0, max: 365 } },
      loanDays: { key: "validation.wholeNumber", params: { min: 1, max: 365 } },
      holdLimit: { key: "validation.wholeNumber", params: { min: 0, max: 50 } },
    });
  });

  it("knows a day that does not exist in the month", () => {
    const result = checkTierForm({
      ...tierFormValues(),
      name: "Academic",
      kind: "fixed",
      endMonth: "2",
      endDay: "30",
    });
    expect(result.ok ? undefined : result.problems).toEqual({
      endDay: { key: "validation.dayNotInMonth" },
    });
  });
});
