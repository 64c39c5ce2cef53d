// What a scanned or typed code is: a member card, a guest's manage link, a member number
// (checked with the domain's Luhn rule before anything is sent), or a kiosk pairing link.
import {
  CARD_PAYLOAD_MAX_LENGTH,
  CARD_PAYLOAD_PREFIX,
  normalizeMemberNumber,
  normalizePairingCode,
  PairingCodeSchema,
} from "@readers/domain";
import type { Credential } from "./api.ts";

export type ScanReading =
  | { kind: "credential"; credential: Credential }
  /** Looked like a member number, but the check digit (or length) is wrong. */
  | { kind: "invalid-member-number" }
  /** Nothing the kiosk can check in with. */
  | { kind: "unreadable" };

/** Sorts what the camera or the USB scanner read into a credential for kiosk.checkIn. */
export function readScan(raw: string): ScanReading {
  const text = raw.trim();
  if (!text || text.length > CARD_PAYLOAD_MAX_LENGTH) return { kind: "unreadable" };
  if (/^[\d\s-]+$/.test(text)) {
    const number = normalizeMemberNumber(text);
    return number.ok
      ? { kind: "credential", credential: { memberNumber: number.value } }
      : { kind: "invalid-member-number" };
  }
  // A member card ("RDR1:…") or a guest's manage link (a URL): the server tells them apart
  // and checks the card's signature.
  if (text.toUpperCase().startsWith(`${CARD_PAYLOAD_PREFIX}:`) || /^https?:\/\//i.test(text)) {
    return { kind: "credential", credential: { qr: text } };
  }
  return { kind: "unreadable" };
}

/** The pairing code in an admin's pairing link (`…/kiosk/?pair=K7QP-2M9X`), or null. */
export function pairingCodeFromText(text: string): string | null {
  let candidate = text.trim();
  try {
    const url = new URL(candidate);
    candidate = url.searchParams.get("pair") ?? "";
  } catch {
    // Not a URL: maybe the bare code.
  }
  const parsed = PairingCodeSchema.safeParse(candidate);
  return parsed.success ? normalizePairingCode(parsed.data) : null;
}
