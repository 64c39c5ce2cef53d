import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  activeStanding,
  activityDetail,
  hoursFromNow,
  member,
  memberRecord,
  registration,
  resetFakes,
  signedIn,
  trpc,
  trpcError,
} from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";
import { ACTIVITY_REFRESH_MS } from "./activity.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

beforeEach(() => {
  resetFakes();
  trpc.activities.get.query.mockResolvedValue(activityDetail());
});
afterEach(() => vi.useRealTimers());

describe("activity page", () => {
  it("shows the activity to anonymous visitors: facts, sanitised description, calendar link", async () => {
    trpc.activities.get.query.mockResolvedValue(
      activityDetail({
        featuredBooks: ["Dream of the Red Chamber"],
        partnerNames: ["City Library"],
      }),
    );
    renderPortal("/activities/a1");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Reading the classics" }),
    ).toBeTruthy();
    expect(trpc.activities.get.query).toHaveBeenCalledWith({ id: "a1" });
    expect(screen.getByText("Main library, hall A")).toBeTruthy();
    expect(screen.getByText("20 seats left")).toBeTruthy();
    const about = screen.getByRole("region", { name: "About this activity" });
    expect(about.querySelector("strong")?.textContent).toBe("your");
    expect(screen.getByRole("link", { name: "Add to calendar" }).getAttribute("href")).toBe(
      "http://localhost/feeds/activities/a1.ics",
    );
    expect(
      within(screen.getByRole("region", { name: "Featured books" })).getByText(
        "Dream of the Red Chamber",
      ),
    ).toBeTruthy();
    expect(screen.getByRole("region", { name: "Co-hosted with" }).textContent).toContain(
      "City Library",
    );
    expect(screen.queryByRole("link", { name: "Roster" })).toBeNull();
  });

  it("keeps the seats live, asking again every 15 seconds", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderPortal("/activities/a1");
    await screen.findByText("20 seats left");
    trpc.activities.get.query.mockResolvedValue(
      activityDetail({ seatsLeft: 4, confirmedSeats: 26 }),
    );
    await vi.advanceTimersByTimeAsync(ACTIVITY_REFRESH_MS);
    expect(await screen.findByText("4 seats left")).toBeTruthy();
    expect(trpc.activities.get.query).toHaveBeenCalledTimes(2);
  });

  it("says a members-only activity needs a membership", async () => {
    signedIn();
    trpc.activities.get.query.mockResolvedValue(activityDetail({ audience: "members" }));
    renderPortal("/activities/a1");
    const panel = await screen.findByRole("region", { name: "Registration" });
    expect(await within(panel).findByText(/This activity is for members only\./)).toBeTruthy();
    expect(within(panel).getByRole("link", { name: "Become a member" }).getAttribute("href")).toBe(
      "/membership",
    );
    expect(within(panel).queryByRole("button", { name: "Register" })).toBeNull();
  });

  it("tells anonymous visitors a hidden activity may be for members", async () => {
    trpc.activities.get.query.mockRejectedValue(trpcError("NOT_FOUND"));
    renderPortal("/activities/zz");
    expect(
      await screen.findByText(
        "We could not find this activity. If it is for members only, sign in to see it.",
      ),
    ).toBeTruthy();
  });
});

