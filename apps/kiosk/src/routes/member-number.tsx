// Check in by member number: typed on the big keypad or a keyboard, checked with the
// domain's Luhn rule as it is typed, so a slip of the finger is caught on the spot and
// never sent (nor queued offline as something the server would only refuse later).
import { MEMBER_NUMBER_LENGTH, normalizeMemberNumber } from "@readers/domain";
import { usePageTitle } from "@readers/ui";
import { useNavigate } from "@solidjs/router";
import { type Component, createSignal, onMount } from "solid-js";
import { useScannerCheckIn } from "../check-in.ts";
import { DIGIT_KEYS, OnScreenKeys } from "../components/on-screen-keys.tsx";
import { useI18n } from "../i18n/index.ts";

/** "12345674" → "1234 5674", as printed on the card. */
const display = (digits: string) =>
  digits.length > 4 ? `${digits.slice(0, 4)} ${digits.slice(4)}` : digits;

export const MemberNumberScreen: Component = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const checkIn = useScannerCheckIn();
  const [digits, setDigits] = createSignal("");
  const [tried, setTried] = createSignal(false);
  let input: HTMLInputElement | undefined;
  usePageTitle(
    () => t("number.title"),
    () => t("app.name"),
  );
  onMount(() => input?.focus());

  const complete = () => digits().length === MEMBER_NUMBER_LENGTH;
  const valid = () => normalizeMemberNumber(digits()).ok;
  /** The feedback under the field: only once all digits are in, or after a try. */
  const feedback = (): "tooShort" | "invalid" | "valid" | undefined => {
    if (complete()) return valid() ? "valid" : "invalid";
    return tried() ? "tooShort" : undefined;
  };

  function submit() {
    setTried(true);
    const number = normalizeMemberNumber(digits());
    if (!number.ok) {
      input?.focus();
      return;
    }
    void checkIn.checkIn({ memberNumber: number.value });
  }

  const type = (key: string) => {
    setDigits((current) => (current + key).replace(/\D/g, "").slice(0, MEMBER_NUMBER_LENGTH));
  };

  return (
    <div class="screen entry-screen">
      <h1>{t("number.title")}</h1>
      <form
        class="entry"
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label class="entry__label" for="member-number">
          {t("number.label")}
        </label>
        <p id="member-number-hint" class="hint">
          {t("number.hint")}
        </p>
        <input
          id="member-number"
          ref={input}
          class="entry__field entry__field--number"
          inputmode="numeric"
          autocomplete="off"
          aria-describedby="member-number-hint member-number-feedback"
          aria-invalid={feedback() === "invalid" || feedback() === "tooShort"}
          value={display(digits())}
          onInput={(event) => {
            setDigits(event.currentTarget.value.replace(/\D/g, "").slice(0, MEMBER_NUMBER_LENGTH));
            event.currentTarget.value = display(digits());
          }}
        />
        <p
          id="member-number-feedback"
          class="feedback"
          classList={{
            "feedback--ok": feedback() === "valid",
            "feedback--bad": feedback() === "invalid" || feedback() === "tooShort",
          }}
          aria-live="polite"
        >
          {feedback() ? t(`number.${feedback()!}`) : ""}
        </p>
        <OnScreenKeys
          rows={[...DIGIT_KEYS, "0"]}
          label={t("keyboard.keypad")}
          class="keys--keypad"
          onKey={type}
          onBackspace={() => setDigits((current) => current.slice(0, -1))}
          onClear={() => setDigits("")}
        />
        <div class="actions">
          <button type="button" class="button button--secondary" onClick={() => navigate("/")}>
            {t("common.back")}
          </button>
          <button type="submit" class="button button--primary" disabled={checkIn.busy()}>
            {checkIn.busy() ? t("common.sending") : t("common.checkIn")}
          </button>
        </div>
      </form>
    </div>
  );
};
