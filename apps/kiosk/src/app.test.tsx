import { createMemoryHistory, MemoryRouter } from "@solidjs/router";
import { fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App, KioskRoutes, kioskRoot } from "./app.tsx";
import { createKioskI18n, I18nProvider, KIOSK_LOCALE_KEY } from "./i18n/index.ts";

function renderKiosk(path = "/") {
  const history = createMemoryHistory();
  history.set({ value: path, scroll: false, replace: true });
  const [connection] = createSignal<"online">("online");
  const i18n = createKioskI18n({ preferred: ["en-US"] });
  render(() => (
    <I18nProvider value={i18n}>
      <MemoryRouter history={history} root={kioskRoot(connection)}>
        <KioskRoutes />
      </MemoryRouter>
    </I18nProvider>
  ));
  return { history, i18n };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("kiosk start screen", () => {
  it("explains that the kiosk is not paired and who pairs it", async () => {
    renderKiosk();
    expect(
      await screen.findByRole("heading", { level: 1, name: "This kiosk is not paired yet" }),
    ).toBeTruthy();
    expect(screen.getByText(/An administrator of the association pairs the kiosk/)).toBeTruthy();
    // No fake pairing form: nothing to type into.
    expect(screen.queryAllByRole("textbox")).toHaveLength(0);
    expect(document.title).toBe("This kiosk is not paired yet · Readers kiosk");
  });

  it("has header, labelled navigation and main landmarks", async () => {
    renderKiosk();
    await screen.findByRole("heading", { level: 1 });
    expect(screen.getByRole("banner")).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "Kiosk" })).toBeTruthy();
    expect(screen.getByRole("main")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Online");
  });

  it("switches to Chinese and back, with <html lang> and the stored choice", async () => {
    renderKiosk();
    fireEvent.click(await screen.findByRole("button", { name: "中文" }));
    expect(await screen.findByRole("heading", { level: 1, name: "此终端尚未配对" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("已联网");
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(localStorage.getItem(KIOSK_LOCALE_KEY)).toBe("zh-CN");
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "This kiosk is not paired yet" }),
    ).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
  });

  it("shows today's date in the chosen language", async () => {
    vi.useFakeTimers({ now: new Date(2025, 2, 4, 10, 0), toFake: ["Date"] });
    try {
      const { i18n } = renderKiosk();
      const time = (await screen.findByRole("heading", { level: 1 })).parentElement?.querySelector(
        "time",
      );
      expect(time?.getAttribute("datetime")).toBe("2025-03-04");
      expect(time?.textContent).toBe("Tuesday, March 4, 2025");
      i18n.setLocale("zh-CN");
      await waitFor(() => expect(time?.textContent).toBe("2025年3月4日星期二"));
    } finally {
      vi.useRealTimers();
    }
  });

  it("sends unknown paths back to the start screen", async () => {
    const { history } = renderKiosk("/whatever");
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
});
