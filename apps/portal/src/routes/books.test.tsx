import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { searchItem } from "../../test/book-fakes.ts";
import { member, memberRecord, resetFakes, signedIn, trpc, trpcError } from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

const lastQuery = () => trpc.books.search.query.mock.lastCall?.[0];
const params = (path: string) => Object.fromEntries(new URL(path, "http://x").searchParams);

beforeEach(() => {
  resetFakes();
  signedIn(member, 0, { member: memberRecord() });
  trpc.books.search.query.mockResolvedValue({ items: [], nextCursor: null });
});

describe("books search", () => {
  it("is for signed-in members", async () => {
    resetFakes();
    const { history } = renderPortal("/books");
    await waitFor(() => expect(history.get()).toBe("/sign-in?next=%2Fbooks"));
    expect(trpc.books.search.query).not.toHaveBeenCalled();
  });

  it("searches what is typed and shows the books found with their availability", async () => {
    trpc.books.search.query.mockImplementation(async (input: { text?: string }) =>
      input.text === "gats"
        ? {
            items: [
              searchItem({}, { copies: 2, available: 1 }),
              searchItem(
                { id: "b2", title: "活着", authors: ["余华"], language: "zh", year: 2012 },
                { copies: 1, available: 0 },
              ),
            ],
            nextCursor: null,
          }
        : { items: [], nextCursor: null },
    );
    const { history } = renderPortal("/books");
    expect(await screen.findByRole("heading", { level: 1, name: "Books" })).toBeTruthy();
    expect(await screen.findByText("Nobody has shared a book yet.")).toBeTruthy();

    fireEvent.input(screen.getByLabelText("Search"), { target: { value: "gats" } });
    await waitFor(() => expect(params(history.get()).q).toBe("gats"));
    const results = await screen.findByRole("region", { name: "Results" });
    const gatsby = (await within(results).findByRole("link", { name: "The Great Gatsby" })).closest(
      "li",
    ) as HTMLElement;
    expect(within(gatsby).getByRole("link").getAttribute("href")).toBe("/books/b1");
    expect(within(gatsby).getByText("F. Scott Fitzgerald")).toBeTruthy();
    expect(within(gatsby).getByText("2 copies")).toBeTruthy();
    expect(within(gatsby).getByText("1 available now")).toBeTruthy();
    const living = within(results).getByRole("link", { name: "活着" }).closest("li") as HTMLElement;
    expect(within(living).getByText("All copies are out")).toBeTruthy();
    expect(within(living).getByText("Chinese")).toBeTruthy();
    expect(lastQuery()).toMatchObject({ text: "gats", availableNow: false, limit: 20 });
  });

  it("keeps the filters in the address and asks for what they say", async () => {
    const { history } = renderPortal("/books?q=hobbit&mode=give&shelf=1");
    await waitFor(() =>
      expect(lastQuery()).toMatchObject({
        text: "hobbit",
        mode: "give",
        associationOnly: true,
        availableNow: false,
      }),
    );
    expect((screen.getByLabelText("Search") as HTMLInputElement).value).toBe("hobbit");
    expect((screen.getByLabelText("Association shelf only") as HTMLInputElement).checked).toBe(
      true,
    );

    fireEvent.click(screen.getByLabelText("Available now"));
    fireEvent.change(screen.getByLabelText("Language"), { target: { value: "zh" } });
    await waitFor(() =>
      expect(lastQuery()).toMatchObject({ availableNow: true, language: "zh", mode: "give" }),
    );
    expect(params(history.get())).toEqual({
      q: "hobbit",
      mode: "give",
      shelf: "1",
      available: "1",
      lang: "zh",
    });

    // Nothing matches: the empty state offers to clear the filters, which empties the box too.
    expect(await screen.findByText("No books match.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(history.get()).toBe("/books"));
    expect((screen.getByLabelText("Search") as HTMLInputElement).value).toBe("");
  });

  it("loads more books after the last one", async () => {
    trpc.books.search.query.mockImplementation(async (input: { cursor?: string }) =>
      input.cursor
        ? { items: [searchItem({ id: "b3", title: "Pride and Prejudice" })], nextCursor: null }
        : { items: [searchItem()], nextCursor: "next-page" },
    );
    renderPortal("/books");
    expect(await screen.findByRole("link", { name: "The Great Gatsby" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Load more books" }));
    expect(await screen.findByRole("link", { name: "Pride and Prejudice" })).toBeTruthy();
    expect(lastQuery()).toMatchObject({ cursor: "next-page" });
    expect(screen.getByRole("link", { name: "The Great Gatsby" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Load more books" })).toBeNull();
  });

  it("says when the search failed and tries again", async () => {
    trpc.books.search.query.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    renderPortal("/books");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("We could not reach the server.");
    trpc.books.search.query.mockResolvedValue({ items: [searchItem()], nextCursor: null });
    fireEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("link", { name: "The Great Gatsby" })).toBeTruthy();
  });

  it("shows a placeholder while the first page loads", async () => {
    trpc.books.search.query.mockReturnValue(new Promise(() => undefined));
    renderPortal("/books");
    expect(await screen.findByRole("status")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Loading…");
    expect(document.querySelectorAll(".book-card--skeleton").length).toBe(3);
  });

  it("refuses a query the server cannot read with its own words", async () => {
    trpc.books.search.query.mockRejectedValue(trpcError("BAD_REQUEST"));
    renderPortal("/books?q=x");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Some of the information is not valid.",
    );
  });
});
