import { describe, expect, it } from "vitest";
import { hmac as testKey } from "../../test/fixtures.js";
import { isGuestPass, signGuestPass, verifyGuestPass } from "./guest-pass.js";

/** The fixture HMAC for "k"; any other name is another key (the message is salted by it). */
const hmac = (key: string) => (m: string) => (key === "k" ? testKey(m) : testKey(`${key}|${m}`));

describe("guest check-in passes", () => {
  it("signs and verifies a registration id", async () => {
    const pass = await signGuestPass("3f1c2a9e-7b7d-4d4e-9d55-0c1b7c1e2f3a", hmac("k"));
    expect(pass).toMatch(/^RDRG1:3f1c2a9e-7b7d-4d4e-9d55-0c1b7c1e2f3a:[0-9a-f]{64}$/);
    expect(isGuestPass(pass)).toBe(true);
    expect(isGuestPass("RDR1:12345674:1:abcd")).toBe(false);
    expect(await verifyGuestPass(` ${pass} `, hmac("k"))).toEqual({
      ok: true,
      value: { registrationId: "3f1c2a9e-7b7d-4d4e-9d55-0c1b7c1e2f3a" },
    });
  });

  it("refuses another key, a changed id and malformed text", async () => {
    const pass = await signGuestPass("r1", hmac("k"));
    expect(await verifyGuestPass(pass, hmac("other"))).toMatchObject({
      ok: false,
      code: "CARD_SIGNATURE_INVALID",
    });
    expect(await verifyGuestPass(pass.replace("r1", "r2"), hmac("k"))).toMatchObject({
      code: "CARD_SIGNATURE_INVALID",
    });
    for (const bad of [
      "RDRG1:r1",
      "RDRG1::abcdefabcdefabcdef",
      "RDRG2:r1:abcdefabcdefabcdef",
      "RDRG1:r 1:abcdefabcdefabcdef",
      "RDRG1:r1:xyz",
    ]) {
      expect(await verifyGuestPass(bad, hmac("k"))).toMatchObject({
        ok: false,
        code: "CARD_MALFORMED",
      });
    }
    await expect(signGuestPass("has:colon", hmac("k"))).rejects.toThrow(RangeError);
  });
});
