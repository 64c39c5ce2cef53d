// Issue 6 journey: an admin pairs a kiosk in the portal and the kiosk enters the code; a
// registered member checks in by number, and again ("already checked in"); walk-in guests
// are accepted while seats are free and refused when full; a member card shown to a fake
// camera checks that member in; three check-ins taken offline reach the server exactly once
// each when the network is back; revoking the kiosk sends it back to its pairing screen.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type APIRequestContext, chromium, expect, type Page, test } from "@playwright/test";
import QRCode from "qrcode";
import { activeMember, expectAccessible, ok, query, signIn } from "./helpers.ts";
import { readState } from "./state.ts";

// The e2e project has no DOM types; these run in the page, where the storage exists.
declare const localStorage: { getItem(key: string): string | null };

/**
 * A YUV4MPEG2 clip showing `text` as a QR code, for Chromium's fake camera: a few
 * identical frames of a black-on-white code centred in a 640×480 picture.
 */
function qrVideo(text: string): string {
  const width = 640;
  const height = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const modules = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor((height - 40) / (modules + 2 * quiet));
  const left = Math.floor((width - modules * scale) / 2);
  const top = Math.floor((height - modules * scale) / 2);
  // Luma: 235 is white and 16 black in video range; chroma 128 is no colour.
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < modules; row++) {
    for (let col = 0; col < modules; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const offset = (top + row * scale + y) * width + left + col * scale;
        luma.fill(16, offset, offset + scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const file = join(mkdtempSync(join(tmpdir(), "readers-camera-")), "card.y4m");
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 10 }, () => frame)]));
  return file;
}

/** Checked-in lines of an activity on the organizer roster (the server's truth). */
async function checkedIn(admin: APIRequestContext, activityId: string): Promise<number> {
  const roster = await query(admin, "activities.registrations", { activityId });
  return roster.items.filter((line: { checkedInAt: string | null }) => line.checkedInAt !== null)
    .length;
}

async function checkInByNumber(kiosk: Page, number: string) {
  await kiosk.getByRole("button", { name: "Type my member number" }).click();
  await kiosk.getByLabel("Member number").fill(number);
  await kiosk.getByRole("button", { name: "Check in" }).click();
}

