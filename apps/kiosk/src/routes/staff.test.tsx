import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import {
  answer,
  fakeApi,
  networkFailure,
  refusal,
  renderKiosk,
  today,
  trpcFailure,
} from "../../test/fakes.tsx";
import { OfflineQueue, type QueuedItem } from "../lib/offline-queue.ts";
import { STAFF_PIN_STORAGE_KEY } from "../lib/today.ts";

function queued(n: number, memberNumber = "12345674"): QueuedItem {
  const occurredAt = new Date(Date.now() - (10 - n) * 60_000).toISOString();
  return {
    kind: "checkIn",
    clientId: `q${n}`,
    occurredAt,
    activityTitle: "Poetry evening",
    credentialKind: "memberNumber",
    maskedCredential: `••••${memberNumber.slice(-4)}`,
    request: { activityId: "act1", credential: { memberNumber }, clientId: `q${n}`, occurredAt },
  };
}

describe("sync and the staff list", () => {
  it("sends the queue when the connection comes back; refusals land in the staff list", async () => {
    const queue = new OfflineQueue();
    await queue.add(queued(1));
    await queue.add(queued(2, "00000018"));
    await queue.add(queued(3));
    const api = fakeApi();
    // Offline at start: the first attempt (on pairing) fails on the network.
    api.checkIn.mockRejectedValue(await networkFailure());
    const { setConnection } = renderKiosk({ api, queue, connection: "offline" });
    expect(await screen.findByText("3 check-ins waiting to be sent")).toBeTruthy();
    // The attempt made on start-up has failed (offline) before the network comes back.
    await waitFor(() => expect(api.checkIn).toHaveBeenCalledTimes(1));

    api.checkIn.mockReset();
    api.checkIn
      .mockResolvedValueOnce(answer())
      .mockRejectedValueOnce(await refusal("UNKNOWN_MEMBER"))
      .mockResolvedValueOnce(answer({ outcome: "ALREADY_CHECKED_IN" }));
    setConnection("online");
    // Three sends and three IndexedDB writes: allow for a busy machine.
    const staff = await screen.findByRole("link", { name: "Needs staff (1)" }, { timeout: 5_000 });
    await waitFor(() => expect(screen.queryByText(/waiting to be sent/)).toBeNull());
    expect(api.checkIn.mock.calls.map(([request]) => request.clientId)).toEqual(["q1", "q2", "q3"]);

    fireEvent.click(staff);
    const table = await screen.findByRole("table", { name: "Refused check-ins" });
    const [, row] = within(table).getAllByRole("row");
    expect(row?.textContent).toContain("Poetry evening");
    expect(row?.textContent).toContain("Member number ••••0018");
    expect(row?.textContent).toContain("We could not find you");
    // The full number is never shown.
    expect(table.textContent).not.toContain("00000018");
    fireEvent.click(
      within(row!).getByRole("button", { name: /^Dismiss Member number ••••0018 at / }),
    );
    expect(await screen.findByText("Nothing needs attention.")).toBeTruthy();
    expect(screen.getByText("Nothing is waiting.")).toBeTruthy();
  });

  it("lists what is still waiting and sends it on request", async () => {
    const queue = new OfflineQueue();
    await queue.add(queued(1));
    const api = fakeApi();
    api.checkIn.mockRejectedValueOnce(await networkFailure());
    renderKiosk({ api, queue, path: "/staff" });
    const table = await screen.findByRole("table", { name: "Check-ins waiting to be sent" });
    expect(within(table).getAllByRole("row")).toHaveLength(2);
    // The attempt made on start-up has failed (offline) before staff press the button.
    await waitFor(() => expect(api.checkIn).toHaveBeenCalledTimes(1));
    api.checkIn.mockResolvedValue(answer());
    fireEvent.click(screen.getByRole("button", { name: "Send now" }));
    expect(await screen.findByText("Nothing is waiting.")).toBeTruthy();
    await waitFor(() => expect(api.checkIn).toHaveBeenCalledTimes(2));
  });
});

describe("the staff PIN", () => {
  async function guarded(connection: "online" | "offline" = "online") {
    const queue = new OfflineQueue();
    await queue.add(queued(1));
    const api = fakeApi();
    api.today.mockResolvedValue({ ...today(), staffPinRequired: true });
    api.checkIn.mockRejectedValue(await networkFailure());
    const rendered = renderKiosk({ api, queue, path: "/staff", connection });
    return { ...rendered, api };
  }
  const type = (digits: string) =>
    fireEvent.input(screen.getByLabelText("Staff PIN"), { target: { value: digits } });

  it("asks for it before showing anything, and opens with the right one", async () => {
    const { api } = await guarded();
    expect(await screen.findByLabelText("Staff PIN")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    api.unlockStaff.mockRejectedValueOnce(await refusal("STAFF_PIN_WRONG"));
    type("1357");
    fireEvent.click(screen.getByRole("button", { name: "Open" }));
    expect(await screen.findByText("That is not the staff PIN.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    api.unlockStaff.mockRejectedValueOnce(await trpcFailure("TOO_MANY_REQUESTS", 429));
    type("1111");
    fireEvent.click(screen.getByRole("button", { name: "Open" }));
    expect(await screen.findByText(/Too many wrong PINs/)).toBeTruthy();
    api.unlockStaff.mockResolvedValueOnce({ unlocked: true });
    type("2468");
    fireEvent.click(screen.getByRole("button", { name: "Open" }));
    expect(await screen.findByRole("table", { name: "Check-ins waiting to be sent" })).toBeTruthy();
    expect(api.unlockStaff.mock.calls.map(([pin]) => pin)).toEqual(["1357", "1111", "2468"]);
  });

  it("stays locked while it does not know whether a PIN is needed, and remembers the answer", async () => {
    localStorage.removeItem(STAFF_PIN_STORAGE_KEY);
    const api = fakeApi();
    let answer: (value: ReturnType<typeof today>) => void = () => {};
    api.today.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const queue = new OfflineQueue();
    renderKiosk({ api, queue, path: "/staff" });
    // Today's list has not come: nobody knows yet, so the PIN is asked for.
    expect(await screen.findByLabelText("Staff PIN")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    answer({ ...today(), staffPinRequired: false });
    expect(await screen.findByText("Nothing is waiting.")).toBeTruthy();
    expect(localStorage.getItem(STAFF_PIN_STORAGE_KEY)).toBe("0");
  });

  it("says the PIN is checked online when the kiosk is offline, and sends nothing", async () => {
    const { api } = await guarded("offline");
    await screen.findByLabelText("Staff PIN");
    type("2468");
    fireEvent.click(screen.getByRole("button", { name: "Open" }));
    expect(await screen.findByText(/checked online/)).toBeTruthy();
    expect(api.unlockStaff).not.toHaveBeenCalled();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
