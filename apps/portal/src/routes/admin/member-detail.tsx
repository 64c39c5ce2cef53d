// One member for organizers: details, account and role, the membership with the actions
// its state allows (approve, record payment, suspend, reinstate), payments and history.
import {
  MEMBERSHIP_STATUSES,
  PAYMENT_METHODS,
  type PaymentMethod,
  USER_ROLES,
  type UserRole,
} from "@readers/domain";
import { A, useParams } from "@solidjs/router";
import {
  type Component,
  createEffect,
  createResource,
  createSignal,
  For,
  Match,
  on,
  Show,
  Switch,
} from "solid-js";
import { Field, SelectField, TextAreaField } from "../../components/field.tsx";
import { createFormState } from "../../components/form.ts";
import { Guard } from "../../components/guard.tsx";
import { StatusBadge } from "../../components/membership-status.tsx";
import { Page } from "../../components/page.tsx";
import { ErrorNotice, Loading, SuccessNotice } from "../../components/status.tsx";
import { en } from "../../i18n/en.ts";
import { useI18n } from "../../i18n/index.ts";
import { useFormat } from "../../lib/format.ts";
import { amountInput, parseAmount } from "../../lib/money.ts";
import { trpc } from "../../lib/trpc.ts";
import { checkAmount, checkReason, checkReference } from "../../lib/validation.ts";
import { useSession } from "../../session.tsx";

type Detail = Awaited<ReturnType<typeof trpc.memberships.get.query>>;
type Membership = NonNullable<Detail["membership"]>;
type MemberEvent = Detail["events"][number];

type EventKind = keyof typeof en.admin.events;
const isEventKind = (kind: string): kind is EventKind => Object.hasOwn(en.admin.events, kind);
const isMethod = (value: unknown): value is PaymentMethod =>
  PAYMENT_METHODS.includes(value as PaymentMethod);
const isRole = (value: unknown): value is UserRole => USER_ROLES.includes(value as UserRole);
const isStatus = (value: unknown): value is Membership["status"] =>
  MEMBERSHIP_STATUSES.includes(value as Membership["status"]);

/** A line of detail for the events whose details people care about. */
function useEventDetail() {
  const { t } = useI18n();
  const fmt = useFormat();
  return (event: MemberEvent): string | undefined => {
    const d = (event.details ?? {}) as Record<string, unknown>;
    const text = (key: string) => (typeof d[key] === "string" ? (d[key] as string) : undefined);
    switch (event.kind) {
      case "applied":
        return text("tier") && t("admin.eventDetails.tier", { tier: text("tier") ?? "" });
      case "activated":
      case "renewed":
        return text("startDate") && text("endDate")
          ? t("admin.eventDetails.period", {
              start: fmt.date(text("startDate")),
              end: fmt.date(text("endDate")),
            })
          : undefined;
      case "payment_recorded":
        return typeof d.amountCents === "number" && isMethod(d.method)
          ? t("admin.eventDetails.payment", {
              amount: fmt.money(d.amountCents),
              method: t(`admin.methods.${d.method}`),
            })
          : undefined;
      case "suspended":
        return text("reason") && t("admin.eventDetails.reason", { reason: text("reason") ?? "" });
      case "role_changed":
        return isRole(d.to)
          ? t("admin.eventDetails.role", { role: t(`home.roles.${d.to}`) })
          : undefined;
      default:
        return undefined;
    }
  };
}

/** Runs one action: busy while it runs, its refusal translated, `onDone` after success. */
function createAction(onDone: (message: string) => void) {
  const fmt = useFormat();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  async function run(call: () => Promise<unknown>, success: string): Promise<boolean> {
    setBusy(true);
    setFailure(undefined);
    try {
      await call();
      onDone(success);
      return true;
    } catch (error) {
      setFailure(fmt.error(error));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, failure, run };
}

const RoleForm: Component<{
  account: NonNullable<Detail["account"]>;
  onDone: (message: string) => void;
}> = (props) => {
  const { t } = useI18n();
  const [role, setRole] = createSignal<UserRole>(
    isRole(props.account.role) ? props.account.role : "member",
  );
  const action = createAction(props.onDone);
  return (
    <form
      class="inline-form"
      novalidate
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(
          () => trpc.admin.setRole.mutate({ userId: props.account.userId, role: role() }),
          t("admin.member.roleSaved"),
        );
      }}
    >
      <Show when={action.failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <SelectField
        id="role"
        label={t("admin.member.role")}
        value={role()}
        options={USER_ROLES.map((value) => ({ value, label: t(`home.roles.${value}`) }))}
        onChange={(value) => isRole(value) && setRole(value)}
      />
      <div>
        <button
          type="submit"
          class="button button--secondary"
          disabled={action.busy() || role() === props.account.role}
        >
          {action.busy() ? t("common.saving") : t("admin.member.saveRole")}
        </button>
      </div>
    </form>
  );
};

