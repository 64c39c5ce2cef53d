// What the kiosk reads and writes on the server, as plain types, and the one adapter from
// the tRPC client to them. Screens and the offline queue depend on `KioskApi`, so tests
// hand them a fake without any HTTP, and a contract change shows up in this one file.
import type { createKioskClient } from "./trpc.ts";

export type Phase = "upcoming" | "open" | "closed";

export interface Occupancy {
  activityId: string;
  checkedIn: number;
  capacity: number | null;
  free: number | null;
}

export interface TodayActivity {
  id: string;
  title: string;
  kind: string;
  audience: "public" | "members";
  status: "published" | "cancelled";
  startsAt: string;
  endsAt: string;
  checkInOpensAt: string;
  noShowAt: string;
  capacity: number | null;
  maxPartySize: number;
  phase: Phase;
  occupancy: Occupancy;
}

export interface Today {
  device: { id: string; name: string };
  location: { id: string; name: string };
  timeZone: string;
  serverTime: string;
  preselectedActivityId: string | null;
  activities: TodayActivity[];
  /** Staff type a PIN before the "Needs staff" list opens (checked by the server). */
  staffPinRequired?: boolean;
}

export interface PairedDevice {
  id: string;
  name: string;
  locationId: string;
  locationName: string;
}

export interface Activation {
  token: string;
  device: PairedDevice;
}

export type Credential = { qr: string } | { memberNumber: string } | { registrationId: string };

export interface CheckInRequest {
  activityId: string;
  credential: Credential;
  clientId: string;
  partySize?: number;
  occurredAt?: string;
}

export interface WalkInRequest {
  activityId: string;
  clientId: string;
  partySize?: number;
  guest: { name: string; email?: string; consent?: boolean };
  occurredAt?: string;
}

export type CheckInOutcome = "CHECKED_IN" | "WALK_IN_ACCEPTED" | "ALREADY_CHECKED_IN";

export interface CheckInAnswer {
  outcome: CheckInOutcome;
  /**
   * The activity the check-in counted for: a member registered for another of today's
   * open activities here is checked in there, whichever tile was chosen.
   */
  activity: { id: string; title: string };
  checkedInAt: string;
  displayName: string | null;
  seats: number;
  occupancy: Occupancy;
}

export interface AttendeeMatch {
  registrationId: string;
  displayName: string;
  checkedIn: boolean;
}

/** Who borrows from the shelf: a card QR or a typed member number. */
export type ShelfCredential = { qr: string } | { memberNumber: string };

export interface BorrowAnswer {
  outcome: "BORROWED";
  loanId: string;
  copyId: string;
  title: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  /** First name only: the screen is public. */
  memberFirstName: string;
}

export interface ReturnAnswer {
  outcome: "RETURNED";
  loanId: string;
  copyId: string;
  title: string;
  late: boolean;
  /** Someone waits for it: it goes to the hold shelf. */
  reserved: boolean;
}

/** The server calls of a paired kiosk (and of pairing it). */
export interface KioskApi {
  activate(code: string): Promise<Activation>;
  today(): Promise<Today>;
  occupancy(activityIds?: string[]): Promise<Occupancy[]>;
  checkIn(request: CheckInRequest): Promise<CheckInAnswer>;
  walkIn(request: WalkInRequest): Promise<CheckInAnswer>;
  searchAttendees(activityId: string, prefix: string): Promise<AttendeeMatch[]>;
  borrow(request: {
    credential: ShelfCredential;
    barcode: string;
    clientId: string;
  }): Promise<BorrowAnswer>;
  returnBook(request: { barcode: string; clientId: string }): Promise<ReturnAnswer>;
  /** Checks the staff PIN on the server; refused with STAFF_PIN_WRONG. */
  unlockStaff(pin: string): Promise<{ unlocked: true }>;
}

type KioskClient = ReturnType<typeof createKioskClient>;

/** The tRPC client seen as a {@link KioskApi}. */
export function kioskApi(client: KioskClient): KioskApi {
  return {
    activate: (code) => client.kioskPairing.activate.mutate({ code }),
    today: () => client.kiosk.today.query(),
    occupancy: (activityIds) => client.kiosk.occupancy.query({ activityIds }),
    checkIn: (request) => client.kiosk.checkIn.mutate(request),
    walkIn: (request) => client.kiosk.walkIn.mutate(request),
    searchAttendees: (activityId, prefix) =>
      client.kiosk.searchAttendees.query({ activityId, prefix }),
    borrow: (request) => client.kiosk.borrow.mutate(request),
    returnBook: (request) => client.kiosk.return.mutate(request),
    unlockStaff: (pin) => client.kiosk.unlockStaff.mutate({ pin }),
  };
}
