// Concurrent point lookups of one kind, coalesced into one query per round trip. Under load
// many requests ask for the same kind of row at once (the caller's session, the registering
// member): asked one by one, each costs a statement, a round trip and a wake-up of a
// database process; asked together (`where key = any($1)`) they cost about one. Nothing is
// cached: every lookup is answered by a query sent after it was asked, so a revoked session
// or a changed membership counts at once, as with a lookup of its own.
//
// Scheduling: while a batch is in flight, new lookups wait and go together in the next;
// with nothing in flight, a lookup is sent at the end of the current turn of the event
// loop. Under no load that is one lookup per query, with no added wait. A batch waits for
// the one before it at most `maxWaitMs`: a query stuck on a dead connection must not hold
// every later lookup with it. (More lookups than `maxBatchSize` at once make several
// batches, which then go out together.)
import DataLoader from "dataloader";

export type LookupBatcher<K, V> = (key: K) => Promise<V>;

/**
 * `load` answers many keys in one query, in the order given (one answer per key). An error
 * fails every lookup of that batch, as the shared query failed.
 */
export function lookupBatcher<K, V>(
  load: (keys: readonly K[]) => Promise<readonly V[]>,
  options: { maxBatchSize?: number; maxWaitMs?: number } = {},
): LookupBatcher<K, V> {
  const maxWaitMs = options.maxWaitMs ?? 250;
  let inFlight: Promise<unknown> = Promise.resolve();
  const loader = new DataLoader<K, V>(
    (keys) => {
      const answers = load(keys);
      inFlight = answers.catch(() => undefined);
      return answers as Promise<V[]>;
    },
    {
      cache: false,
      maxBatchSize: options.maxBatchSize ?? 100,
      // DataLoader collects the lookups of a batch until this calls back.
      batchScheduleFn: (dispatch) => {
        let dispatched = false;
        const go = () => {
          if (dispatched) return;
          dispatched = true;
          clearTimeout(timer);
          setImmediate(dispatch);
        };
        const timer = setTimeout(go, maxWaitMs);
        void inFlight.then(go);
      },
    },
  );
  return (key) => loader.load(key);
}
