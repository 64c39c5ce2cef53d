// The typed tRPC client. Only the router's *type* comes from the API: no server code is bundled.
import type { AppRouter } from "@readers/api";
import { createTRPCClient, httpBatchLink } from "@trpc/client";

// Same origin: the session cookie goes along by itself.
export const trpc = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/trpc" })],
});
