// The pairing screen of a kiosk that has no device token: the admin's one-time code, typed
// on the big on-screen keys or a keyboard, or prefilled (and sent) from the pairing link's
// ?pair= parameter. A scanned pairing QR (USB scanner) works too.
import { normalizePairingCode, PAIRING_CODE_LENGTH, PairingCodeSchema } from "@readers/domain";
import { usePageTitle } from "@readers/ui";
import { useNavigate, useSearchParams } from "@solidjs/router";
import { type Component, createSignal, onMount, Show } from "solid-js";
import { CODE_KEYS, OnScreenKeys } from "../components/on-screen-keys.tsx";
import { useI18n } from "../i18n/index.ts";
import { classifyFailure } from "../lib/errors.ts";
import { pairingCodeFromText } from "../lib/scan.ts";
import { useWedgeScanner } from "../lib/wedge.ts";
import { useKiosk } from "../state.tsx";

type Problem = "invalidFormat" | "invalidCode" | "rateLimited" | "offline" | "failed";

/** "K7QP2M9X" → "K7QP-2M9X" while typing (the dash appears after the fourth character). */
function display(code: string): string {
  return code.length > 4 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** Keeps only characters a code can have, at most eight of them. */
function clean(text: string): string {
  return normalizePairingCode(text)
    .replace(/[^0-9A-Z]/g, "")
    .slice(0, PAIRING_CODE_LENGTH);
}

export const PairingScreen: Component = () => {
  const { t } = useI18n();
  const kiosk = useKiosk();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [code, setCode] = createSignal("");
  const [problem, setProblem] = createSignal<Problem>();
  const [busy, setBusy] = createSignal(false);
  let input: HTMLInputElement | undefined;
  usePageTitle(
    () => t("pairing.title"),
    () => t("app.name"),
  );

  async function submit() {
    if (busy()) return;
    const parsed = PairingCodeSchema.safeParse(code());
    if (!parsed.success) {
      setProblem("invalidFormat");
      input?.focus();
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await kiosk.pair(parsed.data);
    } catch (error) {
      const failure = classifyFailure(error);
      setProblem(
        failure.kind === "refused" && failure.code === "PAIRING_CODE_INVALID"
          ? "invalidCode"
          : failure.kind === "rate-limited"
            ? "rateLimited"
            : failure.kind === "network"
              ? "offline"
              : "failed",
      );
      input?.focus();
    } finally {
      setBusy(false);
    }
  }

  onMount(() => {
    const fromLink = params.pair;
    const prefill = typeof fromLink === "string" ? pairingCodeFromText(fromLink) : null;
    // The code is about to be spent: keep it out of the address (and the history).
    if (fromLink !== undefined) navigate("/", { replace: true });
    if (prefill) {
      setCode(prefill);
      void submit();
    } else {
      input?.focus();
    }
  });

  // The admin's QR read by a USB scanner types the whole pairing link.
  useWedgeScanner((text) => {
    const scanned = pairingCodeFromText(text);
    if (!scanned) return;
    setCode(scanned);
    void submit();
  });

  const type = (text: string) => {
    setCode((current) => clean(current + text));
    setProblem(undefined);
  };

  return (
    <div class="screen pairing">
      <h1>{t("pairing.title")}</h1>
      <p class="lead">{t("pairing.intro")}</p>
      <form
        class="entry"
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label class="entry__label" for="pairing-code">
          {t("pairing.code")}
        </label>
        <p id="pairing-code-hint" class="hint">
          {t("pairing.codeHint")}
        </p>
        <input
          id="pairing-code"
          ref={input}
          class="entry__field entry__field--code"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxLength={PAIRING_CODE_LENGTH + 1}
          aria-describedby={problem() ? "pairing-code-hint pairing-problem" : "pairing-code-hint"}
          aria-invalid={problem() === "invalidFormat" || problem() === "invalidCode"}
          value={display(code())}
          onInput={(event) => {
            setCode(clean(event.currentTarget.value));
            setProblem(undefined);
            // Keep the shown value in step with the cleaned code (dash, capitals).
            event.currentTarget.value = display(code());
          }}
        />
        <Show when={problem()}>
          {(which) => (
            <p id="pairing-problem" class="problem" role="alert">
              {t(`pairing.${which()}`)}
            </p>
          )}
        </Show>
        <OnScreenKeys
          rows={CODE_KEYS}
          onKey={type}
          onBackspace={() => setCode((current) => current.slice(0, -1))}
          onClear={() => setCode("")}
        />
        <button type="submit" class="button button--primary" disabled={busy()}>
          {busy() ? t("pairing.submitting") : t("pairing.submit")}
        </button>
      </form>
    </div>
  );
};
