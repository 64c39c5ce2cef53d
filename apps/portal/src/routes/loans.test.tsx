import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { event, loan, myLoans } from "../../test/book-fakes.ts";
import {
  member,
  memberRecord,
  ORGANIZER_PRIVILEGES,
  resetFakes,
  signedIn,
  trpc,
  trpcError,
} from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

/** Ben's request for Ada's book, as Ada (the owner) sees it. */
const request = loan();
/** Ada borrowed Cy's book and has it now, due on 2030-05-20. */
const borrowed = loan({
  id: "l2",
  copyId: "c2",
  book: { id: "b2", title: "活着", authors: ["余华"], coverUrl: null },
  state: "on_loan",
  myRole: "borrower",
  borrower: { memberId: "mem-ada", name: "Ada L.", trust: null },
  owner: { kind: "member", memberId: "mem-cy", name: "Cy C." },
  message: "",
  acceptedAt: "2030-04-28T02:00:00.000Z",
  handedOverAt: "2030-04-29T02:00:00.000Z",
  dueDate: "2030-05-20",
  expiresAt: null,
  timeline: [
    event("requested"),
    event("accepted", { actorRole: "owner" }),
    event("handed_over", { actorRole: "owner", details: { dueDate: "2030-05-20" } }),
  ],
});

beforeEach(() => {
  resetFakes();
  signedIn(member, 0, { member: memberRecord() });
  trpc.loans.mine.query.mockResolvedValue(
    myLoans({
      asOwner: [request],
      asBorrower: [borrowed],
      queue: [
        {
          copyId: "c9",
          book: { id: "b9", title: "Pride and Prejudice" },
          position: 2,
          joinedAt: "2030-04-01T00:00:00.000Z",
        },
      ],
    } as never),
  );
});

async function lendingTab() {
  renderPortal("/loans?tab=lending");
  return screen.findByRole("region", { name: "Requests waiting for your answer" });
}

describe("loans: the owner's inbox", () => {
  it("lists requests with the borrower's name, message and returns so far", async () => {
    const inbox = await lendingTab();
    expect(within(inbox).getByRole("link", { name: "The Great Gatsby" }).getAttribute("href")).toBe(
      "/books/b1",
    );
    expect(within(inbox).getByText(/Asked for by Ben B\./)).toBeTruthy();
    expect(within(inbox).getByText(/2 books brought back so far/)).toBeTruthy();
    expect(within(inbox).getByText("I can pick it up on Saturday.")).toBeTruthy();
    // The tab says how many requests wait, in words for screen readers too.
    expect(screen.getByRole("tab", { name: /Lending.*1 request waiting for you/ })).toBeTruthy();
  });

  it("accepts a request with loans.accept and shows the result", async () => {
    trpc.loans.accept.mutate.mockResolvedValue({ ...request, state: "accepted" });
    const inbox = await lendingTab();
    trpc.loans.mine.query.mockResolvedValue(
      myLoans({ asOwner: [{ ...request, state: "accepted" }] }),
    );
    fireEvent.click(within(inbox).getByRole("button", { name: "Accept" }));
    expect(
      await screen.findByText(
        "You have accepted the request for “The Great Gatsby”. Arrange the hand-over.",
      ),
    ).toBeTruthy();
    expect(trpc.loans.accept.mutate).toHaveBeenCalledWith({ loanId: "l1", note: undefined });
    expect(trpc.loans.decline.mutate).not.toHaveBeenCalled();
    // Accepted, it moves out of the inbox to the books with others, ready to hand over.
    const out = screen.getByRole("region", { name: "Your books with others" });
    expect(await within(out).findByRole("button", { name: "Confirm hand-over" })).toBeTruthy();
    expect(
      within(screen.getByRole("region", { name: "Requests waiting for your answer" })).getByText(
        "No requests are waiting for your answer.",
      ),
    ).toBeTruthy();
  });

  it("declines with an optional reason through loans.decline", async () => {
    trpc.loans.decline.mutate.mockResolvedValue({ ...request, state: "declined" });
    const inbox = await lendingTab();
    fireEvent.click(within(inbox).getByRole("button", { name: "Decline" }));
    const dialog = await screen.findByRole("dialog", {
      name: "Decline the request for “The Great Gatsby”?",
    });
    expect(within(dialog).getByText("Ben B. will be told.")).toBeTruthy();
    fireEvent.input(within(dialog).getByLabelText("Reason"), {
      target: { value: "It is promised to a friend." },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: "Decline" }));
    await waitFor(() =>
      expect(trpc.loans.decline.mutate).toHaveBeenCalledWith({
        loanId: "l1",
        note: "It is promised to a friend.",
      }),
    );
    expect(trpc.loans.accept.mutate).not.toHaveBeenCalled();
    expect(
      await screen.findByText("You have declined the request for “The Great Gatsby”."),
    ).toBeTruthy();
  });

  it("shows a refusal by its domain code", async () => {
    trpc.loans.accept.mutate.mockRejectedValue(
      trpcError("PRECONDITION_FAILED", "LOAN_LIMIT_REACHED", { loanLimit: 3 }),
    );
    const inbox = await lendingTab();
    fireEvent.click(within(inbox).getByRole("button", { name: "Accept" }));
    expect((await within(inbox).findByRole("alert")).textContent).toBe(
      "The limit of 3 books at a time has been reached.",
    );
  });
});

