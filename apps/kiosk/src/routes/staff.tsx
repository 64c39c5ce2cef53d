// For staff at the desk: check-ins taken offline that the server refused once it could be
// reached (with why), which they settle with the person and dismiss; and what still waits
// to be sent. Credentials are masked; the list holds nothing more than staff need.
import { usePageTitle } from "@readers/ui";
import { useNavigate } from "@solidjs/router";
import { type Component, createResource, createSignal, For, onMount, Show } from "solid-js";
import { DIGIT_KEYS, OnScreenKeys } from "../components/on-screen-keys.tsx";
import { useI18n } from "../i18n/index.ts";
import { classifyFailure } from "../lib/errors.ts";
import type { QueuedItem } from "../lib/offline-queue.ts";
import { refusalText } from "../result-text.ts";
import { useKiosk } from "../state.tsx";

/**
 * The PIN asked before the list opens when admins set one. It is checked on the server,
 * so unlocking needs the network; leaving the screen locks it again.
 */
const StaffPinGate: Component<{ onUnlocked: () => void }> = (props) => {
  const { t } = useI18n();
  const kiosk = useKiosk();
  const navigate = useNavigate();
  const [pin, setPin] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<"wrong" | "tooMany" | "offline" | "failed">();
  let input: HTMLInputElement | undefined;
  onMount(() => input?.focus());

  async function submit() {
    if (busy() || !pin()) return;
    if (kiosk.connection() !== "online") {
      setProblem("offline");
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await kiosk.api.unlockStaff(pin());
      props.onUnlocked();
    } catch (error) {
      const failure = classifyFailure(error);
      // Emptied first, so the same message said twice is announced twice.
      setProblem(undefined);
      await Promise.resolve();
      setProblem(
        failure.kind === "refused" && failure.code === "STAFF_PIN_WRONG"
          ? "wrong"
          : failure.kind === "rate-limited"
            ? "tooMany"
            : failure.kind === "network"
              ? "offline"
              : "failed",
      );
      setPin("");
      input?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="entry"
      novalidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label class="entry__label" for="staff-pin">
        {t("staff.pin.label")}
      </label>
      <p id="staff-pin-hint" class="hint">
        {t("staff.pin.hint")}
      </p>
      <input
        id="staff-pin"
        ref={input}
        class="entry__field entry__field--number"
        type="password"
        inputmode="numeric"
        autocomplete="off"
        maxLength={8}
        aria-describedby="staff-pin-hint staff-pin-problem"
        aria-invalid={problem() === "wrong"}
        value={pin()}
        onInput={(event) => {
          setPin(event.currentTarget.value.replace(/\D/g, "").slice(0, 8));
          // A filtered-out key must not stay in the field (the same value is not re-rendered).
          event.currentTarget.value = pin();
        }}
      />
      <p id="staff-pin-problem" class="feedback feedback--bad" aria-live="polite">
        {problem() ? t(`staff.pin.${problem()!}`) : ""}
      </p>
      <OnScreenKeys
        rows={[...DIGIT_KEYS, "0"]}
        label={t("keyboard.keypad")}
        class="keys--keypad"
        onKey={(key) => setPin((current) => (current + key).slice(0, 8))}
        onBackspace={() => setPin((current) => current.slice(0, -1))}
        onClear={() => setPin("")}
      />
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={() => navigate("/")}>
          {t("common.back")}
        </button>
        <button type="submit" class="button button--primary" disabled={busy() || !pin()}>
          {busy() ? t("common.sending") : t("staff.pin.unlock")}
        </button>
      </div>
    </form>
  );
};

export const StaffScreen: Component = () => {
  const kiosk = useKiosk();
  const { t } = useI18n();
  const [unlocked, setUnlocked] = createSignal(false);
  usePageTitle(
    () => t("staff.title"),
    () => t("app.name"),
  );
  return (
    <Show
      when={!kiosk.staffPinRequired() || unlocked()}
      fallback={
        <div class="screen entry-screen">
          <h1>{t("staff.title")}</h1>
          <StaffPinGate onUnlocked={() => setUnlocked(true)} />
        </div>
      }
    >
      <StaffList focusHeading={unlocked()} />
    </Show>
  );
};

/** `focusHeading`: opened with the PIN — the button pressed is gone, the list takes focus. */
const StaffList: Component<{ focusHeading: boolean }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const kiosk = useKiosk();
  const navigate = useNavigate();
  let heading: HTMLHeadingElement | undefined;
  onMount(() => {
    if (props.focusHeading) heading?.focus();
  });
  const [refused] = createResource(kiosk.queueVersion, () => kiosk.queue.needsStaff());
  const [pending] = createResource(kiosk.queueVersion, () => kiosk.queue.pending());
  const timeZone = () => kiosk.today()?.timeZone;
  const when = (iso: string) =>
    i18n.formatDate(iso, {
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: timeZone(),
    });
  const who = (item: QueuedItem) =>
    t(`staff.kind.${item.credentialKind}`, { masked: item.maskedCredential });

  return (
    <div class="screen staff">
      <h1 ref={heading} tabIndex={-1}>
        {t("staff.title")}
      </h1>
      <p class="lead">{t("staff.intro")}</p>
      <Show when={refused.latest} fallback={null}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="notice">{t("staff.empty")}</p>}>
            <table class="table">
              <caption class="visually-hidden">{t("staff.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("staff.when")}</th>
                  <th scope="col">{t("staff.activity")}</th>
                  <th scope="col">{t("staff.who")}</th>
                  <th scope="col">{t("staff.reason")}</th>
                  <th scope="col">{t("staff.actions")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(item) => {
                    const reason = () =>
                      refusalText(i18n, item.code, item.details, item.activityTitle, timeZone());
                    return (
                      <tr>
                        <td>
                          <time datetime={item.occurredAt}>{when(item.occurredAt)}</time>
                        </td>
                        <td>{item.activityTitle}</td>
                        <td>{who(item)}</td>
                        <td>
                          <strong>{reason().title}</strong> {reason().body}
                        </td>
                        <td>
                          <button
                            type="button"
                            class="button button--secondary"
                            aria-label={t("staff.dismissNamed", {
                              who: who(item),
                              time: when(item.occurredAt),
                            })}
                            onClick={() => void kiosk.queue.dismiss(item)}
                          >
                            {t("staff.dismiss")}
                          </button>
                        </td>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </Show>

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t("staff.pendingTitle")}</h2>
        <Show when={pending.latest} fallback={null}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p>{t("staff.pendingEmpty")}</p>}>
              <table class="table">
                <caption class="visually-hidden">{t("staff.pendingCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("staff.when")}</th>
                    <th scope="col">{t("staff.activity")}</th>
                    <th scope="col">{t("staff.who")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(item) => (
                      <tr>
                        <td>
                          <time datetime={item.occurredAt}>{when(item.occurredAt)}</time>
                        </td>
                        <td>{item.activityTitle}</td>
                        <td>{who(item)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <button
                type="button"
                class="button button--primary"
                disabled={kiosk.connection() !== "online"}
                onClick={() => void kiosk.sync()}
              >
                {t("staff.syncNow")}
              </button>
            </Show>
          )}
        </Show>
      </section>
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={() => navigate("/")}>
          {t("common.back")}
        </button>
      </div>
    </div>
  );
};
