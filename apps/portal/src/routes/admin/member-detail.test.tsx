import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  ADMIN_PRIVILEGES,
  member,
  membershipView,
  ORGANIZER_PRIVILEGES,
  resetFakes,
  signedIn,
  trpc,
  trpcError,
} from "../../../test/fakes.ts";
import { renderPortal } from "../../../test/render-portal.tsx";

vi.mock("../../lib/trpc.ts", () => import("../../../test/fakes.ts"));
vi.mock("../../lib/auth.ts", () => import("../../../test/fakes.ts"));

const pending = membershipView({
  status: "pending",
  approvedAt: null,
  paidAt: null,
  startDate: null,
  endDate: null,
  canRenew: false,
});

function detail(membership = pending) {
  return {
    member: {
      id: "mem1",
      memberNumber: "12345674",
      memberNumberFormatted: "1234 5674",
      firstName: "Mei",
      lastName: "Lin",
      email: "lin@example.org",
      phone: null,
      directoryConsent: true,
      cardVersion: 1,
      userId: "u1",
      joinedAt: "2025-01-09T02:00:00.000Z",
    },
    account: { userId: "u1", role: "member", email: "lin@example.org", name: "Lin Mei" },
    membership,
    payments: [
      {
        id: "p1",
        membershipId: "m1",
        amountCents: 5000,
        method: "bank_transfer",
        reference: "TX-42",
        paidAt: "2025-01-10T02:00:00.000Z",
        recordedByName: "Organizer Ode",
      },
    ],
    events: [
      {
        id: 2,
        kind: "suspended",
        at: "2025-02-01T02:00:00.000Z",
        actorName: "Organizer Ode",
        details: { reason: "Unreturned books" },
      },
      {
        id: 1,
        kind: "applied",
        at: "2025-01-09T02:00:00.000Z",
        actorName: "Lin Mei",
        details: { tier: "Standard" },
      },
      {
        id: 3,
        kind: "account_linked",
        at: "2025-01-09T01:00:00.000Z",
        actorName: "Lin Mei",
        details: {},
      },
      {
        id: 0,
        kind: "brand_new_kind",
        at: "2025-01-08T02:00:00.000Z",
        actorName: null,
        details: {},
      },
    ],
  };
}

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

beforeEach(() => {
  resetFakes();
  signedIn({ ...member, id: "org", role: "organizer" }, 0, { privileges: ORGANIZER_PRIVILEGES });
  trpc.memberships.get.query.mockResolvedValue(detail());
});

