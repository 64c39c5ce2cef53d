import { fireEvent, render, screen } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import type { Locale } from "./i18n.ts";
import { LanguageSwitch } from "./language-switch.tsx";

describe("LanguageSwitch", () => {
  it("is a labelled group of toggle buttons that reports the chosen language", () => {
    const [locale, setLocale] = createSignal<Locale>("en");
    render(() => <LanguageSwitch label="Language" locale={locale()} onChange={setLocale} />);
    const group = screen.getByRole("group", { name: "Language" });
    expect(group).toBeTruthy();
    const english = screen.getByRole("button", { name: "English" });
    const chinese = screen.getByRole("button", { name: "中文" });
    expect(english.getAttribute("aria-pressed")).toBe("true");
    expect(chinese.getAttribute("lang")).toBe("zh-CN");
    fireEvent.click(chinese);
    expect(locale()).toBe("zh-CN");
    expect(chinese.getAttribute("aria-pressed")).toBe("true");
    expect(english.getAttribute("aria-pressed")).toBe("false");
  });
});
