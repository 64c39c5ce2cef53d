// Issue 7 journey in the portal: member A adds a copy by ISBN (the recorded Open Library
// answer, see server.ts); member B finds it by part of its title and requests it; A accepts
// in the inbox and the hand-over is confirmed; B sees the due date and renews; a third
// member C queues for it; A confirms the return and C's place becomes the next request in
// A's inbox. The books pages pass axe on the way.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible, mutate, PASSWORD, signIn } from "./helpers.ts";
import { readState } from "./state.ts";

/** An account with an active membership of `tierId`, signed in on its own page. */
async function member(browser: Browser, name: string, email: string, tierId: string) {
  const context = await browser.newContext();
  const res = await context.request.post("/api/auth/sign-up/email", {
    data: { name, email, password: PASSWORD },
    headers: { origin: new URL(test.info().project.use.baseURL!).origin },
  });
  expect(res.status()).toBe(200);
  const [firstName, lastName] = name.split(" ");
  const applied = await mutate(context.request, "memberships.apply", {
    tierId,
    profile: { firstName, lastName },
  });
  expect(applied.body.result.data.status).toBe("active");
  return context.newPage();
}

/** A calendar date `days` after today in the association's zone, as the portal prints it. */
function dateAfter(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const noon = new Date(`${today}T12:00:00Z`);
  noon.setUTCDate(noon.getUTCDate() + days);
  return new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(noon);
}

const loanCard = (page: Page, region: string) =>
  page.getByRole("region", { name: region }).getByRole("article", { name: "The Great Gatsby" });

test("a book is added by ISBN, found, requested, lent, renewed, returned and passed to the queue", async ({
  browser,
}) => {
  const adminPage = await (await browser.newContext()).newPage();
  const { admin } = readState();
  await signIn(adminPage, admin.email, admin.password);
  await expect(adminPage.getByText("You are signed in as Administrator.")).toBeVisible();
  const tier = await mutate(adminPage.request, "memberships.saveTier", {
    name: "Book club",
    term: { kind: "rolling", months: 12 },
  });
  expect(tier.status).toBe(200);
  const tierId = tier.body.result.data.id;

  const ada = await member(browser, "Ada Lovelace", "ada@books.example", tierId);
  const ben = await member(browser, "Ben Brown", "ben@books.example", tierId);
  const cy = await member(browser, "Cy Chen", "cy@books.example", tierId);

  // A adds her copy by ISBN: the check digit is checked as she types, the lookup fills in.
  await ada.goto("/");
  await ada.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Books" }).click();
  await expect(ada.getByRole("heading", { level: 1, name: "Books" })).toBeVisible();
  await ada.getByRole("link", { name: "Add a book" }).click();
  await expect(ada.getByRole("heading", { level: 1, name: "Add a book" })).toBeVisible();
  const isbn = ada.getByLabel("ISBN", { exact: true });
  await isbn.fill("978-0-7432-7356-6");
  await expect(
    ada.getByText("This ISBN's check digit does not match: a digit is probably mistyped."),
  ).toBeVisible();
  await isbn.fill("978-0-7432-7356-5");
  await ada.getByRole("button", { name: "Look up" }).click();
  // The first copy of this edition is looked up; had another spec added it, it is known.
  await expect(
    ada.getByText(/We found this book|This book is already in the catalogue/),
  ).toBeVisible();
  await expect(ada.getByText("ISBN 9780743273565")).toBeVisible();
  await expectAccessible(ada);
  await ada.getByLabel("Note").fill("A few pencil notes in the margins.");
  await ada.getByRole("button", { name: "Add the book" }).click();
  await expect(ada.getByText("“The Great Gatsby” has been added.")).toBeVisible();

  // B finds it by part of its title and asks for Ada's copy with a message.
  await ben.goto("/books");
  await ben.getByLabel("Search").fill("Gats");
  const result = ben.getByRole("region", { name: "Results" }).getByRole("link", {
    name: "The Great Gatsby",
  });
  await expect(result).toBeVisible();
  await expectAccessible(ben);
  await result.click();
  await expect(ben.getByRole("heading", { level: 1, name: "The Great Gatsby" })).toBeVisible();
  const adasCopy = ben.getByRole("article", { name: "Ada L." });
  await expect(adasCopy.getByText("Available")).toBeVisible();
  await expectAccessible(ben);
  await adasCopy.getByRole("button", { name: "Request this copy" }).click();
  const dialog = ben.getByRole("dialog", { name: "Request “The Great Gatsby”" });
  await dialog.getByLabel("Message").fill("Could I pick it up on Saturday?");
  await expectAccessible(ben);
  await dialog.getByRole("button", { name: "Send request" }).click();
  await expect(adasCopy.getByText("Your request has been sent.")).toBeVisible();
  await expect(adasCopy.getByText("You have asked for this copy.")).toBeVisible();

  // A sees the request in her inbox, with Ben's message, and accepts; the hand-over follows.
  await ada.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Loans" }).click();
  await ada.getByRole("tab", { name: /Lending/ }).click();
  const request = loanCard(ada, "Requests waiting for your answer");
  await expect(request.getByText(/Asked for by Ben B\./)).toBeVisible();
  await expect(request.getByText("Could I pick it up on Saturday?")).toBeVisible();
  await expectAccessible(ada);
  await request.getByRole("button", { name: "Accept" }).click();
  await expect(
    ada.getByText("You have accepted the request for “The Great Gatsby”. Arrange the hand-over."),
  ).toBeVisible();
  const lent = loanCard(ada, "Your books with others");
  await lent.getByRole("button", { name: "Confirm hand-over" }).click();
  await expect(ada.getByText("The hand-over of “The Great Gatsby” is confirmed.")).toBeVisible();
  await expect(lent.getByText("On loan")).toBeVisible();

  // B sees the due date (the tier's 21 days) and renews once (21 more).
  await ben.goto("/loans");
  const borrowed = loanCard(ben, "Books you asked for or have");
  await expect(borrowed.getByText("From Ada L.")).toBeVisible();
  await expect(borrowed.getByText(dateAfter(21), { exact: true })).toBeVisible();
  await expectAccessible(ben);
  await borrowed.getByRole("button", { name: "Renew" }).click();
  await expect(ben.getByText("“The Great Gatsby” has been renewed.")).toBeVisible();
  await expect(borrowed.getByText(dateAfter(42), { exact: true })).toBeVisible();
  // A second renewal is refused, and the reason is shown.
  await borrowed.getByRole("button", { name: "Renew" }).click();
  await expect(borrowed.getByRole("alert")).toHaveText(
    "This loan has been renewed as many times as allowed (1).",
  );

  // C queues for the copy while it is out.
  await cy.goto("/books?q=gatsby");
  await cy.getByRole("link", { name: "The Great Gatsby" }).click();
  const queued = cy.getByRole("article", { name: "Ada L." });
  await queued.getByRole("button", { name: "Join the queue" }).click();
  await expect(queued.getByText("You have joined the queue at place 1.")).toBeVisible();
  await expect(queued.getByText("You are number 1 in the queue.")).toBeVisible();

  // A confirms the return; C's place becomes the next request in her inbox.
  await ada.reload();
  await loanCard(ada, "Your books with others")
    .getByRole("button", { name: "Confirm return" })
    .click();
  await expect(
    ada.getByText("The return of “The Great Gatsby” is confirmed. Thank you!"),
  ).toBeVisible();
  const next = loanCard(ada, "Requests waiting for your answer");
  await expect(next.getByText(/Asked for by Cy C\./)).toBeVisible();
  await expect(next.getByRole("button", { name: "Accept" })).toBeVisible();
  await expectAccessible(ada);

  // C sees the request made for her from the queue, and that she no longer waits in it.
  await cy.goto("/loans");
  const hers = loanCard(cy, "Books you asked for or have");
  await expect(hers.locator(".loan__state")).toHaveText("Requested");
  await expect(hers.getByText("From Ada L.")).toBeVisible();
  await expect(cy.getByText("You are not waiting for any book.")).toBeVisible();
  await hers.getByText("Timeline").click();
  await expect(hers.getByRole("listitem").filter({ hasText: "(from the queue)" })).toBeVisible();
  await expectAccessible(cy);
});

