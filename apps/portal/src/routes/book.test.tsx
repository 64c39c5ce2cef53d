import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { book, copy, loan } from "../../test/book-fakes.ts";
import { member, memberRecord, resetFakes, signedIn, trpc, trpcError } from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

const free = copy();
const lent = copy({
  id: "c2",
  owner: { kind: "member", memberId: "mem-cy", name: "Cy C.", isMe: false },
  state: "on_loan",
  dueDate: "2030-05-20",
  queueLength: 2,
  condition: "fair",
  minTrust: 3,
});
const shelf = copy({
  id: "c3",
  owner: { kind: "association" },
  shelf: { locationId: "loc1", name: "Central Library" },
  mode: "give",
});
const detail = {
  book: book(),
  copies: [free, lent, shelf],
  activities: [{ id: "a1", title: "Jazz Age evening", startsAt: "2030-06-01T11:00:00.000Z" }],
};

beforeEach(() => {
  resetFakes();
  signedIn(member, 0, { member: memberRecord() });
  trpc.books.get.query.mockResolvedValue(detail);
});

const copyCard = (name: string) => screen.findByRole("article", { name });

describe("a book's page", () => {
  it("shows the edition, each copy's owner, state, due date and queue, and featuring activities", async () => {
    renderPortal("/books/b1");
    expect(await screen.findByRole("heading", { level: 1, name: "The Great Gatsby" })).toBeTruthy();
    expect(trpc.books.get.query).toHaveBeenCalledWith({ id: "b1" });
    expect(screen.getByText("9780743273565")).toBeTruthy();

    const ada = await copyCard("Ada L.");
    expect(within(ada).getByText("Available")).toBeTruthy();
    expect(within(ada).getByText("With its owner")).toBeTruthy();
    expect(within(ada).getByText("Nobody waiting")).toBeTruthy();

    const cy = await copyCard("Cy C.");
    expect(within(cy).getByText("On loan")).toBeTruthy();
    expect(within(cy).getByText(/Due back May 20, 2030/)).toBeTruthy();
    expect(within(cy).getByText("2 members waiting")).toBeTruthy();
    expect(within(cy).getByText("Fair")).toBeTruthy();
    expect(within(cy).getByText("Members who have brought back at least 3 books")).toBeTruthy();

    const onShelf = await copyCard("Association shelf, Central Library");
    expect(within(onShelf).getByText("Given away (yours to keep)")).toBeTruthy();

    const activities = screen.getByRole("region", { name: "Activities with this book" });
    expect(
      within(activities).getByRole("link", { name: "Jazz Age evening" }).getAttribute("href"),
    ).toBe("/activities/a1");
    expect(screen.getByRole("link", { name: "Back to the books" }).getAttribute("href")).toBe(
      "/books",
    );
  });

  it("requests a free copy with a message", async () => {
    trpc.loans.request.mutate.mockResolvedValue(loan({ myRole: "borrower" }));
    renderPortal("/books/b1");
    const ada = await copyCard("Ada L.");
    fireEvent.click(within(ada).getByRole("button", { name: "Request this copy" }));
    const dialog = await screen.findByRole("dialog", { name: "Request “The Great Gatsby”" });
    expect(
      within(dialog).getByText(
        "Ada L. will be asked to lend it to you and will answer on the portal.",
      ),
    ).toBeTruthy();
    fireEvent.input(within(dialog).getByLabelText("Message"), {
      target: { value: " Saturday morning? " },
    });
    trpc.books.get.query.mockResolvedValue({
      ...detail,
      copies: [{ ...free, state: "requested", myLoanId: "l1" }, lent, shelf],
    });
    fireEvent.click(within(dialog).getByRole("button", { name: "Send request" }));
    await waitFor(() =>
      expect(trpc.loans.request.mutate).toHaveBeenCalledWith({
        copyId: "c1",
        message: "Saturday morning?",
      }),
    );
    expect(await within(ada).findByText("Your request has been sent.")).toBeTruthy();
    expect(await within(ada).findByText("You have asked for this copy.")).toBeTruthy();
    expect(within(ada).getByRole("link", { name: "See the loan" }).getAttribute("href")).toBe(
      "/loans/l1",
    );
  });

  it("keeps the dialog open with the refusal when a request is refused", async () => {
    trpc.loans.request.mutate.mockRejectedValue(
      trpcError("FORBIDDEN", "TRUST_TOO_LOW", { minTrust: 3 }),
    );
    renderPortal("/books/b1");
    const ada = await copyCard("Ada L.");
    fireEvent.click(within(ada).getByRole("button", { name: "Request this copy" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Send request" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe(
      "The owner lends this copy to members who have brought back at least 3 books.",
    );
  });

  it("joins the queue of a copy that is out and shows the place, then leaves it", async () => {
    trpc.loans.joinQueue.mutate.mockResolvedValue({ copyId: "c2", position: 3 });
    renderPortal("/books/b1");
    const cy = await copyCard("Cy C.");
    trpc.books.get.query.mockResolvedValue({
      ...detail,
      copies: [free, { ...lent, queueLength: 3, myQueuePosition: 3 }, shelf],
    });
    fireEvent.click(within(cy).getByRole("button", { name: "Join the queue" }));
    expect(await within(cy).findByText("You have joined the queue at place 3.")).toBeTruthy();
    expect(await within(cy).findByText("You are number 3 in the queue.")).toBeTruthy();
    expect(trpc.loans.joinQueue.mutate).toHaveBeenCalledWith({ copyId: "c2" });

    trpc.loans.leaveQueue.mutate.mockResolvedValue({ copyId: "c2", left: true });
    fireEvent.click(within(cy).getByRole("button", { name: "Leave the queue" }));
    await waitFor(() =>
      expect(trpc.loans.leaveQueue.mutate).toHaveBeenCalledWith({ copyId: "c2" }),
    );
  });

  it("does not offer to borrow one's own copy", async () => {
    trpc.books.get.query.mockResolvedValue({
      ...detail,
      copies: [copy({ owner: { kind: "member", memberId: "mem1", name: "Mei L.", isMe: true } })],
    });
    renderPortal("/books/b1");
    const mine = await copyCard("Your copy");
    expect(within(mine).getByText("This is your copy.")).toBeTruthy();
    expect(within(mine).queryByRole("button")).toBeNull();
  });

  it("says when the book does not exist", async () => {
    trpc.books.get.query.mockRejectedValue(trpcError("NOT_FOUND"));
    renderPortal("/books/nope");
    expect(await screen.findByText("We could not find this book.")).toBeTruthy();
  });
});
