// The kiosk's state in one place: its pairing, today's activities with live occupancy, the
// chosen activity, the offline queue, and the result of the last check-in. Screens read it
// through useKiosk(); the server calls go through a KioskApi, so tests inject a fake.
import type { ConnectionState } from "@readers/ui";
import {
  type Accessor,
  createContext,
  createEffect,
  createMemo,
  createSignal,
  on,
  onCleanup,
  type ParentComponent,
  useContext,
} from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import {
  type CheckInAnswer,
  type CheckInOutcome,
  type Credential,
  type KioskApi,
  kioskApi,
  type Occupancy,
  type ShelfCredential,
  type Today,
  type TodayActivity,
} from "./lib/api.ts";
import { clearPairing, loadPairing, type StoredPairing, savePairing } from "./lib/device.ts";
import { classifyFailure } from "./lib/errors.ts";
import { connectKioskEvents, type KioskEvents } from "./lib/kiosk-events.ts";
import { type CredentialKind, maskCredential, maskGuest } from "./lib/mask.ts";
import { OfflineQueue, type QueuedItem } from "./lib/offline-queue.ts";
import {
  clearToday,
  loadStaffPinRequired,
  loadToday,
  phaseAt,
  preselectAt,
  saveStaffPinRequired,
  saveToday,
} from "./lib/today.ts";
import { createKioskClient } from "./lib/trpc.ts";

/** What the result screen shows after an attempt. */
export type KioskResult =
  | {
      kind: "success";
      outcome: CheckInOutcome;
      displayName: string | null;
      checkedInAt: string;
      seats: number;
      activityTitle: string;
    }
  /** Saved offline; the server will decide when the kiosk is back online. */
  | { kind: "queued"; credentialKind: CredentialKind; activityTitle: string }
  | { kind: "refused"; code: string; details: Record<string, unknown>; activityTitle: string }
  | { kind: "rate-limited" }
  /** A typed or scanned member number whose check digit is wrong: never sent. */
  | { kind: "invalid-number" }
  /** A scanned code that is neither a card, a registration link nor a member number. */
  | { kind: "unreadable" }
  /** Nothing to check in to: no activity at this location today. */
  | { kind: "no-activity" }
  /** The association shelf: a book lent, until a date. */
  | { kind: "borrowed"; title: string; dueDate: string; firstName: string }
  | { kind: "returned"; title: string; late: boolean; reserved: boolean }
  | { kind: "shelf-refused"; code: string; details: Record<string, unknown> }
  /** Lending needs the server: nothing is queued for books. */
  | { kind: "shelf-offline" }
  | { kind: "error" };

export type TodayStatus = "idle" | "loading" | "ready" | "offline" | "error";

export interface KioskDeps {
  connection: Accessor<ConnectionState>;
  /** Builds the server calls for a token accessor; defaults to the tRPC client. */
  createApi?: (token: () => string | undefined) => KioskApi;
  queue?: OfflineQueue;
  connectEvents?: typeof connectKioskEvents;
  now?: () => Date;
  /** How often the clock (and every phase) moves on. */
  tickMs?: number;
  /** How often today's list is fetched again while paired. */
  refreshMs?: number;
  newId?: () => string;
}