describe("guest registration", () => {
  it("checks name and e-mail, then registers and shows the manage link once", async () => {
    trpc.activities.get.query.mockResolvedValue(activityDetail({ maxPartySize: 3 }));
    renderPortal("/activities/a1");
    const panel = await screen.findByRole("region", { name: "Registration" });
    expect(within(panel).getByText(/By registering you agree/)).toBeTruthy();
    expect(within(panel).getByText("There are seats left: you will be confirmed.")).toBeTruthy();
    fireEvent.click(within(panel).getByRole("button", { name: "Register" }));
    expect(await screen.findByText("Enter your name.")).toBeTruthy();
    expect(screen.getByText("Enter your e-mail address.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Your name"));
    fill("Your name", "Wang Fang");
    fill("E-mail", "wang@example");
    fireEvent.click(within(panel).getByRole("button", { name: "Register" }));
    expect(await screen.findByText("Enter an e-mail address like name@example.org.")).toBeTruthy();
    expect(trpc.registrations.register.mutate).not.toHaveBeenCalled();

    fill("E-mail", " Wang@Example.org ");
    fireEvent.change(screen.getByLabelText("Party size"), { target: { value: "2" } });
    trpc.registrations.register.mutate.mockResolvedValue({
      registration: registration({ kind: "guest", partySize: 2 }),
      waitlistReason: null,
      manageToken: "tok123",
      manageUrl: "http://localhost/registrations/manage?token=tok123",
    });
    fireEvent.click(within(panel).getByRole("button", { name: "Register" }));
    expect(await screen.findByText("You are registered. See you there!")).toBeTruthy();
    expect(trpc.registrations.register.mutate).toHaveBeenCalledWith({
      activityId: "a1",
      partySize: 2,
      guest: { name: "Wang Fang", email: "wang@example.org" },
    });
    expect(
      screen.getByRole("link", { name: "http://localhost/registrations/manage?token=tok123" }),
    ).toBeTruthy();
    expect(screen.getByText(/It is shown only once here/)).toBeTruthy();
    expect(screen.queryByLabelText("Your name")).toBeNull();
  });

  it("translates a refusal", async () => {
    renderPortal("/activities/a1");
    await screen.findByLabelText("Your name");
    fill("Your name", "Wang Fang");
    fill("E-mail", "wang@example.org");
    trpc.registrations.register.mutate.mockRejectedValue(
      trpcError("CONFLICT", "ALREADY_REGISTERED"),
    );
    fireEvent.click(screen.getByRole("button", { name: "Register" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "You are already registered for this activity.",
    );
  });
});

describe("member registration", () => {
  beforeEach(() => {
    signedIn(member, 0, { member: memberRecord() });
  });

  it("registers a party and says the waitlist is next when the room is nearly full", async () => {
    trpc.activities.get.query.mockResolvedValue(
      activityDetail({
        myStanding: activeStanding,
        maxPartySize: 4,
        capacity: 30,
        confirmedSeats: 28,
        seatsLeft: 2,
      }),
    );
    renderPortal("/activities/a1");
    const select = (await screen.findByLabelText("Party size")) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "1 person",
      "2 people",
      "3 people",
      "4 people",
    ]);
    expect(screen.getByText("There are seats left: you will be confirmed.")).toBeTruthy();
    fireEvent.change(select, { target: { value: "3" } });
    expect(
      await screen.findByText("The activity is full: you will be first on the waitlist."),
    ).toBeTruthy();
    trpc.registrations.register.mutate.mockResolvedValue({
      registration: registration({ status: "waitlisted", partySize: 3, waitlistPosition: 1 }),
      waitlistReason: null,
      manageToken: null,
      manageUrl: null,
    });
    trpc.activities.get.query.mockResolvedValue(
      activityDetail({
        myStanding: activeStanding,
        myRegistration: registration({ status: "waitlisted", partySize: 3, waitlistPosition: 1 }),
      }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Register" }));
    expect(
      await screen.findByText(
        "The activity is full, so you are on the waitlist at place 1. We will tell you when a seat frees up.",
      ),
    ).toBeTruthy();
    expect(trpc.registrations.register.mutate).toHaveBeenCalledWith({
      activityId: "a1",
      partySize: 3,
    });
    expect(await screen.findByText("You are on the waitlist, at place 1.")).toBeTruthy();
  });

  it("registers for the whole series in one step", async () => {
    trpc.activities.get.query.mockResolvedValue(
      activityDetail({
        myStanding: activeStanding,
        seriesId: "s1",
        series: { id: "s1", title: "Spring reading club" },
      }),
    );
    trpc.registrations.registerSeries.mutate.mockResolvedValue({
      seriesId: "s1",
      registrations: [
        { activityId: "a1", registrationId: "r1", status: "confirmed" },
        { activityId: "a2", registrationId: "r2", status: "waitlisted" },
      ],
      skipped: [{ activityId: "a0", code: "ACTIVITY_ENDED" }],
    });
    renderPortal("/activities/a1");
    fireEvent.click(
      await screen.findByRole("button", { name: "Book every session of the series" }),
    );
    expect(
      await screen.findByText(
        "You are registered for 2 sessions of the series. 1 of them is on the waitlist. 1 session was left out (over, closed or already booked).",
      ),
    ).toBeTruthy();
    expect(trpc.registrations.registerSeries.mutate).toHaveBeenCalledWith({
      seriesId: "s1",
      partySize: 1,
    });
  });

  it("cancels, warning first when the cancellation will count as late", async () => {
    trpc.activities.get.query.mockResolvedValue(
      activityDetail({
        myStanding: activeStanding,
        startsAt: hoursFromNow(1),
        endsAt: hoursFromNow(3),
        myRegistration: registration(),
      }),
    );
    renderPortal("/activities/a1");
    expect(await screen.findByText("You are registered.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cancel registration" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Cancel your registration?" });
    expect(within(dialog).getByText("This is a late cancellation.")).toBeTruthy();
    expect(within(dialog).getByText(/Cancelling now counts like a no-show/)).toBeTruthy();
    trpc.registrations.cancel.mutate.mockResolvedValue({
      registration: registration({ status: "cancelled", lateCancellation: true }),
      promoted: 0,
    });
    trpc.activities.get.query.mockResolvedValue(
      activityDetail({
        myStanding: activeStanding,
        startsAt: hoursFromNow(1),
        endsAt: hoursFromNow(3),
      }),
    );
    fireEvent.click(within(dialog).getByRole("button", { name: "Yes, cancel" }));
    expect(
      await screen.findByText(
        "Your registration has been cancelled. It counts as a late cancellation.",
      ),
    ).toBeTruthy();
    expect(trpc.registrations.cancel.mutate).toHaveBeenCalledWith({
      registrationId: "r1",
      manageToken: undefined,
    });
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  });

  it("says cancelling is free before the deadline", async () => {
    trpc.activities.get.query.mockResolvedValue(
      activityDetail({ myStanding: activeStanding, myRegistration: registration() }),
    );
    renderPortal("/activities/a1");
    fireEvent.click(await screen.findByRole("button", { name: "Cancel registration" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText(/You can cancel without consequences until/)).toBeTruthy();
    expect(within(dialog).queryByText("This is a late cancellation.")).toBeNull();
    fireEvent.click(within(dialog).getByRole("button", { name: "Keep my registration" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(trpc.registrations.cancel.mutate).not.toHaveBeenCalled();
  });
});
