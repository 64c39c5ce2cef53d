// A two-button language toggle; each language is written in itself and tagged with its
// own `lang`, so screen readers pronounce "中文" correctly inside an English page.
import { type Component, For } from "solid-js";
import { LOCALE_NAMES, LOCALES, type Locale } from "./i18n.ts";

export interface LanguageSwitchProps {
  locale: Locale;
  onChange: (locale: Locale) => void;
  /** Accessible name of the group, in the current language ("Language"). */
  label: string;
  class?: string;
}

export const LanguageSwitch: Component<LanguageSwitchProps> = (props) => (
  <fieldset class={props.class ? `language-switch ${props.class}` : "language-switch"}>
    {/* Apps style `.visually-hidden` (kept for screen readers, not drawn). */}
    <legend class="visually-hidden">{props.label}</legend>
    <For each={LOCALES}>
      {(locale) => (
        <button
          type="button"
          lang={locale}
          aria-pressed={props.locale === locale}
          onClick={() => {
            if (props.locale !== locale) props.onChange(locale);
          }}
        >
          {LOCALE_NAMES[locale]}
        </button>
      )}
    </For>
  </fieldset>
);
