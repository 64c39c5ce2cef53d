// Where e2e/server.ts leaves what the tests need (first-start admin, data dir).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// One file per port: two runs on one machine (E2E_PORT=4391 beside the default 4317) must
// not read each other's admin password.
export const statePath = fileURLToPath(
  new URL(`../.state/server-${process.env.E2E_PORT ?? "4317"}.json`, import.meta.url),
);

export interface E2EState {
  admin: { email: string; password: string };
  dataDir: string;
}

export function readState(): E2EState {
  return JSON.parse(readFileSync(statePath, "utf8")) as E2EState;
}
