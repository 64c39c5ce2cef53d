// Typed i18n for the Solid apps: one catalog per locale, the choice persisted in
// localStorage and mirrored on <html lang>, and Intl formatters that follow the locale.
import {
  type BaseRecordDict,
  type Flatten,
  flatten,
  resolveTemplate,
  type Translator,
  translator,
} from "@solid-primitives/i18n";
import { type Accessor, createContext, createSignal, useContext } from "solid-js";

/** The languages the association supports from day one (DESIGN §3). */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, so a reader can find theirs whatever the UI language is. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "中文" };

/** Where the chosen locale is remembered on this device. */
export const LOCALE_STORAGE_KEY = "readers.locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * A catalog shape with every leaf widened to `string`, so a second language can be typed
 * as "the same keys as English" without having to repeat the English texts.
 */
export type CatalogShape<T> = {
  [K in keyof T]: T[K] extends string ? string : CatalogShape<T[K]>;
};

/** Plural forms of one message; `{{count}}` is replaced by the formatted number. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export interface I18nOptions<D extends BaseRecordDict> {
  catalogs: Record<Locale, D>;
  /** Used when nothing is stored and the browser's languages match none of ours. */
  fallback?: Locale;
  storageKey?: string;
  /** Injected in tests; `null` disables persistence. Defaults to `window.localStorage`. */
  storage?: Storage | null;
  /** Injected in tests. Defaults to `navigator.languages`. */
  preferred?: readonly string[];
  /** IANA zone for dates (the association's). Defaults to the browser's zone. */
  timeZone?: string;
}

export interface I18n<D extends BaseRecordDict> {
  locale: Accessor<Locale>;
  /** Switches language, remembers it on this device and updates `<html lang>`. */
  setLocale: (locale: Locale) => void;
  /** True when this device has an explicit choice stored (not just a guess). */
  hasStoredChoice: () => boolean;
  t: Translator<Flatten<D>>;
  plural: (forms: PluralForms, count: number) => string;
  formatDate: (value: Date | string | number, options?: Intl.DateTimeFormatOptions) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
}

function defaultStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Privacy modes can throw on access; the app still works, it just forgets.
    return null;
  }
}

/** Best match of the browser's preferred languages: any Chinese goes to zh-CN. */
export function matchLocale(preferred: readonly string[]): Locale | undefined {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith("zh")) return "zh-CN";
    if (lower.startsWith("en")) return "en";
  }
  return undefined;
}

function applyDocumentLang(locale: Locale): void {
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}

export function createI18n<D extends BaseRecordDict>(options: I18nOptions<D>): I18n<D> {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const key = options.storageKey ?? LOCALE_STORAGE_KEY;
  const read = (): Locale | undefined => {
    try {
      const stored = storage?.getItem(key);
      return isLocale(stored) ? stored : undefined;
    } catch {
      return undefined;
    }
  };
  const preferred =
    options.preferred ?? (typeof navigator === "undefined" ? [] : navigator.languages);
  const initial = read() ?? matchLocale(preferred) ?? options.fallback ?? "en";

  // Flatten once per locale: switching language is then a signal change, nothing more.
  const flat = {
    en: flatten(options.catalogs.en),
    "zh-CN": flatten(options.catalogs["zh-CN"]),
  } as Record<Locale, Flatten<D>>;

  const [locale, setLocaleSignal] = createSignal<Locale>(initial);
  applyDocumentLang(initial);

  const t = translator(() => flat[locale()], resolveTemplate) as Translator<Flatten<D>>;

  return {
    locale,
    setLocale(next) {
      // Store first: effects that run on the signal change may ask hasStoredChoice().
      try {
        storage?.setItem(key, next);
      } catch {
        // Storage full or blocked: the choice lasts for this visit only.
      }
      applyDocumentLang(next);
      setLocaleSignal(next);
    },
    hasStoredChoice: () => read() !== undefined,
    t,
    plural(forms, count) {
      const category = new Intl.PluralRules(locale()).select(count);
      const text = forms[category] ?? forms.other;
      return resolveTemplate(text, { count: new Intl.NumberFormat(locale()).format(count) });
    },
    formatDate(value, opts = { dateStyle: "medium", timeStyle: "short" }) {
      const date = value instanceof Date ? value : new Date(value);
      return new Intl.DateTimeFormat(locale(), { timeZone: options.timeZone, ...opts }).format(
        date,
      );
    },
    formatNumber(value, opts) {
      return new Intl.NumberFormat(locale(), opts).format(value);
    },
  };
}

/**
 * A typed context for one app's i18n: `const { Provider, useI18n } = createI18nContext<Catalog>()`.
 * Each app has its own catalog type, so the context is made per app rather than shared.
 */
export function createI18nContext<D extends BaseRecordDict>() {
  const Context = createContext<I18n<D>>();
  return {
    Provider: Context.Provider,
    useI18n(): I18n<D> {
      const value = useContext(Context);
      if (!value) throw new Error("useI18n() must be called inside its I18n Provider");
      return value;
    },
  };
}
