// A guest without registration checks in: a name, an e-mail only with consent (the text
// says what it is used for), and how many people came. Only offered while seats are free.
import { WalkInGuestSchema } from "@readers/domain";
import { usePageTitle } from "@readers/ui";
import { useNavigate } from "@solidjs/router";
import { type Component, createMemo, createSignal, Match, onMount, Show, Switch } from "solid-js";
import { useCheckIn } from "../check-in.ts";
import { EMAIL_KEYS, NAME_KEYS, OnScreenKeys } from "../components/on-screen-keys.tsx";
import { useI18n } from "../i18n/index.ts";
import type { TodayActivity } from "../lib/api.ts";
import { walkInState } from "../lib/today.ts";
import { useKiosk } from "../state.tsx";
import { typeNameKey } from "./name-search.tsx";

type Field = "name" | "email";
type Problem = "nameRequired" | "emailInvalid" | "consentRequired";

const WalkInForm: Component<{ activity: TodayActivity }> = (props) => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const checkIn = useCheckIn();
  const kiosk = useKiosk();
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [consent, setConsent] = createSignal(false);
  const [party, setParty] = createSignal(1);
  const [field, setField] = createSignal<Field>("name");
  const [problems, setProblems] = createSignal<Partial<Record<Field | "consent", Problem>>>({});
  let nameInput: HTMLInputElement | undefined;
  let emailInput: HTMLInputElement | undefined;
  onMount(() => nameInput?.focus());

  const problem = (which: Field | "consent") => problems()[which];

  function submit() {
    const parsed = WalkInGuestSchema.safeParse({
      name: name(),
      email: email().trim(),
      consent: consent(),
    });
    if (!parsed.success) {
      const found: Partial<Record<Field | "consent", Problem>> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path[0];
        if (path === "name") found.name = "nameRequired";
        else if (path === "email") found.email = "emailInvalid";
        else if (path === "consent") found.consent = "consentRequired";
      }
      setProblems(found);
      if (found.name) nameInput?.focus();
      else if (found.email) emailInput?.focus();
      else document.getElementById("walk-in-consent")?.focus();
      return;
    }
    setProblems({});
    const { name: guestName, email: guestEmail } = parsed.data;
    const guest = guestEmail
      ? { name: guestName, email: guestEmail, consent: true }
      : { name: guestName };
    void checkIn.attempt((activity) => kiosk.walkIn(activity, guest, party()));
  }

  const typeKey = (key: string) => {
    if (field() === "name") setName((current) => typeNameKey(current, key));
    else setEmail((current) => current + key);
  };
  const backspace = () => {
    if (field() === "name") setName((current) => current.slice(0, -1));
    else setEmail((current) => current.slice(0, -1));
  };

  const describedBy = (id: string, which: Field | "consent") =>
    problem(which) ? `${id}-hint ${id}-problem` : `${id}-hint`;

  return (
    <form
      class="entry walk-in"
      novalidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label class="entry__label" for="walk-in-name">
        {t("walkIn.name")}
      </label>
      <p id="walk-in-name-hint" class="hint">
        {t("walkIn.nameHint")}
      </p>
      <input
        id="walk-in-name"
        ref={nameInput}
        class="entry__field"
        type="text"
        autocomplete="off"
        spellcheck={false}
        aria-describedby={describedBy("walk-in-name", "name")}
        aria-invalid={!!problem("name")}
        value={name()}
        onFocus={() => setField("name")}
        onInput={(event) => setName(event.currentTarget.value)}
      />
      <Show when={problem("name")}>
        {(which) => (
          <p id="walk-in-name-problem" class="problem">
            {t(`walkIn.${which()}`)}
          </p>
        )}
      </Show>

      <label class="entry__label" for="walk-in-email">
        {t("walkIn.email")}
      </label>
      <p id="walk-in-email-hint" class="hint">
        {t("walkIn.emailHint")}
      </p>
      <input
        id="walk-in-email"
        ref={emailInput}
        class="entry__field"
        type="email"
        inputmode="email"
        autocomplete="off"
        spellcheck={false}
        aria-describedby={describedBy("walk-in-email", "email")}
        aria-invalid={!!problem("email")}
        value={email()}
        onFocus={() => setField("email")}
        onInput={(event) => setEmail(event.currentTarget.value)}
      />
      <Show when={problem("email")}>
        {(which) => (
          <p id="walk-in-email-problem" class="problem">
            {t(`walkIn.${which()}`)}
          </p>
        )}
      </Show>

      <OnScreenKeys
        rows={field() === "name" ? NAME_KEYS : EMAIL_KEYS}
        space={field() === "name"}
        onKey={typeKey}
        onBackspace={backspace}
      />

      <div class="check">
        <input
          id="walk-in-consent"
          type="checkbox"
          checked={consent()}
          aria-describedby={problem("consent") ? "walk-in-consent-problem" : undefined}
          aria-invalid={!!problem("consent")}
          onChange={(event) => setConsent(event.currentTarget.checked)}
        />
        <label class="check__label" for="walk-in-consent">
          {t("walkIn.consent")}
        </label>
      </div>
      <Show when={problem("consent")}>
        {(which) => (
          <p id="walk-in-consent-problem" class="problem">
            {t(`walkIn.${which()}`)}
          </p>
        )}
      </Show>

      <Show when={props.activity.maxPartySize > 1}>
        <fieldset class="stepper">
          <legend class="stepper__label">{t("walkIn.party")}</legend>
          <button
            type="button"
            class="button button--secondary stepper__button"
            aria-label={t("walkIn.fewer")}
            disabled={party() <= 1}
            onClick={() => setParty((n) => Math.max(1, n - 1))}
          >
            −
          </button>
          <output class="stepper__value" aria-live="polite">
            {party()}
          </output>
          <button
            type="button"
            class="button button--secondary stepper__button"
            aria-label={t("walkIn.more")}
            disabled={party() >= props.activity.maxPartySize}
            onClick={() => setParty((n) => Math.min(props.activity.maxPartySize, n + 1))}
          >
            +
          </button>
          <span class="hint">{t("walkIn.partyHint", { max: props.activity.maxPartySize })}</span>
        </fieldset>
      </Show>

      <div class="actions">
        <button type="button" class="button button--secondary" onClick={() => navigate("/")}>
          {t("common.back")}
        </button>
        <button type="submit" class="button button--primary" disabled={checkIn.busy()}>
          {checkIn.busy() ? t("common.sending") : t("common.checkIn")}
        </button>
      </div>
    </form>
  );
};

