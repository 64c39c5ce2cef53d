import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  activityItem,
  member,
  ORGANIZER_PRIVILEGES,
  resetFakes,
  signedIn,
  trpc,
} from "../../../test/fakes.ts";
import { renderPortal } from "../../../test/render-portal.tsx";

vi.mock("../../lib/trpc.ts", () => import("../../../test/fakes.ts"));
vi.mock("../../lib/auth.ts", () => import("../../../test/fakes.ts"));

beforeEach(() => {
  resetFakes();
  signedIn({ ...member, role: "organizer" }, 0, { privileges: ORGANIZER_PRIVILEGES });
  trpc.activities.list.query.mockResolvedValue({
    items: [
      activityItem({ status: "draft", phase: "draft", title: "Draft talk", confirmedSeats: 0 }),
      activityItem({
        id: "a2",
        title: "Open day",
        capacity: null,
        seatsLeft: null,
        waitlistCount: 2,
      }),
    ],
    nextCursor: null,
  });
});

describe("organizers' activities", () => {
  it("is for organizers", async () => {
    signedIn();
    renderPortal("/admin/activities");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This page is for organizers and administrators.",
    );
    expect(trpc.activities.list.query).not.toHaveBeenCalled();
  });

  it("lists drafts too, with seats, and links to each form and roster", async () => {
    renderPortal("/admin/activities");
    const table = await screen.findByRole("table", { name: "Activities" });
    const draft = within(table).getByRole("row", { name: /Draft talk/ });
    expect(within(draft).getByText("Draft")).toBeTruthy();
    expect(within(draft).getByText("0 of 30")).toBeTruthy();
    expect(within(draft).getByRole("link", { name: "Draft talk" }).getAttribute("href")).toBe(
      "/admin/activities/a1",
    );
    expect(within(draft).getByRole("link", { name: "Roster" }).getAttribute("href")).toBe(
      "/admin/activities/a1/roster",
    );
    const open = within(table).getByRole("row", { name: /Open day/ });
    expect(within(open).getByText("10 (no limit)")).toBeTruthy();
    expect(within(open).getByText("2 parties waitlisted")).toBeTruthy();
    expect(screen.getByRole("link", { name: "New activity" }).getAttribute("href")).toBe(
      "/admin/activities/new",
    );
  });

  it("filters by status", async () => {
    const { history } = renderPortal("/admin/activities");
    await screen.findByRole("table", { name: "Activities" });
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "draft" } });
    await waitFor(() =>
      expect(trpc.activities.list.query).toHaveBeenLastCalledWith(
        expect.objectContaining({ status: "draft", limit: 50 }),
      ),
    );
    expect(history.get()).toBe("/admin/activities?status=draft");
  });
});