type PaymentField = "amount" | "reference";

const PaymentForm: Component<{ membership: Membership; onDone: (message: string) => void }> = (
  props,
) => {
  const { t } = useI18n();
  const [amount, setAmount] = createSignal(
    props.membership.feeCents > 0 ? amountInput(props.membership.feeCents) : "",
  );
  const [method, setMethod] = createSignal<PaymentMethod>("cash");
  const [reference, setReference] = createSignal("");
  const form = createFormState<PaymentField>({
    amount: () => checkAmount(amount()),
    reference: () => checkReference(reference()),
  });
  const message = (field: PaymentField) => {
    const problem = form.error(field);
    return problem && t(problem.key, problem.params);
  };
  const action = createAction((text) => {
    setReference("");
    form.reset();
    props.onDone(text);
  });

  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (action.busy() || !form.validate()) return;
    void action.run(
      () =>
        trpc.memberships.recordPayment.mutate({
          membershipId: props.membership.id,
          amountCents: parseAmount(amount()) ?? 0,
          method: method(),
          reference: reference().trim(),
        }),
      t("admin.member.paymentRecorded"),
    );
  }

  return (
    <form class="inline-form" novalidate onSubmit={submit} aria-labelledby="payment-heading">
      <h3 id="payment-heading">{t("admin.member.paymentHeading")}</h3>
      <Show when={action.failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <Field
        id="amount"
        label={t("admin.member.amount")}
        hint={t("admin.member.amountHint")}
        autocomplete="off"
        inputMode="decimal"
        value={amount()}
        onInput={setAmount}
        error={message("amount")}
        ref={form.register("amount")}
      />
      <SelectField
        id="method"
        label={t("admin.member.method")}
        value={method()}
        options={PAYMENT_METHODS.map((value) => ({ value, label: t(`admin.methods.${value}`) }))}
        onChange={(value) => isMethod(value) && setMethod(value)}
      />
      <Field
        id="reference"
        label={t("admin.member.reference")}
        hint={t("admin.member.referenceHint")}
        autocomplete="off"
        required={false}
        value={reference()}
        onInput={setReference}
        error={message("reference")}
        ref={form.register("reference")}
      />
      <div>
        <button type="submit" class="button" disabled={action.busy()}>
          {action.busy() ? t("common.saving") : t("admin.member.recordPayment")}
        </button>
      </div>
    </form>
  );
};

const SuspendForm: Component<{ membership: Membership; onDone: (message: string) => void }> = (
  props,
) => {
  const { t } = useI18n();
  const [reason, setReason] = createSignal("");
  const form = createFormState({ reason: () => checkReason(reason()) });
  const message = () => {
    const problem = form.error("reason");
    return problem && t(problem.key, problem.params);
  };
  const action = createAction(props.onDone);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (action.busy() || !form.validate()) return;
    void action.run(
      () =>
        trpc.memberships.suspend.mutate({
          membershipId: props.membership.id,
          reason: reason().trim(),
        }),
      t("admin.member.suspended"),
    );
  }

  return (
    <form class="inline-form" novalidate onSubmit={submit} aria-labelledby="suspend-heading">
      <h3 id="suspend-heading">{t("admin.member.suspendHeading")}</h3>
      <Show when={action.failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <TextAreaField
        id="reason"
        label={t("admin.member.reason")}
        hint={t("admin.member.reasonHint")}
        value={reason()}
        onInput={setReason}
        error={message()}
        ref={form.register("reason")}
      />
      <div>
        <button type="submit" class="button button--danger" disabled={action.busy()}>
          {action.busy() ? t("common.saving") : t("admin.member.suspend")}
        </button>
      </div>
    </form>
  );
};

