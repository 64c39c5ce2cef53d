// Copies a text (a link) to the clipboard and says so politely; where the clipboard is not
// available the text stays selectable beside the button.
import { type Component, createSignal, onCleanup, Show } from "solid-js";
import { useI18n } from "../i18n/index.ts";

/** How long "Copied" stays up. */
const COPIED_MS = 3000;

export const CopyButton: Component<{ text: string; label?: string; describedBy?: string }> = (
  props,
) => {
  const { t } = useI18n();
  const [state, setState] = createSignal<"idle" | "copied" | "failed">("idle");
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  async function copy() {
    clearTimeout(timer);
    try {
      await navigator.clipboard.writeText(props.text);
      setState("copied");
    } catch {
      setState("failed");
    }
    timer = setTimeout(() => setState("idle"), COPIED_MS);
  }
  return (
    <>
      <button
        type="button"
        class="button button--secondary button--small"
        aria-describedby={props.describedBy}
        onClick={() => void copy()}
      >
        {props.label ?? t("common.copy")}
      </button>
      <span role="status" class="copy-status">
        <Show when={state() !== "idle"}>
          {state() === "copied" ? t("common.copied") : t("common.copyFailed")}
        </Show>
      </span>
    </>
  );
};
