// The whole API: one router per area (DESIGN §1 names are a public contract).
import { meRouter } from "../routers/me.ts";
import { notificationsRouter } from "../routers/notifications.ts";
import { router } from "./init.ts";

export const appRouter = router({
  me: meRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
