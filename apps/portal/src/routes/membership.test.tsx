import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  auth,
  member,
  memberRecord,
  membershipView,
  resetFakes,
  signedIn,
  trpc,
  trpcError,
} from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

beforeEach(() => {
  resetFakes();
  // Only the clock is fake: "today" in Asia/Shanghai is 2025-12-01.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2025-12-01T04:00:00Z"));
});
afterEach(() => vi.useRealTimers());

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe("membership page: applying", () => {
  it("sends anonymous visitors to sign in first", async () => {
    const { history } = renderPortal("/membership");
    await waitFor(() => expect(history.get()).toBe("/sign-in?next=%2Fmembership"));
  });

  it("shows the tiers with fee, term and loans, and prefills the name from the account", async () => {
    signedIn();
    renderPortal("/membership");
    await screen.findByRole("heading", { level: 1, name: "Membership" });
    const standard = await screen.findByRole("radio", { name: "Standard" });
    const details = document.getElementById(standard.getAttribute("aria-describedby") ?? "");
    expect(details?.textContent).toContain("Fee: 50.00");
    expect(details?.textContent).toContain("12 months from joining");
    expect(details?.textContent).toContain("Borrow up to 3 books for 21 days at a time");
    expect(details?.textContent).toContain("An organizer approves each application");
    const student = screen.getByRole("radio", { name: "Student" });
    const studentDetails = document.getElementById(student.getAttribute("aria-describedby") ?? "");
    expect(studentDetails?.textContent).toContain("No fee");
    expect(studentDetails?.textContent).toContain("Until August 31 each year");
    expect((screen.getByLabelText("First name") as HTMLInputElement).value).toBe("Lin");
    expect((screen.getByLabelText("Last name") as HTMLInputElement).value).toBe("Mei");
  });

  it("explains what is missing before sending anything", async () => {
    signedIn();
    renderPortal("/membership");
    await screen.findByRole("radio", { name: "Standard" });
    fill("First name", " ");
    fill("Phone", "call me maybe");
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByText("Choose a membership tier.")).toBeTruthy();
    expect(screen.getByText("Enter your first name.")).toBeTruthy();
    expect(
      screen.getByText(
        "Enter a phone number with digits, spaces or dashes, and an optional + at the start.",
      ),
    ).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: "Standard" }));
    expect(screen.getByLabelText("First name").getAttribute("aria-invalid")).toBe("true");
    expect(trpc.memberships.apply.mutate).not.toHaveBeenCalled();
  });

  it("applies with the chosen tier and shows the pending membership", async () => {
    signedIn();
    renderPortal("/membership");
    fireEvent.click(await screen.findByRole("radio", { name: "Standard" }));
    fill("Phone", " +86 138 0000 0000 ");
    fireEvent.click(screen.getByLabelText("Show my name in the member directory"));
    trpc.memberships.apply.mutate.mockImplementation(async () => {
      signedIn(undefined, 0, {
        member: memberRecord(
          membershipView({
            status: "pending",
            approvedAt: null,
            paidAt: null,
            startDate: null,
            endDate: null,
            canRenew: false,
          }),
        ),
      });
      return { membershipId: "m1", status: "pending" };
    });
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByText("Thank you! Your application has been received.")).toBeTruthy();
    expect(trpc.memberships.apply.mutate).toHaveBeenCalledWith({
      tierId: "t1",
      profile: {
        firstName: "Lin",
        lastName: "Mei",
        phone: "+86 138 0000 0000",
        directoryConsent: true,
      },
    });
    expect(await screen.findByText("Pending")).toBeTruthy();
    expect(
      screen.getByText("Your application is waiting for an organizer's approval."),
    ).toBeTruthy();
    expect(
      screen.getByText(
        "Your membership starts once your fee of 50.00 has been recorded. Pay it to an organizer of the association.",
      ),
    ).toBeTruthy();
    // Pending: public activities only.
    const cannot = screen.getByRole("region", { name: "Not possible at the moment" });
    expect(within(cannot).getByText("Take part in members-only activities")).toBeTruthy();
  });

  it("translates the server's refusal", async () => {
    signedIn();
    trpc.memberships.apply.mutate.mockRejectedValue(trpcError("CONFLICT", "ALREADY_MEMBER"));
    renderPortal("/membership");
    fireEvent.click(await screen.findByRole("radio", { name: "Student" }));
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "There is already a current membership.",
    );
  });

  it("offers the confirmation e-mail again when an imported member has the address", async () => {
    signedIn({ ...member, emailVerified: false });
    trpc.memberships.apply.mutate.mockRejectedValue(
      trpcError("PRECONDITION_FAILED", "EMAIL_UNVERIFIED"),
    );
    renderPortal("/membership");
    fireEvent.click(await screen.findByRole("radio", { name: "Student" }));
    expect(screen.queryByRole("button", { name: "Send confirmation e-mail again" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Confirm your e-mail address first: open the link we sent you. A member list imported by the association has this address.",
    );
    fireEvent.click(screen.getByRole("button", { name: "Send confirmation e-mail again" }));
    expect(
      await screen.findByText(
        "We have sent a new confirmation e-mail to lin@example.org. Open the link in it, then come back here.",
      ),
    ).toBeTruthy();
    expect(auth.sendVerificationEmail).toHaveBeenCalledWith("lin@example.org");
  });
});

