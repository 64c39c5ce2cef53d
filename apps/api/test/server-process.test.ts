// The real `pnpm start` entry point as a process: it prints where to go and the first-start
// admin once, a second process on the same data dir refuses and names the first, SIGTERM
// shuts down cleanly, and after kill -9 a restart has every committed account.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "readers-start-"));
const children: ChildProcess[] = [];
let port = "0";

async function freePort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port: p } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return String(p);
}

interface Started {
  child: ChildProcess;
  url: string;
  stdout: () => string;
}

function start(): {
  child: ChildProcess;
  ready: Promise<Started>;
  exit: Promise<{ code: number | null; stderr: string }>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: port,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
      ASSOCIATION_TIMEZONE: "Asia/Shanghai",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stderr!.on("data", (c) => {
    err += c.toString();
  });
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, stderr: err })),
  );
  const ready = new Promise<Started>((resolve, reject) => {
    child.stdout!.on("data", (c) => {
      out += c.toString();
      const m = out.match(/Health: {2}(http:\/\/\S+)\/health/);
      if (m && (!out.includes("First start") || out.includes("Password:"))) {
        // Give the rest of the banner a moment to arrive.
        setTimeout(() => resolve({ child, url: m[1]!, stdout: () => out }), 50);
      }
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  ready.catch(() => {});
  return { child, ready, exit };
}

beforeAll(async () => {
  port = await freePort();
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("pnpm start as a process", () => {
  it("starts, refuses a second instance, shuts down on SIGTERM, and survives kill -9", {
    // Four server starts; on a loaded 2-core CI machine one start can take tens of seconds.
    timeout: 240_000,
  }, async () => {
    const first = await start().ready;
    const banner = first.stdout();
    expect(banner).toContain("embedded database (PGlite)");
    expect(banner).toMatch(/Portal: {2}http:\/\/127\.0\.0\.1:\d+\//);
    expect(banner).toContain("/kiosk/");
    const password = banner.match(/Password: (\S+)/)?.[1];
    const email = banner.match(/E-mail: {3}(\S+)/)?.[1];
    expect(password).toBeTruthy();
    expect((await fetch(`${first.url}/health`)).status).toBe(200);

    // A second process on the same data dir refuses and names the first.
    const second = start();
    const refused = await second.exit;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`in use by process ${first.child.pid}`);

    // SIGTERM: clean exit, lock released.
    first.child.kill("SIGTERM");
    expect(await new Promise<number | null>((r) => first.child.on("exit", r))).toBe(0);

    // Restart: no new admin, sign up a member, then kill -9.
    const again = await start().ready;
    expect(again.stdout()).not.toContain("First start");
    const origin = { "content-type": "application/json", origin: again.url };
    const signUp = await fetch(`${again.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: origin,
      body: JSON.stringify({
        name: "Durable Dora",
        email: "dora@example.org",
        password: "committed passphrase",
      }),
    });
    expect(signUp.status).toBe(200);
    again.child.kill("SIGKILL");
    await new Promise((r) => again.child.on("exit", r));

    // After kill -9 everything committed is there: the member and the first admin sign in.
    const third = await start().ready;
    const headers = { "content-type": "application/json", origin: third.url };
    for (const [e, p] of [
      ["dora@example.org", "committed passphrase"],
      [email!, password!],
    ]) {
      const res = await fetch(`${third.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers,
        body: JSON.stringify({ email: e, password: p }),
      });
      expect(res.status, `sign-in of ${e}`).toBe(200);
    }
    third.child.kill("SIGINT");
    expect(await new Promise<number | null>((r) => third.child.on("exit", r))).toBe(0);
  });
});
