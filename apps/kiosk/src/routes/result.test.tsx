import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { answer, fakeApi, renderKiosk } from "../../test/fakes.tsx";
import { IDLE_RESET_MS } from "../lib/idle.ts";
import { RESULT_RETURN_MS } from "./result.tsx";

beforeEach(() => {
  // Timers are fake (we jump 5 s and 20 s) but keep moving, so findBy* still polls.
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

function liveRegion() {
  return document.querySelector('[aria-live="assertive"]');
}

async function checkInByNumber() {
  const api = fakeApi();
  api.checkIn.mockResolvedValue(answer());
  const view = renderKiosk({ api, path: "/number" });
  fireEvent.input(await screen.findByLabelText("Member number"), {
    target: { value: "12345674" },
  });
  fireEvent.click(screen.getByRole("button", { name: "Check in" }));
  await screen.findByRole("heading", { level: 1, name: "Welcome, Ada L.!" });
  return view;
}

describe("result screen", () => {
  it("announces the result and returns to the start screen after 5 s, leaving no name behind", async () => {
    const { history } = await checkInByNumber();
    expect(liveRegion()?.textContent).toBe(
      "Welcome, Ada L.! You are checked in to Poetry evening.",
    );
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Done" }));
    await vi.advanceTimersByTimeAsync(RESULT_RETURN_MS - 100);
    expect(history.get()).toBe("/result");
    await vi.advanceTimersByTimeAsync(200);
    await waitFor(() => expect(history.get()).toBe("/"));
    expect(await screen.findByRole("heading", { level: 1, name: "Check in" })).toBeTruthy();
    expect(screen.queryByText(/Ada L\./)).toBeNull();
    expect(liveRegion()?.textContent).toBe("");
  });

  it("returns at once on Done", async () => {
    const { history } = await checkInByNumber();
    fireEvent.click(screen.getByRole("button", { name: "Done" }));
    await waitFor(() => expect(history.get()).toBe("/"));
  });

  it("keeps the activity a volunteer chose for the next person", async () => {
    const { activity, today } = await import("../../test/fakes.tsx");
    const api = fakeApi();
    const later = new Date(Date.now() + 300 * 60_000).toISOString();
    api.today.mockResolvedValue(
      today([activity(), activity({ id: "act2", title: "Book club", startsAt: later })]),
    );
    api.checkIn.mockResolvedValue(answer({ activity: { id: "act2", title: "Book club" } }));
    renderKiosk({ api });
    fireEvent.click(await screen.findByRole("radio", { name: /Book club/ }));
    fireEvent.click(screen.getByRole("button", { name: "Type my member number" }));
    fireEvent.input(await screen.findByLabelText("Member number"), {
      target: { value: "12345674" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    expect(await screen.findByText("You are checked in to Book club.")).toBeTruthy();
    expect(api.checkIn).toHaveBeenCalledWith(expect.objectContaining({ activityId: "act2" }));
    fireEvent.click(screen.getByRole("button", { name: "Done" }));
    const club = (await screen.findByRole("radio", { name: /Book club/ })) as HTMLInputElement;
    expect(club.checked).toBe(true);
  });

  it("without a result to show, goes to the start screen", async () => {
    const { history } = renderKiosk({ path: "/result" });
    await waitFor(() => expect(history.get()).toBe("/"));
  });
});

describe("idle reset", () => {
  it("goes back to the start screen after 20 s without input and forgets a typed number", async () => {
    const { history } = renderKiosk({ path: "/number" });
    const field = (await screen.findByLabelText("Member number")) as HTMLInputElement;
    fireEvent.input(field, { target: { value: "1234" } });
    await vi.advanceTimersByTimeAsync(IDLE_RESET_MS - 1_000);
    // Input restarts the wait.
    fireEvent.input(field, { target: { value: "12345" } });
    await vi.advanceTimersByTimeAsync(IDLE_RESET_MS - 1_000);
    expect(history.get()).toBe("/number");
    await vi.advanceTimersByTimeAsync(1_500);
    await waitFor(() => expect(history.get()).toBe("/"));
    fireEvent.click(await screen.findByRole("button", { name: "Type my member number" }));
    expect(((await screen.findByLabelText("Member number")) as HTMLInputElement).value).toBe("");
  });

  it("clears a half-filled walk-in form", async () => {
    const { history } = renderKiosk({ path: "/walk-in" });
    const name = (await screen.findByLabelText("Your name")) as HTMLInputElement;
    fireEvent.input(name, { target: { value: "Ada Lovelace" } });
    await vi.advanceTimersByTimeAsync(IDLE_RESET_MS + 100);
    await waitFor(() => expect(history.get()).toBe("/"));
    expect(screen.queryByDisplayValue("Ada Lovelace")).toBeNull();
  });

  it("puts the preselected activity back after someone chose another", async () => {
    const { activity, today } = await import("../../test/fakes.tsx");
    const api = fakeApi();
    const later = new Date(Date.now() + 300 * 60_000).toISOString();
    api.today.mockResolvedValue(
      today([activity(), activity({ id: "act2", title: "Book club", startsAt: later })]),
    );
    renderKiosk({ api });
    const club = (await screen.findByRole("radio", { name: /Book club/ })) as HTMLInputElement;
    fireEvent.click(club);
    await waitFor(() => expect(club.checked).toBe(true));
    await vi.advanceTimersByTimeAsync(IDLE_RESET_MS + 100);
    await waitFor(() => expect(club.checked).toBe(false));
    expect(
      (screen.getByRole("radio", { name: /Poetry evening/ }) as HTMLInputElement).checked,
    ).toBe(true);
  });
});
