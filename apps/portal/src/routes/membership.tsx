// The member's membership: its status, what it allows, renewing and leaving; or, for
// someone without a current membership, the tiers and the application form.

import { type Privileges, splitDisplayName } from "@readers/domain";
import { ConfirmDialog } from "@readers/ui";
import { A } from "@solidjs/router";
import { type Component, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { createFormState } from "../components/form.ts";
import { Guard } from "../components/guard.tsx";
import { createMemberDetails, MemberDetailsFields } from "../components/member-details.tsx";
import { StatusBadge } from "../components/membership-status.tsx";
import { Page } from "../components/page.tsx";
import { ResendConfirmation } from "../components/resend-confirmation.tsx";
import { ErrorNotice, Loading, SuccessNotice } from "../components/status.tsx";
import { TierSummary } from "../components/tier-summary.tsx";
import { useI18n } from "../i18n/index.ts";
import { domainCode } from "../lib/errors.ts";
import { useFormat } from "../lib/format.ts";
import { type MembershipView, renewalPreview } from "../lib/membership.ts";
import { trpc } from "../lib/trpc.ts";
import { useSession } from "../session.tsx";

type Tier = Awaited<ReturnType<typeof trpc.memberships.tiers.query>>[number];

/** The order privileges are listed in, most everyday first. */
const PRIVILEGE_KEYS: readonly (keyof Privileges)[] = [
  "publicActivities",
  "membersOnlyActivities",
  "requestLoans",
  "renewLoans",
  "returnBooks",
  "shareBooks",
];

const PrivilegeLists: Component<{ privileges: Privileges }> = (props) => {
  const { t } = useI18n();
  const allowed = () => PRIVILEGE_KEYS.filter((key) => props.privileges[key]);
  const refused = () => PRIVILEGE_KEYS.filter((key) => !props.privileges[key]);
  return (
    <div class="privileges">
      <Show when={allowed().length > 0}>
        <section aria-labelledby="can-heading">
          <h3 id="can-heading">{t("membership.canHeading")}</h3>
          <ul class="checklist checklist--yes">
            <For each={allowed()}>{(key) => <li>{t(`privileges.${key}`)}</li>}</For>
          </ul>
        </section>
      </Show>
      <Show when={refused().length > 0}>
        <section aria-labelledby="cannot-heading">
          <h3 id="cannot-heading">{t("membership.cannotHeading")}</h3>
          <ul class="checklist checklist--no">
            <For each={refused()}>{(key) => <li>{t(`privileges.${key}`)}</li>}</For>
          </ul>
        </section>
      </Show>
    </div>
  );
};

/** Why a membership is not active yet, or what its status means. */
const StatusExplanation: Component<{ membership: MembershipView }> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const m = () => props.membership;
  return (
    <Switch>
      <Match when={m().status === "pending"}>
        <Show when={m().requiresApproval && !m().approvedAt}>
          <p>{t("membership.pendingApproval")}</p>
        </Show>
        <Show when={m().feeCents > 0 && !m().paidAt}>
          <p>{t("membership.pendingPayment", { amount: fmt.money(m().feeCents) })}</p>
        </Show>
        <Show when={m().startDate && (m().startDate ?? "") > fmt.today()}>
          <p>{t("membership.pendingStart", { date: fmt.date(m().startDate) })}</p>
        </Show>
      </Match>
      <Match when={m().status === "suspended"}>
        <p>{t("membership.suspended", { reason: m().suspensionReason ?? t("common.notSet") })}</p>
      </Match>
      <Match when={m().status === "grace"}>
        <p>{t("membership.grace", { date: fmt.date(m().endDate) })}</p>
      </Match>
      <Match when={m().status === "expired"}>
        <p>{t("membership.expired")}</p>
      </Match>
    </Switch>
  );
};

