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
  trpcError,
} from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

const GATSBY = "9780743273565";
const found = {
  found: true,
  isbn13: GATSBY,
  source: "lookup",
  bookId: null,
  book: {
    id: null,
    isbn13: GATSBY,
    title: "The Great Gatsby",
    authors: ["F. Scott Fitzgerald"],
    year: 2004,
    language: null,
    coverUrl: "https://covers.openlibrary.org/b/id/7222246-M.jpg",
  },
};
const added = { book: book(), copies: [copy()] };

beforeEach(() => {
  resetFakes();
  signedIn(member, 0, { member: memberRecord() });
  trpc.books.addCopy.mutate.mockResolvedValue(added);
});

async function typeIsbn(value: string) {
  renderPortal("/books/add");
  const field = await screen.findByLabelText("ISBN");
  fireEvent.input(field, { target: { value } });
  return field as HTMLInputElement;
}

const lookUp = () => fireEvent.click(screen.getByRole("button", { name: "Look up" }));

describe("adding a book", () => {
  it("says at once when an ISBN's check digit is wrong, and looks nothing up", async () => {
    const field = await typeIsbn("978-0-7432-7356-6");
    expect(
      await screen.findByText(
        "This ISBN's check digit does not match: a digit is probably mistyped.",
      ),
    ).toBeTruthy();
    expect(field.getAttribute("aria-invalid")).toBe("true");
    lookUp();
    expect(trpc.books.lookupIsbn.query).not.toHaveBeenCalled();

    fireEvent.input(field, { target: { value: "0306406152" } });
    await waitFor(() => expect(field.getAttribute("aria-invalid")).toBeNull());
    fireEvent.input(field, { target: { value: "12345" } });
    lookUp();
    expect(
      await screen.findByText("An ISBN has 10 or 13 digits (13-digit ones start with 978 or 979)."),
    ).toBeTruthy();
  });

  it("prefills the details a lookup found and adds the copy with them", async () => {
    trpc.books.lookupIsbn.query.mockResolvedValue(found);
    await typeIsbn("0-7432-7356-7");
    lookUp();
    expect(
      await screen.findByText("We found this book. Check its details, then describe your copy."),
    ).toBeTruthy();
    // The ISBN-10 was turned into its ISBN-13 before asking.
    expect(trpc.books.lookupIsbn.query).toHaveBeenCalledWith({ isbn: GATSBY });
    expect((screen.getByLabelText("Title") as HTMLInputElement).value).toBe("The Great Gatsby");
    expect((screen.getByLabelText("Authors") as HTMLTextAreaElement).value).toBe(
      "F. Scott Fitzgerald",
    );
    expect((screen.getByLabelText("Year") as HTMLInputElement).value).toBe("2004");

    fireEvent.click(screen.getByLabelText("Give it away (the borrower keeps it)"));
    fireEvent.input(screen.getByLabelText("Note"), { target: { value: "Some pencil notes." } });
    expect(screen.getByText("18 of 1,000 characters")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Add the book" }));
    expect(await screen.findByText("“The Great Gatsby” has been added.")).toBeTruthy();
    expect(trpc.books.addCopy.mutate).toHaveBeenCalledWith({
      book: {
        title: "The Great Gatsby",
        authors: ["F. Scott Fitzgerald"],
        year: 2004,
        language: null,
        coverUrl: "https://covers.openlibrary.org/b/id/7222246-M.jpg",
        isbn: GATSBY,
      },
      mode: "give",
      condition: "good",
      note: "Some pencil notes.",
      visible: true,
      loanDays: null,
      minTrust: null,
      quantity: 1,
      forAssociation: false,
      custodian: { kind: "owner" },
    });
    expect(screen.getByRole("link", { name: "See the book" }).getAttribute("href")).toBe(
      "/books/b1",
    );
  });

  it("falls back to typing the details when the lookup fails or there is no network", async () => {
    trpc.books.lookupIsbn.query.mockRejectedValue(new TypeError("Failed to fetch"));
    await typeIsbn(GATSBY);
    lookUp();
    expect(
      await screen.findByText("The book details could not be looked up just now. Type them in."),
    ).toBeTruthy();
    const title = screen.getByLabelText("Title") as HTMLInputElement;
    expect(title.value).toBe("");

    // Nothing typed yet: the form says what is missing and sends nothing.
    fireEvent.click(screen.getByRole("button", { name: "Add the book" }));
    expect(await screen.findByText("Enter a title.")).toBeTruthy();
    expect(trpc.books.addCopy.mutate).not.toHaveBeenCalled();

    fireEvent.input(title, { target: { value: "The Great Gatsby" } });
    fireEvent.click(screen.getByRole("button", { name: "Add the book" }));
    await waitFor(() => expect(trpc.books.addCopy.mutate).toHaveBeenCalled());
    expect(trpc.books.addCopy.mutate.mock.lastCall?.[0]).toMatchObject({
      book: { title: "The Great Gatsby", authors: [], year: null, isbn: GATSBY },
    });
  });

  it("falls back to typing when the lookup knows nothing of the ISBN", async () => {
    trpc.books.lookupIsbn.query.mockResolvedValue({
      found: false,
      isbn13: "9780306406157",
      reason: "unknown",
    });
    await typeIsbn("9780306406157");
    lookUp();
    expect(
      await screen.findByText("We found no details for this ISBN. Type them in."),
    ).toBeTruthy();
    expect(screen.getByText("ISBN 9780306406157")).toBeTruthy();
  });

  it("uses the catalogue's edition when the book is known already", async () => {
    trpc.books.lookupIsbn.query.mockResolvedValue({
      found: true,
      isbn13: GATSBY,
      source: "catalogue",
      bookId: "b1",
      book: book(),
    });
    await typeIsbn(GATSBY);
    lookUp();
    expect(
      await screen.findByText("This book is already in the catalogue. Describe your copy."),
    ).toBeTruthy();
    expect(screen.queryByLabelText("Title")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Add the book" }));
    await waitFor(() => expect(trpc.books.addCopy.mutate).toHaveBeenCalled());
    expect(trpc.books.addCopy.mutate.mock.lastCall?.[0]).toMatchObject({ bookId: "b1" });
    expect(trpc.books.addCopy.mutate.mock.lastCall?.[0]).not.toHaveProperty("book");
  });

  it("takes a book without an ISBN in the same short form", async () => {
    renderPortal("/books/add");
    fireEvent.click(await screen.findByRole("button", { name: "The book has no ISBN" }));
    expect(await screen.findByText("Type in the book's details.")).toBeTruthy();
    fireEvent.input(screen.getByLabelText("Title"), { target: { value: "Family recipes" } });
    fireEvent.input(screen.getByLabelText("Year"), { target: { value: "1890" } });
    fireEvent.click(screen.getByRole("button", { name: "Add the book" }));
    await waitFor(() => expect(trpc.books.addCopy.mutate).toHaveBeenCalled());
    const input = trpc.books.addCopy.mutate.mock.lastCall?.[0];
    expect(input.book).toEqual({
      title: "Family recipes",
      authors: [],
      year: 1890,
      language: null,
      coverUrl: null,
    });
  });

  it("shows the server's refusal in the reader's words", async () => {
    trpc.books.lookupIsbn.query.mockResolvedValue(found);
    trpc.books.addCopy.mutate.mockRejectedValue(trpcError("FORBIDDEN", "MEMBERSHIP_INACTIVE"));
    await typeIsbn(GATSBY);
    lookUp();
    fireEvent.click(await screen.findByRole("button", { name: "Add the book" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Your membership does not allow this at the moment.",
    );
  });

  it("lets officers put copies on a location's shelf", async () => {
    signedIn({ ...member, role: "organizer" }, 0, {
      member: memberRecord(),
      privileges: [...ORGANIZER_PRIVILEGES, "books.label"],
    });
    trpc.books.lookupIsbn.query.mockResolvedValue(found);
    await typeIsbn(GATSBY);
    lookUp();
    fireEvent.click(await screen.findByLabelText("This is the association's copy, for its shelf"));
    expect(await screen.findByRole("heading", { name: "The association's copy" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Add the book" }));
    expect(await screen.findByText("Choose a location.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Shelf"), { target: { value: "loc1" } });
    fireEvent.input(screen.getByLabelText("Number of copies"), { target: { value: "2" } });
    fireEvent.click(screen.getByRole("button", { name: "Add the book" }));
    await waitFor(() => expect(trpc.books.addCopy.mutate).toHaveBeenCalled());
    expect(trpc.books.addCopy.mutate.mock.lastCall?.[0]).toMatchObject({
      forAssociation: true,
      custodian: { kind: "shelf", locationId: "loc1" },
      quantity: 2,
    });
  });

  it("offers the camera, and says so when there is none", async () => {
    renderPortal("/books/add");
    fireEvent.click(await screen.findByRole("button", { name: "Scan the barcode" }));
    const dialog = await screen.findByRole("dialog", { name: "Scan the barcode" });
    expect(
      await within(dialog).findByText("No camera was found. Type the ISBN instead."),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });
});
