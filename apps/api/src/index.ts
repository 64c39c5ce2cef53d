// @readers/api: the frontends import only `type AppRouter` from here; tests, e2e and bench
// use the factories.

export { createApp } from "./app.ts";
export { createAuth } from "./auth.ts";
export { loadEnv } from "./env.ts";
export { startServer } from "./server.ts";
export { createContextInner } from "./trpc/context.ts";
export type { AppRouter } from "./trpc/router.ts";
export { appRouter } from "./trpc/router.ts";
