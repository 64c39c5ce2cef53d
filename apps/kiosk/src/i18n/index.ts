// The kiosk's i18n: its catalogs and a typed context around @readers/ui's createI18n.
import { createI18n, createI18nContext, type I18n } from "@readers/ui";
import { type Catalog, en } from "./en.ts";
import { zhCN } from "./zh-cn.ts";

export type { Catalog };
export const catalogs = { en, "zh-CN": zhCN };
export type KioskI18n = I18n<Catalog>;

// The kiosk remembers its language under its own key: it is a shared device, and the
// portal may run in the same browser profile during setup.
export const KIOSK_LOCALE_KEY = "readers.kiosk.locale";

export function createKioskI18n(options: { preferred?: readonly string[] } = {}) {
  return createI18n({ catalogs, storageKey: KIOSK_LOCALE_KEY, ...options });
}

export const { Provider: I18nProvider, useI18n } = createI18nContext<Catalog>();
