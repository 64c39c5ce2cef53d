import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  activityItem,
  member,
  ORGANIZER_PRIVILEGES,
  resetFakes,
  signedIn,
  trpc,
  trpcError,
} from "../../../test/fakes.ts";
import { renderPortal } from "../../../test/render-portal.tsx";
import { lineActions } from "./roster.tsx";

vi.mock("../../lib/trpc.ts", () => import("../../../test/fakes.ts"));
vi.mock("../../lib/auth.ts", () => import("../../../test/fakes.ts"));

function line(overrides: Record<string, unknown> = {}) {
  return {
    registrationId: "r1",
    kind: "member",
    name: "Mei Lin",
    memberNumber: "1234 5674",
    partySize: 1,
    status: "confirmed",
    lateCancellation: false,
    attendance: "expected",
    checkedInAt: null,
    checkedInSeats: null,
    waitlistPosition: null,
    createdAt: "2030-04-01T00:00:00.000Z",
    promotedAt: null,
    cancelledAt: null,
    ...overrides,
  };
}

const summary = {
  confirmedParties: 2,
  confirmedSeats: 3,
  waitlistedParties: 1,
  waitlistedSeats: 1,
  attendedParties: 0,
  attendedSeats: 0,
  noShowParties: 0,
  noShowSeats: 0,
  walkInParties: 0,
  walkInSeats: 0,
  lateCancellations: 1,
  cancellations: 2,
  noShowRate: null,
};

const roster = (items: ReturnType<typeof line>[]) => ({
  activity: activityItem({ capacity: 3 }),
  items,
  truncated: false,
  occupancy: { checkedInSeats: 0, capacity: 3 },
});

beforeEach(() => {
  resetFakes();
  signedIn({ ...member, role: "organizer" }, 0, { privileges: ORGANIZER_PRIVILEGES });
  trpc.activities.registrations.query.mockResolvedValue(
    roster([
      line(),
      line({
        registrationId: "r2",
        name: "Wang Fang",
        kind: "guest",
        memberNumber: null,
        partySize: 2,
      }),
      line({
        registrationId: "r3",
        name: "Zhao Lei",
        status: "waitlisted",
        attendance: "waitlisted",
        waitlistPosition: 1,
      }),
      line({
        registrationId: "r4",
        name: "Chen Jie",
        status: "cancelled",
        attendance: "late_cancellation",
        lateCancellation: true,
      }),
    ]),
  );
  trpc.activities.attendance.query.mockResolvedValue({
    series: null,
    activities: [{ activity: activityItem(), summary }],
    members: [],
  });
});
afterEach(() => vi.restoreAllMocks());

const row = (name: string) => screen.getByRole("row", { name: new RegExp(name) });

