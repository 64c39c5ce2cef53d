// `pnpm start`: the platform on the embedded database (or DATABASE_URL).
import { run } from "./cli.ts";

await run();
