/**
 * Member card QR payloads: `RDR1:<member number>:<card version>:<hex HMAC>`.
 * Signing takes an injected HMAC function so this package needs no crypto of its own.
 */
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import { normalizeMemberNumber } from "./member-number.js";

/** Prefix naming the payload format and its version; bump the digit if the format changes. */
export const CARD_PAYLOAD_PREFIX = "RDR1";
/** Card versions beyond this are not a lost-card count, they are an attack. */
export const CARD_VERSION_MAX = 1_000_000;
/** 16 hex digits (64 bits) is the shortest signature accepted; SHA-256 gives 64. */
export const CARD_SIGNATURE_MIN_HEX = 16;
/** SHA-512 gives 128 hex digits. */
export const CARD_SIGNATURE_MAX_HEX = 128;
/** A payload longer than this is not ours; reject before any parsing work. */
export const CARD_PAYLOAD_MAX_LENGTH = 200;

/**
 * Computes an HMAC of `message` and returns it as hex. The key stays with the caller:
 * in Node `(m) => createHmac("sha256", key).update(m).digest("hex")`, in a browser
 * WebCrypto's `crypto.subtle.sign("HMAC", …)`.
 */
export type HmacFunction = (message: string) => string | Promise<string>;

/** What a card carries. */
export interface CardIdentity {
  /** 8 digits, check digit included. */
  readonly memberNumber: string;
  /** Current card version of the member (starts at 1). */
  readonly cardVersion: number;
}

/** A decoded (not yet verified) card payload. */
export interface DecodedCard extends CardIdentity {
  readonly signature: string;
  /** The signed part: everything before the last `:`. */
  readonly message: string;
}

/** Refusals of {@link decodeCardPayload}. */
export type CardDecodeRefusal = Refusal<"CARD_MALFORMED">;

/** Refusals of {@link verifyCardPayload}. */
export type CardVerifyRefusal =
  | CardDecodeRefusal
  | Refusal<"CARD_SIGNATURE_INVALID">
  | Refusal<"CARD_REVOKED">;

/**
 * The signed message for a card: `RDR1:<member number>:<card version>`.
 *
 * @throws RangeError on an invalid member number or version (a programming error).
 */
export function encodeCardPayload(card: CardIdentity): string {
  const number = normalizeMemberNumber(card.memberNumber);
  if (!number.ok) throw new RangeError(`Invalid member number: ${card.memberNumber}`);
  if (
    !Number.isInteger(card.cardVersion) ||
    card.cardVersion < 1 ||
    card.cardVersion > CARD_VERSION_MAX
  ) {
    throw new RangeError(`Invalid card version: ${card.cardVersion}`);
  }
  return `${CARD_PAYLOAD_PREFIX}:${number.value}:${card.cardVersion}`;
}

/**
 * The full QR payload for a card: the message and its HMAC.
 *
 * @example await signCardPayload({ memberNumber: "12345674", cardVersion: 1 }, hmac)
 * // "RDR1:12345674:1:9f86d081884c7d65…"
 */
export async function signCardPayload(card: CardIdentity, hmac: HmacFunction): Promise<string> {
  const message = encodeCardPayload(card);
  const signature = (await hmac(message)).toLowerCase();
  return `${message}:${signature}`;
}

/**
 * Parses a scanned payload without checking its signature — enough to look up the member
 * (and their current card version) before calling {@link verifyCardPayload}.
 */
export function decodeCardPayload(qr: string): Result<DecodedCard, CardDecodeRefusal> {
  const malformed = err("CARD_MALFORMED", "This code is not a member card.");
  const text = qr.trim();
  if (text.length > CARD_PAYLOAD_MAX_LENGTH) return malformed;
  const parts = text.split(":");
  if (parts.length !== 4) return malformed;
  const [prefix, memberNumber, version, signature] = parts as [string, string, string, string];
  if (prefix !== CARD_PAYLOAD_PREFIX) return malformed;
  if (!normalizeMemberNumber(memberNumber).ok || !/^\d{8}$/.test(memberNumber)) return malformed;
  if (!/^[1-9]\d{0,6}$/.test(version) || Number(version) > CARD_VERSION_MAX) return malformed;
  const hex = signature.toLowerCase();
  if (
    !/^[0-9a-f]+$/.test(hex) ||
    hex.length < CARD_SIGNATURE_MIN_HEX ||
    hex.length > CARD_SIGNATURE_MAX_HEX
  ) {
    return malformed;
  }
  return ok({
    memberNumber,
    cardVersion: Number(version),
    signature: hex,
    message: `${prefix}:${memberNumber}:${version}`,
  });
}

/** Compares two strings in time independent of where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return diff === 0;
}

/**
 * Verifies a scanned card: format (`CARD_MALFORMED`), signature (`CARD_SIGNATURE_INVALID`),
 * then version — a card older than the member's `currentVersion` was reported lost
 * (`CARD_REVOKED`); a newer one was never issued (`CARD_SIGNATURE_INVALID`).
 *
 * @param currentVersion - the member's card version, looked up by the decoded number.
 */
export async function verifyCardPayload(
  qr: string,
  currentVersion: number,
  hmac: HmacFunction,
): Promise<Result<CardIdentity, CardVerifyRefusal>> {
  const decoded = decodeCardPayload(qr);
  if (!decoded.ok) return decoded;
  const card = decoded.value;
  const expected = (await hmac(card.message)).toLowerCase();
  if (!constantTimeEqual(expected, card.signature) || card.cardVersion > currentVersion) {
    return err("CARD_SIGNATURE_INVALID", "This card was not issued by the association.");
  }
  if (card.cardVersion < currentVersion) {
    return err("CARD_REVOKED", "This card was replaced; please use the new card.");
  }
  return ok({ memberNumber: card.memberNumber, cardVersion: card.cardVersion });
}
