import { describe, expect, it } from "vitest";
import { hmac } from "../../test/fixtures.js";
import {
  constantTimeEqual,
  decodeCardPayload,
  encodeCardPayload,
  signCardPayload,
  verifyCardPayload,
} from "./card.js";

const card = { memberNumber: "12345674", cardVersion: 2 };

describe("card payloads", () => {
  it("encodes the format, number and version", () => {
    expect(encodeCardPayload(card)).toBe("RDR1:12345674:2");
    expect(encodeCardPayload({ memberNumber: "1234 5674", cardVersion: 1 })).toBe(
      "RDR1:12345674:1",
    );
  });

  it.each([
    [{ memberNumber: "12345675", cardVersion: 1 }],
    [{ memberNumber: "12345674", cardVersion: 0 }],
    [{ memberNumber: "12345674", cardVersion: 1.5 }],
  ])("refuses to encode %o", (bad) => {
    expect(() => encodeCardPayload(bad)).toThrow(RangeError);
  });

  it("signs and verifies a round trip", async () => {
    const qr = await signCardPayload(card, hmac);
    expect(qr).toMatch(/^RDR1:12345674:2:[0-9a-f]{64}$/);
    expect(await verifyCardPayload(qr, 2, hmac)).toEqual({ ok: true, value: card });
  });

  it("accepts an async HMAC (WebCrypto style) and upper-case hex", async () => {
    const asyncHmac = async (m: string) => hmac(m).toUpperCase();
    const qr = await signCardPayload(card, asyncHmac);
    expect((await verifyCardPayload(qr, 2, asyncHmac)).ok).toBe(true);
    expect((await verifyCardPayload(qr.toUpperCase().replace("RDR1", "RDR1"), 2, hmac)).ok).toBe(
      true,
    );
  });

  it("refuses an older card version as CARD_REVOKED", async () => {
    const qr = await signCardPayload({ ...card, cardVersion: 1 }, hmac);
    expect(await verifyCardPayload(qr, 2, hmac)).toMatchObject({ ok: false, code: "CARD_REVOKED" });
  });

  it("refuses a version never issued and forged signatures", async () => {
    const future = await signCardPayload({ ...card, cardVersion: 3 }, hmac);
    expect(await verifyCardPayload(future, 2, hmac)).toMatchObject({
      code: "CARD_SIGNATURE_INVALID",
    });
    const otherKey = await signCardPayload(card, (m) => hmac(`other${m}`));
    expect(await verifyCardPayload(otherKey, 2, hmac)).toMatchObject({
      code: "CARD_SIGNATURE_INVALID",
    });
    const qr = await signCardPayload(card, hmac);
    const tampered = qr.replace("12345674", "12345682");
    expect(await verifyCardPayload(tampered, 2, hmac)).toMatchObject({
      code: "CARD_SIGNATURE_INVALID",
    });
  });

  it.each([
    "",
    "hello",
    "RDR2:12345674:1:abcdefabcdefabcd",
    "RDR1:12345675:1:abcdefabcdefabcd",
    "RDR1:1234 5674:1:abcdefabcdefabcd",
    "RDR1:12345674:0:abcdefabcdefabcd",
    "RDR1:12345674:01:abcdefabcdefabcd",
    "RDR1:12345674:9999999:abcdefabcdefabcd",
    "RDR1:12345674:1:abc",
    "RDR1:12345674:1:zzzzzzzzzzzzzzzz",
    `RDR1:12345674:1:${"a".repeat(129)}`,
    "RDR1:12345674:1:abcdefabcdefabcd:extra",
    `RDR1:12345674:1:${"a".repeat(300)}`,
  ])("refuses malformed %s", async (qr) => {
    expect(decodeCardPayload(qr)).toMatchObject({ ok: false, code: "CARD_MALFORMED" });
    expect(await verifyCardPayload(qr, 1, hmac)).toMatchObject({
      ok: false,
      code: "CARD_MALFORMED",
    });
  });

  it("decodes without verifying, for the member lookup", () => {
    expect(decodeCardPayload(" RDR1:12345674:3:ABCDEFABCDEFABCD ")).toEqual({
      ok: true,
      value: {
        memberNumber: "12345674",
        cardVersion: 3,
        signature: "abcdefabcdefabcd",
        message: "RDR1:12345674:3",
      },
    });
  });

  it("compares in constant time", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
  });
});
