import { describe, expect, it } from "vitest";
import {
  checkConfirmation,
  checkEmail,
  checkName,
  checkNewPassword,
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
