// Issue 7 at the kiosk: a member borrows a book of the association's shelf by scanning
// their member card and the book's label (a USB scanner: fast keystrokes and Enter), is
// told the due date, and later returns it by scanning the label; the server agrees.
import { expect, test } from "@playwright/test";
import { activeMember, expectAccessible, ok, query, signIn } from "./helpers.ts";
import { readState } from "./state.ts";

test("a member borrows and returns a shelf book at the kiosk by scanning card and label", async ({
  browser,
}) => {
  const { admin: creds } = readState();
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, creds.email, creds.password);
  await expect(admin.getByText("You are signed in as Administrator.")).toBeVisible();

  const library = await ok(admin.request, "locations.save", { name: "Shelf Library" });
  const tier = await ok(admin.request, "memberships.saveTier", {
    name: "Shelf readers",
    term: { kind: "rolling", months: 12 },
  });
  const sam = await activeMember(browser, tier.id, "Sam", "Shelf", "sam.shelf@example.org");
  const card = (await query(sam.request, "memberships.card")).qrPayload as string;

  // The association's copy of a book on this library's shelf, with its printed label code.
  const added = await ok(admin.request, "books.addCopy", {
    isbn: "9780743273565",
    forAssociation: true,
    custodian: { kind: "shelf", locationId: library.id },
  });
  const copy = added.copies[0] as { id: string; labelCode: string };
  expect(copy.labelCode).toMatch(/^[0-9A-Z]{6,}$/);

  // A kiosk at this library, paired through the link the admin page shows as a QR code.
  const paired = await ok(admin.request, "kiosk.pair", {
    name: "Shelf kiosk",
    locationId: library.id,
  });
  const kioskContext = await browser.newContext();
  const kiosk = await kioskContext.newPage();
  await kiosk.goto(new URL(paired.pairingUrl).pathname + new URL(paired.pairingUrl).search);
  await expect(kiosk.getByRole("heading", { level: 1, name: "Check in" })).toBeVisible();

  /** What a USB barcode scanner does: the code typed in a burst, then Enter. */
  const scan = async (text: string) => {
    await kiosk.keyboard.type(text, { delay: 0 });
    await kiosk.keyboard.press("Enter");
  };

  // Borrow: card, then label.
  await kiosk.getByRole("link", { name: "Borrow or return a book" }).click();
  await expect(
    kiosk.getByRole("heading", { level: 1, name: "Borrow or return a book" }),
  ).toBeVisible();
  await expectAccessible(kiosk);
  await kiosk.getByRole("button", { name: "Borrow a book" }).click();
  await expect(kiosk.getByRole("heading", { name: "Who is borrowing?" })).toBeVisible();
  await scan(card);
  await expect(kiosk.getByRole("heading", { name: "Scan the book" })).toBeVisible();
  await scan(copy.labelCode);
  await expect(
    kiosk.getByRole("heading", { level: 1, name: "Enjoy your book, Sam!" }),
  ).toBeVisible();
  await expect(kiosk.getByText(/^The Great Gatsby is yours until /)).toBeVisible();
  await expectAccessible(kiosk);

  // The member's loans say so.
  const borrowed = await query(sam.request, "loans.mine", {});
  expect(borrowed.asBorrower.map((l: { state: string }) => l.state)).toEqual(["on_loan"]);

  // Return: the label alone.
  await kiosk.getByRole("button", { name: "Done" }).click();
  await kiosk.getByRole("link", { name: "Borrow or return a book" }).click();
  await kiosk.getByRole("button", { name: "Return a book" }).click();
  await expect(kiosk.getByRole("heading", { name: "Scan the book" })).toBeVisible();
  await scan(copy.labelCode);
  await expect(kiosk.getByRole("heading", { level: 1, name: "Thank you!" })).toBeVisible();
  await expect(
    kiosk.getByText("The Great Gatsby is back on the shelf.", { exact: true }),
  ).toBeVisible();

  const returned = await query(sam.request, "loans.mine", { includeClosed: true });
  expect(returned.asBorrower.map((l: { state: string }) => l.state)).toEqual(["returned"]);

  // A label this shelf does not hold is refused, saying why, and nothing changes.
  await kiosk.getByRole("button", { name: "Done" }).click();
  await kiosk.getByRole("link", { name: "Borrow or return a book" }).click();
  await kiosk.getByRole("button", { name: "Borrow a book" }).click();
  await scan(card);
  await expect(kiosk.getByRole("heading", { name: "Scan the book" })).toBeVisible();
  await scan("RB222222");
  await expect(
    kiosk.getByRole("heading", { level: 1, name: "This book is not on this shelf" }),
  ).toBeVisible();
  const after = await query(sam.request, "loans.mine", { includeClosed: true });
  expect(after.asBorrower).toHaveLength(1);
});