test("an officer puts copies on a library's shelf and prints their labels", async ({ browser }) => {
  // The first-start admin is the officer here: one more sign-up would bring the suite, all
  // from one address, near the sign-up limit (10 a minute per address).
  const officer = await (await browser.newContext()).newPage();
  const { admin } = readState();
  await signIn(officer, admin.email, admin.password);
  await expect(officer.getByText("You are signed in as Administrator.")).toBeVisible();
  expect(
    (await mutate(officer.request, "locations.save", { name: "Riverside Branch" })).status,
  ).toBe(200);

  // Two copies of a Chinese novel, found by ISBN, go on the branch's shelf.
  await officer.goto("/books/add");
  await officer.getByLabel("ISBN", { exact: true }).fill("9787506365437");
  await officer.getByRole("button", { name: "Look up" }).click();
  await expect(
    officer.getByText(/We found this book|This book is already in the catalogue/),
  ).toBeVisible();
  await officer.getByLabel("This is the association's copy, for its shelf").check();
  await officer.getByLabel("Shelf", { exact: true }).selectOption({ label: "Riverside Branch" });
  await officer.getByLabel("Number of copies").fill("2");
  await expectAccessible(officer);
  await officer.getByRole("button", { name: "Add the book" }).click();
  await expect(
    officer.getByText("“活着” has been added. 2 copies are on the shelf."),
  ).toBeVisible();

  // Members find it by one character of its title among the shelf's books.
  await officer.goto("/books?shelf=1");
  await officer.getByLabel("Search").fill("活");
  await expect(officer.getByRole("link", { name: "活着" })).toBeVisible();

  // The shelf lists both copies with their labels; each label prints with its barcode.
  await officer.goto("/books/mine");
  const shelf = officer.getByRole("region", { name: "Association shelf" });
  await shelf.getByLabel("Location").selectOption({ label: "Riverside Branch" });
  await expect(shelf.getByText(/^Label /)).toHaveCount(2);
  await expectAccessible(officer);
  const code = (
    (await shelf
      .getByText(/^Label /)
      .first()
      .textContent()) ?? ""
  ).replace("Label ", "");
  await shelf.getByRole("link", { name: "Print label" }).first().click();
  await expect(officer.getByRole("heading", { level: 1, name: "Shelf label" })).toBeVisible();
  await expect(officer.getByRole("img", { name: `Barcode of label ${code}` })).toBeVisible();
  await expect(officer.getByText("Riverside Branch")).toBeVisible();
  await expectAccessible(officer);
});