const MembershipSection: Component<{
  membership: Membership;
  onDone: (message: string) => void;
}> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const m = () => props.membership;
  const status = () => (isStatus(m().status) ? m().status : "pending");
  const waitingApproval = () => status() === "pending" && m().requiresApproval && !m().approvedAt;
  const waitingPayment = () => status() === "pending" && m().feeCents > 0 && !m().paidAt;
  const simple = createAction(props.onDone);

  return (
    <>
      <dl class="facts">
        <div>
          <dt>{t("admin.member.status")}</dt>
          <dd>
            <StatusBadge status={status()} />
          </dd>
        </div>
        <div>
          <dt>{t("admin.member.tier")}</dt>
          <dd>{m().tierName}</dd>
        </div>
        <div>
          <dt>{t("admin.member.fee")}</dt>
          <dd>{fmt.money(m().feeCents)}</dd>
        </div>
        <div>
          <dt>{t("admin.member.startDate")}</dt>
          <dd>{fmt.date(m().startDate)}</dd>
        </div>
        <div>
          <dt>{t("admin.member.endDate")}</dt>
          <dd>{fmt.date(m().endDate)}</dd>
        </div>
        <div>
          <dt>{t("admin.member.appliedAt")}</dt>
          <dd>{fmt.instant(m().appliedAt)}</dd>
        </div>
        <div>
          <dt>{t("admin.member.approvedAt")}</dt>
          <dd>{fmt.instant(m().approvedAt)}</dd>
        </div>
        <div>
          <dt>{t("admin.member.paidAt")}</dt>
          <dd>{fmt.instant(m().paidAt)}</dd>
        </div>
        <Show when={m().suspensionReason}>
          <div>
            <dt>{t("admin.member.suspensionReason")}</dt>
            <dd>{m().suspensionReason}</dd>
          </div>
        </Show>
      </dl>
      <Show when={waitingApproval()}>
        <p>{t("admin.member.waitingApproval")}</p>
      </Show>
      <Show when={waitingPayment()}>
        <p>{t("admin.member.waitingPayment", { amount: fmt.money(m().feeCents) })}</p>
      </Show>
      <Show when={simple.failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <Show when={waitingApproval() || status() === "suspended"}>
        <p class="actions">
          <Show when={waitingApproval()}>
            <button
              type="button"
              class="button"
              disabled={simple.busy()}
              onClick={() =>
                void simple.run(
                  () => trpc.memberships.approve.mutate({ membershipId: m().id }),
                  t("admin.member.approved"),
                )
              }
            >
              {t("admin.member.approve")}
            </button>
          </Show>
          <Show when={status() === "suspended"}>
            <button
              type="button"
              class="button"
              disabled={simple.busy()}
              onClick={() =>
                void simple.run(
                  () => trpc.memberships.reinstate.mutate({ membershipId: m().id }),
                  t("admin.member.reinstated"),
                )
              }
            >
              {t("admin.member.reinstate")}
            </button>
          </Show>
        </p>
      </Show>
      <Show when={status() !== "cancelled"}>
        <PaymentForm membership={m()} onDone={props.onDone} />
      </Show>
      <Show when={status() !== "cancelled" && status() !== "suspended"}>
        <SuspendForm membership={m()} onDone={props.onDone} />
      </Show>
    </>
  );
};

