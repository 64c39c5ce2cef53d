// The signed-in reader's notifications, newest first, with "mark as read" per item and
// for all, and older pages on request.
import { A, Navigate } from "@solidjs/router";
import { type Component, createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { Page } from "../components/page.tsx";
import { ErrorNotice, Loading } from "../components/status.tsx";
import { en } from "../i18n/en.ts";
import { type MessageKey, useI18n } from "../i18n/index.ts";
import { trpcCode, trpcErrorKey } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { useSession } from "../session.tsx";

type NotificationPage = Awaited<ReturnType<typeof trpc.notifications.list.query>>;
type Notification = NotificationPage["items"][number];

/** One screenful; the API allows up to 50. */
const PAGE_SIZE = 20;

type KnownKind = Exclude<keyof typeof en.notifications.kinds, "fallback">;
const isKnownKind = (kind: string): kind is KnownKind =>
  kind !== "fallback" && Object.hasOwn(en.notifications.kinds, kind);

/** Unknown kinds (added by the API before the portal knows them) get a generic text. */
function kindTexts(kind: string): { title: MessageKey; body: MessageKey } {
  const key = isKnownKind(kind) ? kind : "fallback";
  return { title: `notifications.kinds.${key}.title`, body: `notifications.kinds.${key}.body` };
}

/** The activity an activity notification is about (its payload names it), if any. */
function activityOf(payload: unknown): { id: string; title: string } | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  const { activityId, title } = payload as Record<string, unknown>;
  return typeof activityId === "string" && typeof title === "string"
    ? { id: activityId, title }
    : undefined;
}

const NotificationItem: Component<{
  item: Notification;
  onMarkRead: (id: number) => void;
  busy: boolean;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const texts = () => kindTexts(props.item.kind);
  const titleId = () => `notification-${props.item.id}-title`;
  const unread = () => props.item.readAt === null;
  return (
    <li class="notification" classList={{ "notification--unread": unread() }}>
      <article aria-labelledby={titleId()}>
        <h2 id={titleId()} class="notification__title">
          {t(texts().title)}
          <Show when={unread()}>
            {" "}
            <span class="tag">{t("notifications.unread")}</span>
          </Show>
        </h2>
        <p>{t(texts().body)}</p>
        <Show when={activityOf(props.item.payload)}>
          {(activity) => (
            <p>
              <A href={`/activities/${encodeURIComponent(activity().id)}`}>{activity().title}</A>
            </p>
          )}
        </Show>
        <p class="notification__meta">
          {t("notifications.receivedAt")}{" "}
          <time datetime={props.item.createdAt}>{i18n.formatDate(props.item.createdAt)}</time>
        </p>
        <Show when={unread()}>
          <button
            type="button"
            class="button button--secondary button--small"
            aria-describedby={titleId()}
            disabled={props.busy}
            onClick={() => props.onMarkRead(props.item.id)}
          >
            {t("notifications.markRead")}
          </button>
        </Show>
      </article>
    </li>
  );
};

const NotificationList: Component = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const [items, setItems] = createSignal<Notification[]>([]);
  const [nextBefore, setNextBefore] = createSignal<number | null>(null);
  const [state, setState] = createSignal<"loading" | "ready" | "error">("loading");
  const [loadError, setLoadError] = createSignal<unknown>();
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [marking, setMarking] = createSignal(false);
  const [actionError, setActionError] = createSignal<MessageKey>();

  async function load(before?: number) {
    const page = await trpc.notifications.list.query({ limit: PAGE_SIZE, before });
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
    setActionError(undefined);
    try {
      await load(before);
    } catch (error) {
      setActionError(trpcErrorKey(error));
    } finally {
      setLoadingMore(false);
    }
  }

  async function markRead(target: { ids: number[] } | { all: true }) {
    setMarking(true);
    setActionError(undefined);
    try {
      await trpc.notifications.markRead.mutate(target);
      const now = new Date().toISOString();
      const ids = "ids" in target ? new Set(target.ids) : undefined;
      setItems((current) =>
        current.map((item) =>
          item.readAt === null && (!ids || ids.has(item.id)) ? { ...item, readAt: now } : item,
        ),
      );
      session.refreshUnread();
    } catch {
      setActionError("notifications.markFailed");
    } finally {
      setMarking(false);
    }
  }

  onMount(() => void loadFirst());

  const unreadShown = () => items().filter((item) => item.readAt === null).length;
  const unreadTotal = () => Math.max(session.unreadCount() ?? 0, unreadShown());

  return (
    <Switch>
      <Match when={state() === "loading"}>
        <Loading />
      </Match>
      <Match when={state() === "error"}>
        <Show
          when={trpcCode(loadError()) === "UNAUTHORIZED"}
          fallback={
            <ErrorNotice onRetry={() => void loadFirst()}>
              {t(trpcErrorKey(loadError()))}
            </ErrorNotice>
          }
        >
          <Navigate href="/sign-in?next=%2Fnotifications" />
        </Show>
      </Match>
      <Match when={items().length === 0}>
        <p class="empty">{t("notifications.empty")}</p>
      </Match>
      <Match when={state() === "ready"}>
        <div class="toolbar">
          <p>{i18n.plural(t("notifications.summary"), unreadTotal())}</p>
          <Show when={unreadTotal() > 0}>
            <button
              type="button"
              class="button button--secondary"
              disabled={marking()}
              onClick={() => void markRead({ all: true })}
            >
              {t("notifications.markAllRead")}
            </button>
          </Show>
        </div>
        <Show when={actionError()}>{(key) => <ErrorNotice>{t(key())}</ErrorNotice>}</Show>
        <ol class="notification-list">
          <For each={items()}>
            {(item) => (
              <NotificationItem
                item={item}
                busy={marking()}
                onMarkRead={(id) => void markRead({ ids: [id] })}
              />
            )}
          </For>
        </ol>
        <Show when={nextBefore() !== null}>
          <button
            type="button"
            class="button button--secondary"
            disabled={loadingMore()}
            onClick={() => void loadMore()}
          >
            {loadingMore() ? t("common.loading") : t("notifications.loadMore")}
          </button>
        </Show>
      </Match>
    </Switch>
  );
};

export const NotificationsPage: Component = () => {
  const { t } = useI18n();
  const session = useSession();
  return (
    <Page title={t("notifications.title")}>
      <Switch>
        <Match when={session.me.error}>
          <ErrorNotice onRetry={() => void session.refresh()}>
            {t(trpcErrorKey(session.me.error))}
          </ErrorNotice>
        </Match>
        <Match when={session.me.loading && !session.me.latest}>
          <Loading />
        </Match>
        <Match when={!session.account()}>
          <Navigate href="/sign-in?next=%2Fnotifications" />
        </Match>
        <Match when={session.account()}>
          <NotificationList />
        </Match>
      </Switch>
    </Page>
  );
};