describe("roster", () => {
  it("knows which actions a line allows", () => {
    expect(lineActions({ status: "confirmed", checkedInAt: null })).toEqual({
      checkIn: true,
      undo: false,
      promote: false,
    });
    expect(lineActions({ status: "waitlisted", checkedInAt: null })).toEqual({
      checkIn: true,
      undo: false,
      promote: true,
    });
    expect(lineActions({ status: "confirmed", checkedInAt: "2030-05-01T11:00:00Z" })).toEqual({
      checkIn: false,
      undo: true,
      promote: false,
    });
    expect(lineActions({ status: "cancelled", checkedInAt: null }).checkIn).toBe(false);
  });

  it("shows every status and the attendance summary", async () => {
    renderPortal("/admin/activities/a1/roster");
    expect(await screen.findByRole("heading", { level: 1, name: "Roster" })).toBeTruthy();
    await screen.findByRole("table", { name: "Registrations" });
    expect(within(row("Mei Lin")).getByText("Confirmed")).toBeTruthy();
    expect(within(row("Wang Fang")).getByText("Guest")).toBeTruthy();
    expect(within(row("Zhao Lei")).getByText("Waitlisted (place 1)")).toBeTruthy();
    expect(within(row("Chen Jie")).getByText("Cancelled late")).toBeTruthy();
    expect(within(row("Chen Jie")).queryByRole("button")).toBeNull();
    expect(screen.getByText("0 of 3 seats checked in")).toBeTruthy();
    const counts = screen.getByRole("region", { name: "Attendance" });
    expect(within(counts).getByText("3 (2 parties)")).toBeTruthy();
    expect(within(counts).getByText("2 (1 late)")).toBeTruthy();
  });

  it("checks in, undoes it, and moves a party up from the waitlist", async () => {
    renderPortal("/admin/activities/a1/roster");
    await screen.findByRole("table", { name: "Registrations" });
    trpc.activities.checkIn.mutate.mockResolvedValue({
      outcome: "CHECKED_IN",
      registration: line({
        checkedInAt: "2030-05-01T10:55:00Z",
        checkedInSeats: 1,
        attendance: "attended",
      }),
      occupancy: { checkedInSeats: 1, capacity: 3 },
    });
    const checkIn = within(row("Mei Lin")).getByRole("button", { name: "Check in" });
    expect(checkIn.getAttribute("aria-describedby")).toBe("line-r1");
    fireEvent.click(checkIn);
    expect(await screen.findByText("Mei Lin is checked in.")).toBeTruthy();
    expect(trpc.activities.checkIn.mutate).toHaveBeenCalledWith({ registrationId: "r1", seats: 1 });
    expect(within(row("Mei Lin")).getByText("Attended")).toBeTruthy();
    expect(screen.getByText("1 of 3 seats checked in")).toBeTruthy();

    trpc.activities.undoCheckIn.mutate.mockResolvedValue({
      changed: true,
      registration: line(),
      occupancy: { checkedInSeats: 0, capacity: 3 },
    });
    fireEvent.click(within(row("Mei Lin")).getByRole("button", { name: "Undo check-in" }));
    expect(await screen.findByText("The check-in of Mei Lin has been undone.")).toBeTruthy();
    expect(within(row("Mei Lin")).getByRole("button", { name: "Check in" })).toBeTruthy();

    trpc.activities.moveFromWaitlist.mutate.mockResolvedValue({
      promoted: true,
      registration: line({ registrationId: "r3", name: "Zhao Lei" }),
    });
    fireEvent.click(within(row("Zhao Lei")).getByRole("button", { name: "Move to confirmed" }));
    expect(
      await screen.findByText("Zhao Lei has been moved to confirmed and notified."),
    ).toBeTruthy();
    expect(trpc.activities.moveFromWaitlist.mutate).toHaveBeenCalledWith({ registrationId: "r3" });
  });

  it("checks in only the part of a party that came", async () => {
    renderPortal("/admin/activities/a1/roster");
    await screen.findByRole("table", { name: "Registrations" });
    expect(within(row("Mei Lin")).queryByRole("combobox")).toBeNull();
    const seats = within(row("Wang Fang")).getByRole("combobox", {
      name: "Seats arriving for Wang Fang",
    });
    expect((seats as HTMLSelectElement).value).toBe("2");
    fireEvent.change(seats, { target: { value: "1" } });
    trpc.activities.checkIn.mutate.mockResolvedValue({
      outcome: "CHECKED_IN",
      registration: line({
        registrationId: "r2",
        name: "Wang Fang",
        kind: "guest",
        memberNumber: null,
        partySize: 2,
        checkedInAt: "2030-05-01T10:55:00Z",
        checkedInSeats: 1,
        attendance: "attended",
      }),
      occupancy: { checkedInSeats: 1, capacity: 3 },
    });
    fireEvent.click(within(row("Wang Fang")).getByRole("button", { name: "Check in" }));
    expect(await screen.findByText("Wang Fang is checked in.")).toBeTruthy();
    expect(trpc.activities.checkIn.mutate).toHaveBeenCalledWith({ registrationId: "r2", seats: 1 });
  });

  it("translates a refused check-in", async () => {
    renderPortal("/admin/activities/a1/roster");
    await screen.findByRole("table", { name: "Registrations" });
    trpc.activities.checkIn.mutate.mockRejectedValue(
      trpcError("CONFLICT", "NOT_REGISTERED_AND_FULL", { freeSeats: 0 }),
    );
    fireEvent.click(within(row("Zhao Lei")).getByRole("button", { name: "Check in" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "There are no free seats for this party.",
    );
  });

  it("filters by status and exports the CSV", async () => {
    trpc.activities.rosterCsv.query.mockResolvedValue({
      filename: "roster-2030-05-01-a1.csv",
      csv: "name\nMei Lin\n",
    });
    URL.createObjectURL = vi.fn(() => "blob:csv");
    URL.revokeObjectURL = vi.fn();
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, "click")
      .mockImplementation(() => undefined);
    const { history } = renderPortal("/admin/activities/a1/roster");
    await screen.findByRole("table", { name: "Registrations" });
    fireEvent.change(screen.getByLabelText("Show"), { target: { value: "waitlisted" } });
    await waitFor(() =>
      expect(trpc.activities.registrations.query).toHaveBeenLastCalledWith({
        activityId: "a1",
        status: "waitlisted",
      }),
    );
    expect(history.get()).toBe("/admin/activities/a1/roster?status=waitlisted");
    fireEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(trpc.activities.rosterCsv.query).toHaveBeenCalledWith({
      activityId: "a1",
      status: "waitlisted",
    });
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe("roster-2030-05-01-a1.csv");
  });

  it("follows check-ins made elsewhere (kiosks) live, and reloads the lines", async () => {
    const sources: FakeEventSource[] = [];
    class FakeEventSource {
      listeners = new Map<string, (event: MessageEvent<string>) => void>();
      closed = false;
      constructor(readonly url: string) {
        sources.push(this);
      }
      addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
        this.listeners.set(type, listener);
      }
      close() {
        this.closed = true;
      }
      emit(data: unknown) {
        this.listeners.get("occupancy")?.(
          new MessageEvent("occupancy", { data: JSON.stringify(data) }),
        );
      }
    }
    vi.stubGlobal("EventSource", FakeEventSource);
    try {
      const { unmount } = renderPortal("/admin/activities/a1/roster");
      await screen.findByRole("table", { name: "Registrations" });
      expect(sources[0]!.url).toBe("/events/activities/a1");
      const loads = trpc.activities.registrations.query.mock.calls.length;
      sources[0]!.emit({ activityId: "a1", checkedIn: 2, capacity: 3, free: 1 });
      expect(await screen.findByText("2 of 3 seats checked in")).toBeTruthy();
      await waitFor(() =>
        expect(trpc.activities.registrations.query.mock.calls.length).toBeGreaterThan(loads),
      );
      // Another activity's events and garbage change nothing.
      sources[0]!.emit({ activityId: "other", checkedIn: 9, capacity: 9, free: 0 });
      sources[0]!.listeners.get("occupancy")?.(new MessageEvent("occupancy", { data: "{" }));
      expect(screen.queryByText("9 of 9 seats checked in")).toBeNull();
      unmount();
      expect(sources[0]!.closed).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
