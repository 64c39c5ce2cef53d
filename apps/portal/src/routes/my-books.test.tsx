import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { book, copy } from "../../test/book-fakes.ts";
import {
  member,
  memberRecord,
  ORGANIZER_PRIVILEGES,
  resetFakes,
  signedIn,
  trpc,
  venue,
} from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

const mine = (overrides: Parameters<typeof copy>[0] = {}) =>
  copy({ owner: { kind: "member", memberId: "mem1", name: "Mei L.", isMe: true }, ...overrides });
const shelfCopy = copy({
  id: "c7",
  owner: { kind: "association" },
  shelf: { locationId: venue.id, name: venue.name },
  labelCode: "RA-7K3Q9",
});

beforeEach(() => {
  resetFakes();
  signedIn(member, 0, { member: memberRecord() });
  trpc.books.myCopies.query.mockImplementation(async (input: { shelfLocationId?: string }) =>
    input.shelfLocationId
      ? { items: [{ book: book({ id: "b7", title: "活着" }), copy: shelfCopy }] }
      : {
          items: [
            { book: book(), copy: mine() },
            {
              book: book({ id: "b2", title: "Pride and Prejudice" }),
              copy: mine({ id: "c2", state: "on_loan", dueDate: "2030-05-20" }),
            },
          ],
        },
  );
});

describe("my books", () => {
  it("withdraws a free copy after confirming", async () => {
    trpc.books.withdrawCopy.mutate.mockResolvedValue(mine({ state: "withdrawn" }));
    renderPortal("/books/mine");
    const mineSection = await screen.findByRole("region", { name: "My copies" });
    const gatsby = (
      await within(mineSection).findByRole("link", { name: "The Great Gatsby" })
    ).closest("li") as HTMLElement;
    fireEvent.click(within(gatsby).getByRole("button", { name: "Withdraw" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Withdraw “The Great Gatsby”?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Yes, withdraw" }));
    await waitFor(() => expect(trpc.books.withdrawCopy.mutate).toHaveBeenCalledWith({ id: "c1" }));
    expect(await screen.findByText("“The Great Gatsby” has been withdrawn.")).toBeTruthy();
  });

  it("explains why a lent copy cannot be withdrawn yet (the domain's rule)", async () => {
    renderPortal("/books/mine");
    const lent = (await screen.findByRole("link", { name: "Pride and Prejudice" })).closest(
      "li",
    ) as HTMLElement;
    expect(within(lent).getByText("On loan")).toBeTruthy();
    expect(
      within(lent).getByText("This copy is promised or lent: withdraw it once it is back."),
    ).toBeTruthy();
    expect(within(lent).queryByRole("button", { name: "Withdraw" })).toBeNull();
  });

  it("edits a copy's settings with updateCopy", async () => {
    trpc.books.updateCopy.mutate.mockResolvedValue(mine({ mode: "give" }));
    renderPortal("/books/mine");
    const gatsby = (await screen.findByRole("link", { name: "The Great Gatsby" })).closest(
      "li",
    ) as HTMLElement;
    fireEvent.click(within(gatsby).getByRole("button", { name: "Edit" }));
    const dialog = await screen.findByRole("dialog", {
      name: "Edit the copy of “The Great Gatsby”",
    });
    fireEvent.click(within(dialog).getByLabelText("Give it away (the borrower keeps it)"));
    fireEvent.input(within(dialog).getByLabelText("Loan period in days"), {
      target: { value: "400" },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(dialog).findByText("Enter a whole number from 1 to 183.")).toBeTruthy();
    expect(trpc.books.updateCopy.mutate).not.toHaveBeenCalled();
    fireEvent.input(within(dialog).getByLabelText("Loan period in days"), {
      target: { value: "14" },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(trpc.books.updateCopy.mutate).toHaveBeenCalledWith({
        id: "c1",
        mode: "give",
        condition: "good",
        note: "",
        visible: true,
        loanDays: 14,
        minTrust: null,
      }),
    );
    expect(await screen.findByText("The copy of “The Great Gatsby” has been saved.")).toBeTruthy();
  });

  it("shows officers the association's shelf with labels to print", async () => {
    signedIn({ ...member, role: "organizer" }, 0, {
      member: memberRecord(),
      privileges: [...ORGANIZER_PRIVILEGES, "books.label"],
    });
    renderPortal("/books/mine");
    const shelf = await screen.findByRole("region", { name: "Association shelf" });
    expect(await within(shelf).findByText("Label RA-7K3Q9")).toBeTruthy();
    expect(trpc.books.myCopies.query).toHaveBeenCalledWith({ shelfLocationId: venue.id });
    expect(within(shelf).getByRole("link", { name: "Print label" }).getAttribute("href")).toBe(
      "/books/copies/c7/label",
    );
  });

  it("does not show members the shelf", async () => {
    renderPortal("/books/mine");
    expect(await screen.findByRole("region", { name: "My copies" })).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Association shelf" })).toBeNull();
  });
});

describe("a shelf label", () => {
  it("shows the barcode, code, title and shelf, ready to print", async () => {
    signedIn({ ...member, role: "organizer" }, 0, {
      member: memberRecord(),
      privileges: [...ORGANIZER_PRIVILEGES, "books.label"],
    });
    trpc.books.label.query.mockResolvedValue({
      copyId: "c7",
      code: "RA-7K3Q9",
      title: "活着",
      location: venue.name,
      svg: '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>',
    });
    const print = vi.spyOn(window, "print").mockImplementation(() => undefined);
    renderPortal("/books/copies/c7/label");
    expect(await screen.findByRole("img", { name: "Barcode of label RA-7K3Q9" })).toBeTruthy();
    expect(trpc.books.label.query).toHaveBeenCalledWith({ copyId: "c7" });
    expect(screen.getByText("活着")).toBeTruthy();
    expect(screen.getByText(venue.name)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Print" }));
    expect(print).toHaveBeenCalled();
  });

  it("is for officers only", async () => {
    renderPortal("/books/copies/c7/label");
    expect(await screen.findByText("This page is for organizers and administrators.")).toBeTruthy();
    expect(trpc.books.label.query).not.toHaveBeenCalled();
  });
});
