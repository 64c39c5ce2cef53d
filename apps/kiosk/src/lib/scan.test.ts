import { describe, expect, it } from "vitest";
import { maskCredential, maskGuest } from "./mask.ts";
import { pairingCodeFromText, readScan } from "./scan.ts";

describe("reading a scanned code", () => {
  it("takes a member number (with spaces or dashes) after checking its Luhn digit", () => {
    expect(readScan("1234 5674")).toEqual({
      kind: "credential",
      credential: { memberNumber: "12345674" },
    });
    expect(readScan("12345675")).toEqual({ kind: "invalid-member-number" });
    expect(readScan("123")).toEqual({ kind: "invalid-member-number" });
  });

  it("passes a card payload or a manage link to the server as a QR", () => {
    const card = "RDR1:12345674:2:0123456789abcdef";
    expect(readScan(`  ${card}\n`)).toEqual({ kind: "credential", credential: { qr: card } });
    const link = "https://readers.example/registrations/manage?token=abc";
    expect(readScan(link)).toEqual({ kind: "credential", credential: { qr: link } });
  });

  it("refuses anything else, and overlong input", () => {
    expect(readScan("9787111234567x")).toEqual({ kind: "unreadable" });
    expect(readScan(`RDR1:${"a".repeat(300)}`)).toEqual({ kind: "unreadable" });
    expect(readScan("")).toEqual({ kind: "unreadable" });
  });

  it("finds the code in a pairing link or on its own", () => {
    expect(pairingCodeFromText("http://127.0.0.1:4317/kiosk/?pair=K7QP2M9X")).toBe("K7QP2M9X");
    expect(pairingCodeFromText("k7qp-2m9x")).toBe("K7QP2M9X");
    expect(pairingCodeFromText("http://x/kiosk/")).toBeNull();
    expect(pairingCodeFromText("K7QP")).toBeNull();
  });
});

describe("masking for the staff list", () => {
  it("shows only the end of numbers and ids, and a guest as first name and initial", () => {
    expect(maskCredential({ memberNumber: "12345674" })).toEqual({
      kind: "memberNumber",
      masked: "••••5674",
    });
    expect(maskCredential({ qr: "RDR1:12345674:2:0123456789abcdef" })).toEqual({
      kind: "card",
      masked: "••••5674",
    });
    expect(maskCredential({ qr: "https://x/registrations/manage?token=abcdef" }).kind).toBe("link");
    expect(maskCredential({ registrationId: "r-123456" })).toEqual({
      kind: "registration",
      masked: "••••3456",
    });
    expect(maskGuest("Ada Lovelace")).toEqual({ kind: "guest", masked: "Ada L." });
  });
});
