import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  ADMIN_PRIVILEGES,
  member,
  resetFakes,
  signedIn,
  standardTier,
  studentTier,
  trpc,
  trpcError,
} from "../../../test/fakes.ts";
import { renderPortal } from "../../../test/render-portal.tsx";

vi.mock("../../lib/trpc.ts", () => import("../../../test/fakes.ts"));
vi.mock("../../lib/auth.ts", () => import("../../../test/fakes.ts"));

const archived = { ...studentTier, id: "t3", name: "Founders", archived: true };

beforeEach(() => {
  resetFakes();
  signedIn({ ...member, role: "admin" }, 0, { privileges: ADMIN_PRIVILEGES });
  trpc.memberships.tiers.query.mockResolvedValue([standardTier, studentTier, archived]);
});

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe("tiers page", () => {
  it("lists every tier, archived ones too", async () => {
    renderPortal("/admin/tiers");
    await screen.findByRole("heading", { level: 1, name: "Membership tiers" });
    const table = await screen.findByRole("table", { name: "Tiers" });
    expect(trpc.memberships.tiers.query).toHaveBeenCalledWith({ includeArchived: true });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(4);
    expect(within(rows[1]!).getByText("12 months from joining")).toBeTruthy();
    expect(within(rows[1]!).getByText("50.00")).toBeTruthy();
    expect(within(rows[2]!).getByText("Until August 31 each year")).toBeTruthy();
    expect(within(rows[3]!).getByText("Archived")).toBeTruthy();
    expect(within(rows[3]!).getByRole("button", { name: "Reopen Founders" })).toBeTruthy();
  });

  it("creates a tier, checking every field against the domain's limits", async () => {
    renderPortal("/admin/tiers");
    await screen.findByRole("heading", { name: "New tier" });
    fill("Months", "200");
    fill("Grace days", "-1");
    fireEvent.click(screen.getByRole("button", { name: "Create tier" }));
    expect(await screen.findByText("Enter a name for the tier.")).toBeTruthy();
    expect(screen.getByText("Enter a whole number from 1 to 120.")).toBeTruthy();
    expect(screen.getByText("Enter a whole number from 0 to 365.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Name"));
    expect(trpc.memberships.saveTier.mutate).not.toHaveBeenCalled();

    fill("Name", "Academic year");
    fireEvent.click(screen.getByLabelText("Until the same date every year"));
    fireEvent.change(screen.getByLabelText("End month"), { target: { value: "2" } });
    fill("End day", "30");
    fill("Grace days", "14");
    fireEvent.click(screen.getByRole("button", { name: "Create tier" }));
    expect(await screen.findByText("That day does not exist in that month.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("End month"), { target: { value: "8" } });
    fill("End day", "31");
    fill("Fee", "20");
    fireEvent.click(screen.getByLabelText("An organizer approves each application"));
    trpc.memberships.saveTier.mutate.mockResolvedValue({});
    fireEvent.click(screen.getByRole("button", { name: "Create tier" }));
    expect(await screen.findByText("The tier has been created.")).toBeTruthy();
    expect(trpc.memberships.saveTier.mutate).toHaveBeenCalledWith({
      id: undefined,
      name: "Academic year",
      term: { kind: "fixed", endMonth: 8, endDay: 31 },
      feeCents: 2000,
      graceDays: 14,
      loanLimit: 3,
      loanDays: 21,
      maxRenewals: 1,
      holdLimit: 3,
      requiresApproval: true,
    });
    // The form is empty again for the next tier.
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("");
  });

  it("edits a tier and translates a name clash", async () => {
    renderPortal("/admin/tiers");
    fireEvent.click(await screen.findByRole("button", { name: "Edit Standard" }));
    expect(await screen.findByRole("heading", { name: "Edit tier Standard" })).toBeTruthy();
    expect((screen.getByLabelText("Fee") as HTMLInputElement).value).toBe("50.00");
    fill("Name", "Student");
    trpc.memberships.saveTier.mutate.mockRejectedValue(trpcError("CONFLICT", "TIER_NAME_TAKEN"));
    fireEvent.click(screen.getByRole("button", { name: "Save tier" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "A tier with this name exists already.",
    );
    expect(trpc.memberships.saveTier.mutate.mock.lastCall?.[0]).toMatchObject({
      id: "t1",
      name: "Student",
    });
    fireEvent.click(screen.getByRole("button", { name: "Cancel editing" }));
    expect(await screen.findByRole("heading", { name: "New tier" })).toBeTruthy();
  });

  it("archives and reopens", async () => {
    renderPortal("/admin/tiers");
    trpc.memberships.archiveTier.mutate.mockResolvedValue({});
    fireEvent.click(await screen.findByRole("button", { name: "Archive Standard" }));
    expect(
      await screen.findByText("The tier has been archived; nobody can apply for it any more."),
    ).toBeTruthy();
    expect(trpc.memberships.archiveTier.mutate).toHaveBeenCalledWith({ id: "t1", archived: true });
    fireEvent.click(screen.getByRole("button", { name: "Reopen Founders" }));
    await waitFor(() =>
      expect(trpc.memberships.archiveTier.mutate).toHaveBeenLastCalledWith({
        id: "t3",
        archived: false,
      }),
    );
  });
});
