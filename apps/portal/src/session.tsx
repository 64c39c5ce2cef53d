// Who is signed in (from me.get) and their unread count, shared by every page; also the
// language switch, which tells the server when a signed-in person changes language.
import { isLocale, type Locale } from "@readers/ui";
import {
  type Accessor,
  createContext,
  createEffect,
  createResource,
  on,
  onCleanup,
  type ParentComponent,
  type Resource,
  untrack,
  useContext,
} from "solid-js";
import { useI18n } from "./i18n/index.ts";
import { trpc } from "./lib/trpc.ts";

export type Me = Awaited<ReturnType<typeof trpc.me.get.query>>;
export type Account = NonNullable<Me["account"]>;
export type MemberRecord = NonNullable<Me["member"]>;
export type Association = Me["association"];

/** How often the unread badge asks the server while someone is signed in. */
const UNREAD_POLL_MS = 60_000;

export interface Session {
  me: Resource<Me>;
  /** The signed-in account, or null (anonymous, still loading, or failed to load). */
  account: Accessor<Account | null>;
  /** The signed-in person's member record, or null (never applied, or anonymous). */
  member: Accessor<MemberRecord | null>;
  /** True once me.get has answered or failed: who is asking, and the zone, are known. */
  ready: Accessor<boolean>;
  /** The association's name and time zone (dates are shown in its zone). */
  association: Accessor<Association | undefined>;
  /** True when the caller may call the procedure `action` (me.get's privileges). */
  can: (action: string) => boolean;
  /** Reloads me.get (after sign in / sign out). */
  refresh: () => Promise<void>;
  unreadCount: Accessor<number | undefined>;
  refreshUnread: () => void;
  changeLocale: (locale: Locale) => void;
}

const SessionContext = createContext<Session>();

export const SessionProvider: ParentComponent = (props) => {
  const i18n = useI18n();
  const [me, { refetch }] = createResource(() => trpc.me.get.query());
  const account = (): Account | null => (me.error ? null : (me.latest?.account ?? null));
  const member = (): MemberRecord | null => (me.error ? null : (me.latest?.member ?? null));
  const privileges = (): ReadonlySet<string> =>
    new Set<string>(me.error ? [] : (me.latest?.privileges ?? []));

  const [unread, { refetch: refetchUnread }] = createResource(
    () => account()?.id,
    async () => (await trpc.notifications.unreadCount.query()).count,
  );

  // A device with no language chosen yet follows the account's language. Only the
  // account is tracked: a later switch by the reader must not be undone here.
  createEffect(
    on(
      () => account()?.locale,
      (locale) => {
        if (isLocale(locale) && !i18n.hasStoredChoice() && locale !== untrack(i18n.locale)) {
          i18n.setLocale(locale);
        }
      },
    ),
  );

  createEffect(() => {
    if (!account()) return;
    const timer = setInterval(() => void refetchUnread(), UNREAD_POLL_MS);
    onCleanup(() => clearInterval(timer));
  });

  const session: Session = {
    me,
    account,
    member,
    ready: () => Boolean(me.error) || me.latest !== undefined,
    association: () => (me.error ? undefined : me.latest?.association),
    can: (action) => privileges().has(action),
    async refresh() {
      await refetch();
    },
    unreadCount: () => (unread.error ? undefined : unread.latest),
    refreshUnread: () => void refetchUnread(),
    changeLocale(locale) {
      i18n.setLocale(locale);
      if (account()) {
        // Only e-mail language depends on it; the page has switched already either way.
        trpc.me.setLocale.mutate({ locale }).catch(() => undefined);
      }
    },
  };

  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
};

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession() must be called inside <SessionProvider>");
  return session;
}