const RenewSection: Component<{
  membership: MembershipView;
  tiers: readonly Tier[];
  onDone: (message: string) => void;
}> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const tier = () => props.tiers.find((candidate) => candidate.id === props.membership.tierId);
  const preview = () => {
    const current = tier();
    return current ? renewalPreview(props.membership, current, fmt.today()) : undefined;
  };
  const opensOn = () => {
    const p = preview();
    return p?.kind === "tooEarly" ? p.opensOn : props.membership.renewalOpensOn;
  };
  const newEnd = () => {
    const p = preview();
    return p?.kind === "ready" ? p.endDate : undefined;
  };

  async function renew() {
    setBusy(true);
    setFailure(undefined);
    try {
      const result = await trpc.memberships.renew.mutate({});
      await session.refresh();
      props.onDone(t("membership.renewed", { date: fmt.date(result.endDate) }));
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="renew-heading">
      <h2 id="renew-heading">{t("membership.renewHeading")}</h2>
      <div id="renew-explanation">
        <Switch>
          <Match when={!props.membership.canRenew && opensOn()}>
            {(date) => <p>{t("membership.renewTooEarly", { date: fmt.date(date()) })}</p>}
          </Match>
          <Match when={newEnd()}>
            {(date) => <p>{t("membership.renewPreview", { date: fmt.date(date()) })}</p>}
          </Match>
        </Switch>
        <Show when={props.membership.canRenew && props.membership.feeCents > 0}>
          <p>{t("membership.renewFee", { amount: fmt.money(props.membership.feeCents) })}</p>
        </Show>
      </div>
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <button
        type="button"
        class="button"
        aria-describedby="renew-explanation"
        disabled={!props.membership.canRenew || busy()}
        onClick={() => void renew()}
      >
        {busy() ? t("membership.renewing") : t("membership.renew")}
      </button>
    </section>
  );
};

const LeaveSection: Component<{ onDone: (message: string) => void }> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  const [failure, setFailure] = createSignal<string>();

  async function leave(): Promise<boolean> {
    setFailure(undefined);
    try {
      await trpc.memberships.leave.mutate();
    } catch (error) {
      setFailure(fmt.error(error));
      return false;
    }
    await session.refresh();
    props.onDone(t("membership.left"));
    return true;
  }

  return (
    <section class="card" aria-labelledby="leave-heading">
      <h2 id="leave-heading">{t("membership.leaveHeading")}</h2>
      <ConfirmDialog
        trigger={t("membership.leave")}
        triggerClass="button button--secondary button--danger-outline"
        title={t("membership.leaveTitle")}
        confirm={t("membership.leaveConfirm")}
        cancel={t("common.cancel")}
        busyLabel={t("membership.leaving")}
        danger
        onConfirm={leave}
      >
        <p>{t("membership.leaveBody")}</p>
        <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      </ConfirmDialog>
    </section>
  );
};

const CurrentMembership: Component<{
  membership: MembershipView;
  tiers: readonly Tier[];
  onDone: (message: string) => void;
}> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const m = () => props.membership;
  const renewable = () => ["active", "grace", "expired"].includes(m().status);
  return (
    <>
      <section class="card" aria-labelledby="membership-heading">
        <h2 id="membership-heading">{t("membership.yourMembership")}</h2>
        <dl class="facts">
          <div>
            <dt>{t("membership.status")}</dt>
            <dd>
              <StatusBadge status={m().status} />
            </dd>
          </div>
          <div>
            <dt>{t("membership.tier")}</dt>
            <dd>{m().tierName}</dd>
          </div>
          <Show
            when={m().startDate}
            fallback={
              <div>
                <dt>{t("membership.appliedAt")}</dt>
                <dd>{fmt.day(m().appliedAt)}</dd>
              </div>
            }
          >
            <div>
              <dt>{t("membership.startDate")}</dt>
              <dd>{fmt.date(m().startDate)}</dd>
            </div>
            <div>
              <dt>{t("membership.endDate")}</dt>
              <dd>{fmt.date(m().endDate)}</dd>
            </div>
          </Show>
        </dl>
        <StatusExplanation membership={m()} />
        <PrivilegeLists privileges={m().privileges} />
        <Show when={m().status !== "pending"}>
          <p>
            <A href="/membership/card">{t("membership.showCard")}</A>
          </p>
        </Show>
      </section>
      <Show when={renewable()}>
        <RenewSection membership={m()} tiers={props.tiers} onDone={props.onDone} />
      </Show>
      <LeaveSection onDone={props.onDone} />
    </>
  );
};

type ApplyField = "tier" | "firstName" | "lastName" | "phone";

