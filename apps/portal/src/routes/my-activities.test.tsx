import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  member,
  memberRecord,
  registration,
  resetFakes,
  signedIn,
  trpc,
} from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

function brief(id: string, title: string, startsAt: string) {
  return {
    id,
    title,
    kind: "lecture",
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
    locationId: "loc1",
    locationName: "Main library, hall A",
    status: "published",
    phase: "upcoming",
    seriesId: null,
  };
}

const feed = {
  url: "http://localhost/feeds/me/secret-one.ics",
  webcalUrl: "webcal://localhost/feeds/me/secret-one.ics",
  createdAt: "2025-01-01T00:00:00.000Z",
};

beforeEach(() => {
  resetFakes();
  signedIn(member, 0, { member: memberRecord() });
  trpc.registrations.feedToken.query.mockResolvedValue(feed);
  trpc.registrations.mine.query.mockImplementation(async (input: { cursor?: string }) =>
    input.cursor
      ? {
          upcoming: [],
          past: [
            {
              registration: registration({
                id: "r5",
                status: "cancelled",
                lateCancellation: true,
                attendance: "late_cancellation",
              }),
              activity: brief("a5", "Old workshop", "2024-01-10T11:00:00Z"),
            },
          ],
          nextCursor: null,
        }
      : {
          upcoming: [
            {
              registration: registration({ id: "r1" }),
              activity: brief("a1", "Poetry evening", "2030-05-01T11:00:00Z"),
            },
            {
              registration: registration({
                id: "r2",
                status: "waitlisted",
                waitlistPosition: 2,
                attendance: "waitlisted",
              }),
              activity: brief("a2", "Calligraphy", "2030-05-02T11:00:00Z"),
            },
          ],
          past: [
            {
              registration: registration({
                id: "r3",
                checkedInAt: "2025-01-10T11:00:00Z",
                attendance: "attended",
              }),
              activity: brief("a3", "Book swap", "2025-01-10T11:00:00Z"),
            },
            {
              registration: registration({ id: "r4", attendance: "no_show" }),
              activity: brief("a4", "Film night", "2024-12-10T11:00:00Z"),
            },
          ],
          nextCursor: "p2",
        },
  );
});

describe("my activities", () => {
  it("is for signed-in people", async () => {
    resetFakes();
    const { history } = renderPortal("/my/activities");
    await waitFor(() => expect(history.get()).toBe("/sign-in?next=%2Fmy%2Factivities"));
    expect(trpc.registrations.mine.query).not.toHaveBeenCalled();
  });

  it("lists upcoming bookings and what became of past ones, older ones on request", async () => {
    renderPortal("/my/activities");
    expect(await screen.findByRole("heading", { level: 1, name: "My activities" })).toBeTruthy();
    const upcoming = await screen.findByRole("region", { name: "Upcoming" });
    expect(
      within(upcoming).getByRole("link", { name: "Poetry evening" }).getAttribute("href"),
    ).toBe("/activities/a1");
    expect(within(upcoming).getByText("You are registered.")).toBeTruthy();
    expect(within(upcoming).getByText("You are on the waitlist, at place 2.")).toBeTruthy();
    const past = screen.getByRole("region", { name: "Past" });
    expect(within(past).getByText("Attended")).toBeTruthy();
    expect(within(past).getByText("No-show")).toBeTruthy();
    fireEvent.click(within(past).getByRole("button", { name: "Show older activities" }));
    expect(await within(past).findByText("Cancelled late")).toBeTruthy();
    expect(trpc.registrations.mine.query).toHaveBeenLastCalledWith({ limit: 20, cursor: "p2" });
    expect(within(past).queryByRole("button", { name: "Show older activities" })).toBeNull();
  });

  it("shows the personal feed address, copies it and makes a new one", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    renderPortal("/my/activities");
    const card = await screen.findByRole("region", { name: "Your calendar feed" });
    const address = (await within(card).findByLabelText("Calendar address")) as HTMLInputElement;
    expect(address.value).toBe(feed.url);
    fireEvent.click(within(card).getByRole("button", { name: "Copy address" }));
    expect(await within(card).findByText("Copied to the clipboard.")).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(feed.url);

    trpc.registrations.regenerateFeedToken.mutate.mockResolvedValue({
      ...feed,
      url: "http://localhost/feeds/me/secret-two.ics",
    });
    fireEvent.click(within(card).getByRole("button", { name: "Make a new address" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Make a new calendar address?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Yes, make a new address" }));
    expect(
      await screen.findByText("Your calendar has a new address. The old one no longer works."),
    ).toBeTruthy();
    expect((screen.getByLabelText("Calendar address") as HTMLInputElement).value).toBe(
      "http://localhost/feeds/me/secret-two.ics",
    );
  });
});
