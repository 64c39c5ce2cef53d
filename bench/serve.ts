// A benchmark's API instance in a child process: takes its settings from the parent over
// IPC, answers with its URL, serves until told to stop (see spawnInstance in lib.ts).
import { loadEnv, startServer } from "@readers/api";
import { silent } from "./lib.ts";

const overrides = await new Promise<Record<string, string>>((resolve) =>
  process.once("message", (m) => resolve(m as Record<string, string>)),
);
const server = await startServer(loadEnv(overrides), { logger: silent });
process.send?.({ url: server.url });
process.on("message", async (m) => {
  if (m !== "stop") return;
  await server.close();
  process.exit(0);
});
