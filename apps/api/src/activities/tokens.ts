// Secret tokens of guests' manage links and of personal calendar feeds. Only hashes are
// stored; feed tokens are derived from a server key and a stored nonce so the address can
// be shown again without keeping the token itself.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 random bytes, url-safe (43 characters). */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const presented = Buffer.from(hashToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** The token of a person's calendar feed: HMAC of their id and the feed's nonce. */
export function feedToken(key: string, userId: string, nonce: string): string {
  return createHmac("sha256", key).update(`calendar-feed:${userId}:${nonce}`).digest("base64url");
}

export function newNonce(): string {
  return randomBytes(16).toString("base64url");
}
