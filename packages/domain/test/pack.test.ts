// Publishability end to end: build, pack the tarball as pnpm publishes it, install it into
// a plain Node ESM project (zod comes from the npm registry), decide a registration, a
// check-in and a loan there, run every README example, and type-check a TypeScript consumer
// against the shipped .d.ts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "readers-domain-pack-"));
const consumer = join(work, "consumer");

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

const script = `
import {
  decideRegistration, decideCheckIn, decideLoanRequest, ActivitySchema, normalizeIsbn,
  memberNumberFromSequence, can,
} from "@readers/domain";

const activity = ActivitySchema.parse({
  id: "a1", kind: "lecture", title: "Reading slowly", locationId: "central", capacity: 2,
  startsAt: "2025-06-10T18:00:00Z", endsAt: "2025-06-10T19:30:00Z", status: "published",
});
const registration = decideRegistration({
  activity, counts: { confirmedSeats: 1 }, partySize: 1, now: new Date("2025-06-09T10:00:00Z"),
  applicant: { kind: "member", membershipStatus: "active", alreadyRegistered: false },
});
const checkIn = decideCheckIn({
  activity, kioskLocationId: "central", now: new Date("2025-06-10T17:30:00Z"),
  attendee: { kind: "member", membershipStatus: "active", cardVersion: 1 },
  registration: { id: "r1", status: "confirmed", partySize: 1, checkedInAt: null },
  previousCheckIn: null, counts: { checkedInSeats: 0, heldSeats: 2 },
});
const loan = decideLoanRequest({
  borrower: { memberId: "m1", membershipStatus: "grace", trust: 0, loanLimit: 3, loans: [], queuedCopyIds: [] },
  copy: { id: "c1", owner: { kind: "member", memberId: "m2" }, custodian: { kind: "owner" },
    visible: true, withdrawnAt: null, minTrust: null },
  copyBusy: false, today: "2025-06-09",
});
console.log(JSON.stringify({
  registration, checkIn, loan,
  isbn: normalizeIsbn("0-306-40615-2"),
  memberNumber: memberNumberFromSequence(1234567),
  kioskMayCheckIn: can({ role: "kiosk", locationId: "central" }, "kiosk.checkIn"),
}));
`;

describe("packed tarball", () => {
  let tarball = "";

  beforeAll(() => {
    rmSync(join(packageDir, "dist"), { recursive: true, force: true });
    run("pnpm", ["run", "build"], packageDir);
    run("pnpm", ["pack", "--pack-destination", work], packageDir);
    const file = readdirSync(work).find((name) => name.endsWith(".tgz"));
    if (!file) throw new Error("pnpm pack produced no tarball");
    tarball = join(work, file);
    run("tar", ["-xzf", tarball, "-C", work], work);
  }, 120_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it("publishes dist with resolved versions and dist exports", () => {
    const manifest = JSON.parse(readFileSync(join(work, "package", "package.json"), "utf8"));
    expect(manifest.exports).toEqual({
      ".": { types: "./dist/index.d.ts", import: "./dist/index.js" },
    });
    expect(manifest.types).toBe("./dist/index.d.ts");
    expect(manifest.dependencies.zod).toMatch(/^\^?\d+\.\d+\.\d+$/);
    const files = run("tar", ["-tzf", tarball], work).split("\n");
    expect(files).toContain("package/dist/index.js");
    expect(files).toContain("package/dist/index.d.ts");
    expect(files).toContain("package/README.md");
    expect(files.some((f) => f.startsWith("package/src/") || f.includes(".test."))).toBe(false);
  });

  it("installs into a plain Node ESM project and decides correctly", () => {
    run("mkdir", ["-p", consumer], work);
    writeFileSync(
      join(consumer, "package.json"),
      JSON.stringify({ name: "consumer", private: true, type: "module" }),
    );
    run(
      "npm",
      ["install", tarball, "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
      consumer,
    );
    writeFileSync(join(consumer, "check.mjs"), script);
    const output = JSON.parse(run("node", ["check.mjs"], consumer));
    expect(output.registration).toEqual({ ok: true, value: { status: "confirmed", partySize: 1 } });
    expect(output.checkIn).toMatchObject({
      ok: true,
      value: { outcome: "CHECKED_IN", seats: 1, registrationId: "r1" },
    });
    expect(output.loan).toMatchObject({ ok: false, code: "MEMBERSHIP_INACTIVE" });
    expect(output.isbn).toEqual({ ok: true, value: "9780306406157" });
    expect(output.memberNumber).toBe("12345674");
    expect(output.kioskMayCheckIn).toBe(true);

    // Every example of the README runs as written against the installed package.
    const readme = readFileSync(join(packageDir, "README.md"), "utf8");
    const examples = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map(
      (match) => match[1] as string,
    );
    expect(examples.length).toBeGreaterThanOrEqual(7);
    examples.forEach((example, index) => {
      const file = `readme-${index}.mjs`;
      writeFileSync(join(consumer, file), example);
      try {
        run("node", [file], consumer);
      } catch (error) {
        throw new Error(
          `README example ${index + 1} failed:\n${(error as { stderr?: string }).stderr ?? error}`,
        );
      }
    });

    // The shipped .d.ts type-check a strict NodeNext consumer.
    writeFileSync(join(consumer, "check.ts"), script);
    const tsc = join(packageDir, "node_modules", ".bin", "tsc");
    run(
      tsc,
      [
        "--noEmit",
        "--strict",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--target",
        "es2022",
        "--skipLibCheck",
        "false",
        "--types",
        "",
        "check.ts",
      ],
      consumer,
    );
  }, 120_000);
});
