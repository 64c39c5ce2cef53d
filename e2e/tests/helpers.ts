// Shared steps of the e2e journeys: accessibility scans, accounts, tRPC calls as a person.
import AxeBuilder from "@axe-core/playwright";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  test,
} from "@playwright/test";

export const PASSWORD = "a long enough passphrase";

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

/** Signs up through the navigation's link, checking the form's accessibility on the way. */
export async function signUp(page: Page, name: string, email: string) {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Create account" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(`You are signed in as ${name}.`)).toBeVisible();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A tRPC mutation with the page's cookies, as a non-TypeScript client would send it. */
export async function mutate(request: APIRequestContext, path: string, input: unknown) {
  const res = await request.post(`/trpc/${path}`, {
    data: input,
    headers: { "content-type": "application/json" },
  });
  return { status: res.status(), body: await res.json() };
}

/** A tRPC query as a non-TypeScript client sends it. */
export async function query(request: APIRequestContext, path: string, input?: unknown) {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await request.get(`/trpc/${path}${search}`);
  expect(res.status(), `${path} answered ${res.status()}`).toBe(200);
  return (await res.json()).result.data;
}

export async function ok(request: APIRequestContext, path: string, input: unknown) {
  const res = await mutate(request, path, input);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.result.data;
}

/** A signed-up person with an active membership (the tier needs no approval). */
export async function activeMember(
  browser: Browser,
  tierId: string,
  firstName: string,
  lastName: string,
  email: string,
): Promise<BrowserContext> {
  const context = await browser.newContext();
  const res = await context.request.post("/api/auth/sign-up/email", {
    data: { name: `${firstName} ${lastName}`, email, password: PASSWORD },
    headers: { origin: new URL(test.info().project.use.baseURL!).origin },
  });
  expect(res.status()).toBe(200);
  const applied = await ok(context.request, "memberships.apply", {
    tierId,
    profile: { firstName, lastName },
  });
  expect(applied.status).toBe("active");
  return context;
}
