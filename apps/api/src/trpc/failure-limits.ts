// Limits on failed attempts (wrong PINs, unknown cards, bad pairing codes), counted in the
// database so they hold across instances. Each attempt is counted *before* it runs, in one
// atomic upsert per limit, and taken back when it succeeds: a burst of concurrent guesses
// cannot all pass a "how many so far?" check before any failure is recorded.
import { type Database, hitRateLimit, takeBackRateLimit } from "@readers/db";
import { TRPCError } from "@trpc/server";

export interface FailureLimit {
  key: string;
  max: number;
  windowMs: number;
}

/**
 * Runs `attempt` unless a limit is used up (TOO_MANY_REQUESTS with `message(seconds)`);
 * returns its result. Only attempts for which `succeeded` is false stay counted.
 */
export async function limitFailures<T>(
  db: Database,
  now: Date,
  limits: readonly FailureLimit[],
  message: (seconds: number) => string,
  attempt: () => Promise<T>,
  succeeded: (result: T) => boolean,
): Promise<T> {
  const hits = [];
  for (const limit of limits) {
    hits.push(await hitRateLimit(db, limit.key, now, limit.windowMs, limit.max));
  }
  const refused = hits.find((hit) => !hit.allowed);
  const takeBack = () => Promise.all(limits.map((limit) => takeBackRateLimit(db, limit.key)));
  if (refused) {
    // A refused attempt is not a guess: the count stays where the limit stopped it.
    await takeBack();
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: message(Math.ceil(refused.retryAfterMs / 1000)),
    });
  }
  let result: T;
  try {
    result = await attempt();
  } catch (error) {
    await takeBack();
    throw error;
  }
  if (succeeded(result)) await takeBack();
  return result;
}
