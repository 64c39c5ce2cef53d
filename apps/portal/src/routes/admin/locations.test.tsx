import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  ADMIN_PRIVILEGES,
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

const readingRoom = { id: "reading-room", name: "East reading room", address: null };

beforeEach(() => {
  resetFakes();
  signedIn({ ...member, role: "admin" }, 0, { privileges: ADMIN_PRIVILEGES });
  trpc.locations.list.query.mockResolvedValue([venue, readingRoom]);
});

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe("locations page", () => {
  it("is reached from the administration menu", async () => {
    renderPortal("/");
    const admin = await screen.findByRole("navigation", { name: "Administration" });
    expect(within(admin).getByRole("link", { name: "Locations" }).getAttribute("href")).toBe(
      "/admin/locations",
    );
  });

  it("is for admins only", async () => {
    signedIn({ ...member, role: "organizer" }, 0, { privileges: ORGANIZER_PRIVILEGES });
    renderPortal("/admin/locations");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This page is for organizers and administrators.",
    );
  });

  it("lists the locations with their addresses", async () => {
    renderPortal("/admin/locations");
    await screen.findByRole("heading", { level: 1, name: "Locations" });
    const table = await screen.findByRole("table", { name: "Locations" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText("Main library, hall A")).toBeTruthy();
    expect(within(rows[1]!).getByText("1 River Road")).toBeTruthy();
    expect(within(rows[2]!).getByText("No address")).toBeTruthy();
  });

  it("says when there are none yet", async () => {
    trpc.locations.list.query.mockResolvedValue([]);
    renderPortal("/admin/locations");
    expect(
      await screen.findByText(
        "There are no locations yet. Add the first one below: every activity needs a venue.",
      ),
    ).toBeTruthy();
  });

  it("adds a location after checking its name", async () => {
    renderPortal("/admin/locations");
    await screen.findByRole("heading", { name: "New location" });
    fireEvent.click(screen.getByRole("button", { name: "Add location" }));
    expect(await screen.findByText("Enter the location's name.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Name"));
    expect(trpc.locations.save.mutate).not.toHaveBeenCalled();

    const added = { id: "children-s-corner", name: "Children's corner", address: "2 River Road" };
    trpc.locations.save.mutate.mockResolvedValue(added);
    fill("Name", "  Children's corner ");
    fill("Address", "2 River Road");
    trpc.locations.list.query.mockResolvedValue([venue, readingRoom, added]);
    fireEvent.click(screen.getByRole("button", { name: "Add location" }));
    expect(await screen.findByText("The location Children's corner has been added.")).toBeTruthy();
    expect(trpc.locations.save.mutate).toHaveBeenCalledWith({
      id: undefined,
      name: "Children's corner",
      address: "2 River Road",
    });
    const table = screen.getByRole("table", { name: "Locations" });
    await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(4));
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("");
  });

  it("renames a location and clears its address, and translates a refusal", async () => {
    renderPortal("/admin/locations");
    fireEvent.click(await screen.findByRole("button", { name: "Edit Main library, hall A" }));
    expect(
      await screen.findByRole("heading", { name: "Edit location Main library, hall A" }),
    ).toBeTruthy();
    expect((screen.getByLabelText("Address") as HTMLTextAreaElement).value).toBe("1 River Road");
    fill("Name", "Main library, great hall");
    fill("Address", " ");
    trpc.locations.save.mutate.mockRejectedValueOnce(trpcError("FORBIDDEN"));
    fireEvent.click(screen.getByRole("button", { name: "Save location" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "You are not allowed to do this.",
    );
    trpc.locations.save.mutate.mockResolvedValue({ ...venue, name: "Main library, great hall" });
    fireEvent.click(screen.getByRole("button", { name: "Save location" }));
    expect(await screen.findByText("The location has been saved.")).toBeTruthy();
    expect(trpc.locations.save.mutate).toHaveBeenLastCalledWith({
      id: "loc1",
      name: "Main library, great hall",
      address: null,
    });
    expect(await screen.findByRole("heading", { name: "New location" })).toBeTruthy();
  });
});
