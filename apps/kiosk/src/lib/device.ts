// The pairing this kiosk holds: its device token and what it was paired as, kept in
// localStorage so a reload or a power cut does not unpair it. The token is a secret; it
// leaves the device only in the Authorization header.
import type { PairedDevice } from "./api.ts";

export const DEVICE_STORAGE_KEY = "readers.kiosk.device";

export interface StoredPairing {
  token: string;
  device: PairedDevice;
}

function isPairing(value: unknown): value is StoredPairing {
  if (!value || typeof value !== "object") return false;
  const v = value as Partial<StoredPairing>;
  return (
    typeof v.token === "string" &&
    v.token.length > 0 &&
    !!v.device &&
    typeof v.device.id === "string" &&
    typeof v.device.name === "string" &&
    typeof v.device.locationId === "string" &&
    typeof v.device.locationName === "string"
  );
}

export function loadPairing(storage: Storage = localStorage): StoredPairing | null {
  try {
    const raw = storage.getItem(DEVICE_STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isPairing(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function savePairing(pairing: StoredPairing, storage: Storage = localStorage): void {
  storage.setItem(DEVICE_STORAGE_KEY, JSON.stringify(pairing));
}

export function clearPairing(storage: Storage = localStorage): void {
  storage.removeItem(DEVICE_STORAGE_KEY);
}
