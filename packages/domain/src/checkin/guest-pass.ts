/**
 * A guest's check-in pass: `RDRG1:<registration id>:<hex HMAC>`, shown as a QR on the guest's
 * manage page and read by the kiosk camera. It proves the registration and nothing else —
 * unlike the manage link, it cannot cancel — so it is safe in a kiosk's offline queue.
 * Signed with the same injected HMAC as member cards; the prefix keeps the two apart.
 */
import { constantTimeEqual, type HmacFunction } from "../membership/card.js";
import { err, ok, type Refusal, type Result } from "../shared/result.js";

/** Prefix naming the pass format and its version. */
export const GUEST_PASS_PREFIX = "RDRG1";

/** The signed message of a pass. */
function message(registrationId: string): string {
  return `${GUEST_PASS_PREFIX}:${registrationId}`;
}

/** The pass for a registration. */
export async function signGuestPass(registrationId: string, hmac: HmacFunction): Promise<string> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(registrationId)) {
    throw new RangeError(`Invalid registration id: ${registrationId}`);
  }
  const text = message(registrationId);
  return `${text}:${(await hmac(text)).toLowerCase()}`;
}

/** Whether a scanned text looks like a guest pass (before any checking). */
export function isGuestPass(qr: string): boolean {
  return qr.trim().startsWith(`${GUEST_PASS_PREFIX}:`);
}

/**
 * Verifies a scanned pass: its format (`CARD_MALFORMED`) and signature
 * (`CARD_SIGNATURE_INVALID`); returns the registration id it names.
 */
export async function verifyGuestPass(
  qr: string,
  hmac: HmacFunction,
): Promise<
  Result<{ registrationId: string }, Refusal<"CARD_MALFORMED"> | Refusal<"CARD_SIGNATURE_INVALID">>
> {
  const parts = qr.trim().split(":");
  const [prefix, registrationId, signature] = parts;
  if (
    parts.length !== 3 ||
    prefix !== GUEST_PASS_PREFIX ||
    !registrationId ||
    !/^[A-Za-z0-9_-]{1,64}$/.test(registrationId) ||
    !signature ||
    !/^[0-9a-f]{16,128}$/.test(signature.toLowerCase())
  ) {
    return err("CARD_MALFORMED", "This code is not a check-in pass.");
  }
  const expected = (await hmac(message(registrationId))).toLowerCase();
  if (!constantTimeEqual(expected, signature.toLowerCase())) {
    return err("CARD_SIGNATURE_INVALID", "This pass was not issued by the association.");
  }
  return ok({ registrationId });
}
