import { fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, renderKiosk, today } from "../test/fakes.tsx";
import { App } from "./app.tsx";
import { createKioskI18n, KIOSK_LOCALE_KEY } from "./i18n/index.ts";
import { DEVICE_STORAGE_KEY } from "./lib/device.ts";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("kiosk shell", () => {
  it("shows the pairing screen while the kiosk has no device token", async () => {
    renderKiosk({ paired: false });
    expect(await screen.findByRole("heading", { level: 1, name: "Pair this kiosk" })).toBeTruthy();
    expect(document.title).toBe("Pair this kiosk · Readers kiosk");
  });

  it("sends screens that need a pairing back to the pairing screen", async () => {
    const { history } = renderKiosk({ paired: false, path: "/number" });
    await waitFor(() => expect(history.get()).toBe("/"));
    expect(await screen.findByRole("heading", { level: 1, name: "Pair this kiosk" })).toBeTruthy();
  });

  it("has header, labelled navigation, main landmarks and one live region for results", async () => {
    const { container } = renderKiosk();
    await screen.findByRole("heading", { level: 1, name: "Check in" });
    expect(screen.getByRole("banner")).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "Kiosk" })).toBeTruthy();
    expect(screen.getByRole("main")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Online");
    expect(container.querySelectorAll('[aria-live="assertive"]')).toHaveLength(1);
  });

  it("switches to Chinese and back, with <html lang> and the stored choice", async () => {
    renderKiosk();
    await screen.findByRole("heading", { level: 1, name: "Check in" });
    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    expect(await screen.findByRole("heading", { level: 1, name: "签到" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("已联网");
    expect(screen.getByRole("button", { name: "输入会员号" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(localStorage.getItem(KIOSK_LOCALE_KEY)).toBe("zh-CN");
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Check in" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
  });

  it("sends unknown paths back to the start screen", async () => {
    const { history } = renderKiosk({ path: "/whatever" });
    await waitFor(() => expect(history.get()).toBe("/"));
  });

  it("goes back to the start screen on Escape", async () => {
    const { history } = renderKiosk({ path: "/number" });
    await screen.findByRole("heading", { level: 1, name: "Type your member number" });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: "Escape" });
    await waitFor(() => expect(history.get()).toBe("/"));
  });
});

describe("kiosk app", () => {
  it("reflects a failing /health in the connection indicator", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("{}", { status: 503 })),
    );
    render(() => <App i18n={createKioskI18n({ preferred: ["en"] })} />);
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Server unreachable"));
    expect(fetch).toHaveBeenCalledWith("/health", expect.anything());
  });

  it("forgets a token the server no longer knows and shows the pairing screen", async () => {
    const api = fakeApi();
    const { trpcFailure } = await import("../test/fakes.tsx");
    api.today.mockRejectedValue(await trpcFailure("UNAUTHORIZED", 401));
    renderKiosk({ api });
    expect(await screen.findByRole("heading", { level: 1, name: "Pair this kiosk" })).toBeTruthy();
    expect(localStorage.getItem(DEVICE_STORAGE_KEY)).toBeNull();
  });

  it("goes back to pairing when the live stream says the kiosk was revoked", async () => {
    const api = fakeApi();
    api.today.mockResolvedValue(today());
    const { connectEvents } = renderKiosk({ api });
    await screen.findByRole("heading", { level: 1, name: "Check in" });
    const options = connectEvents.mock.calls[0]![0];
    options.onRevoked();
    expect(await screen.findByRole("heading", { level: 1, name: "Pair this kiosk" })).toBeTruthy();
  });
});
