// The foundation journeys in a real browser: sign up, sign out, sign in, reset a forgotten
// password from the e-mail the outbox wrote, switch language, the kiosk start screen, and
// accessibility scans of every page on the way.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { expectAccessible, PASSWORD, signIn, signUp } from "./helpers.ts";
import { readState } from "./state.ts";

test("a new person signs up, signs out and signs in again", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);

  await signUp(page, "Lena Park", "lena@example.org");
  await expect(page.getByText("lena@example.org")).toBeVisible();
  await expect(page.getByText("Member", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Sign in" })).toBeVisible();

  await signIn(page, "lena@example.org", "not the password");
  await expect(page.getByRole("alert")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("You are signed in as Lena Park.")).toBeVisible();
});

test("the sign-up form explains what is wrong and sends nothing", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill("Short Pass");
  await page.getByLabel("E-mail", { exact: true }).fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password", { exact: true }).fill("different");
  let posted = false;
  page.on("request", (r) => {
    if (r.url().includes("/api/auth/sign-up")) posted = true;
  });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("E-mail", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  expect(posted).toBe(false);
});

test("the first-start administrator signs in with the printed password", async ({ page }) => {
  const { admin } = readState();
  await signIn(page, admin.email, admin.password);
  await expect(page.getByText("You are signed in as Administrator.")).toBeVisible();
  await expect(
    page
      .getByRole("definition")
      .filter({ hasText: /^Administrator$/ })
      .first(),
  ).toBeVisible();
});

test("a forgotten password is reset through the e-mailed link", async ({ page }) => {
  await signUp(page, "Rosa Diaz", "rosa@example.org");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expectAccessible(page);
  await page.getByLabel("E-mail", { exact: true }).fill("rosa@example.org");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account exists for rosa@example.org")).toBeVisible();

  // The outbox worker writes the e-mail as an .eml file (no SMTP_URL in the e2e server).
  const mailDir = join(readState().dataDir, "mail");
  let link: string | undefined;
  await expect
    .poll(
      () => {
        if (!existsSync(mailDir)) return undefined;
        for (const file of readdirSync(mailDir, { withFileTypes: true }).filter((f) =>
          f.name.includes("password_reset"),
        )) {
          const eml = readFileSync(join(mailDir, file.name), "utf8")
            .replace(/=\r?\n/g, "")
            .replace(/=3D/g, "=");
          if (eml.includes("To: rosa@example.org"))
            link = eml.match(/http:\/\/\S+\/api\/auth\/reset-password\/\S+/)?.[0];
        }
        return link;
      },
      { timeout: 15_000 },
    )
    .toBeTruthy();

  await page.goto(link!);
  await expect(
    page.getByRole("heading", { level: 1, name: "Choose a new password" }),
  ).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("the newer passphrase");
  await page.getByLabel("Confirm new password", { exact: true }).fill("the newer passphrase");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("Your password has been changed.")).toBeVisible();
  await signIn(page, "rosa@example.org", "the newer passphrase");
  await expect(page.getByText("You are signed in as Rosa Diaz.")).toBeVisible();
});

test("the language switch turns the portal into Chinese and remembers it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("navigation").getByRole("link", { name: "首页" })).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole("navigation").getByRole("link", { name: "登录" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("the kiosk start screen loads, asks to be paired and switches language", async ({ page }) => {
  await page.goto("/kiosk/");
  await expect(page.getByRole("heading", { level: 1, name: "Pair this kiosk" })).toBeVisible();
  await expect(page.getByText("Online")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "配对此终端" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "English" }).click();
  // A deep link falls back to the kiosk app (its start screen), not the portal.
  await page.goto("/kiosk/somewhere/else");
  await expect(page.getByRole("heading", { level: 1, name: "Pair this kiosk" })).toBeVisible();
});
