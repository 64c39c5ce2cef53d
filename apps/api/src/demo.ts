// `pnpm demo`: the same server on its own data dir (./data-demo), filled on first start
// with a realistic association. Sign in as any demo account with the password printed.
import { run } from "./cli.ts";
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from "./demo-data.ts";

// The demo always runs on its own embedded database, never on a configured DATABASE_URL.
await run({ DATA_DIR: "./data-demo", DATABASE_URL: "" }, async (handle) => {
  if (await seedDemo(handle)) {
    process.stdout.write(
      `\nDemo data created. Sign in as any of:\n${DEMO_PEOPLE.map((p) => `  ${p.email.padEnd(32)} ${p.role}`).join("\n")}\nPassword for all demo accounts: ${DEMO_PASSWORD}\n`,
    );
  }
});
