// Shared by `pnpm start` and `pnpm demo`: validate the environment, start the server, print
// where to go, and shut down cleanly on SIGTERM/SIGINT.
import { DataDirLockedError } from "@readers/db";
import { loadEnv } from "./env.ts";
import { type RunningServer, startServer } from "./server.ts";

export async function run(
  overrides: Record<string, string> = {},
  beforeServe?: NonNullable<Parameters<typeof startServer>[1]>["beforeServe"],
): Promise<RunningServer> {
  let server: RunningServer;
  try {
    const env = loadEnv(overrides);
    server = await startServer(env, {
      beforeServe,
      onFirstStart: (admin) =>
        process.stdout.write(
          [
            "",
            "First start: an administrator account was created. This password is shown only once:",
            `  E-mail:   ${admin.email}`,
            `  Password: ${admin.password}`,
            "",
          ].join("\n"),
        ),
    });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`\nReaders cannot start: ${error.message}\n\n`);
      process.exit(2);
    }
    process.stderr.write(
      `\nReaders cannot start: ${error instanceof Error ? error.message : String(error)}\n\n`,
    );
    process.exit(1);
  }
  // People open the public address; PUBLIC_URL defaults to this machine's.
  const base = server.publicUrl.replace(/\/$/, "");
  const lines = [
    "",
    `Readers is running on ${server.handle.driver === "pglite" ? "the embedded database (PGlite)" : "PostgreSQL"}.`,
    `  Portal:  ${base}/`,
    `  Kiosk:   ${base}/kiosk/`,
    `  Health:  ${base}/health`,
  ];
  process.stdout.write(`${lines.join("\n")}\n\n`);

  let signals = 0;
  const shutdown = (signal: string) => {
    signals++;
    if (signals > 1) process.exit(130);
    process.stdout.write(`\n${signal} received: shutting down…\n`);
    server.close().then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`Shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  return server;
}
