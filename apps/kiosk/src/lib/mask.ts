// Credentials as staff may see them in the "needs staff" list: enough to tell entries
// apart and find the person at the desk, never a whole member number or card.
import { attendeeDisplayName, decodeCardPayload, splitPersonName } from "@readers/domain";
import type { Credential } from "./api.ts";

export type CredentialKind = "card" | "link" | "memberNumber" | "registration" | "guest";

export interface MaskedCredential {
  kind: CredentialKind;
  masked: string;
}

/** The last `n` characters behind bullets: "••••5674". */
function tail(text: string, n = 4): string {
  return `••••${text.slice(-n)}`;
}

export function maskCredential(credential: Credential): MaskedCredential {
  if ("memberNumber" in credential) {
    return { kind: "memberNumber", masked: tail(credential.memberNumber) };
  }
  if ("registrationId" in credential) {
    return { kind: "registration", masked: tail(credential.registrationId) };
  }
  const card = decodeCardPayload(credential.qr);
  if (card.ok) return { kind: "card", masked: tail(card.value.memberNumber) };
  return { kind: "link", masked: tail(credential.qr) };
}

/** A walk-in guest as the kiosk shows people: first name and initial ("Ada L."). */
export function maskGuest(name: string): MaskedCredential {
  const { firstName, lastName } = splitPersonName(name);
  return { kind: "guest", masked: attendeeDisplayName(firstName, lastName) };
}
