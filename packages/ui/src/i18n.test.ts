import { createEffect, createRoot, on } from "solid-js";
import { afterEach, describe, expect, it } from "vitest";
import { createI18n, LOCALE_STORAGE_KEY, matchLocale } from "./i18n.ts";

const en = {
  hello: "Hello {{ name }}",
  nested: { title: "Title" },
  items: { one: "{{count}} item", other: "{{count}} items" },
};
const zh: typeof en = {
  hello: "你好，{{ name }}",
  nested: { title: "标题" },
  items: { one: "{{count}} 项", other: "{{count}} 项" },
};
const catalogs = { en, "zh-CN": zh };

afterEach(() => {
  localStorage.clear();
  document.documentElement.lang = "";
});

describe("createI18n", () => {
  it("translates nested keys and templates in the current locale", () => {
    const i18n = createI18n({ catalogs, preferred: ["en-GB"] });
    expect(i18n.t("hello", { name: "Ada" })).toBe("Hello Ada");
    expect(i18n.t("nested.title")).toBe("Title");
    i18n.setLocale("zh-CN");
    expect(i18n.t("hello", { name: "Ada" })).toBe("你好，Ada");
  });

  it("persists the chosen locale and restores it on the next start", () => {
    const first = createI18n({ catalogs, preferred: ["en"] });
    expect(first.hasStoredChoice()).toBe(false);
    first.setLocale("zh-CN");
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe("zh-CN");
    const second = createI18n({ catalogs, preferred: ["en"] });
    expect(second.locale()).toBe("zh-CN");
    expect(second.hasStoredChoice()).toBe(true);
  });

  it("sets <html lang> at start and on every switch", () => {
    const i18n = createI18n({ catalogs, preferred: ["zh-TW", "en"] });
    expect(document.documentElement.lang).toBe("zh-CN");
    i18n.setLocale("en");
    expect(document.documentElement.lang).toBe("en");
  });

  it("has stored the choice by the time effects see the new locale", () => {
    const i18n = createI18n({ catalogs, preferred: ["en"] });
    const seen: boolean[] = [];
    const dispose = createRoot((dispose) => {
      createEffect(on(i18n.locale, () => seen.push(i18n.hasStoredChoice()), { defer: true }));
      return dispose;
    });
    i18n.setLocale("zh-CN");
    dispose();
    expect(seen).toEqual([true]);
  });

  it("ignores a stored value that is not a supported locale", () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, "fr");
    expect(createI18n({ catalogs, preferred: [] }).locale()).toBe("en");
  });

  it("keeps working when storage throws", () => {
    const broken = {
      getItem() {
        throw new Error("denied");
      },
      setItem() {
        throw new Error("denied");
      },
    } as unknown as Storage;
    const i18n = createI18n({ catalogs, storage: broken, preferred: [] });
    i18n.setLocale("zh-CN");
    expect(i18n.locale()).toBe("zh-CN");
  });

  it("picks plural forms by Intl.PluralRules and formats the count", () => {
    const i18n = createI18n({ catalogs, preferred: ["en"] });
    expect(i18n.plural(i18n.t("items"), 1)).toBe("1 item");
    expect(i18n.plural(i18n.t("items"), 1200)).toBe("1,200 items");
    i18n.setLocale("zh-CN");
    expect(i18n.plural(i18n.t("items"), 1)).toBe("1 项");
  });

  it("formats dates through Intl in the locale and time zone", () => {
    const i18n = createI18n({ catalogs, preferred: ["en"], timeZone: "UTC" });
    const instant = "2025-03-04T05:06:00Z";
    expect(i18n.formatDate(instant, { dateStyle: "long" })).toBe("March 4, 2025");
    i18n.setLocale("zh-CN");
    expect(i18n.formatDate(instant, { dateStyle: "long" })).toBe("2025年3月4日");
  });
});

describe("matchLocale", () => {
  it("maps any Chinese variant to zh-CN and English to en", () => {
    expect(matchLocale(["zh-Hant-TW"])).toBe("zh-CN");
    expect(matchLocale(["fr", "en-US"])).toBe("en");
    expect(matchLocale(["fr"])).toBeUndefined();
  });
});