describe("membership page: a current membership", () => {
  it("shows status, dates and privileges, and explains when renewal opens", async () => {
    signedIn(undefined, 0, {
      member: memberRecord(
        membershipView({ endDate: "2026-06-30", canRenew: false, renewalOpensOn: "2026-05-01" }),
      ),
    });
    renderPortal("/membership");
    expect(await screen.findByText("Active")).toBeTruthy();
    expect(screen.getByText("Jan 10, 2025")).toBeTruthy();
    expect(screen.getByText("Jun 30, 2026")).toBeTruthy();
    const can = screen.getByRole("region", { name: "What you can do now" });
    expect(within(can).getAllByRole("listitem")).toHaveLength(6);
    const renew = screen.getByRole("button", { name: "Renew" }) as HTMLButtonElement;
    expect(renew.disabled).toBe(true);
    expect(screen.getByText("Renewal opens on May 1, 2026.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Show my member card" })).toBeTruthy();
  });

  it("previews the new end date and renews", async () => {
    signedIn(undefined, 0, { member: memberRecord(membershipView({ endDate: "2026-01-09" })) });
    renderPortal("/membership");
    // The domain's rule: a rolling 12-month term continues the day after the old end.
    expect(
      await screen.findByText("Renewing now extends your membership until Jan 9, 2027."),
    ).toBeTruthy();
    trpc.memberships.renew.mutate.mockResolvedValue({
      status: "active",
      startDate: "2025-01-10",
      endDate: "2027-01-09",
    });
    fireEvent.click(screen.getByRole("button", { name: "Renew" }));
    expect(
      await screen.findByText("Thank you! Your membership now runs until Jan 9, 2027."),
    ).toBeTruthy();
    expect(trpc.memberships.renew.mutate).toHaveBeenCalledWith({});
  });

  it("says when renewal opens if the server refuses it as too early", async () => {
    signedIn(undefined, 0, { member: memberRecord(membershipView({ endDate: "2026-01-09" })) });
    trpc.memberships.renew.mutate.mockRejectedValue(
      trpcError("PRECONDITION_FAILED", "RENEWAL_TOO_EARLY", { opensOn: "2025-12-02" }),
    );
    renderPortal("/membership");
    fireEvent.click(await screen.findByRole("button", { name: "Renew" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Renewal opens on Dec 2, 2025.",
    );
  });

  it("explains a suspension", async () => {
    signedIn(undefined, 0, {
      member: memberRecord(
        membershipView({ status: "suspended", suspensionReason: "Unreturned books" }),
      ),
    });
    renderPortal("/membership");
    expect(
      await screen.findByText("Your membership is suspended. Reason given: Unreturned books"),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Renew" })).toBeNull();
  });

  it("leaves the association after confirming", async () => {
    signedIn(undefined, 0, { member: memberRecord() });
    renderPortal("/membership");
    fireEvent.click(await screen.findByRole("button", { name: "Leave the association" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Leave the association?" });
    trpc.memberships.leave.mutate.mockImplementation(async () => {
      signedIn(undefined, 0, {
        member: memberRecord(membershipView({ status: "cancelled", canRenew: false })),
      });
      return { status: "cancelled" };
    });
    fireEvent.click(within(dialog).getByRole("button", { name: "Yes, leave" }));
    expect(
      await screen.findByText("You have left the association. You are welcome back at any time."),
    ).toBeTruthy();
    // Someone who left may apply again.
    expect(await screen.findByRole("button", { name: "Apply" })).toBeTruthy();
  });
});