describe("member detail", () => {
  it("shows the member, payments and translated history", async () => {
    renderPortal("/admin/members/mem1");
    expect(await screen.findByRole("heading", { level: 1, name: "Mei Lin" })).toBeTruthy();
    expect(trpc.memberships.get.query).toHaveBeenCalledWith({ memberId: "mem1" });
    const payments = screen.getByRole("region", { name: "Payments" });
    expect(within(payments).getByText("50.00")).toBeTruthy();
    expect(within(payments).getByText("Bank transfer")).toBeTruthy();
    expect(within(payments).getByText("TX-42")).toBeTruthy();
    const history = screen.getByRole("region", { name: "History" });
    expect(within(history).getByText("Membership suspended")).toBeTruthy();
    expect(within(history).getByText("Reason: Unreturned books")).toBeTruthy();
    expect(within(history).getByText("Applied for a membership")).toBeTruthy();
    expect(within(history).getByText("Account linked (e-mail confirmed)")).toBeTruthy();
    expect(within(history).getByText("Tier: Standard")).toBeTruthy();
    // An event kind the portal does not know yet is shown as it is.
    expect(within(history).getByText("brand_new_kind")).toBeTruthy();
    // Organizers cannot change roles.
    expect(screen.queryByLabelText("Role")).toBeNull();
  });

  it("offers the actions of a pending membership: approve and record payment, not reinstate", async () => {
    renderPortal("/admin/members/mem1");
    await screen.findByText("Waiting for approval.");
    expect(screen.getByText("Waiting for the fee of 50.00.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Reinstate" })).toBeNull();
    trpc.memberships.approve.mutate.mockResolvedValue(pending);
    trpc.memberships.get.query.mockResolvedValue(
      detail({ ...pending, approvedAt: "2025-12-01T02:00:00.000Z" }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Approve" }));
    expect(await screen.findByText("The membership has been approved.")).toBeTruthy();
    expect(trpc.memberships.approve.mutate).toHaveBeenCalledWith({ membershipId: "m1" });
    await waitFor(() => expect(screen.queryByRole("button", { name: "Approve" })).toBeNull());
  });

  it("records a payment in cents with method and reference", async () => {
    renderPortal("/admin/members/mem1");
    const amount = (await screen.findByLabelText("Amount")) as HTMLInputElement;
    expect(amount.value).toBe("50.00");
    fill("Amount", "abc");
    fireEvent.click(screen.getByRole("button", { name: "Record payment" }));
    expect(await screen.findByText("Enter an amount like 50 or 50.00.")).toBeTruthy();
    expect(trpc.memberships.recordPayment.mutate).not.toHaveBeenCalled();
    fill("Amount", "48,5");
    fireEvent.change(screen.getByLabelText("Method"), { target: { value: "mobile" } });
    fill("Reference", " WX-9 ");
    trpc.memberships.recordPayment.mutate.mockResolvedValue(pending);
    fireEvent.click(screen.getByRole("button", { name: "Record payment" }));
    expect(await screen.findByText("The payment has been recorded.")).toBeTruthy();
    expect(trpc.memberships.recordPayment.mutate).toHaveBeenCalledWith({
      membershipId: "m1",
      amountCents: 4850,
      method: "mobile",
      reference: "WX-9",
    });
  });

  it("suspends only with a reason, and reinstates", async () => {
    trpc.memberships.get.query.mockResolvedValue(detail(membershipView()));
    renderPortal("/admin/members/mem1");
    fireEvent.click(await screen.findByRole("button", { name: "Suspend" }));
    expect(await screen.findByText("Give a reason; the member will be told.")).toBeTruthy();
    expect(trpc.memberships.suspend.mutate).not.toHaveBeenCalled();
    fill("Reason", "Unreturned books");
    const suspended = membershipView({ status: "suspended", suspensionReason: "Unreturned books" });
    trpc.memberships.suspend.mutate.mockResolvedValue(suspended);
    trpc.memberships.get.query.mockResolvedValue(detail(suspended));
    fireEvent.click(screen.getByRole("button", { name: "Suspend" }));
    expect(await screen.findByRole("button", { name: "Reinstate" })).toBeTruthy();
    expect(trpc.memberships.suspend.mutate).toHaveBeenCalledWith({
      membershipId: "m1",
      reason: "Unreturned books",
    });
    expect(screen.queryByRole("button", { name: "Suspend" })).toBeNull();
    trpc.memberships.reinstate.mutate.mockRejectedValue(trpcError("CONFLICT", "NOT_SUSPENDED"));
    fireEvent.click(screen.getByRole("button", { name: "Reinstate" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This membership is not suspended.",
    );
  });

  it("lets admins change the role", async () => {
    signedIn({ ...member, id: "adm", role: "admin" }, 0, { privileges: ADMIN_PRIVILEGES });
    renderPortal("/admin/members/mem1");
    const role = await screen.findByLabelText("Role");
    const save = screen.getByRole("button", { name: "Save role" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(role, { target: { value: "organizer" } });
    trpc.admin.setRole.mutate.mockResolvedValue({ userId: "u1", role: "organizer" });
    fireEvent.click(save);
    expect(await screen.findByText("The role has been changed.")).toBeTruthy();
    expect(trpc.admin.setRole.mutate).toHaveBeenCalledWith({ userId: "u1", role: "organizer" });
  });

  it("says when the member cannot be found", async () => {
    trpc.memberships.get.query.mockRejectedValue(trpcError("NOT_FOUND"));
    renderPortal("/admin/members/nobody");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "We could not find what you asked for.",
    );
  });
});
