import { describe, expect, it } from "vitest";
import { decideCopyWithdrawal } from "./copy-withdrawal.js";

describe("decideCopyWithdrawal", () => {
  it.each([
    [null, { ok: true, value: { dropRequests: true } }],
    ["requested", { ok: true, value: { dropRequests: true } }],
    ["accepted", { ok: false, code: "COPY_ON_LOAN" }],
    ["on_loan", { ok: false, code: "COPY_ON_LOAN" }],
  ] as const)("open loan %s", (openLoanState, expected) => {
    expect(decideCopyWithdrawal({ copy: { withdrawnAt: null }, openLoanState })).toMatchObject(
      expected,
    );
  });

  it("not twice", () => {
    expect(
      decideCopyWithdrawal({ copy: { withdrawnAt: new Date(0) }, openLoanState: null }),
    ).toMatchObject({
      code: "COPY_UNAVAILABLE",
    });
  });
});