const ApplyForm: Component<{ tiers: readonly Tier[]; onDone: (message: string) => void }> = (
  props,
) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  // Prefill from the member record (someone applying again) or the account's name.
  const known = session.member();
  const split = splitDisplayName(session.account()?.name ?? "");
  const [tierId, setTierId] = createSignal(props.tiers.length === 1 ? props.tiers[0]!.id : "");
  const details = createMemberDetails({
    firstName: known?.firstName ?? split.firstName,
    lastName: known?.lastName ?? split.lastName,
    phone: known?.phone,
    directoryConsent: known?.directoryConsent,
  });
  const form = createFormState<ApplyField>({
    tier: () =>
      props.tiers.some((tier) => tier.id === tierId())
        ? undefined
        : { key: "validation.tierRequired" },
    ...details.checks,
  });
  const message = (field: ApplyField) => {
    const problem = form.error(field);
    return problem && t(problem.key, problem.params);
  };
  const [failure, setFailure] = createSignal<string>();
  // Refused because an imported member has this address: offer the confirmation link again.
  const [unverified, setUnverified] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (form.busy() || !form.validate()) return;
    form.setBusy(true);
    setFailure(undefined);
    setUnverified(false);
    try {
      await trpc.memberships.apply.mutate({
        tierId: tierId(),
        profile: details.input(),
      });
      await session.refresh();
      props.onDone(t("membership.applied"));
    } catch (error) {
      setFailure(fmt.error(error));
      setUnverified(domainCode(error) === "EMAIL_UNVERIFIED");
    } finally {
      form.setBusy(false);
    }
  }

  return (
    <form class="form" novalidate onSubmit={submit}>
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <Show when={unverified() && session.account()}>
        {(account) => <ResendConfirmation email={account().email} />}
      </Show>
      <fieldset class="tier-options" aria-describedby={message("tier") ? "tier-error" : undefined}>
        <legend>{t("membership.tiersLegend")}</legend>
        <For each={props.tiers}>
          {(tier, index) => (
            <div class="tier-option" classList={{ "tier-option--chosen": tierId() === tier.id }}>
              <input
                ref={index() === 0 ? form.register("tier") : undefined}
                type="radio"
                id={`tier-${tier.id}`}
                name="tier"
                value={tier.id}
                checked={tierId() === tier.id}
                aria-describedby={`tier-${tier.id}-details`}
                onChange={() => setTierId(tier.id)}
              />
              <label for={`tier-${tier.id}`}>{tier.name}</label>
              <TierSummary tier={tier} id={`tier-${tier.id}-details`} />
            </div>
          )}
        </For>
        <Show when={message("tier")}>
          <p id="tier-error" class="field__error">
            {message("tier")}
          </p>
        </Show>
      </fieldset>
      <MemberDetailsFields details={details} message={message} register={form.register} />
      <div>
        <button type="submit" class="button" disabled={form.busy()}>
          {form.busy() ? t("membership.applying") : t("membership.apply")}
        </button>
      </div>
    </form>
  );
};

const MembershipContent: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  const [tiers, { refetch }] = createResource(() => trpc.memberships.tiers.query({}));
  const [done, setDone] = createSignal<string>();
  const membership = () => session.member()?.membership ?? null;
  const current = () => {
    const m = membership();
    return m && m.status !== "cancelled" ? m : null;
  };

  return (
    <>
      <Show when={done()}>
        {(text) => (
          <SuccessNotice>
            <p>{text()}</p>
          </SuccessNotice>
        )}
      </Show>
      <Switch>
        <Match when={current()}>
          {(m) => (
            <CurrentMembership
              membership={m()}
              tiers={(!tiers.error && tiers.latest) || []}
              onDone={setDone}
            />
          )}
        </Match>
        <Match when={!current()}>
          <section class="card" aria-labelledby="apply-heading">
            <h2 id="apply-heading">{t("membership.applyHeading")}</h2>
            <Show when={membership()?.status === "cancelled" && !done()}>
              <p>{t("membership.cancelledNote")}</p>
            </Show>
            <p>{t("membership.applyIntro")}</p>
            <Switch>
              <Match when={tiers.error}>
                <ErrorNotice onRetry={() => void refetch()}>
                  {t("membership.tiersFailed")} {fmt.error(tiers.error)}
                </ErrorNotice>
              </Match>
              <Match when={tiers.loading && !tiers.latest}>
                <Loading />
              </Match>
              <Match when={tiers.latest?.length === 0}>
                <p class="empty">{t("membership.noTiers")}</p>
              </Match>
              <Match when={tiers.latest}>
                {(list) => <ApplyForm tiers={list()} onDone={setDone} />}
              </Match>
            </Switch>
          </section>
        </Match>
      </Switch>
    </>
  );
};

export const MembershipPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("membership.title")}>
      <Guard>
        <MembershipContent />
      </Guard>
    </Page>
  );
};
