// The answer to one check-in, large, in colour and words, read out by the layout's live
// region; back to the start screen after 5 s or on "Done", whatever came first. Another
// scan on this screen starts the next check-in at once (people queue at the entrance).
import { usePageTitle } from "@readers/ui";
import { Navigate, useNavigate } from "@solidjs/router";
import { type Component, createEffect, onCleanup, onMount, Show } from "solid-js";
import { useScannerCheckIn } from "../check-in.ts";
import { useI18n } from "../i18n/index.ts";
import { resultText } from "../result-text.ts";
import { type KioskResult, useKiosk } from "../state.tsx";

/** DESIGN §2.3: back to the start screen 5 s after a result. */
export const RESULT_RETURN_MS = 5_000;

const ResultView: Component<{ result: KioskResult }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const kiosk = useKiosk();
  const navigate = useNavigate();
  useScannerCheckIn();
  let done: HTMLButtonElement | undefined;
  const text = () => resultText(i18n, props.result, kiosk.today()?.timeZone);
  usePageTitle(
    () => text().title,
    () => t("app.name"),
  );

  function finish() {
    kiosk.clearResult();
    navigate("/", { replace: true });
  }

  // A new result (the next person scanned) restarts the 5 s and is announced anew.
  createEffect(() => {
    const { title, body } = text();
    kiosk.setAnnouncement(`${title} ${body}`.trim());
    const timer = setTimeout(finish, RESULT_RETURN_MS);
    onCleanup(() => clearTimeout(timer));
  });
  onMount(() => done?.focus());
  onCleanup(() => kiosk.setAnnouncement(""));

  return (
    <div class="screen result" data-tone={text().tone}>
      <h1>{text().title}</h1>
      <Show when={text().body}>
        <p class="result__body">{text().body}</p>
      </Show>
      <p class="hint">{t("result.returning")}</p>
      <button type="button" class="button button--primary" ref={done} onClick={finish}>
        {t("result.done")}
      </button>
    </div>
  );
};

export const ResultScreen: Component = () => {
  const kiosk = useKiosk();
  return (
    <Show when={kiosk.result()} keyed fallback={<Navigate href="/" />}>
      {(result) => <ResultView result={result} />}
    </Show>
  );
};
