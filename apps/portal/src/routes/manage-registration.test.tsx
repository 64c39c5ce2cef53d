import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { activityItem, registration, resetFakes, trpc, trpcError } from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

beforeEach(() => {
  resetFakes();
  trpc.registrations.manage.query.mockResolvedValue({
    registration: registration({ kind: "guest", partySize: 2 }),
    guestName: "Wang Fang",
    activity: activityItem(),
    checkInQrSvg: '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>',
  });
});

describe("a guest's manage link", () => {
  it("shows the registration and cancels it without an account", async () => {
    renderPortal("/registrations/manage?token=tok123");
    expect(await screen.findByRole("link", { name: "Reading the classics" })).toBeTruthy();
    expect(trpc.registrations.manage.query).toHaveBeenCalledWith({ token: "tok123" });
    expect(screen.getByText("Wang Fang")).toBeTruthy();
    expect(screen.getByText("2 people")).toBeTruthy();
    expect(screen.getByText("You are registered for a party of 2.")).toBeTruthy();
    // The code the kiosk camera reads.
    expect(screen.getByRole("img", { name: "Check-in code" }).querySelector("svg")).toBeTruthy();

    trpc.registrations.cancel.mutate.mockResolvedValue({
      registration: registration({ kind: "guest", status: "cancelled" }),
      promoted: 1,
    });
    trpc.registrations.manage.query.mockResolvedValue({
      registration: registration({ kind: "guest", status: "cancelled", partySize: 2 }),
      guestName: "Wang Fang",
      activity: activityItem(),
      checkInQrSvg: null,
    });
    fireEvent.click(screen.getByRole("button", { name: "Cancel registration" }));
    const dialog = await screen.findByRole("alertdialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Yes, cancel" }));
    expect(await screen.findByText("Your registration has been cancelled.")).toBeTruthy();
    expect(trpc.registrations.cancel.mutate).toHaveBeenCalledWith({
      registrationId: "r1",
      manageToken: "tok123",
    });
    await waitFor(() => expect(screen.getByText("Cancelled.")).toBeTruthy());
    expect(screen.queryByRole("button", { name: "Cancel registration" })).toBeNull();
    expect(screen.queryByRole("img", { name: "Check-in code" })).toBeNull();
  });

  it("explains a missing or wrong token", async () => {
    renderPortal("/registrations/manage");
    expect(await screen.findByText(/This link is incomplete/)).toBeTruthy();
    expect(trpc.registrations.manage.query).not.toHaveBeenCalled();
  });

  it("explains a token that matches nothing", async () => {
    trpc.registrations.manage.query.mockRejectedValue(trpcError("NOT_FOUND"));
    renderPortal("/registrations/manage?token=nope");
    expect(await screen.findByText(/This link is not valid/)).toBeTruthy();
  });
});
