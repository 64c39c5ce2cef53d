// A benchmark's API instance in a child process: takes its settings from the parent over
// IPC, answers with its URL, serves until told to stop (see spawnInstance in lib.ts).
// "profile:start" / "profile:stop <file>" record a CPU profile of just the measured part
// (BENCH_PROFILE_DIR in lib.ts), not the start-up and seeding around it.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { loadEnv, startServer } from "@readers/api";
import { silent } from "./lib.ts";

const overrides = await new Promise<Record<string, string>>((resolve) =>
  process.once("message", (m) => resolve(m as Record<string, string>)),
);
const server = await startServer(loadEnv(overrides), { logger: silent });
process.send?.({ url: server.url });
let inspector: Session | undefined;
process.on("message", async (m) => {
  if (m === "profile:start") {
    inspector = new Session();
    inspector.connect();
    await inspector.post("Profiler.enable");
    await inspector.post("Profiler.start");
    process.send?.("profile:started");
  } else if (typeof m === "string" && m.startsWith("profile:stop ") && inspector) {
    const { profile } = await inspector.post("Profiler.stop");
    writeFileSync(m.slice("profile:stop ".length), JSON.stringify(profile));
    inspector.disconnect();
    inspector = undefined;
    process.send?.("profile:stopped");
  } else if (m === "stop") {
    await server.close();
    process.exit(0);
  }
});
