import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  ADMIN_PRIVILEGES,
  activityDetail,
  activityItem,
  member,
  ORGANIZER_PRIVILEGES,
  resetFakes,
  signedIn,
  trpc,
  trpcError,
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

beforeEach(() => {
  resetFakes();
  signedIn({ ...member, role: "organizer" }, 0, { privileges: ORGANIZER_PRIVILEGES });
  // Venues come from locations.list (the fakes' one venue); the list is for the page's other calls.
  trpc.activities.list.query.mockResolvedValue({ items: [activityItem()], nextCursor: null });
});

describe("new activity", () => {
  it("is for organizers", async () => {
    signedIn();
    renderPortal("/admin/activities/new");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This page is for organizers and administrators.",
    );
  });

  it("previews the description as the activity page will show it", async () => {
    trpc.activities.previewDescription.query.mockResolvedValueOnce({
      html: "<p><strong>Bring</strong> a book</p>",
    });
    renderPortal("/admin/activities/new");
    await screen.findByRole("heading", { level: 1, name: "New activity" });
    fill("Description", "**Bring** a book <script>x</script>");
    fireEvent.click(screen.getByRole("button", { name: "Preview the description" }));
    const preview = await screen.findByRole("region", { name: "Preview of the description" });
    expect(preview.querySelector("strong")?.textContent).toBe("Bring");
    expect(trpc.activities.previewDescription.query).toHaveBeenCalledWith({
      markdown: "**Bring** a book <script>x</script>",
    });
  });

  it("checks every field with the domain's rules, as it is typed", async () => {
    renderPortal("/admin/activities/new");
    await screen.findByRole("heading", { level: 1, name: "New activity" });
    fireEvent.click(screen.getByRole("button", { name: "Create activity" }));
    expect(await screen.findByText("Enter a title.")).toBeTruthy();
    expect(screen.getAllByText("Enter a date and time.")).toHaveLength(2);
    expect(screen.getByText("Choose the venue.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Title"));

    fill("Title", "Poetry evening");
    fill("Starts", "2030-05-01T19:00");
    fill("Ends", "2030-05-01T18:00");
    expect(await screen.findByText("The end must be after the start.")).toBeTruthy();
    fill("Capacity", "-3");
    expect(
      await screen.findByText(
        "Enter a whole number of seats from 1 to 100000, or leave it empty for no limit.",
      ),
    ).toBeTruthy();
    fill("Registration opens", "2030-05-01T20:00");
    expect(await screen.findByText(/Registration must open before it closes/)).toBeTruthy();
    fill("Registration closes", "2030-05-02T09:00");
    expect(screen.getByText("Registration must close before the activity ends.")).toBeTruthy();
    expect(trpc.activities.create.mutate).not.toHaveBeenCalled();
  });

  it("creates a draft in the association's zone and goes to its page", async () => {
    trpc.activities.create.mutate.mockResolvedValue(
      activityDetail({ id: "new1", status: "draft" }),
    );
    trpc.activities.get.query.mockResolvedValue(
      activityDetail({
        id: "new1",
        status: "draft",
        phase: "draft",
        registrationState: "unavailable",
      }),
    );
    const { history } = renderPortal("/admin/activities/new");
    await screen.findByRole("heading", { level: 1, name: "New activity" });
    fireEvent.change(screen.getByLabelText("Kind"), { target: { value: "workshop" } });
    fill("Title", "Calligraphy workshop");
    fill("Starts", "2030-05-01T19:00");
    fill("Ends", "2030-05-01T21:00");
    fill("Capacity", "2");
    fill("Featured books", "The Art of Writing\n\nBrush and Ink");
    const venueSelect = (await screen.findByLabelText("Venue")) as HTMLSelectElement;
    await waitFor(() => expect(venueSelect.options.length).toBe(2));
    fireEvent.change(venueSelect, { target: { value: venue.id } });
    fireEvent.click(screen.getByRole("button", { name: "Create activity" }));
    await waitFor(() => expect(trpc.activities.create.mutate).toHaveBeenCalled());
    expect(trpc.activities.create.mutate.mock.lastCall?.[0]).toMatchObject({
      kind: "workshop",
      title: "Calligraphy workshop",
      // 19:00 in Asia/Shanghai.
      startsAt: new Date("2030-05-01T11:00:00Z"),
      endsAt: new Date("2030-05-01T13:00:00Z"),
      locationId: "loc1",
      capacity: 2,
      audience: "public",
      featuredBooks: ["The Art of Writing", "Brush and Ink"],
    });
    await waitFor(() => expect(history.get()).toBe("/admin/activities/new1?created=1"));
    expect(await screen.findByText(/The activity has been created as a draft/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Publish" })).toBeTruthy();
  });
});

describe("editing an activity", () => {
  it("saves only what changed and translates a refusal", async () => {
    trpc.activities.get.query.mockResolvedValue(activityDetail());
    renderPortal("/admin/activities/a1");
    const title = (await screen.findByLabelText("Title")) as HTMLInputElement;
    expect(title.value).toBe("Reading the classics");
    expect((screen.getByLabelText("Capacity") as HTMLInputElement).value).toBe("30");
    fill("Capacity", "8");
    trpc.activities.update.mutate.mockRejectedValue(
      trpcError("CONFLICT", "CAPACITY_BELOW_CONFIRMED", { confirmedSeats: 10 }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(
      await screen.findByText("10 seats are already confirmed; the capacity cannot be lower."),
    ).toBeTruthy();
    expect(trpc.activities.update.mutate).toHaveBeenCalledWith({ id: "a1", capacity: 8 });

    trpc.activities.update.mutate.mockResolvedValue(activityDetail({ capacity: 40 }));
    fill("Capacity", "40");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("The activity has been saved.")).toBeTruthy();
    expect(trpc.activities.update.mutate).toHaveBeenLastCalledWith({ id: "a1", capacity: 40 });
  });

  it("edits every session of a series, leaving times per session", async () => {
    trpc.activities.get.query.mockResolvedValue(
      activityDetail({ seriesId: "s1", series: { id: "s1", title: "Spring club" } }),
    );
    trpc.activities.updateSeries.mutate.mockResolvedValue({
      series: {},
      activities: [activityItem(), activityItem({ id: "a2" })],
    });
    renderPortal("/admin/activities/a1");
    fireEvent.click(await screen.findByLabelText("Every session that has not started yet"));
    expect((screen.getByLabelText("Starts") as HTMLInputElement).disabled).toBe(true);
    fill("Title", "Spring reading club");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("The change has been saved for 2 sessions.")).toBeTruthy();
    expect(trpc.activities.updateSeries.mutate).toHaveBeenCalledWith({
      seriesId: "s1",
      patch: { title: "Spring reading club" },
    });
  });

  it("publishes a draft", async () => {
    trpc.activities.get.query.mockResolvedValue(
      activityDetail({ status: "draft", phase: "draft", registrationState: "unavailable" }),
    );
    trpc.activities.publish.mutate.mockResolvedValue({
      activity: activityDetail(),
      published: ["a1"],
    });
    renderPortal("/admin/activities/a1");
    const publish = await screen.findByRole("button", { name: "Publish" });
    trpc.activities.get.query.mockResolvedValue(activityDetail());
    fireEvent.click(publish);
    expect(await screen.findByText("The activity has been published.")).toBeTruthy();
    expect(trpc.activities.publish.mutate).toHaveBeenCalledWith({ id: "a1", series: false });
    await waitFor(() => expect(screen.queryByRole("button", { name: "Publish" })).toBeNull());
  });

  it("cancels after saying registrants will be told", async () => {
    trpc.activities.get.query.mockResolvedValue(
      activityDetail({ confirmedSeats: 3, waitlistSeats: 1 }),
    );
    trpc.activities.cancel.mutate.mockResolvedValue({
      activity: activityDetail(),
      cancelled: ["a1"],
    });
    renderPortal("/admin/activities/a1");
    fireEvent.click(await screen.findByRole("button", { name: "Cancel activity" }));
    const dialog = await screen.findByRole("alertdialog", {
      name: "Cancel “Reading the classics”?",
    });
    expect(
      within(dialog).getByText(
        "All 4 registered people will be notified by e-mail and in the portal.",
      ),
    ).toBeTruthy();
    fireEvent.input(within(dialog).getByLabelText("Reason"), {
      target: { value: "The speaker is ill." },
    });
    trpc.activities.get.query.mockResolvedValue(
      activityDetail({ status: "cancelled", phase: "cancelled" }),
    );
    fireEvent.click(within(dialog).getByRole("button", { name: "Yes, cancel the activity" }));
    expect(
      await screen.findByText("The activity has been cancelled and registrants notified."),
    ).toBeTruthy();
    expect(trpc.activities.cancel.mutate).toHaveBeenCalledWith({
      id: "a1",
      reason: "The speaker is ill.",
      series: false,
    });
    expect(
      await screen.findByText("This activity was cancelled; it can no longer be edited."),
    ).toBeTruthy();
  });
});

describe("venue", () => {
  it("offers the library's locations, used before or not", async () => {
    trpc.locations.list.query.mockResolvedValue([
      venue,
      { id: "reading-room", name: "East reading room", address: null },
    ]);
    renderPortal("/admin/activities/new");
    const select = (await screen.findByLabelText("Venue")) as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(3));
    expect([...select.options].map((option) => option.textContent)).toEqual([
      "Choose a venue",
      "East reading room",
      "Main library, hall A",
    ]);
    fireEvent.change(select, { target: { value: "reading-room" } });
    expect(select.value).toBe("reading-room");
  });

  it("says there are none, with a link to add them for administrators", async () => {
    trpc.locations.list.query.mockResolvedValue([]);
    signedIn({ ...member, role: "admin" }, 0, { privileges: ADMIN_PRIVILEGES });
    renderPortal("/admin/activities/new");
    expect(
      await screen.findByText(/No locations have been set up yet, so the activity cannot be given/),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: "Add locations" }).getAttribute("href")).toBe(
      "/admin/locations",
    );
    expect(screen.queryByLabelText("Venue")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Create activity" }));
    expect(await screen.findByText("Choose the venue.")).toBeTruthy();
  });

  it("asks organizers to turn to an administrator", async () => {
    trpc.locations.list.query.mockResolvedValue([]);
    renderPortal("/admin/activities/new");
    expect(
      await screen.findByText(/Ask an administrator to add the library's locations\./),
    ).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Add locations" })).toBeNull();
  });
});
