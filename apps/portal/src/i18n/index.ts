// The portal's i18n: its catalogs and a typed context around @readers/ui's createI18n.
import { createI18n, createI18nContext, type I18n } from "@readers/ui";
import type { Flatten } from "@solid-primitives/i18n";
import { type Catalog, en } from "./en.ts";
import { zhCN } from "./zh-cn.ts";

export type { Catalog };
export const catalogs = { en, "zh-CN": zhCN };

type Messages = Flatten<Catalog>;
/** Keys whose value is a plain message (not a group or plural forms). */
export type MessageKey = {
  [K in keyof Messages]: Messages[K] extends string ? K : never;
}[keyof Messages];
/** A message to show later, with its template parameters. */
export interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type PortalI18n = I18n<Catalog>;

export function createPortalI18n(
  options: { storage?: Storage | null; preferred?: readonly string[] } = {},
) {
  return createI18n({ catalogs, ...options });
}

export const { Provider: I18nProvider, useI18n } = createI18nContext<Catalog>();