test("a kiosk is paired, checks people in by number, camera and as walk-ins, works offline, and is revoked", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { admin: creds } = readState();
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, creds.email, creds.password);
  await expect(admin.getByText("You are signed in as Administrator.")).toBeVisible();

  // Setup through the API: a location, a tier, members, and two activities whose check-in
  // is open now (it opens 60 minutes before the start). They start within minutes, so they
  // are "today" in the association's time zone unless the run starts just before midnight.
  const location = await ok(admin.request, "locations.save", { name: "Kiosk Hall" });
  const tier = await ok(admin.request, "memberships.saveTier", {
    name: "Kiosk readers",
    term: { kind: "rolling", months: 12 },
  });
  const inMinutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
  const activity = async (title: string, startIn: number, capacity: number) => {
    const created = await ok(admin.request, "activities.create", {
      kind: "lecture",
      title,
      startsAt: inMinutes(startIn),
      endsAt: inMinutes(startIn + 120),
      locationId: location.id,
      capacity,
    });
    await ok(admin.request, "activities.publish", { id: created.id });
    return created.id as string;
  };
  const poetry = await activity("Poetry evening", 5, 20);
  const workshop = await activity("Small workshop", 6, 2);

  const rita = await activeMember(browser, tier.id, "Rita", "Reader", "rita@example.org");
  const cam = await activeMember(browser, tier.id, "Cam", "Camera", "cam@example.org");
  for (const person of [rita, cam]) {
    await ok(person.request, "registrations.register", { activityId: poetry });
  }
  const ritaNumber = (await query(rita.request, "memberships.card")).memberNumber;
  const camCard = (await query(cam.request, "memberships.card")).qrPayload;
  // Three more members without accounts, imported, for the offline check-ins.
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await ok(admin.request, "memberships.import", {
    csv: [
      "email,first_name,last_name,phone,tier,start_date,end_date,member_number",
      ...[1, 2, 3].map(
        (n) => `offline${n}@example.org,Offline,Reader${n},,Kiosk readers,${day(-1)},${day(300)},`,
      ),
    ].join("\n"),
    commit: true,
  });
  const offline = await query(admin.request, "memberships.list", { q: "Offline", pageSize: 10 });
  const offlineNumbers: string[] = offline.items.map(
    (m: { memberNumber: string }) => m.memberNumber,
  );
  expect(offlineNumbers).toHaveLength(3);

  // The admin creates a kiosk in the portal and reads the pairing code off the page.
  await admin.goto("/admin/kiosks");
  await expect(admin.getByRole("heading", { level: 1, name: "Kiosks" })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel("Name", { exact: true }).fill("Entrance");
  await admin.getByLabel("Location").selectOption({ label: "Kiosk Hall" });
  await admin.getByRole("button", { name: "Create pairing code" }).click();
  const pairingPanel = admin.getByRole("region", { name: "Pairing code for Entrance" });
  await expect(pairingPanel.getByText(/^Expires in 1[45]:\d\d\.$/)).toBeVisible();
  await expect(
    pairingPanel.getByRole("img", { name: "QR code of the pairing link" }),
  ).toBeVisible();
  await expectAccessible(admin);
  const code = (await pairingPanel.locator(".kiosk-pairing__code output").textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // The kiosk enters it.
  const kioskContext = await browser.newContext();
  const kiosk = await kioskContext.newPage();
  await kiosk.goto("/kiosk/");
  await expect(kiosk.getByRole("heading", { level: 1, name: "Pair this kiosk" })).toBeVisible();
  await expectAccessible(kiosk);
  await kiosk.getByLabel("Pairing code").fill(code.toLowerCase());
  await kiosk.getByRole("button", { name: "Pair kiosk" }).click();
  await expect(kiosk.getByRole("heading", { level: 1, name: "Check in" })).toBeVisible();
  await expect(kiosk.getByRole("main")).toContainText("Location: Kiosk Hall");
  const poetryChoice = kiosk.getByRole("radio", { name: /Poetry evening/ });
  await expect(poetryChoice).toBeChecked();
  await expect(kiosk.locator("label", { has: kiosk.getByText("Poetry evening") })).toContainText(
    "0 / 20 checked in",
  );
  await expect(kiosk.getByRole("status")).toHaveText("Online");
  await expectAccessible(kiosk);
  // The portal sees it paired.
  await expect(pairingPanel.getByText("Entrance is paired and ready.")).toBeVisible();

  // A registered member checks in by number, then tries again.
  await checkInByNumber(kiosk, ritaNumber);
  await expect(kiosk.getByRole("heading", { level: 1, name: "Welcome, Rita R.!" })).toBeVisible();
  await expect(
    kiosk.getByText("You are checked in to Poetry evening.", { exact: true }),
  ).toBeVisible();
  await expectAccessible(kiosk);
  await kiosk.getByRole("button", { name: "Done" }).click();
  await expect(kiosk.locator("label", { has: kiosk.getByText("Poetry evening") })).toContainText(
    "1 / 20 checked in",
  );
  await checkInByNumber(kiosk, ritaNumber);
  await expect(kiosk.getByRole("heading", { level: 1, name: "Already checked in" })).toBeVisible();
  await expect(kiosk.getByText(/^Rita R\. was checked in at \d\d:\d\d\.$/)).toBeVisible();
  // Back to the start screen by itself after 5 s, the name gone.
  await expect(kiosk.getByRole("heading", { level: 1, name: "Check in" })).toBeVisible({
    timeout: 8_000,
  });
  await expect(kiosk.getByText(/Rita/)).toHaveCount(0);

  // A mistyped number is caught before anything is sent.
  await kiosk.getByRole("button", { name: "Type my member number" }).click();
  const wrong = `${ritaNumber.slice(0, 7)}${(Number(ritaNumber[7]) + 1) % 10}`;
  await kiosk.getByLabel("Member number").fill(wrong);
  await expect(kiosk.getByText("This number is not valid. Check the digits.")).toBeVisible();
  await expectAccessible(kiosk);
  await kiosk.keyboard.press("Escape");
  await expect(kiosk.getByRole("heading", { level: 1, name: "Check in" })).toBeVisible();

  // Walk-ins at the two-seat workshop: accepted while a seat is free, refused when full.
  await kiosk.locator("label", { has: kiosk.getByText("Small workshop") }).click();
  await expect(kiosk.getByRole("radio", { name: /Small workshop/ })).toBeChecked();
  await kiosk.getByRole("button", { name: "Walk-in guest" }).click();
  await expect(kiosk.getByRole("heading", { level: 1, name: "Walk-in guest" })).toBeVisible();
  await expectAccessible(kiosk);
  await kiosk.getByLabel("Your name").fill("Gina Guest");
  await kiosk.getByRole("button", { name: "Check in" }).click();
  await expect(kiosk.getByRole("heading", { level: 1, name: "Welcome, Gina G.!" })).toBeVisible();
  await kiosk.getByRole("button", { name: "Done" }).click();
  await kiosk.getByRole("button", { name: "Walk-in guest" }).click();
  await kiosk.getByLabel("Your name").fill("Hal Guest");
  // Meanwhile the last seat goes (another kiosk at the same door takes a walk-in).
  const token = await kiosk.evaluate(
    () => JSON.parse(localStorage.getItem("readers.kiosk.device") ?? "{}").token as string,
  );
  const other = await kiosk.request.post("/trpc/kiosk.walkIn", {
    data: { activityId: workshop, clientId: "e2e-other-kiosk-1", guest: { name: "Ivy Guest" } },
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  });
  expect(other.status()).toBe(200);
  await kiosk.getByRole("button", { name: "Check in" }).click();
  await expect(
    kiosk.getByRole("heading", { level: 1, name: "Sorry, this activity is full" }),
  ).toBeVisible();
  await expectAccessible(kiosk);
  await kiosk.getByRole("button", { name: "Done" }).click();
  await expect(kiosk.getByRole("button", { name: "Walk-in: no free seats" })).toBeDisabled();
  await expect(kiosk.locator("label", { has: kiosk.getByText("Small workshop") })).toContainText(
    "2 / 2 checked in · Full",
  );
  expect(await checkedIn(admin.request, workshop)).toBe(2);

  // A member card shown to a (fake) camera, on a second kiosk paired by its link.
  const cameraKiosk = await ok(admin.request, "kiosk.pair", {
    name: "Camera kiosk",
    locationId: location.id,
  });
  const launch = test.info().project.use.launchOptions ?? {};
  const cameraBrowser = await chromium.launch({
    ...launch,
    executablePath: launch.executablePath ?? "/usr/bin/chromium",
    args: [
      ...(launch.args ?? []),
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${qrVideo(camCard)}`,
    ],
  });
  try {
    const camContext = await cameraBrowser.newContext({
      baseURL: test.info().project.use.baseURL,
      permissions: ["camera"],
    });
    const camPage = await camContext.newPage();
    await camPage.goto(cameraKiosk.pairingUrl);
    await expect(camPage.getByRole("heading", { level: 1, name: "Check in" })).toBeVisible();
    expect(new URL(camPage.url()).search).toBe("");
    await camPage.getByRole("button", { name: "Scan my card" }).click();
    await expect(camPage.getByRole("heading", { level: 1, name: "Welcome, Cam C.!" })).toBeVisible({
      timeout: 20_000,
    });
    // The reader's WebAssembly came from the kiosk itself, never from a CDN.
    const wasm = await camPage.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => name.endsWith(".wasm")),
    );
    expect(wasm.length).toBeGreaterThan(0);
    for (const url of wasm) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kiosk\/assets\//);
  } finally {
    await cameraBrowser.close();
  }
  expect(await checkedIn(admin.request, poetry)).toBe(2);

  // Offline: three check-ins queue on the kiosk and reach the server once it is back.
  await kiosk.locator("label", { has: kiosk.getByText("Poetry evening") }).click();
  await kioskContext.setOffline(true);
  await expect(kiosk.getByRole("status")).toHaveText("Offline — no network");
  const before = await checkedIn(admin.request, poetry);
  for (const number of offlineNumbers) {
    await checkInByNumber(kiosk, number);
    await expect(
      kiosk.getByRole("heading", { level: 1, name: "Saved, will be confirmed when online" }),
    ).toBeVisible();
    await expect(
      kiosk.getByText("Member number accepted. Saved, will be confirmed when online.", {
        exact: true,
      }),
    ).toBeVisible();
    await kiosk.getByRole("button", { name: "Done" }).click();
  }
  await expect(kiosk.getByText("3 check-ins waiting to be sent")).toBeVisible();
  await expectAccessible(kiosk);
  // A reload without network still starts: the service worker serves the app, today's
  // list comes from the device, and the queue is still there (IndexedDB).
  await kiosk.reload();
  await expect(kiosk.getByRole("heading", { level: 1, name: "Check in" })).toBeVisible();
  await expect(
    kiosk.getByText("No connection: showing the list saved earlier today."),
  ).toBeVisible();
  await expect(kiosk.getByRole("radio", { name: /Poetry evening/ })).toBeVisible();
  await expect(kiosk.getByText("3 check-ins waiting to be sent")).toBeVisible();
  expect(await checkedIn(admin.request, poetry)).toBe(before);
  await kioskContext.setOffline(false);
  await expect(kiosk.getByRole("status")).toHaveText("Online", { timeout: 20_000 });
  await expect(kiosk.getByText(/waiting to be sent/)).toHaveCount(0, { timeout: 20_000 });
  await expect(kiosk.getByRole("link", { name: "Needs staff (0)" })).toBeVisible();
  expect(await checkedIn(admin.request, poetry)).toBe(before + 3);
  await expect(kiosk.locator("label", { has: kiosk.getByText("Poetry evening") })).toContainText(
    `${before + 3} / 20 checked in`,
  );

  // With a staff PIN set by the admin, the Needs-staff list opens only with it.
  await admin.goto("/admin/kiosks");
  const pinCard = admin.getByRole("region", { name: "Staff PIN" });
  await pinCard.getByLabel("PIN").fill("2468");
  await pinCard.getByRole("button", { name: "Save PIN" }).click();
  await expect(pinCard.getByText("A staff PIN is set.")).toBeVisible();
  await expectAccessible(admin);
  await kiosk.reload();
  await kiosk.getByRole("link", { name: "Needs staff (0)" }).click();
  await kiosk.getByLabel("Staff PIN").fill("1357");
  await kiosk.getByRole("button", { name: "Open" }).click();
  await expect(kiosk.getByText("That is not the staff PIN.")).toBeVisible();
  await expect(kiosk.getByText("Nothing needs attention.")).toHaveCount(0);
  await kiosk.getByLabel("Staff PIN").fill("2468");
  await kiosk.getByRole("button", { name: "Open" }).click();
  await expect(kiosk.getByText("Nothing needs attention.")).toBeVisible();
  await expectAccessible(kiosk);
  await kiosk.getByRole("button", { name: "Back" }).click();

  // The admin revokes the kiosk; it goes back to its pairing screen.
  await admin.goto("/admin/kiosks");
  const row = admin.getByRole("row", { name: /Entrance/ });
  await expect(row).toContainText("Paired");
  await row.getByRole("button", { name: "Revoke" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Revoke kiosk" }).click();
  await expect(admin.getByText("Entrance has been revoked.")).toBeVisible();
  await expect(row).toContainText("Revoked");
  await expect(kiosk.getByRole("heading", { level: 1, name: "Pair this kiosk" })).toBeVisible({
    timeout: 20_000,
  });
  expect(await kiosk.evaluate(() => localStorage.getItem("readers.kiosk.device"))).toBeNull();
});
