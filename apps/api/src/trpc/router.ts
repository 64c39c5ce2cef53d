// The whole API: one router per area (DESIGN §1 names are a public contract).
import { adminRouter } from "../routers/admin.ts";
import { meRouter } from "../routers/me.ts";
import { membershipsRouter } from "../routers/memberships.ts";
import { notificationsRouter } from "../routers/notifications.ts";
import { router } from "./init.ts";

export const appRouter = router({
  me: meRouter,
  memberships: membershipsRouter,
  admin: adminRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
