// Accounts over HTTP exactly as the portal uses them: sign-up, session, me.get, sign-out,
// sign-in, password reset by e-mail through the outbox, and the sign-in rate limit.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  buildHarness,
  cookieOf,
  type Harness,
  json as jsonOf,
  PASSWORD,
  PUBLIC_URL,
  trpcGet,
  trpcPost,
} from "./harness.ts";

const json = { "content-type": "application/json", origin: PUBLIC_URL };

describe.each(testDrivers(inject("databaseUrl")))("accounts on $name", (driver) => {
  let h: TestDatabase;
  let t: Harness;
  beforeAll(async () => {
    h = await driver.open();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(async () => {
    await h.reset();
    t = buildHarness(h);
  });

  it("signs up, sees itself in me.get, signs out, and signs in again", async () => {
    const up = await t.app.request("/api/auth/sign-up/email", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ name: "Mei Lin", email: "Mei@Example.org", password: PASSWORD }),
    });
    expect(up.status).toBe(200);
    const cookie = cookieOf(up);
    expect(cookie).toContain("better-auth.session_token=");

    const me = await trpcGet(t.app, "me.get", undefined, { cookie });
    expect(me.status).toBe(200);
    expect(me.body.result.data.account).toMatchObject({
      name: "Mei Lin",
      email: "mei@example.org",
      role: "member",
      locale: "en",
    });
    expect(me.body.result.data.privileges).toContain("notifications.list");

    const out = await t.app.request("/api/auth/sign-out", {
      method: "POST",
      headers: { ...json, cookie },
    });
    expect(out.status).toBe(200);
    const after = await trpcGet(t.app, "me.get", undefined, { cookie });
    expect(after.body.result.data.account).toBeNull();

    const again = await t.signIn("mei@example.org");
    const me2 = await trpcGet(t.app, "me.get", undefined, { cookie: again });
    expect(me2.body.result.data.account.email).toBe("mei@example.org");
  });

  it("refuses a duplicate e-mail, a short password and a wrong password, and creates nothing", async () => {
    await t.person("Ann");
    const dup = await t.app.request("/api/auth/sign-up/email", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ name: "Other Ann", email: "ann@example.org", password: PASSWORD }),
    });
    expect(dup.status).toBe(422);
    expect((await jsonOf(dup)).code).toBe("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
    const short = await t.app.request("/api/auth/sign-up/email", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ name: "Bo", email: "bo@example.org", password: "short" }),
    });
    expect(short.status).toBe(400);
    expect((await jsonOf(short)).code).toBe("PASSWORD_TOO_SHORT");
    await expect(t.signIn("bo@example.org")).rejects.toThrow("401");
    await expect(t.signIn("ann@example.org", "wrong password!")).rejects.toThrow("401");
  });

  it("bounds the name and the language of an account", async () => {
    for (const body of [
      { name: "N".repeat(121), email: "long@example.org", password: PASSWORD },
      { name: "   ", email: "blank@example.org", password: PASSWORD },
      { name: "Lang", email: "lang@example.org", password: PASSWORD, locale: "xx-evil" },
    ]) {
      const res = await t.app.request("/api/auth/sign-up/email", {
        method: "POST",
        headers: json,
        body: JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
    const cookie = cookieOf(
      await t.app.request("/api/auth/sign-up/email", {
        method: "POST",
        headers: json,
        body: JSON.stringify({
          name: "Ok",
          email: "ok@example.org",
          password: PASSWORD,
          locale: "zh-CN",
        }),
      }),
    );
    const update = await t.app.request("/api/auth/update-user", {
      method: "POST",
      headers: { ...json, cookie },
      body: JSON.stringify({ locale: "fr" }),
    });
    expect(update.status).toBe(400);
    const me = await trpcGet(t.app, "me.get", undefined, { cookie });
    expect(me.body.result.data.account.locale).toBe("zh-CN");
  });

  it("cannot set its own role at sign-up", async () => {
    const up = await t.app.request("/api/auth/sign-up/email", {
      method: "POST",
      headers: json,
      body: JSON.stringify({
        name: "Eve",
        email: "eve@example.org",
        password: PASSWORD,
        role: "admin",
      }),
    });
    const me = await trpcGet(t.app, "me.get", undefined, { cookie: cookieOf(up) });
    expect(me.body.result.data.account?.role ?? "refused").not.toBe("admin");
  });

  it("resets a password through an e-mail sent by the outbox worker", async () => {
    await t.person("Ann");
    const ask = await t.app.request("/api/auth/request-password-reset", {
      method: "POST",
      headers: json,
      body: JSON.stringify({
        email: "ann@example.org",
        redirectTo: `${PUBLIC_URL}/reset-password`,
      }),
    });
    expect(ask.status).toBe(200);
    // The welcome (in-app), the address confirmation sent at sign-up, and the reset e-mail.
    expect(await t.worker.drain()).toBe(3);
    const files = readdirSync(t.mailDir).filter((f) => f.includes("password_reset"));
    expect(files).toHaveLength(1);
    const eml = readFileSync(join(t.mailDir, files[0]!), "utf8");
    expect(eml).toContain("To: ann@example.org");
    expect(eml).toMatch(/Subject: .*reset your password/);
    const link = eml
      .replace(/=\r?\n/g, "")
      .match(/http:\/\/localhost:3999\/api\/auth\/reset-password\/([A-Za-z0-9_-]+)/);
    expect(link).not.toBeNull();
    const token = link![1]!;

    const reset = await t.app.request("/api/auth/reset-password", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ token, newPassword: "a brand new passphrase" }),
    });
    expect(reset.status).toBe(200);
    await expect(t.signIn("ann@example.org")).rejects.toThrow("401");
    await t.signIn("ann@example.org", "a brand new passphrase");
    // The token is single-use.
    const replay = await t.app.request("/api/auth/reset-password", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ token, newPassword: "yet another passphrase" }),
    });
    expect(replay.status).toBe(400);
    // Nothing is sent twice.
    expect(await t.worker.drain()).toBe(0);
  });

  it("confirms the e-mail address through the link sent at sign-up", async () => {
    const ann = await t.person("Ann");
    await t.worker.drain();
    const [file] = readdirSync(t.mailDir).filter((f) => f.includes("email_verification"));
    const eml = readFileSync(join(t.mailDir, file!), "utf8")
      .replace(/=\r?\n/g, "")
      .replace(/=3D/g, "=");
    expect(eml).toContain(`To: ${ann.email}`);
    const url = eml.match(/http:\/\/localhost:3999(\/api\/auth\/verify-email\?token=[^\s&]+)/)?.[1];
    expect(url).toBeTruthy();
    const res = await t.app.request(url!);
    expect([200, 302]).toContain(res.status);
    const cookie = await t.signIn(ann.email);
    const session = await t.app.request("/api/auth/get-session", { headers: { cookie } });
    expect((await jsonOf(session)).user.emailVerified).toBe(true);
  });

  it("changes the e-mail address only through a link sent to the new one, and the member follows", async () => {
    const ann = await t.person("Ann Lee");
    const cookie = await t.signIn(ann.email);
    const tier = await t
      .caller({ ...ann, role: "admin" })
      .memberships.saveTier.call(null, { name: "Free", term: { kind: "rolling", months: 12 } });
    await t.caller(ann).memberships.apply.call(null, {
      tierId: (tier as { id: string }).id,
      profile: { firstName: "Ann", lastName: "Lee" },
    });
    const change = await t.app.request("/api/auth/change-email", {
      method: "POST",
      headers: { ...json, cookie },
      body: JSON.stringify({ newEmail: "ann.new@example.org", callbackURL: "/profile" }),
    });
    expect(change.status).toBe(200);
    // Nothing changes until the new address confirms.
    expect(
      (await trpcGet(t.app, "me.get", undefined, { cookie })).body.result.data.account.email,
    ).toBe(ann.email);
    await t.worker.drain();
    const file = readdirSync(t.mailDir).find((f) =>
      readFileSync(join(t.mailDir, f), "utf8").includes("To: ann.new@example.org"),
    );
    expect(file).toBeTruthy();
    const eml = readFileSync(join(t.mailDir, file!), "utf8")
      .replace(/=\r?\n/g, "")
      .replace(/=3D/g, "=");
    const url = eml.match(/http:\/\/localhost:3999(\/api\/auth\/verify-email\?token=[^\s&]+)/)?.[1];
    expect(url).toBeTruthy();
    await t.app.request(url!);
    const me = (await trpcGet(t.app, "me.get", undefined, { cookie })).body.result.data;
    expect(me.account.email).toBe("ann.new@example.org");
    expect(me.member.email).toBe("ann.new@example.org");
  });

  it("trusts a session cookie only with its signature, while its row lives and has not expired", async () => {
    const ann = await t.person("Ann Lee");
    const cookie = await t.signIn(ann.email);
    const who = async (c: string) =>
      (await trpcGet(t.app, "me.get", undefined, { cookie: c })).body.result.data.account?.email ??
      null;
    expect(await who(cookie)).toBe(ann.email);
    // A changed signature, or a token signed with another secret, is nobody.
    const [name, value] = cookie.split(/=(.*)/s) as [string, string];
    const decoded = decodeURIComponent(value);
    const dot = decoded.lastIndexOf(".");
    const token = decoded.slice(0, dot);
    const flipped = decoded.slice(dot + 1).replace(/^./, (ch) => (ch === "A" ? "B" : "A"));
    expect(await who(`${name}=${encodeURIComponent(`${token}.${flipped}`)}`)).toBeNull();
    const { createHmac } = await import("node:crypto");
    const foreign = createHmac("sha256", "another-secret-another-secret-another-secret")
      .update(token)
      .digest("base64");
    expect(await who(`${name}=${encodeURIComponent(`${token}.${foreign}`)}`)).toBeNull();
    // A role change applies to the next request with the same cookie.
    expect((await t.app.request("/trpc/memberships.list", { headers: { cookie } })).status).toBe(
      403,
    );
    await h.db.execute(sql`update "user" set role = 'organizer' where id = ${ann.userId}`);
    expect((await t.app.request("/trpc/memberships.list", { headers: { cookie } })).status).toBe(
      200,
    );
    // An expired session, then a revoked one, is nobody.
    await h.db.execute(
      sql`update session set expires_at = now() - interval '1 minute' where token = ${token}`,
    );
    expect(await who(cookie)).toBeNull();
    const again = await t.signIn(ann.email);
    expect(await who(again)).toBe(ann.email);
    await h.db.execute(sql`delete from session where user_id = ${ann.userId}`);
    expect(await who(again)).toBeNull();
  });

  it("answers concurrent requests each as its own caller (their session reads share a query)", async () => {
    const people = await Promise.all(["Ann Lee", "Bo Chen", "Cai Wu"].map((n) => t.person(n)));
    const cookies = await Promise.all(people.map((p) => t.signIn(p.email)));
    const revoked = await t.signIn(people[0]!.email);
    const token = decodeURIComponent(revoked.split(/=(.*)/s)[1]!).split(".")[0]!;
    await h.db.execute(sql`delete from session where token = ${token}`);
    const who = async (c: string | undefined) =>
      (await trpcGet(t.app, "me.get", undefined, c ? { cookie: c } : {})).body.result.data.account
        ?.email ?? null;
    // The same caller twice, others between, a revoked session and nobody, all at once.
    const asked = [cookies[0], cookies[1], revoked, cookies[2], undefined, cookies[0]];
    expect(await Promise.all(asked.map(who))).toEqual([
      people[0]!.email,
      people[1]!.email,
      null,
      people[2]!.email,
      null,
      people[0]!.email,
    ]);
  });

  it("rate-limits sign-in attempts per client address", async () => {
    const limited = buildHarness(h, { signInPerMinute: 3 });
    await limited.person("Ann");
    const attempt = () =>
      limited.app.request(
        "/api/auth/sign-in/email",
        {
          method: "POST",
          headers: json,
          body: JSON.stringify({ email: "ann@example.org", password: "wrong password!" }),
        },
        { incoming: { socket: { remoteAddress: "203.0.113.7" } } },
      );
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Another address is not affected, and a forged client-IP header does not help.
    const other = await limited.app.request(
      "/api/auth/sign-in/email",
      {
        method: "POST",
        headers: { ...json, "x-readers-client-ip": "198.51.100.1" },
        body: JSON.stringify({ email: "ann@example.org", password: PASSWORD }),
      },
      { incoming: { socket: { remoteAddress: "203.0.113.8" } } },
    );
    expect(other.status).toBe(200);
    const forged = await limited.app.request(
      "/api/auth/sign-in/email",
      {
        method: "POST",
        headers: { ...json, "x-readers-client-ip": "198.51.100.2" },
        body: JSON.stringify({ email: "ann@example.org", password: PASSWORD }),
      },
      { incoming: { socket: { remoteAddress: "203.0.113.7" } } },
    );
    expect(forged.status).toBe(429);
  });

  it("changes the account language with me.setLocale", async () => {
    await t.person("Ann");
    const cookie = await t.signIn("ann@example.org");
    const res = await trpcPost(t.app, "me.setLocale", { locale: "zh-CN" }, { cookie });
    expect(res.status).toBe(200);
    const me = await trpcGet(t.app, "me.get", undefined, { cookie });
    expect(me.body.result.data.account.locale).toBe("zh-CN");
    const bad = await trpcPost(t.app, "me.setLocale", { locale: "fr" }, { cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.data.zodError.fieldErrors.locale).toBeDefined();
  });
});
