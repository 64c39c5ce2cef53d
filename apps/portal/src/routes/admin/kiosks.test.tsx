import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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

const minutesFromNow = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

function device(overrides: Record<string, unknown> = {}) {
  return {
    id: "k1",
    name: "Entrance",
    locationId: venue.id,
    locationName: venue.name,
    createdAt: minutesFromNow(-600),
    pairedAt: minutesFromNow(-590),
    lastSeenAt: minutesFromNow(-3),
    revokedAt: null,
    pairingExpiresAt: null,
    state: "paired",
    ...overrides,
  };
}

const pairing = (expiresInMinutes = 15) => ({
  device: device({
    id: "k2",
    name: "Reading room",
    pairedAt: null,
    lastSeenAt: null,
    state: "pairing",
    pairingExpiresAt: minutesFromNow(expiresInMinutes),
  }),
  pairingCode: "K7QP-2M9X",
  pairingUrl: "https://readers.example/kiosk/?pair=K7QP2M9X",
  pairingQrSvg:
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>',
  expiresAt: minutesFromNow(expiresInMinutes),
});

beforeEach(() => {
  resetFakes();
  signedIn({ ...member, role: "admin" }, 0, { privileges: ADMIN_PRIVILEGES });
  trpc.kiosk.devices.query.mockResolvedValue([device()]);
  trpc.kiosk.staffPin.query.mockResolvedValue({ set: false });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("kiosks page", () => {
  it("is reached from the administration menu, for admins only", async () => {
    renderPortal("/");
    const admin = await screen.findByRole("navigation", { name: "Administration" });
    expect(within(admin).getByRole("link", { name: "Kiosks" }).getAttribute("href")).toBe(
      "/admin/kiosks",
    );
  });

  it("refuses organizers", async () => {
    signedIn({ ...member, role: "organizer" }, 0, { privileges: ORGANIZER_PRIVILEGES });
    renderPortal("/admin/kiosks");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This page is for organizers and administrators.",
    );
    expect(trpc.kiosk.devices.query).not.toHaveBeenCalled();
  });

  it("lists kiosks with location, state, pairing time and when they were last seen", async () => {
    trpc.kiosk.devices.query.mockResolvedValue([
      device(),
      device({
        id: "k3",
        name: "Old tablet",
        state: "revoked",
        revokedAt: minutesFromNow(-60),
        lastSeenAt: null,
      }),
    ]);
    renderPortal("/admin/kiosks");
    const table = await screen.findByRole("table", { name: "Kiosks" });
    const [, entrance, old] = within(table).getAllByRole("row");
    expect(within(entrance!).getByRole("rowheader").textContent).toBe("Entrance");
    expect(entrance!.textContent).toContain("Main library, hall A");
    expect(entrance!.textContent).toContain("Paired");
    expect(entrance!.textContent).toContain("3 minutes ago");
    expect(within(entrance!).getByRole("button", { name: "Revoke" })).toBeTruthy();
    expect(old!.textContent).toContain("Revoked");
    expect(old!.textContent).toContain("Never");
    expect(within(old!).queryByRole("button", { name: "Revoke" })).toBeNull();
  });

  it("says when there are none", async () => {
    trpc.kiosk.devices.query.mockResolvedValue([]);
    renderPortal("/admin/kiosks");
    expect(await screen.findByText("There are no kiosks yet.")).toBeTruthy();
  });

  it("creates a kiosk and shows its pairing code, QR and time left, then that it paired", async () => {
    // Fake timers that still run, so the list's re-reading every 5 s can be skipped ahead.
    vi.useFakeTimers({ shouldAdvanceTime: true });
    trpc.kiosk.pair.mutate.mockResolvedValue(pairing());
    renderPortal("/admin/kiosks");
    await screen.findByRole("heading", { name: "New kiosk" });
    fireEvent.click(screen.getByRole("button", { name: "Create pairing code" }));
    expect(await screen.findByText("Enter the kiosk's name.")).toBeTruthy();
    expect(trpc.kiosk.pair.mutate).not.toHaveBeenCalled();

    fireEvent.input(screen.getByLabelText("Name"), { target: { value: "  Reading room " } });
    trpc.kiosk.devices.query.mockResolvedValue([device(), pairing().device]);
    fireEvent.click(screen.getByRole("button", { name: "Create pairing code" }));
    const panel = await screen.findByRole("region", { name: "Pairing code for Reading room" });
    expect(trpc.kiosk.pair.mutate).toHaveBeenCalledWith({
      name: "Reading room",
      locationId: "loc1",
    });
    expect(within(panel).getByText("K7QP-2M9X")).toBeTruthy();
    expect(
      within(panel).getByRole("img", { name: "QR code of the pairing link" }).innerHTML,
    ).toContain("<svg");
    expect(within(panel).getByText("https://readers.example/kiosk/?pair=K7QP2M9X")).toBeTruthy();
    expect(within(panel).getByText(/^Expires in 1[45]:\d\d\.$/)).toBeTruthy();
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("");

    // The kiosk enters the code: the list (re-read every few seconds) shows it paired.
    trpc.kiosk.devices.query.mockResolvedValue([
      device(),
      { ...pairing().device, state: "paired", pairedAt: new Date().toISOString() },
    ]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await within(panel).findByText("Reading room is paired and ready.")).toBeTruthy();
  });

  it("says when the code has run out", async () => {
    trpc.kiosk.pair.mutate.mockResolvedValue({ ...pairing(), expiresAt: minutesFromNow(-1) });
    renderPortal("/admin/kiosks");
    fireEvent.input(await screen.findByLabelText("Name"), { target: { value: "Desk" } });
    fireEvent.click(screen.getByRole("button", { name: "Create pairing code" }));
    expect(await screen.findByText("This code has expired. Create a new one.")).toBeTruthy();
  });

  it("shows why pairing failed", async () => {
    trpc.kiosk.pair.mutate.mockRejectedValue(trpcError("NOT_FOUND"));
    renderPortal("/admin/kiosks");
    fireEvent.input(await screen.findByLabelText("Name"), { target: { value: "Desk" } });
    fireEvent.click(screen.getByRole("button", { name: "Create pairing code" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "We could not find what you asked for.",
    );
  });

  it("needs a location first", async () => {
    trpc.locations.list.query.mockResolvedValue([]);
    renderPortal("/admin/kiosks");
    expect(
      await screen.findByText(/There are no locations yet; a kiosk belongs to one\./),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: "Add locations" }).getAttribute("href")).toBe(
      "/admin/locations",
    );
    expect(screen.queryByRole("button", { name: "Create pairing code" })).toBeNull();
  });

  it("revokes a kiosk after confirmation", async () => {
    trpc.kiosk.revoke.mutate.mockResolvedValue(device({ state: "revoked" }));
    renderPortal("/admin/kiosks");
    const table = await screen.findByRole("table", { name: "Kiosks" });
    fireEvent.click(within(table).getByRole("button", { name: "Revoke" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Revoke Entrance?" });
    expect(dialog.textContent).toContain("The kiosk stops working at once");
    trpc.kiosk.devices.query.mockResolvedValue([device({ state: "revoked" })]);
    fireEvent.click(within(dialog).getByRole("button", { name: "Revoke kiosk" }));
    expect(await screen.findByText("Entrance has been revoked.")).toBeTruthy();
    expect(trpc.kiosk.revoke.mutate).toHaveBeenCalledWith({ deviceId: "k1" });
    await waitFor(() => expect(within(table).queryByRole("button", { name: "Revoke" })).toBeNull());
  });

  it("keeps the dialog open with the reason when revoking fails", async () => {
    trpc.kiosk.revoke.mutate.mockRejectedValue(trpcError("FORBIDDEN"));
    renderPortal("/admin/kiosks");
    fireEvent.click(await screen.findByRole("button", { name: "Revoke" }));
    const dialog = await screen.findByRole("alertdialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Revoke kiosk" }));
    expect(await within(dialog).findByText("You are not allowed to do this.")).toBeTruthy();
  });

  it("reads in Chinese", async () => {
    signedIn({ ...member, role: "admin", locale: "zh-CN" }, 0, { privileges: ADMIN_PRIVILEGES });
    renderPortal("/admin/kiosks", { locale: "zh-CN" });
    expect(await screen.findByRole("heading", { level: 1, name: "自助终端" })).toBeTruthy();
    const table = await screen.findByRole("table", { name: "终端" });
    expect(table.textContent).toContain("已配对");
    expect(table.textContent).toContain("3分钟前");
  });
});

describe("the kiosks' staff PIN", () => {
  it("is set with 4 to 8 digits, and removed again", async () => {
    trpc.kiosk.setStaffPin.mutate.mockResolvedValue({ set: true });
    renderPortal("/admin/kiosks");
    const card = await screen.findByRole("region", { name: "Staff PIN" });
    expect(
      within(card).getByText("No staff PIN: anyone at a kiosk can open the list."),
    ).toBeTruthy();
    const field = within(card).getByLabelText("PIN");
    fireEvent.input(field, { target: { value: "12a" } });
    fireEvent.click(within(card).getByRole("button", { name: "Save PIN" }));
    expect(await within(card).findByText("Enter 4 to 8 digits.")).toBeTruthy();
    expect(trpc.kiosk.setStaffPin.mutate).not.toHaveBeenCalled();
    trpc.kiosk.staffPin.query.mockResolvedValue({ set: true });
    fireEvent.input(field, { target: { value: "2468" } });
    fireEvent.click(within(card).getByRole("button", { name: "Save PIN" }));
    expect(await within(card).findByText(/The staff PIN is saved/)).toBeTruthy();
    expect(trpc.kiosk.setStaffPin.mutate).toHaveBeenCalledWith({ pin: "2468" });
    expect(await within(card).findByText("A staff PIN is set.")).toBeTruthy();
    expect((within(card).getByLabelText("New PIN") as HTMLInputElement).value).toBe("");
    trpc.kiosk.staffPin.query.mockResolvedValue({ set: false });
    fireEvent.click(within(card).getByRole("button", { name: "Remove PIN" }));
    expect(await within(card).findByText(/The staff PIN is removed/)).toBeTruthy();
    expect(trpc.kiosk.setStaffPin.mutate).toHaveBeenLastCalledWith({ pin: null });
  });
});
