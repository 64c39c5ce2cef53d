// Admins' audit log: every organizer and administrator action, newest first, older pages
// on request.
import { type Component, createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { Guard } from "../../components/guard.tsx";
import { Page } from "../../components/page.tsx";
import { ErrorNotice, Loading } from "../../components/status.tsx";
import { en } from "../../i18n/en.ts";
import { useI18n } from "../../i18n/index.ts";
import { useFormat } from "../../lib/format.ts";
import { trpc } from "../../lib/trpc.ts";

type AuditPage = Awaited<ReturnType<typeof trpc.admin.auditLog.query>>;
type AuditEntry = AuditPage["items"][number];

/** Entries per request; the API allows up to 100. */
export const AUDIT_PAGE_SIZE = 50;

type ActorKind = keyof typeof en.admin.audit.actorKinds;
const isActorKind = (kind: string): kind is ActorKind =>
  Object.hasOwn(en.admin.audit.actorKinds, kind);

/** Details as "key: value" pairs; they are recorded by the API for people to read. */
function detailPairs(details: unknown): [string, string][] {
  if (typeof details !== "object" || details === null) return [];
  return Object.entries(details as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]);
}

const AuditList: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [items, setItems] = createSignal<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = createSignal<number | null>(null);
  const [state, setState] = createSignal<"loading" | "ready" | "error">("loading");
  const [loadError, setLoadError] = createSignal<unknown>();
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<string>();

  async function load(before?: number) {
    const page = await trpc.admin.auditLog.query({ limit: AUDIT_PAGE_SIZE, before });
    setItems((current) => (before === undefined ? page.items : [...current, ...page.items]));
    setNextBefore(page.nextBefore);
  }

  async function loadFirst() {
    setState("loading");
    try {
      await load();
      setState("ready");
    } catch (error) {
      setLoadError(error);
      setState("error");
    }
  }

  async function loadMore() {
    const before = nextBefore();
    if (before === null) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      await load(before);
    } catch (error) {
      setMoreError(fmt.error(error));
    } finally {
      setLoadingMore(false);
    }
  }

  onMount(() => void loadFirst());

  const actor = (entry: AuditEntry) => {
    const kind = isActorKind(entry.actorKind)
      ? t(`admin.audit.actorKinds.${entry.actorKind}`)
      : entry.actorKind;
    return entry.actorName ? `${entry.actorName} (${kind})` : kind;
  };

  return (
    <Switch>
      <Match when={state() === "loading"}>
        <Loading />
      </Match>
      <Match when={state() === "error"}>
        <ErrorNotice onRetry={() => void loadFirst()}>
          {t("admin.audit.loadFailed")} {fmt.error(loadError())}
        </ErrorNotice>
      </Match>
      <Match when={items().length === 0}>
        <p class="empty">{t("admin.audit.empty")}</p>
      </Match>
      <Match when={state() === "ready"}>
        <div class="table-wrap">
          <table class="table">
            <caption>{t("admin.audit.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.audit.at")}</th>
                <th scope="col">{t("admin.audit.actor")}</th>
                <th scope="col">{t("admin.audit.action")}</th>
                <th scope="col">{t("admin.audit.target")}</th>
                <th scope="col">{t("admin.audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={items()}>
                {(entry) => (
                  <tr>
                    <td class="nowrap">
                      <time datetime={entry.at}>{fmt.instant(entry.at)}</time>
                    </td>
                    <td>{actor(entry)}</td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td>
                      <code>{`${entry.targetType} ${entry.targetId}`}</code>
                    </td>
                    <td>
                      <Show when={detailPairs(entry.details).length > 0}>
                        <dl class="audit-details">
                          <For each={detailPairs(entry.details)}>
                            {([key, value]) => (
                              <div>
                                <dt>{key}</dt>
                                <dd>{value}</dd>
                              </div>
                            )}
                          </For>
                        </dl>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={moreError()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
        <Show when={nextBefore() !== null}>
          <button
            type="button"
            class="button button--secondary"
            disabled={loadingMore()}
            onClick={() => void loadMore()}
          >
            {loadingMore() ? t("common.loading") : t("admin.audit.older")}
          </button>
        </Show>
      </Match>
    </Switch>
  );
};

export const AuditLogPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("admin.audit.title")}>
      <Guard action="admin.auditLog">
        <AuditList />
      </Guard>
    </Page>
  );
};
