// The error shape clients see: domain codes and field errors in data, internals masked.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createContextInner } from "./context.ts";
import { domainError } from "./errors.ts";
import { publicProcedure, router } from "./init.ts";

const testRouter = router({
  boom: publicProcedure.meta({ action: "me.get" }).query(() => {
    throw new Error(
      'Failed query: select * from "user" where email = $1 params: secret@example.org',
    );
  }),
  refuse: publicProcedure.meta({ action: "me.get" }).query(() => {
    throw domainError({ code: "ACTIVITY_FULL", message: "No seats left.", capacity: 2 });
  }),
  typed: publicProcedure
    .meta({ action: "me.get" })
    .input(z.object({ email: z.email() }))
    .query(() => "ok"),
  // biome-ignore lint/suspicious/noExplicitAny: a procedure without meta, on purpose
  noMeta: (publicProcedure as any).query(() => "should never run"),
});

async function call(path: string, input?: unknown) {
  const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetchRequestHandler({
    endpoint: "/trpc",
    req: new Request(`http://x/trpc/${path}${qs}`),
    router: testRouter,
    createContext: () =>
      createContextInner({
        db: null as never,
        actor: { kind: "anonymous" },
        services: null as never,
      }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { error: { message: string; data: Record<string, unknown> } },
  };
}

describe("tRPC errors on the wire", () => {
  it("masks unexpected errors (SQL, parameters) behind a plain sentence", async () => {
    const { status, body } = await call("boom");
    expect(status).toBe(500);
    expect(body.error.message).toBe("Something went wrong on our side. Please try again.");
    expect(JSON.stringify(body)).not.toContain("secret@example.org");
  });

  it("carries the domain code and details of a refusal", async () => {
    const { status, body } = await call("refuse");
    expect(status).toBe(409);
    expect(body.error.data).toMatchObject({
      code: "CONFLICT",
      domainCode: "ACTIVITY_FULL",
      details: { capacity: 2 },
    });
  });

  it("carries field errors for bad input", async () => {
    const { status, body } = await call("typed", { email: "nope" });
    expect(status).toBe(400);
    expect(body.error.data.zodError).toMatchObject({
      fieldErrors: { email: [expect.any(String)] },
    });
  });

  it("refuses a procedure that declares no action", async () => {
    const { status } = await call("noMeta");
    expect(status).toBe(500);
  });
});