export const WalkInScreen: Component = () => {
  const { t } = useI18n();
  const kiosk = useKiosk();
  const navigate = useNavigate();
  usePageTitle(
    () => t("walkIn.title"),
    () => t("app.name"),
  );
  // Decided once, on the way in: a guest half-way through the form is not thrown out when
  // the last seat goes meanwhile; the server has the last word and says "full".
  let decided: ReturnType<typeof walkInState> | undefined;
  const entry = createMemo(() => {
    if (decided) return decided;
    const activity = kiosk.selected();
    if (activity) decided = walkInState(activity, kiosk.occupancyOf(activity));
    return decided;
  });
  return (
    <div class="screen entry-screen">
      <h1>{t("walkIn.title")}</h1>
      <Show when={kiosk.selected()}>
        {(activity) => (
          <>
            <p class="lead">{t("walkIn.intro", { activity: activity().title })}</p>
            <Switch>
              <Match when={entry() === "available"}>
                <WalkInForm activity={activity()} />
              </Match>
              <Match when={entry()}>
                <p class="notice notice--bad">
                  {entry() === "members-only" ? t("walkIn.membersOnly") : t("walkIn.full")}
                </p>
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => navigate("/")}
                >
                  {t("common.back")}
                </button>
              </Match>
            </Switch>
          </>
        )}
      </Show>
    </div>
  );
};