function createKioskState(deps: KioskDeps) {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const queue = deps.queue ?? new OfflineQueue();

  const [pairing, setPairing] = createSignal<StoredPairing | null>(loadPairing());
  const token = () => pairing()?.token;
  const api = (deps.createApi ?? ((t) => kioskApi(createKioskClient(t))))(token);

  const [clock, setClock] = createSignal(now());
  const tick = setInterval(() => setClock(now()), deps.tickMs ?? 10_000);
  onCleanup(() => clearInterval(tick));

  const cached = pairing();
  const [today, setToday] = createSignal<Today | null>(
    cached ? loadToday(cached.device.id, now()) : null,
  );
  const [todayStatus, setTodayStatus] = createSignal<TodayStatus>("idle");
  const [occupancy, setOccupancy] = createStore<Record<string, Occupancy>>({});
  const [chosenId, setChosenId] = createSignal<string | null>(null);
  const [result, setResult] = createSignal<KioskResult | null>(null);
  const [announcement, setAnnouncement] = createSignal("");
  const [pendingCount, setPendingCount] = createSignal(0);
  const [staffCount, setStaffCount] = createSignal(0);
  /** Bumped on every queue change, so lists on screen re-read the store. */
  const [queueVersion, setQueueVersion] = createSignal(0);

  function applyToday(next: Today) {
    setToday(next);
    setOccupancy(
      reconcile(Object.fromEntries(next.activities.map((a) => [a.id, a.occupancy] as const))),
    );
  }
  const initial = today();
  if (initial) applyToday(initial);

  function updateOccupancy(next: Occupancy) {
    setOccupancy(next.activityId, next);
  }

  const activities = (): TodayActivity[] => today()?.activities ?? [];
  const selected = createMemo<TodayActivity | undefined>(() => {
    const list = activities();
    const chosen = chosenId();
    const preselected = preselectAt(list, clock());
    const id = chosen && list.some((a) => a.id === chosen) ? chosen : preselected;
    return list.find((a) => a.id === id) ?? list[0];
  });
  const occupancyOf = (activity: TodayActivity): Occupancy =>
    occupancy[activity.id] ?? activity.occupancy;
  const phaseOf = (activity: TodayActivity) => phaseAt(activity, clock());

  async function refreshCounts() {
    const [pending, staff] = await Promise.all([queue.pending(), queue.needsStaff()]);
    setPendingCount(pending.length);
    setStaffCount(staff.length);
    setQueueVersion((v) => v + 1);
  }
  const stopListening = queue.onChange(() => void refreshCounts());
  onCleanup(stopListening);
  void refreshCounts();

  let events: KioskEvents | undefined;
  function stopEvents() {
    events?.close();
    events = undefined;
  }
  onCleanup(stopEvents);

  /** The server no longer knows this device: forget it and show the pairing screen. */
  function forget() {
    stopEvents();
    clearPairing();
    clearToday();
    setPairing(null);
    setToday(null);
    setOccupancy(reconcile({}));
    setChosenId(null);
    setResult(null);
    setTodayStatus("idle");
  }

  async function refreshToday(): Promise<void> {
    const current = pairing();
    if (!current) return;
    setTodayStatus("loading");
    try {
      const next = await api.today();
      if (pairing() !== current) return;
      saveToday(current.device.id, next);
      if (typeof next.staffPinRequired === "boolean") {
        saveStaffPinRequired(next.staffPinRequired);
      }
      applyToday(next);
      setTodayStatus("ready");
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind === "revoked") return forget();
      setTodayStatus(failure.kind === "network" ? "offline" : "error");
    }
  }

  async function sync(): Promise<void> {
    if (!pairing()) return;
    const report = await queue.sync(api, (answer) => updateOccupancy(answer.occupancy));
    if (report.revoked) forget();
  }

  // While paired: load today's list, listen to live occupancy, refresh now and then.
  createEffect(
    on(pairing, (current) => {
      stopEvents();
      if (!current) return;
      void refreshToday();
      void sync();
      events = (deps.connectEvents ?? connectKioskEvents)({
        token,
        onOccupancy: updateOccupancy,
        onRevoked: forget,
      });
      const refresh = setInterval(() => void refreshToday(), deps.refreshMs ?? 5 * 60_000);
      onCleanup(() => clearInterval(refresh));
    }),
  );

  // Back online (the browser says so and /health answered): send the queue, reopen the
  // stream at once and fetch a fresh list. A kiosk left running overnight also gets the
  // new day's list here or at the next refresh.
  createEffect(
    on(deps.connection, (state, previous) => {
      if (state !== "online" || previous === "online" || previous === undefined) return;
      events?.reconnectNow();
      void refreshToday();
      void sync();
    }),
  );

  // A check-in queued while the health check still said "online" (the server went away
  // between two checks) would wait for the next state change; retry it on a timer too.
  const retry = setInterval(() => {
    if (deps.connection() === "online") void sync();
  }, 30_000);
  onCleanup(() => clearInterval(retry));

  async function pair(code: string): Promise<void> {
    const activation = await api.activate(code);
    const next = { token: activation.token, device: activation.device };
    savePairing(next);
    setPairing(next);
  }

  function answered(answer: CheckInAnswer): KioskResult {
    updateOccupancy(answer.occupancy);
    return {
      kind: "success",
      outcome: answer.outcome,
      displayName: answer.displayName,
      checkedInAt: answer.checkedInAt,
      seats: answer.seats,
      activityTitle: answer.activity.title,
    };
  }

  /** Turns a failed attempt into a result, queueing it when the server was unreachable. */
  async function failed(
    error: unknown,
    item: QueuedItem,
    activityTitle: string,
  ): Promise<KioskResult> {
    const failure = classifyFailure(error);
    switch (failure.kind) {
      case "network":
        await queue.add(item);
        return { kind: "queued", credentialKind: item.credentialKind, activityTitle };
      case "revoked":
        forget();
        return { kind: "error" };
      case "refused":
        return { kind: "refused", code: failure.code, details: failure.details, activityTitle };
      case "rate-limited":
        return { kind: "rate-limited" };
      default:
        return { kind: "error" };
    }
  }

  async function checkIn(activity: TodayActivity, credential: Credential): Promise<KioskResult> {
    const request = {
      activityId: activity.id,
      credential,
      clientId: newId(),
      occurredAt: now().toISOString(),
    };
    const masked = maskCredential(credential);
    try {
      return answered(await api.checkIn(request));
    } catch (error) {
      return failed(
        error,
        {
          kind: "checkIn",
          request,
          clientId: request.clientId,
          occurredAt: request.occurredAt,
          activityTitle: activity.title,
          credentialKind: masked.kind,
          maskedCredential: masked.masked,
        },
        activity.title,
      );
    }
  }

  async function walkIn(
    activity: TodayActivity,
    guest: { name: string; email?: string; consent?: boolean },
    partySize: number,
  ): Promise<KioskResult> {
    const request = {
      activityId: activity.id,
      clientId: newId(),
      partySize,
      guest,
      occurredAt: now().toISOString(),
    };
    const masked = maskGuest(guest.name);
    try {
      return answered(await api.walkIn(request));
    } catch (error) {
      return failed(
        error,
        {
          kind: "walkIn",
          request,
          clientId: request.clientId,
          occurredAt: request.occurredAt,
          activityTitle: activity.title,
          credentialKind: masked.kind,
          maskedCredential: masked.masked,
        },
        activity.title,
      );
    }
  }

  /** Lending is decided by the server at once; without it, the kiosk says so. */
  async function shelf<T>(call: () => Promise<T>, done: (answer: T) => KioskResult) {
    try {
      return done(await call());
    } catch (error) {
      const failure = classifyFailure(error);
      switch (failure.kind) {
        case "refused":
          return { kind: "shelf-refused", code: failure.code, details: failure.details } as const;
        case "network":
          return { kind: "shelf-offline" } as const;
        case "revoked":
          forget();
          return { kind: "error" } as const;
        case "rate-limited":
          return { kind: "rate-limited" } as const;
        default:
          return { kind: "error" } as const;
      }
    }
  }

  const borrow = (credential: ShelfCredential, barcode: string): Promise<KioskResult> =>
    shelf(
      () => api.borrow({ credential, barcode, clientId: newId() }),
      (answer) => ({
        kind: "borrowed",
        title: answer.title,
        dueDate: answer.dueDate,
        firstName: answer.memberFirstName,
      }),
    );

  const returnBook = (barcode: string): Promise<KioskResult> =>
    shelf(
      () => api.returnBook({ barcode, clientId: newId() }),
      (answer) => ({
        kind: "returned",
        title: answer.title,
        late: answer.late,
        reserved: answer.reserved,
      }),
    );

  /** After a result: nobody's name stays, the chosen activity does (the next in line). */
  function clearResult() {
    setResult(null);
    setAnnouncement("");
  }

  /** Idle: back to a clean start screen, with the preselected activity again. */
  function reset() {
    clearResult();
    setChosenId(null);
  }

  /**
   * Whether the Needs-staff list asks for the PIN: as today's answer says, else as the last
   * answer said, else yes — a kiosk that does not know fails closed.
   */
  const staffPinRequired = (): boolean =>
    today()?.staffPinRequired ?? loadStaffPinRequired() ?? true;

  return {
    api,
    queue,
    pairing,
    pair,
    forget,
    today,
    staffPinRequired,
    todayStatus,
    refreshToday,
    activities,
    selected,
    choose: setChosenId,
    occupancyOf,
    phaseOf,
    clock,
    result,
    setResult,
    announcement,
    setAnnouncement,
    checkIn,
    walkIn,
    borrow,
    returnBook,
    pendingCount,
    staffCount,
    queueVersion,
    sync,
    clearResult,
    reset,
    connection: deps.connection,
  };
}

export type KioskState = ReturnType<typeof createKioskState>;

const KioskContext = createContext<KioskState>();

export const KioskProvider: ParentComponent<KioskDeps> = (props) => {
  const state = createKioskState(props);
  return <KioskContext.Provider value={state}>{props.children}</KioskContext.Provider>;
};

export function useKiosk(): KioskState {
  const state = useContext(KioskContext);
  if (!state) throw new Error("useKiosk() must be called inside <KioskProvider>");
  return state;
}
