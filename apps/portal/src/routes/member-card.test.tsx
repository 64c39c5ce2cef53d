import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { memberRecord, resetFakes, signedIn, trpc, trpcError } from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

const svg = (version: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" data-version="${version}"><path d="M0 0h7v7H0z"/></svg>`;

const card = {
  memberNumber: "12345674",
  memberNumberFormatted: "1234 5674",
  name: "Mei Lin",
  association: "Riverside Readers",
  tierName: "Standard",
  status: "active",
  endDate: "2026-01-09",
  cardVersion: 1,
  qrPayload: "R1.12345674.1.sig",
  qrSvg: svg(1),
};

beforeEach(() => {
  resetFakes();
  signedIn(undefined, 0, { member: memberRecord() });
  trpc.memberships.card.query.mockResolvedValue(card);
});

describe("member card page", () => {
  it("shows the card with the server's QR code as an image with an accessible name", async () => {
    renderPortal("/membership/card");
    const qr = await screen.findByRole("img", { name: "QR code of member card 1234 5674" });
    expect(qr.querySelector("svg")?.getAttribute("data-version")).toBe("1");
    const article = screen.getByRole("article", { name: "Riverside Readers" });
    expect(within(article).getByText("Mei Lin")).toBeTruthy();
    expect(within(article).getByText("1234 5674")).toBeTruthy();
    expect(within(article).getByText("Standard")).toBeTruthy();
    expect(within(article).getByText("Active")).toBeTruthy();
    expect(within(article).getByText("Jan 9, 2026")).toBeTruthy();
    expect(screen.getAllByRole("heading", { level: 1, name: "Member card" })).toHaveLength(1);
  });

  it("prints", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => undefined);
    renderPortal("/membership/card");
    fireEvent.click(await screen.findByRole("button", { name: "Print card" }));
    expect(print).toHaveBeenCalled();
  });

  it("reports the card lost after explaining, then shows the new card", async () => {
    renderPortal("/membership/card");
    fireEvent.click(await screen.findByRole("button", { name: "Report lost card" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Report your card lost?" });
    expect(dialog.textContent).toContain("stop working at once");
    trpc.memberships.reportLostCard.mutate.mockResolvedValue({ cardVersion: 2 });
    trpc.memberships.card.query.mockResolvedValue({ ...card, cardVersion: 2, qrSvg: svg(2) });
    fireEvent.click(within(dialog).getByRole("button", { name: "Yes, replace my card" }));
    expect(
      await screen.findByText("Your old card no longer works. This is your new card."),
    ).toBeTruthy();
    await waitFor(() =>
      expect(
        screen
          .getByRole("img", { name: "QR code of member card 1234 5674" })
          .querySelector("svg")
          ?.getAttribute("data-version"),
      ).toBe("2"),
    );
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("invites someone without a member record to apply", async () => {
    trpc.memberships.card.query.mockRejectedValue(trpcError("PRECONDITION_FAILED", "NOT_A_MEMBER"));
    renderPortal("/membership/card");
    expect(await screen.findByText("You do not have a member card yet.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Apply for a membership" })).toBeTruthy();
  });
});
