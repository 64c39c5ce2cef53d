// The staff PIN that opens a kiosk's "Needs staff" list. Stored only as a salted scrypt
// hash (node:crypto) in instance_secret; checked on the server, never on the device (a
// 4-digit PIN's hash on a public kiosk would be guessed offline in moments), with wrong
// attempts limited per kiosk in the database.
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { type Database, getSecret, setSecret, type Tx } from "@readers/db";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number },
) => Promise<Buffer>;

const SECRET_NAME = "kiosk_staff_pin";
const PARAMS = { N: 16_384, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** Wrong PINs a kiosk may try in {@link STAFF_PIN_WINDOW_MS} before it must wait. */
export const STAFF_PIN_MAX_MISSES = 5;
/** And by all kiosks together: the same PIN opens every kiosk. */
export const STAFF_PIN_MAX_MISSES_ALL_KIOSKS = 20;
export const STAFF_PIN_WINDOW_MS = 10 * 60_000;

async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(pin, salt, KEY_LENGTH, PARAMS);
  return [
    "scrypt",
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString("base64"),
    hash.toString("base64"),
  ].join("$");
}

async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split("$");
  if (kind !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const given = await scryptAsync(pin, Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Whether a staff PIN is set (kiosks then ask for it before showing the list). */
export async function staffPinRequired(db: Database | Tx): Promise<boolean> {
  return (await getSecret(db, SECRET_NAME)) !== null;
}

/** Sets the PIN (hashed), or removes it with null. */
export async function setStaffPin(db: Database | Tx, pin: string | null): Promise<void> {
  await setSecret(db, SECRET_NAME, pin === null ? null : await hashPin(pin));
}

/** Whether `pin` opens the list: always when no PIN is set. */
export async function staffPinOpens(db: Database | Tx, pin: string): Promise<boolean> {
  const stored = await getSecret(db, SECRET_NAME);
  return stored === null || (await pinMatches(pin, stored));
}
