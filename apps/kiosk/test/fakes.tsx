// A kiosk rendered for component tests: a fake KioskApi (vi.fn per call), a queue on the
// fake IndexedDB, no live stream, and a memory router.
import { createMemoryHistory, MemoryRouter } from "@solidjs/router";
import { render } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { type Mock, vi } from "vitest";
import { KioskRoutes, KioskShell } from "../src/app.tsx";
import { createKioskI18n, I18nProvider } from "../src/i18n/index.ts";
import type { CheckInAnswer, KioskApi, Occupancy, Today, TodayActivity } from "../src/lib/api.ts";
import { savePairing } from "../src/lib/device.ts";
import type { KioskEvents, KioskEventsOptions } from "../src/lib/kiosk-events.ts";
import { OfflineQueue } from "../src/lib/offline-queue.ts";
import { KioskProvider } from "../src/state.tsx";

export type FakeApi = { [K in keyof KioskApi]: Mock<KioskApi[K]> };

export function fakeApi(): FakeApi {
  return {
    activate: vi.fn(),
    today: vi.fn(),
    occupancy: vi.fn(),
    checkIn: vi.fn(),
    walkIn: vi.fn(),
    searchAttendees: vi.fn(),
    borrow: vi.fn(),
    returnBook: vi.fn(),
    unlockStaff: vi.fn(),
  };
}

export const device = {
  id: "dev1",
  name: "Entrance",
  locationId: "main-hall",
  locationName: "Main library, hall A",
};

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

export function activity(overrides: Partial<TodayActivity> = {}): TodayActivity {
  const id = overrides.id ?? "act1";
  return {
    id,
    title: "Poetry evening",
    kind: "lecture",
    audience: "public",
    status: "published",
    startsAt: minutes(30),
    endsAt: minutes(120),
    checkInOpensAt: minutes(-30),
    noShowAt: minutes(45),
    capacity: 40,
    maxPartySize: 3,
    phase: "open",
    occupancy: { activityId: id, checkedIn: 12, capacity: 40, free: 28 },
    ...overrides,
  };
}

export function today(activities: TodayActivity[] = [activity()]): Today {
  return {
    device: { id: device.id, name: device.name },
    location: { id: device.locationId, name: device.locationName },
    timeZone: "Asia/Shanghai",
    serverTime: new Date().toISOString(),
    preselectedActivityId: activities[0]?.id ?? null,
    activities,
    staffPinRequired: false,
  };
}

export function answer(overrides: Partial<CheckInAnswer> = {}): CheckInAnswer {
  const occupancy: Occupancy = { activityId: "act1", checkedIn: 13, capacity: 40, free: 27 };
  return {
    outcome: "CHECKED_IN",
    activity: { id: "act1", title: "Poetry evening" },
    checkedInAt: new Date().toISOString(),
    displayName: "Ada L.",
    seats: 1,
    occupancy,
    ...overrides,
  };
}

/** A TRPCClientError-like refusal, as the tRPC client throws it. */
export async function refusal(domainCode: string, details: Record<string, unknown> = {}) {
  const { TRPCClientError } = await import("@trpc/client");
  return new TRPCClientError("refused", {
    result: {
      error: {
        code: -32600,
        message: "refused",
        data: { code: "CONFLICT", httpStatus: 409, domainCode, details },
      },
    },
  } as never);
}

/** A tRPC error without a domain code (UNAUTHORIZED, TOO_MANY_REQUESTS, …). */
export async function trpcFailure(code: string, httpStatus: number) {
  const { TRPCClientError } = await import("@trpc/client");
  return new TRPCClientError(code, {
    result: {
      error: {
        code: -32600,
        message: code,
        data: { code, httpStatus, domainCode: null, details: null },
      },
    },
  } as never);
}

/** What the tRPC client throws when fetch() fails (offline). */
export async function networkFailure() {
  const { TRPCClientError } = await import("@trpc/client");
  return TRPCClientError.from(new TypeError("Failed to fetch"));
}

export interface RenderOptions {
  path?: string;
  api?: FakeApi;
  paired?: boolean;
  connection?: "online" | "offline";
  queue?: OfflineQueue;
}

export function renderKiosk(options: RenderOptions = {}) {
  const api = options.api ?? fakeApi();
  if (!api.today.getMockImplementation()) api.today.mockResolvedValue(today());
  if (options.paired ?? true) savePairing({ token: "tok", device });
  const history = createMemoryHistory();
  history.set({ value: options.path ?? "/", scroll: false, replace: true });
  const [connection, setConnection] = createSignal<"online" | "offline">(
    options.connection ?? "online",
  );
  const i18n = createKioskI18n({ preferred: ["en-US"] });
  const queue = options.queue ?? new OfflineQueue();
  const events = { close: vi.fn(), reconnectNow: vi.fn() };
  const connectEvents = vi.fn((_options: KioskEventsOptions): KioskEvents => events);
  const result = render(() => (
    <I18nProvider value={i18n}>
      <KioskProvider
        connection={connection}
        createApi={() => api}
        queue={queue}
        connectEvents={connectEvents}
        newId={(() => {
          let n = 0;
          return () => `client-${++n}`;
        })()}
      >
        <MemoryRouter history={history} root={KioskShell}>
          <KioskRoutes />
        </MemoryRouter>
      </KioskProvider>
    </I18nProvider>
  ));
  return { ...result, api, history, i18n, queue, setConnection, connectEvents, events };
}