describe("loans: the borrower's side", () => {
  it("offers only the borrower's moves, with the due date", async () => {
    renderPortal("/loans");
    const region = await screen.findByRole("region", { name: "Books you asked for or have" });
    const card = within(region).getByRole("article", { name: "活着" });
    expect(within(card).getByText("From Cy C.")).toBeTruthy();
    expect(within(card).getByText("On loan")).toBeTruthy();
    expect(within(card).getByText("May 20, 2030")).toBeTruthy();
    const buttons = within(card)
      .getAllByRole("button")
      .map((b) => b.textContent);
    expect(buttons).toEqual(["Renew", "Report lost"]);
    // The owner's moves are not offered to the borrower.
    expect(within(card).queryByRole("button", { name: "Confirm return" })).toBeNull();
    // Borrowers do not see their own record of returns.
    expect(within(card).queryByText(/brought back so far/)).toBeNull();
  });

  it("shows why a renewal is refused", async () => {
    trpc.loans.renew.mutate.mockRejectedValue(trpcError("PRECONDITION_FAILED", "COPY_QUEUED"));
    renderPortal("/loans");
    const card = await screen.findByRole("article", { name: "活着" });
    fireEvent.click(within(card).getByRole("button", { name: "Renew" }));
    expect((await within(card).findByRole("alert")).textContent).toBe(
      "Someone is waiting for this book, so it cannot be renewed.",
    );
    expect(trpc.loans.renew.mutate).toHaveBeenCalledWith({ loanId: "l2", note: undefined });
  });

  it("marks an overdue loan", async () => {
    trpc.loans.mine.query.mockResolvedValue(
      myLoans({ asBorrower: [{ ...borrowed, dueDate: "2025-01-10", overdue: true }] }),
    );
    renderPortal("/loans");
    const card = await screen.findByRole("article", { name: "活着" });
    expect(card.classList.contains("loan--overdue")).toBe(true);
    expect(within(card).getByText("Overdue")).toBeTruthy();
  });

  it("shows the timeline of moves", async () => {
    renderPortal("/loans");
    const card = await screen.findByRole("article", { name: "活着" });
    const items = within(card)
      .getAllByRole("listitem")
      .map((li) => li.textContent ?? "");
    expect(items).toHaveLength(3);
    expect(items[0]).toContain("Requested by the borrower");
    expect(items[2]).toContain("Handed over by the owner (due back May 20, 2030)");
  });

  it("lists queue places with their position and leaves one", async () => {
    trpc.loans.leaveQueue.mutate.mockResolvedValue({ copyId: "c9", left: true });
    renderPortal("/loans");
    const queue = await screen.findByRole("region", { name: "Queues you are in" });
    expect(within(queue).getByText("Number 2 in the queue")).toBeTruthy();
    fireEvent.click(
      within(queue).getByRole("button", { name: "Leave the queue for “Pride and Prejudice”" }),
    );
    await waitFor(() =>
      expect(trpc.loans.leaveQueue.mutate).toHaveBeenCalledWith({ copyId: "c9" }),
    );
    expect(
      await screen.findByText("You have left the queue for “Pride and Prejudice”."),
    ).toBeTruthy();
  });
});

describe("loans: officers", () => {
  it("answer for the association shelf's requests", async () => {
    signedIn({ ...member, role: "organizer" }, 0, {
      member: memberRecord(),
      privileges: [...ORGANIZER_PRIVILEGES, "books.label"],
    });
    trpc.loans.mine.query.mockResolvedValue(
      myLoans({
        association: [
          loan({
            id: "l5",
            myRole: "association",
            onShelf: true,
            owner: { kind: "association", shelf: "Central Library" },
          }),
        ],
      }),
    );
    renderPortal("/loans?tab=lending");
    const shelf = await screen.findByRole("region", { name: "Association shelf" });
    expect(within(shelf).getByRole("button", { name: "Accept" })).toBeTruthy();
    expect(within(shelf).getByRole("button", { name: "Decline" })).toBeTruthy();
  });

  it("offer no moves on their own copy kept on a shelf: the shelf hands it over", async () => {
    signedIn({ ...member, role: "organizer" }, 0, {
      member: memberRecord(),
      privileges: [...ORGANIZER_PRIVILEGES, "books.label"],
    });
    trpc.loans.mine.query.mockResolvedValue(
      myLoans({
        asOwner: [loan({ id: "l6", state: "accepted", myRole: "owner", onShelf: true })],
      }),
    );
    renderPortal("/loans?tab=lending");
    const card = await screen.findByRole("article", { name: "The Great Gatsby" });
    expect(within(card).queryByRole("button")).toBeNull();
  });
});

describe("one loan's page", () => {
  it("shows the loan with its timeline unfolded", async () => {
    trpc.loans.get.query.mockResolvedValue(borrowed);
    renderPortal("/loans/l2");
    const card = await screen.findByRole("article", { name: "活着" });
    expect(trpc.loans.get.query).toHaveBeenCalledWith({ id: "l2" });
    expect((card.querySelector("details") as HTMLDetailsElement).open).toBe(true);
  });

  it("says when it is not the reader's", async () => {
    trpc.loans.get.query.mockRejectedValue(trpcError("NOT_FOUND"));
    renderPortal("/loans/l9");
    expect(await screen.findByText("We could not find this loan.")).toBeTruthy();
  });
});
