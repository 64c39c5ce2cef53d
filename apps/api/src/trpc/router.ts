// The whole API: one router per area (DESIGN §1 names are a public contract).
import { activitiesRouter } from "../routers/activities.ts";
import { adminRouter } from "../routers/admin.ts";
import { booksRouter } from "../routers/books.ts";
import { kioskPairingRouter, kioskRouter } from "../routers/kiosk.ts";
import { loansRouter } from "../routers/loans.ts";
import { locationsRouter } from "../routers/locations.ts";
import { meRouter } from "../routers/me.ts";
import { membershipsRouter } from "../routers/memberships.ts";
import { notificationsRouter } from "../routers/notifications.ts";
import { registrationsRouter } from "../routers/registrations.ts";
import { router } from "./init.ts";

export const appRouter = router({
  me: meRouter,
  locations: locationsRouter,
  memberships: membershipsRouter,
  admin: adminRouter,
  notifications: notificationsRouter,
  activities: activitiesRouter,
  registrations: registrationsRouter,
  books: booksRouter,
  loans: loansRouter,
  kiosk: kioskRouter,
  kioskPairing: kioskPairingRouter,
});

export type AppRouter = typeof appRouter;
