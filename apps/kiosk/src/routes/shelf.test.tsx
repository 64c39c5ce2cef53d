import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { fakeApi, networkFailure, refusal, renderKiosk } from "../../test/fakes.tsx";

/** What a USB scanner does: the text, very fast, then Enter. */
function scan(text: string) {
  for (const key of text) fireEvent.keyDown(document.activeElement ?? document.body, { key });
  fireEvent.keyDown(document.activeElement ?? document.body, { key: "Enter" });
}

const card = "RDR1:12345674:1:0123456789abcdef";

describe("borrowing and returning at the kiosk", () => {
  it("is reached from the start screen", async () => {
    const { history } = renderKiosk();
    fireEvent.click(await screen.findByRole("link", { name: "Borrow or return a book" }));
    await waitFor(() => expect(history.get()).toBe("/books"));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Borrow or return a book" }),
    ).toBeTruthy();
  });

  it("lends a book to the member whose card and book the scanner reads", async () => {
    const api = fakeApi();
    api.borrow.mockResolvedValue({
      outcome: "BORROWED",
      loanId: "l1",
      copyId: "c1",
      title: "The Left Hand of Darkness",
      dueDate: "2026-03-25",
      memberFirstName: "Ada",
    });
    renderKiosk({ api, path: "/books" });
    fireEvent.click(await screen.findByRole("button", { name: "Borrow a book" }));
    await screen.findByRole("heading", { name: "Who is borrowing?" });
    scan(card);
    expect(await screen.findByText("Borrowing with member card or number ••••5674.")).toBeTruthy();
    scan("RB7K2M9Q");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Enjoy your book, Ada!" }),
    ).toBeTruthy();
    expect(
      screen.getByText("The Left Hand of Darkness is yours until March 25, 2026.", { exact: true }),
    ).toBeTruthy();
    expect(api.borrow).toHaveBeenCalledWith({
      credential: { qr: card },
      barcode: "RB7K2M9Q",
      clientId: "client-1",
    });
  });

  it("checks a typed member number and book code before sending", async () => {
    const api = fakeApi();
    api.borrow.mockRejectedValue(await refusal("HAS_OVERDUE"));
    renderKiosk({ api, path: "/books" });
    fireEvent.click(await screen.findByRole("button", { name: "Borrow a book" }));
    const number = await screen.findByLabelText("Member number");
    fireEvent.input(number, { target: { value: "12345675" } });
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "This number is not valid. Check the digits.",
    );
    fireEvent.input(number, { target: { value: "12345674" } });
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    const code = await screen.findByLabelText("Book code or ISBN");
    fireEvent.input(code, { target: { value: "not a book" } });
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "This is neither a shelf label nor an ISBN. Check the code.",
    );
    expect(api.borrow).not.toHaveBeenCalled();
    fireEvent.input(code, { target: { value: "978-0-306-40615-7" } });
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "You have an overdue book" }),
    ).toBeTruthy();
    expect(api.borrow).toHaveBeenCalledWith(
      expect.objectContaining({
        credential: { memberNumber: "12345674" },
        barcode: "978-0-306-40615-7",
      }),
    );
  });

  it("does not lend on a guest's registration link", async () => {
    renderKiosk({ path: "/books" });
    fireEvent.click(await screen.findByRole("button", { name: "Borrow a book" }));
    await screen.findByRole("heading", { name: "Who is borrowing?" });
    scan("https://readers.example/registrations/manage?token=abc");
    expect((await screen.findByRole("alert")).textContent).toBe(
      "That was not a member card. Scan your card or type your member number.",
    );
  });

  it("takes a book back and says when it goes to the hold shelf", async () => {
    const api = fakeApi();
    api.returnBook.mockResolvedValue({
      outcome: "RETURNED",
      loanId: "l1",
      copyId: "c1",
      title: "Dune",
      late: true,
      reserved: true,
    });
    renderKiosk({ api, path: "/books" });
    fireEvent.click(await screen.findByRole("button", { name: "Return a book" }));
    await screen.findByRole("heading", { name: "Scan the book" });
    scan("9780306406157");
    expect(await screen.findByRole("heading", { level: 1, name: "Thank you!" })).toBeTruthy();
    expect(
      screen.getByText(
        "Dune is back on the shelf. It was past its due date; thank you for bringing it. Someone is waiting for it: please put it on the hold shelf.",
        { exact: true },
      ),
    ).toBeTruthy();
    expect(api.returnBook).toHaveBeenCalledWith({ barcode: "9780306406157", clientId: "client-1" });
  });

  it("explains a refused return, and that lending needs the network", async () => {
    const api = fakeApi();
    api.returnBook
      .mockRejectedValueOnce(await refusal("LOAN_MOVE_INVALID"))
      .mockRejectedValueOnce(await networkFailure());
    renderKiosk({ api, path: "/books" });
    fireEvent.click(await screen.findByRole("button", { name: "Return a book" }));
    await screen.findByRole("heading", { name: "Scan the book" });
    scan("RB7K2M9Q");
    expect(
      await screen.findByRole("heading", { level: 1, name: "This book is not on loan" }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Done" }));
    fireEvent.click(await screen.findByRole("link", { name: "Borrow or return a book" }));
    fireEvent.click(await screen.findByRole("button", { name: "Return a book" }));
    await screen.findByRole("heading", { name: "Scan the book" });
    scan("RB7K2M9Q");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Lending needs the network" }),
    ).toBeTruthy();
  });
});
