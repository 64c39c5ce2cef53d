// The frame around every page: skip link, header with navigation and language switch,
// the main landmark, and a footer.
import { LanguageSwitch } from "@readers/ui";
import { A, useNavigate } from "@solidjs/router";
import { createSignal, For, type ParentComponent, Show } from "solid-js";
import { type MessageKey, useI18n } from "../i18n/index.ts";
import { auth } from "../lib/auth.ts";
import { authErrorKey } from "../lib/errors.ts";
import { useSession } from "../session.tsx";

/** Administration pages, each shown to those whose privileges include its procedure. */
const ADMIN_LINKS: readonly { href: string; label: MessageKey; action: string }[] = [
  { href: "/admin/members", label: "nav.members", action: "memberships.list" },
  { href: "/admin/activities", label: "nav.adminActivities", action: "activities.create" },
  { href: "/admin/locations", label: "nav.locations", action: "locations.save" },
  { href: "/admin/kiosks", label: "nav.kiosks", action: "kiosk.pair" },
  { href: "/admin/tiers", label: "nav.tiers", action: "memberships.saveTier" },
  { href: "/admin/audit", label: "nav.audit", action: "admin.auditLog" },
  { href: "/admin/settings", label: "nav.settings", action: "admin.settings" },
];

export const Layout: ParentComponent = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = createSignal(false);
  const [signOutError, setSignOutError] = createSignal<string>();
  let main: HTMLElement | undefined;

  async function signOut() {
    setSigningOut(true);
    setSignOutError(undefined);
    const result = await auth.signOut();
    setSigningOut(false);
    if (!result.ok) {
      setSignOutError(t(authErrorKey(result.failure)));
      return;
    }
    await session.refresh();
    navigate("/");
  }

  const unread = () => session.unreadCount() ?? 0;
  const adminLinks = () =>
    session.account() ? ADMIN_LINKS.filter((link) => session.can(link.action)) : [];

  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link by convention; the handler only stops the router from treating "#main" as a navigation and moves focus, which a bare fragment does not do in an SPA. */}
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          main?.focus();
        }}
      >
        {t("layout.skipToContent")}
      </a>
      <header class="site-header">
        <div class="site-header__inner">
          <A href="/" class="brand" end>
            {t("app.name")}
          </A>
          <nav aria-label={t("layout.primaryNav")} class="site-nav">
            <ul>
              <li>
                <A href="/" end>
                  {t("nav.home")}
                </A>
              </li>
              <li>
                <A href="/activities">{t("nav.activities")}</A>
              </li>
              <Show
                when={session.account()}
                fallback={
                  <>
                    <li>
                      <A href="/sign-in">{t("nav.signIn")}</A>
                    </li>
                    <li>
                      <A href="/sign-up">{t("nav.signUp")}</A>
                    </li>
                  </>
                }
              >
                <li>
                  <A href="/my/activities">{t("nav.myActivities")}</A>
                </li>
                <li>
                  <A href="/books">{t("nav.books")}</A>
                </li>
                <li>
                  <A href="/loans">{t("nav.loans")}</A>
                </li>
                <li>
                  <A href="/membership">{t("nav.membership")}</A>
                </li>
                <li>
                  <A href="/notifications">
                    {t("nav.notifications")}
                    <Show when={unread() > 0}>
                      {/* The number is drawn as a badge; the words are for screen readers. */}
                      <span class="badge" aria-hidden="true">
                        {i18n.formatNumber(unread())}
                      </span>
                      <span class="visually-hidden">
                        {` (${i18n.plural(t("nav.unread"), unread())})`}
                      </span>
                    </Show>
                  </A>
                </li>
                <li>
                  <A href="/profile">{t("nav.profile")}</A>
                </li>
                <li>
                  <button
                    type="button"
                    class="link-button"
                    disabled={signingOut()}
                    onClick={() => void signOut()}
                  >
                    {signingOut() ? t("nav.signingOut") : t("nav.signOut")}
                  </button>
                </li>
              </Show>
            </ul>
          </nav>
          <LanguageSwitch
            label={t("layout.language")}
            locale={i18n.locale()}
            onChange={session.changeLocale}
          />
        </div>
        <Show when={adminLinks().length > 0}>
          <nav aria-label={t("nav.admin")} class="admin-nav">
            <ul>
              <For each={adminLinks()}>
                {(link) => (
                  <li>
                    <A href={link.href}>{t(link.label)}</A>
                  </li>
                )}
              </For>
            </ul>
          </nav>
        </Show>
        <Show when={signOutError()}>
          <p class="site-header__error" role="alert">
            {signOutError()}
          </p>
        </Show>
      </header>
      <main id="main" ref={main} tabindex="-1">
        {props.children}
      </main>
      <footer class="site-footer">
        <p>{t("layout.footer")}</p>
      </footer>
    </>
  );
};
