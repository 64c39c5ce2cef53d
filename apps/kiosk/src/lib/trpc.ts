// The kiosk's typed tRPC client. Only the router's *type* comes from the API. Once a kiosk
// is paired (a later issue) its device token goes in the Authorization header here.
import type { AppRouter } from "@readers/api";
import { createTRPCClient, httpBatchLink } from "@trpc/client";

export function createKioskClient(deviceToken?: () => string | undefined) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: "/trpc",
        headers() {
          const token = deviceToken?.();
          return token ? { authorization: `Bearer ${token}` } : {};
        },
      }),
    ],
  });
}
