// Issue 4 journeys: a person joins, an organizer approves and records the fee, the member
// card's QR (decoded by zbarimg from a screenshot) verifies until the card is reported lost;
// an admin imports 500 members from CSV and exports them back; the pages work in Chinese.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible, mutate, signIn, signUp } from "./helpers.ts";
import { readState } from "./state.ts";

async function asAdmin(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const { admin } = readState();
  await signIn(page, admin.email, admin.password);
  await expect(page.getByText("You are signed in as Administrator.")).toBeVisible();
  return page;
}

function decodeQr(png: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "readers-qr-"));
  const file = join(dir, "card.png");
  writeFileSync(file, png);
  return execFileSync("zbarimg", ["--quiet", "--raw", file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }).trim();
}

test("a person joins, is approved and paid up, and carries a card that works until reported lost", async ({
  browser,
}) => {
  const admin = await asAdmin(browser);
  const tier = await mutate(admin.request, "memberships.saveTier", {
    name: "Standard",
    term: { kind: "rolling", months: 12 },
    feeCents: 5000,
    requiresApproval: true,
  });
  expect(tier.status).toBe(200);

  // An organizer: an account the admin promotes.
  const organizer = await (await browser.newContext()).newPage();
  await signUp(organizer, "Olga Organizer", "olga@example.org");
  const olgaId = (await (await organizer.request.get("/trpc/me.get")).json()).result.data.account
    .id;
  expect(
    (await mutate(admin.request, "admin.setRole", { userId: olgaId, role: "organizer" })).status,
  ).toBe(200);

  // The new person applies.
  const person = await (await browser.newContext()).newPage();
  await signUp(person, "Pat Reader", "pat@example.org");
  await person
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Membership" })
    .click();
  await expect(person.getByRole("heading", { level: 1, name: "Membership" })).toBeVisible();
  await expectAccessible(person);
  await person.getByLabel("Standard").check();
  await expect(person.getByLabel("First name")).toHaveValue("Pat");
  await expect(person.getByLabel("Last name")).toHaveValue("Reader");
  await person.getByRole("button", { name: "Apply" }).click();
  await expect(
    person.getByText("Your application is waiting for an organizer's approval."),
  ).toBeVisible();

  // The organizer finds the application, approves it and records the fee.
  await organizer.goto("/admin/members");
  await expect(organizer.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await organizer.getByLabel("Search members").fill("Pat");
  await organizer.getByRole("main").getByRole("link", { name: /Pat/ }).click();
  await expectAccessible(organizer);
  await organizer.getByRole("button", { name: "Approve" }).click();
  await expect(organizer.getByText("The membership has been approved.")).toBeVisible();
  await organizer.getByLabel("Amount").fill("50.00");
  await organizer.getByLabel("Reference").fill("R-0001");
  await organizer.getByRole("button", { name: "Record payment" }).click();
  await expect(organizer.getByText("Membership started")).toBeVisible();

  // The member sees it active and opens the card.
  await person.reload();
  await expect(
    person.locator(".status--active").filter({ hasText: "Active" }).first(),
  ).toBeVisible();
  await person.getByRole("link", { name: "Show my member card" }).click();
  await expect(person.getByRole("heading", { level: 1, name: "Member card" })).toBeVisible();
  await expectAccessible(person);
  const qr = person.getByRole("img", { name: /QR code of member card/ });
  const payload = decodeQr(await qr.screenshot());
  expect(payload).toMatch(/^RDR1:/);
  const verified = await mutate(organizer.request, "memberships.verifyCard", { qr: payload });
  expect(verified.status).toBe(200);
  expect(verified.body.result.data.membership.status).toBe("active");

  // Reporting the card lost makes the printed payload worthless.
  await person.getByRole("button", { name: "Report lost card" }).click();
  await person.getByRole("button", { name: "Yes, replace my card" }).click();
  await expect(
    person.getByText("Your old card no longer works. This is your new card."),
  ).toBeVisible();
  const revoked = await mutate(organizer.request, "memberships.verifyCard", { qr: payload });
  expect(revoked.status).toBe(403);
  expect(revoked.body.error.data.domainCode).toBe("CARD_REVOKED");
  const fresh = decodeQr(
    await person.getByRole("img", { name: /QR code of member card/ }).screenshot(),
  );
  expect(fresh).not.toBe(payload);
  expect((await mutate(organizer.request, "memberships.verifyCard", { qr: fresh })).status).toBe(
    200,
  );

  // The same pages in Chinese.
  await person.getByRole("button", { name: "中文" }).click();
  await expect(person.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(person.getByRole("heading", { level: 1 })).not.toHaveText("Member card");
  await expectAccessible(person);
  await person.goto("/membership");
  await expect(person.getByRole("heading", { level: 1 })).not.toHaveText("Membership");
  await expectAccessible(person);
});

test("an admin imports 500 members from CSV after a dry run and exports them back", async ({
  browser,
}) => {
  const admin = await asAdmin(browser);
  await mutate(admin.request, "memberships.saveTier", {
    name: "Student",
    term: { kind: "fixed", endMonth: 8, endDay: 31 },
  });
  const header = "email,first_name,last_name,phone,tier,start_date,end_date,member_number";
  const rows = Array.from(
    { length: 500 },
    (_, i) => `reader${i}@example.org,Reader,Number${i},,Student,2026-09-01,2027-08-31,`,
  );
  const csv = [header, ...rows].join("\n");
  const bad = `${csv}\nbroken-address,Bad,Row,,Nope,,,`;

  await admin.goto("/admin/members/import");
  await expect(admin.getByRole("heading", { level: 1, name: "Import members" })).toBeVisible();
  await expectAccessible(admin);
  // The administration pages are in Chinese too.
  await admin.getByRole("button", { name: "中文" }).click();
  await expect(admin.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(admin.getByRole("heading", { level: 1 })).not.toHaveText("Import members");
  await expectAccessible(admin);
  await admin.goto("/admin/members");
  await expect(admin.getByRole("heading", { level: 1 })).not.toHaveText("Members");
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "English" }).click();
  await admin.goto("/admin/members/import");
  // A file with a bad row is refused row by row, and nothing is imported.
  await admin
    .getByLabel("CSV file")
    .setInputFiles({ name: "members.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await admin.getByRole("button", { name: "Check file" }).click();
  await expect(
    admin.getByText("Fix the rows below and check the file again. Nothing has been imported."),
  ).toBeVisible();
  // The button names what the file would import and stays disabled while rows are wrong.
  await expect(admin.getByRole("button", { name: "Import 500 members" })).toBeDisabled();
  await expectAccessible(admin);

  await admin
    .getByLabel("CSV file")
    .setInputFiles({ name: "members.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await admin.getByRole("button", { name: "Check file" }).click();
  await expect(admin.getByText("The file is ready to import.")).toBeVisible();
  const listed = await admin.request.get(
    `/trpc/memberships.list?input=${encodeURIComponent(JSON.stringify({ pageSize: 1 }))}`,
  );
  const membersBefore: number = (await listed.json()).result.data.total;
  await admin.getByRole("button", { name: "Import 500 members" }).click();
  await expect(admin.getByText("Import finished: 500 new, 0 updated, 0 unchanged.")).toBeVisible({
    timeout: 30_000,
  });

  await admin.goto("/admin/members");
  // Other journeys add members to the same database: count from what was there before.
  await expect(admin.getByText(`${membersBefore + 500} members`)).toBeVisible();
  const downloading = admin.waitForEvent("download");
  await admin.getByRole("button", { name: "Export CSV" }).click();
  const download = await downloading;
  const exported = readFileSync((await download.path())!, "utf8");
  const lines = exported.trim().split("\n");
  expect(lines[0]).toBe(`${header},status,joined_on`);
  for (const i of [0, 250, 499]) {
    expect(exported).toContain(
      `reader${i}@example.org,Reader,Number${i},,Student,2026-09-01,2027-08-31,`,
    );
  }
  expect(lines.filter((l) => l.startsWith("reader"))).toHaveLength(500);

  // The export imports back unchanged.
  const again = await mutate(admin.request, "memberships.import", { csv: exported, commit: false });
  expect(again.body.result.data.counts).toMatchObject({ create: 0, update: 0, error: 0 });
});
