import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  activityItem,
  member,
  ORGANIZER_PRIVILEGES,
  resetFakes,
  signedIn,
  trpc,
  venue,
} from "../../../test/fakes.ts";
import { renderPortal } from "../../../test/render-portal.tsx";

vi.mock("../../lib/trpc.ts", () => import("../../../test/fakes.ts"));
vi.mock("../../lib/auth.ts", () => import("../../../test/fakes.ts"));

function fill(label: string, value: string) {
  const input = screen.getByLabelText(label);
  fireEvent.input(input, { target: { value } });
  fireEvent.blur(input);
}

const emptySummary = {
  confirmedParties: 0,
  confirmedSeats: 0,
  waitlistedParties: 0,
  waitlistedSeats: 0,
  attendedParties: 0,
  attendedSeats: 0,
  noShowParties: 0,
  noShowSeats: 0,
  walkInParties: 0,
  walkInSeats: 0,
  lateCancellations: 0,
  cancellations: 0,
  noShowRate: null,
};

beforeEach(() => {
  resetFakes();
  signedIn({ ...member, role: "organizer" }, 0, { privileges: ORGANIZER_PRIVILEGES });
  trpc.activities.list.query.mockResolvedValue({ items: [activityItem()], nextCursor: null });
  trpc.activities.attendance.query.mockResolvedValue({
    series: {
      id: "s1",
      title: "Spring reading club",
      summary: "",
      kind: "reading_club",
      completionPercent: 75,
    },
    activities: [
      {
        activity: { ...activityItem(), phase: "upcoming" },
        summary: { ...emptySummary, confirmedParties: 4, confirmedSeats: 4 },
      },
    ],
    members: [
      { memberId: "m1", name: "Mei Lin", completed: true, attended: 3, counted: 4, required: 3 },
      { memberId: "m2", name: "Wang Fang", completed: false, attended: 1, counted: 4, required: 3 },
    ],
  });
});

describe("series", () => {
  it("creates a weekly series from its first session", async () => {
    trpc.activities.createSeries.mutate.mockResolvedValue({
      series: { id: "s1", title: "Spring reading club" },
      activities: [],
    });
    const { history } = renderPortal("/admin/series/new");
    await screen.findByRole("heading", { level: 1, name: "New series" });
    fireEvent.click(screen.getByRole("button", { name: "Create series" }));
    expect(await screen.findByText("Enter a title.")).toBeTruthy();
    expect(trpc.activities.createSeries.mutate).not.toHaveBeenCalled();

    fill("Series title", "Spring reading club");
    fill("Starts", "2030-05-07T19:00");
    fill("Ends", "2030-05-07T20:30");
    fill("Number of sessions", "8");
    fill("Capacity", "12");
    const venueSelect = screen.getByLabelText("Venue") as HTMLSelectElement;
    await waitFor(() => expect(venueSelect.options.length).toBe(2));
    fireEvent.change(venueSelect, { target: { value: venue.id } });
    fireEvent.click(screen.getByLabelText("Publish the sessions now"));
    fireEvent.click(screen.getByRole("button", { name: "Create series" }));
    await waitFor(() => expect(trpc.activities.createSeries.mutate).toHaveBeenCalled());
    expect(trpc.activities.createSeries.mutate.mock.lastCall?.[0]).toMatchObject({
      series: { title: "Spring reading club", kind: "reading_club", completionPercent: 75 },
      template: { title: "Spring reading club", capacity: 12, locationId: "loc1" },
      repeat: {
        frequency: "weekly",
        interval: 1,
        count: 8,
        startsAt: new Date("2030-05-07T11:00:00Z"),
        endsAt: new Date("2030-05-07T12:30:00Z"),
      },
      publish: true,
    });
    await waitFor(() => expect(history.get()).toBe("/admin/series/s1?created=1"));
    expect(await screen.findByText("The series has been created.")).toBeTruthy();
  });

  it("takes a list of dates, one session at a time", async () => {
    renderPortal("/admin/series/new");
    await screen.findByRole("heading", { level: 1, name: "New series" });
    fireEvent.click(screen.getByLabelText("List the dates"));
    expect(screen.queryByLabelText("Starts")).toBeNull();
    fill("Session 1 starts", "2030-05-07T19:00");
    fill("Session 1 ends", "2030-05-07T18:00");
    expect(await screen.findByText("The end must be after the start.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Add a session" }));
    expect(screen.getByLabelText("Session 2 starts")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove session 2" }));
    expect(screen.queryByLabelText("Session 2 starts")).toBeNull();
  });

  it("shows each session's attendance and who completed the series", async () => {
    renderPortal("/admin/series/s1");
    expect(await screen.findByRole("heading", { name: "Spring reading club" })).toBeTruthy();
    expect(
      screen.getByText("Members complete the series by attending 75 % of its sessions."),
    ).toBeTruthy();
    const table = screen.getByRole("table", {
      name: "Members who booked a session, with the sessions they attended",
    });
    const mei = within(table).getByRole("row", { name: /Mei Lin/ });
    expect(within(mei).getByText("3 of 4 (needs 3)")).toBeTruthy();
    expect(within(mei).getByText("Yes")).toBeTruthy();
    expect(trpc.activities.attendance.query).toHaveBeenCalledWith({ seriesId: "s1" });
  });
});
