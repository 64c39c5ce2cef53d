// Starts the platform for the e2e run on a throw-away data dir and writes the first-start
// admin credentials where the tests can read them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEnv, startServer } from "@readers/api";
import { statePath } from "./tests/state.ts";

const port = process.env.E2E_PORT ?? "4317";
const dataDir = mkdtempSync(join(tmpdir(), "readers-e2e-"));
const env = loadEnv({
  PORT: port,
  HOST: "127.0.0.1",
  DATA_DIR: dataDir,
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  LOG_LEVEL: "warn",
  ASSOCIATION_TIMEZONE: "Asia/Shanghai",
  // Every journey signs people up from 127.0.0.1; the limit itself is tested in the API suite.
  AUTH_ATTEMPTS_PER_MINUTE: "500",
  // The e2e suite always runs on the embedded database (the unit suites cover PostgreSQL).
  DATABASE_URL: "",
  // Book details come from the API tests' recorded Open Library answers, never the network.
  ISBN_LOOKUP: `fixtures:${fileURLToPath(new URL("../apps/api/test/fixtures/openlibrary", import.meta.url))}`,
});
const server = await startServer(env);
mkdirSync(join(statePath, ".."), { recursive: true });
writeFileSync(statePath, JSON.stringify({ admin: server.firstStart.admin, dataDir }));
process.stdout.write(`e2e server on ${server.url}\n`);
const stop = () =>
  server.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
