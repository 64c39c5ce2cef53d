import { describe, expect, it } from "vitest";
import {
  checkAmount,
  checkConfirmation,
  checkEmail,
  checkName,
  checkNewPassword,
  checkPersonName,
  checkPhone,
  checkReason,
  checkTimeZone,
  safeNextPath,
} from "./validation.ts";

describe("account form checks", () => {
  it("needs a name of at most 120 characters", () => {
    expect(checkName("   ")?.key).toBe("validation.nameRequired");
    expect(checkName("a".repeat(121))?.key).toBe("validation.nameTooLong");
    expect(checkName(" Lin Mei ")).toBeUndefined();
  });

  it("needs an e-mail address with a domain", () => {
    expect(checkEmail("")?.key).toBe("validation.emailRequired");
    expect(checkEmail("lin@localhost")?.key).toBe("validation.emailInvalid");
    expect(checkEmail("lin mei@example.org")?.key).toBe("validation.emailInvalid");
    expect(checkEmail(" lin@example.org ")).toBeUndefined();
  });

  it("needs a new password of 10 to 128 characters", () => {
    expect(checkNewPassword("")?.key).toBe("validation.passwordRequired");
    expect(checkNewPassword("123456789")).toEqual({
      key: "validation.passwordTooShort",
      params: { min: 10 },
    });
    expect(checkNewPassword("1234567890")).toBeUndefined();
    expect(checkNewPassword("x".repeat(128))).toBeUndefined();
    expect(checkNewPassword("x".repeat(129))?.key).toBe("validation.passwordTooLong");
  });

  it("needs the confirmation to match", () => {
    expect(checkConfirmation("abcdefghij", "")?.key).toBe("validation.confirmRequired");
    expect(checkConfirmation("abcdefghij", "abcdefghiJ")?.key).toBe("validation.confirmMismatch");
    expect(checkConfirmation("abcdefghij", "abcdefghij")).toBeUndefined();
  });
});

describe("safeNextPath", () => {
  it("keeps local paths and refuses anything that could leave the site", () => {
    expect(safeNextPath("/notifications")).toBe("/notifications");
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath("//evil.example")).toBe("/");
    expect(safeNextPath("/\\evil.example")).toBe("/");
    expect(safeNextPath("https://evil.example")).toBe("/");
  });
});

describe("member and administration checks (domain schemas decide)", () => {
  it("needs first and last names of at most 120 characters", () => {
    expect(checkPersonName(" ", "validation.firstNameRequired")?.key).toBe(
      "validation.firstNameRequired",
    );
    expect(checkPersonName("a".repeat(121), "validation.lastNameRequired")).toEqual({
      key: "validation.nameFieldTooLong",
      params: { max: 120 },
    });
    expect(checkPersonName("Mei", "validation.firstNameRequired")).toBeUndefined();
  });

  it("accepts no phone or a plausible one", () => {
    expect(checkPhone("")).toBeUndefined();
    expect(checkPhone("+86 138-0000 0000")).toBeUndefined();
    expect(checkPhone("call me")?.key).toBe("validation.phoneInvalid");
    expect(checkPhone(`+${"1".repeat(40)}`)?.key).toBe("validation.phoneTooLong");
  });

  it("needs a reason, an amount and a known time zone", () => {
    expect(checkReason("  ")?.key).toBe("validation.reasonRequired");
    expect(checkReason("Unpaid fees")).toBeUndefined();
    expect(checkAmount("50.00")).toBeUndefined();
    expect(checkAmount("fifty")?.key).toBe("validation.amountInvalid");
    expect(checkAmount("2000000")?.key).toBe("validation.amountTooLarge");
    expect(checkTimeZone("Asia/Shanghai")).toBeUndefined();
    expect(checkTimeZone("Mars/Olympus")?.key).toBe("validation.timeZoneInvalid");
  });
});
