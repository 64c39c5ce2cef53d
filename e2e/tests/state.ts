// Where e2e/server.ts leaves what the tests need (first-start admin, data dir).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const statePath = fileURLToPath(new URL("../.state/server.json", import.meta.url));

export interface E2EState {
  admin: { email: string; password: string };
  dataDir: string;
}

export function readState(): E2EState {
  return JSON.parse(readFileSync(statePath, "utf8")) as E2EState;
}
