// Issue 5 journey: an organizer creates and publishes a 2-seat activity; two members
// register and a third is waitlisted; one cancels and the third is promoted and sees it;
// a guest registers for a public activity and cancels through the manage link.
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { expectAccessible, mutate, PASSWORD, signIn } from "./helpers.ts";
import { readState } from "./state.ts";

async function person(
  browser: Browser,
  name: string,
  email: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const res = await context.request.post("/api/auth/sign-up/email", {
    data: { name, email, password: PASSWORD },
    headers: { origin: new URL(test.info().project.use.baseURL!).origin },
  });
  expect(res.status()).toBe(200);
  return { context, page: await context.newPage() };
}

/** "2026-12-01T18:00" in the browser's datetime-local format, some days ahead. */
function localInput(daysAhead: number, hour: number): string {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}

test("a 2-seat activity fills, waitlists, promotes on cancellation, and takes a guest", async ({
  browser,
}) => {
  // Setup through the API as an admin: a venue, a free tier, an organizer.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const { admin: creds } = readState();
  await signIn(admin, creds.email, creds.password);
  await expect(admin.getByText("You are signed in as Administrator.")).toBeVisible();
  expect(
    (
      await mutate(admin.request, "locations.save", {
        name: "Central Library",
        address: "1 Library Square",
      })
    ).status,
  ).toBe(200);
  const tier = await mutate(admin.request, "memberships.saveTier", {
    name: "Reader",
    term: { kind: "rolling", months: 12 },
  });
  const tierId = tier.body.result.data.id;

  const members = [];
  for (const [name, email] of [
    ["Amy Able", "amy@example.org"],
    ["Ben Bright", "ben@example.org"],
    ["Cy Clever", "cy@example.org"],
  ] as const) {
    const p = await person(browser, name, email);
    const [firstName, lastName] = name.split(" ");
    const applied = await mutate(p.context.request, "memberships.apply", {
      tierId,
      profile: { firstName, lastName },
    });
    expect(applied.body.result.data.status).toBe("active");
    members.push(p);
  }
  const [amy, ben, cy] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];

  // The organizer plans and publishes the activity in the portal.
  const org = await person(browser, "Olive Organizer", "olive@example.org");
  const oliveId = (await (await org.context.request.get("/trpc/me.get")).json()).result.data.account
    .id;
  await mutate(admin.request, "admin.setRole", { userId: oliveId, role: "organizer" });
  const o = org.page;
  await o.goto("/admin/activities/new");
  await expect(o.getByRole("heading", { level: 1, name: "New activity" })).toBeVisible();
  await expectAccessible(o);
  await o.getByLabel("Title", { exact: true }).fill("Poetry evening");
  await o.getByLabel("Starts").fill(localInput(5, 18));
  await o.getByLabel("Ends").fill(localInput(5, 20));
  await o.getByLabel("Venue").selectOption({ label: "Central Library" });
  await o.getByLabel("Capacity", { exact: true }).fill("2");
  await o.getByRole("button", { name: "Create activity" }).click();
  await expect(o.getByText("The activity has been created as a draft.")).toBeVisible();
  await o.getByRole("button", { name: "Publish" }).click();
  await expect(o.getByText("The activity has been published.")).toBeVisible();
  const activityPath = await o
    .getByRole("link", { name: "View the public page" })
    .getAttribute("href");
  expect(activityPath).toMatch(/^\/activities\//);

  // Two members register; the third goes on the waitlist.
  for (const m of [amy, ben]) {
    await m.page.goto(activityPath!);
    await m.page.getByRole("button", { name: "Register" }).click();
    await expect(m.page.getByText("You are registered. See you there!")).toBeVisible();
  }
  await cy.page.goto(activityPath!);
  await expectAccessible(cy.page);
  await cy.page.getByRole("button", { name: "Register" }).click();
  await expect(cy.page.getByText(/you are on the waitlist at place 1/i)).toBeVisible();

  // Ben cancels; Cy moves up and sees it.
  await ben.page.reload();
  await ben.page.getByRole("button", { name: "Cancel registration" }).click();
  await ben.page.getByRole("button", { name: "Yes, cancel" }).click();
  await expect(ben.page.getByText("Your registration has been cancelled.")).toBeVisible();
  await cy.page.reload();
  await expect(cy.page.getByText("You are registered.", { exact: true })).toBeVisible();
  // Delivered by the outbox worker a moment after the cancellation committed.
  await expect(async () => {
    await cy.page.goto("/notifications");
    await expect(cy.page.getByText("A seat is yours")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // A guest registers for the public activity and cancels through the manage link. Public
  // pages render for an anonymous visitor without a single script error.
  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  const scriptErrors: string[] = [];
  guest.on("pageerror", (error) => scriptErrors.push(error.message));
  guest.on("console", (message) => {
    if (message.type() === "error") scriptErrors.push(message.text());
  });
  await guest.goto("/activities");
  await expect(guest.getByRole("heading", { level: 1, name: "Activities" })).toBeVisible();
  await expect(guest.getByRole("link", { name: "Poetry evening" }).first()).toBeVisible();
  await expectAccessible(guest);
  // The shareable page carries Open Graph tags and leads to the activity.
  const share = await guest.request.get(activityPath!.replace("/activities/", "/a/"), {
    maxRedirects: 0,
  });
  const shareHtml = await share.text();
  expect(shareHtml).toContain('property="og:title" content="Poetry evening"');
  await guest.goto(activityPath!);
  await expectAccessible(guest);
  // The activity is full again (Amy and Cy): the guest is waitlisted, which still needs the link.
  await guest.getByLabel("Your name").fill("Gus Guest");
  await guest.getByLabel("E-mail", { exact: true }).fill("gus@example.org");
  await guest.getByRole("button", { name: "Register" }).click();
  const manageLink = guest.getByRole("link", { name: /registrations\/manage\?token=/ });
  await expect(manageLink).toBeVisible();
  const href = await manageLink.getAttribute("href");
  await guest.goto(href!);
  await expectAccessible(guest);
  await guest.getByRole("button", { name: "Cancel registration" }).click();
  await guest.getByRole("button", { name: "Yes, cancel" }).click();
  await expect(guest.getByText("Your registration has been cancelled.")).toBeVisible();
  expect(scriptErrors).toEqual([]);

  // The roster shows it all to the organizer.
  await o.goto(`/admin${activityPath}/roster`);
  await expect(o.getByRole("heading", { level: 1, name: /Roster/ })).toBeVisible();
  await expect(o.getByText("Amy Able")).toBeVisible();
  await expect(o.getByText("Cy Clever")).toBeVisible();
  await expectAccessible(o);
});
