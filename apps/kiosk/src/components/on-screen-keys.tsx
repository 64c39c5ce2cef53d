// Big on-screen keys for a touch screen without a physical keyboard. The keys never take
// the focus (a tap keeps it in the field being typed into) and are left out of the Tab
// order: keyboard users type in the field itself, touch and screen-reader users press keys.
import { type Component, For, Show } from "solid-js";
import { useI18n } from "../i18n/index.ts";

/** Crockford base-32, the alphabet of pairing codes (no I, L, O, U). */
export const CODE_KEYS = ["1234567890", "ABCDEFGHJK", "MNPQRSTVWX", "YZ"];
export const DIGIT_KEYS = ["123", "456", "789"];
/** Shelf labels ("RB" + letters and digits) and ISBNs. */
export const BOOK_KEYS = ["1234567890", "ABCDEFGHJK", "MNPQRSTUVW", "XYZ"];
export const NAME_KEYS = ["QWERTYUIOP", "ASDFGHJKL'", "ZXCVBNM-"];
export const EMAIL_KEYS = ["1234567890", "qwertyuiop", "asdfghjkl@", "zxcvbnm._-+"];

export interface OnScreenKeysProps {
  /** One string per row, one key per character. */
  rows: readonly string[];
  onKey: (key: string) => void;
  onBackspace: () => void;
  onClear?: () => void;
  /** A space bar (names have spaces). */
  space?: boolean;
  /** Accessible name of the group; defaults to "On-screen keyboard". */
  label?: string;
  class?: string;
}

export const OnScreenKeys: Component<OnScreenKeysProps> = (props) => {
  const { t } = useI18n();
  // Keeps the focus (and the caret) in the field when a key is pressed with a mouse/touch.
  const keepFocus = (event: MouseEvent) => event.preventDefault();
  return (
    <fieldset class={props.class ? `keys ${props.class}` : "keys"}>
      <legend class="visually-hidden">{props.label ?? t("keyboard.label")}</legend>
      <For each={props.rows}>
        {(row) => (
          <div class="keys__row">
            <For each={Array.from(row)}>
              {(key) => (
                <button
                  type="button"
                  class="key"
                  tabIndex={-1}
                  onMouseDown={keepFocus}
                  onClick={() => props.onKey(key)}
                >
                  {key}
                </button>
              )}
            </For>
          </div>
        )}
      </For>
      <div class="keys__row">
        <Show when={props.onClear}>
          {(clear) => (
            <button
              type="button"
              class="key key--wide key--secondary"
              tabIndex={-1}
              onMouseDown={keepFocus}
              onClick={() => clear()()}
            >
              {t("keyboard.clear")}
            </button>
          )}
        </Show>
        <Show when={props.space}>
          <button
            type="button"
            class="key key--space"
            tabIndex={-1}
            onMouseDown={keepFocus}
            onClick={() => props.onKey(" ")}
          >
            {t("keyboard.space")}
          </button>
        </Show>
        <button
          type="button"
          class="key key--wide key--secondary"
          tabIndex={-1}
          aria-label={t("keyboard.backspace")}
          onMouseDown={keepFocus}
          onClick={() => props.onBackspace()}
        >
          <span aria-hidden="true">⌫</span>
        </button>
      </div>
    </fieldset>
  );
};
