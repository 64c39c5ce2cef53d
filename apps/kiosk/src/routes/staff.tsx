// For staff at the desk: check-ins taken offline that the server refused once it could be
// reached (with why), which they settle with the person and dismiss; and what still waits
// to be sent. Credentials are masked; the list holds nothing more than staff need.
import { usePageTitle } from "@readers/ui";
import { useNavigate } from "@solidjs/router";
import { type Component, createResource, For, Show } from "solid-js";
import { useI18n } from "../i18n/index.ts";
import type { QueuedItem } from "../lib/offline-queue.ts";
import { refusalText } from "../result-text.ts";
import { useKiosk } from "../state.tsx";

export const StaffScreen: Component = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const kiosk = useKiosk();
  const navigate = useNavigate();
  usePageTitle(
    () => t("staff.title"),
    () => t("app.name"),
  );
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
      <h1>{t("staff.title")}</h1>
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
