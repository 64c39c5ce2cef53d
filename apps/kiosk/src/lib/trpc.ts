// The kiosk's typed tRPC client. Only the router's *type* comes from the API. A paired
// kiosk sends its device token as a bearer header; it never needs cookies, so none are
// sent (a volunteer may have signed in to the portal in the same browser profile).
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
        fetch: (url, init) => fetch(url, { ...init, credentials: "omit" }),
      }),
    ],
  });
}
