import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  ADMIN_PRIVILEGES,
  member,
  ORGANIZER_PRIVILEGES,
  resetFakes,
  signedIn,
  trpc,
} from "../../../test/fakes.ts";
import { renderPortal } from "../../../test/render-portal.tsx";

vi.mock("../../lib/trpc.ts", () => import("../../../test/fakes.ts"));
vi.mock("../../lib/auth.ts", () => import("../../../test/fakes.ts"));

const entry = (id: number, action: string) => ({
  id,
  at: "2025-12-01T02:00:00.000Z",
  actorId: "adm",
  actorName: "Ada Admin",
  actorKind: "admin",
  action,
  targetType: "membership",
  targetId: "m1",
  details: { memberId: "mem1", amountCents: 5000 },
});

beforeEach(() => {
  resetFakes();
  signedIn({ ...member, role: "admin" }, 0, {
    privileges: [...ADMIN_PRIVILEGES, "admin.updateSettings"],
  });
});

describe("audit log", () => {
  it("lists entries with actor, action, target and details, and shows older ones", async () => {
    trpc.admin.auditLog.query
      .mockResolvedValueOnce({ items: [entry(9, "membership.approve")], nextBefore: 9 })
      .mockResolvedValueOnce({ items: [entry(3, "tier.create")], nextBefore: null });
    renderPortal("/admin/audit");
    const table = await screen.findByRole("table", {
      name: "Organizer and administrator actions, newest first",
    });
    expect(within(table).getByText("Ada Admin (Administrator)")).toBeTruthy();
    expect(within(table).getByText("membership.approve")).toBeTruthy();
    expect(within(table).getByText("membership m1")).toBeTruthy();
    expect(within(table).getByText("amountCents")).toBeTruthy();
    expect(trpc.admin.auditLog.query).toHaveBeenCalledWith({ limit: 50, before: undefined });
    fireEvent.click(screen.getByRole("button", { name: "Show older entries" }));
    expect(await screen.findByText("tier.create")).toBeTruthy();
    expect(trpc.admin.auditLog.query).toHaveBeenLastCalledWith({ limit: 50, before: 9 });
    expect(screen.queryByRole("button", { name: "Show older entries" })).toBeNull();
  });

  it("is for admins only", async () => {
    signedIn({ ...member, role: "organizer" }, 0, { privileges: ORGANIZER_PRIVILEGES });
    renderPortal("/admin/audit");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This page is for organizers and administrators.",
    );
    expect(trpc.admin.auditLog.query).not.toHaveBeenCalled();
  });
});

describe("association settings", () => {
  /** The settings page over stored settings with the domain's default waits. */
  function openSettings() {
    trpc.admin.settings.query.mockResolvedValue({
      name: "Riverside Readers",
      timezone: "Asia/Shanghai",
      contactEmail: null,
      bookSharing: { requestExpiryDays: 7, pickupDays: 7 },
    });
    trpc.admin.updateSettings.mutate.mockResolvedValue({});
    renderPortal("/admin/settings");
  }

  it("checks the time zone with the domain and saves", async () => {
    openSettings();
    const zone = await screen.findByLabelText("Time zone");
    expect((zone as HTMLInputElement).value).toBe("Asia/Shanghai");
    fireEvent.input(zone, { target: { value: "Mars/Olympus" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(
      await screen.findByText("Enter a time zone such as Asia/Shanghai or Europe/Paris."),
    ).toBeTruthy();
    expect(trpc.admin.updateSettings.mutate).not.toHaveBeenCalled();
    fireEvent.input(zone, { target: { value: "Europe/Paris" } });
    fireEvent.input(screen.getByLabelText("Contact e-mail"), {
      target: { value: "board@example.org" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Your changes have been saved.")).toBeTruthy();
    expect(trpc.admin.updateSettings.mutate).toHaveBeenCalledWith({
      name: "Riverside Readers",
      timezone: "Europe/Paris",
      contactEmail: "board@example.org",
      bookSharing: { requestExpiryDays: 7, pickupDays: 7 },
    });
    await waitFor(() => expect(trpc.me.get.query).toHaveBeenCalledTimes(2));
  });

  it("sets how long book sharing waits, within the domain's limits", async () => {
    openSettings();
    const pickup = await screen.findByLabelText("Days to collect a book");
    expect((pickup as HTMLInputElement).value).toBe("7");
    fireEvent.input(pickup, { target: { value: "32" } });
    fireEvent.input(screen.getByLabelText("Days to answer a request"), {
      target: { value: "2.5" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findAllByText("Enter a whole number from 1 to 31.")).toHaveLength(2);
    expect(trpc.admin.updateSettings.mutate).not.toHaveBeenCalled();
    fireEvent.input(pickup, { target: { value: "3" } });
    fireEvent.input(screen.getByLabelText("Days to answer a request"), {
      target: { value: "2" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Your changes have been saved.")).toBeTruthy();
    expect(trpc.admin.updateSettings.mutate).toHaveBeenCalledWith(
      expect.objectContaining({ bookSharing: { requestExpiryDays: 2, pickupDays: 3 } }),
    );
  });
});