const MemberDetail: Component<{ detail: Detail; onDone: (message: string) => void }> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  const eventDetail = useEventDetail();
  const d = () => props.detail;
  const roleLabel = (role: string) => (isRole(role) ? t(`home.roles.${role}`) : role);
  return (
    <>
      <section class="card" aria-labelledby="details-heading">
        <h2 id="details-heading">{t("admin.member.detailsHeading")}</h2>
        <dl class="facts">
          <div>
            <dt>{t("admin.member.memberNumber")}</dt>
            <dd>{d().member.memberNumberFormatted}</dd>
          </div>
          <div>
            <dt>{t("admin.member.email")}</dt>
            <dd>{d().member.email}</dd>
          </div>
          <div>
            <dt>{t("admin.member.phone")}</dt>
            <dd>{d().member.phone ?? t("common.notSet")}</dd>
          </div>
          <div>
            <dt>{t("admin.member.directoryConsent")}</dt>
            <dd>{d().member.directoryConsent ? t("common.yes") : t("common.no")}</dd>
          </div>
          <div>
            <dt>{t("admin.member.joined")}</dt>
            <dd>{fmt.day(d().member.joinedAt)}</dd>
          </div>
        </dl>
      </section>

      <section class="card" aria-labelledby="account-heading">
        <h2 id="account-heading">{t("admin.member.accountHeading")}</h2>
        <Show when={d().account} fallback={<p>{t("admin.member.noAccount")}</p>}>
          {(account) => (
            <>
              <dl class="facts">
                <div>
                  <dt>{t("admin.member.email")}</dt>
                  <dd>{account().email}</dd>
                </div>
                {/* Admins see the role in the select below instead. */}
                <Show when={!session.can("admin.setRole")}>
                  <div>
                    <dt>{t("admin.member.role")}</dt>
                    <dd>{roleLabel(account().role)}</dd>
                  </div>
                </Show>
              </dl>
              <Show when={session.can("admin.setRole")}>
                <RoleForm account={account()} onDone={props.onDone} />
              </Show>
            </>
          )}
        </Show>
      </section>

      <section class="card" aria-labelledby="membership-heading">
        <h2 id="membership-heading">{t("admin.member.membershipHeading")}</h2>
        <Show when={d().membership} fallback={<p>{t("admin.member.noMembership")}</p>}>
          {(membership) => <MembershipSection membership={membership()} onDone={props.onDone} />}
        </Show>
      </section>

      <section class="card" aria-labelledby="payments-heading">
        <h2 id="payments-heading">{t("admin.member.paymentsHeading")}</h2>
        <Show when={d().payments.length > 0} fallback={<p>{t("admin.member.noPayments")}</p>}>
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t("admin.member.paidOn")}</th>
                  <th scope="col">{t("admin.member.amount")}</th>
                  <th scope="col">{t("admin.member.method")}</th>
                  <th scope="col">{t("admin.member.reference")}</th>
                  <th scope="col">{t("admin.member.recordedBy")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={d().payments}>
                  {(payment) => (
                    <tr>
                      <td>{fmt.instant(payment.paidAt)}</td>
                      <td>{fmt.money(payment.amountCents)}</td>
                      <td>
                        {isMethod(payment.method)
                          ? t(`admin.methods.${payment.method}`)
                          : payment.method}
                      </td>
                      <td>{payment.reference || t("common.none")}</td>
                      <td>{payment.recordedByName ?? t("admin.member.system")}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>

      <section class="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t("admin.member.historyHeading")}</h2>
        <Show when={d().events.length > 0} fallback={<p>{t("admin.member.noHistory")}</p>}>
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t("admin.member.at")}</th>
                  <th scope="col">{t("admin.member.event")}</th>
                  <th scope="col">{t("admin.member.by")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={d().events}>
                  {(event) => (
                    <tr>
                      <td class="nowrap">{fmt.instant(event.at)}</td>
                      <td>
                        {isEventKind(event.kind) ? t(`admin.events.${event.kind}`) : event.kind}
                        <Show when={eventDetail(event)}>
                          {(detail) => <span class="event-detail">{detail()}</span>}
                        </Show>
                      </td>
                      <td>{event.actorName ?? t("admin.member.system")}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
    </>
  );
};

const MemberDetailContent: Component<{ onTitle: (title: string | undefined) => void }> = (
  props,
) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const params = useParams<{ id: string }>();
  const [detail, { refetch }] = createResource(
    () => params.id,
    (memberId) => trpc.memberships.get.query({ memberId }),
  );
  const [done, setDone] = createSignal<string>();
  createEffect(
    on(
      // An errored resource throws when read.
      () => (detail.error ? undefined : detail.latest),
      (current) =>
        props.onTitle(current && `${current.member.firstName} ${current.member.lastName}`),
    ),
  );

  async function changed(message: string) {
    await refetch();
    setDone(message);
  }

  return (
    <>
      <p>
        <A href="/admin/members">{t("admin.member.back")}</A>
      </p>
      <Show when={done()}>
        {(text) => (
          <SuccessNotice>
            <p>{text()}</p>
          </SuccessNotice>
        )}
      </Show>
      <Switch>
        <Match when={detail.error}>
          <ErrorNotice onRetry={() => void refetch()}>
            {t("admin.member.loadFailed")} {fmt.error(detail.error)}
          </ErrorNotice>
        </Match>
        <Match when={!detail.latest}>
          <Loading />
        </Match>
        <Match when={detail.latest}>
          {(current) => (
            <MemberDetail detail={current()} onDone={(message) => void changed(message)} />
          )}
        </Match>
      </Switch>
    </>
  );
};

export const MemberDetailPage: Component = () => {
  const { t } = useI18n();
  const [name, setName] = createSignal<string>();
  return (
    <Page title={name() ?? t("admin.member.title")}>
      <Guard action="memberships.get">
        <MemberDetailContent onTitle={setName} />
      </Guard>
    </Page>
  );
};
