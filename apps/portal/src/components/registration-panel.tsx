// The registration block of an activity page: the reader's own registration (status, place
// on the waitlist, cancel with a warning when it would be late), or the way to register —
// as a member with a party, for a whole series, or as a guest with name and e-mail — or why
// not (members only, not open yet, walk-in only, …).
import { GuestSchema, type MembershipStatus } from "@readers/domain";
import { ConfirmDialog } from "@readers/ui";
import { A } from "@solidjs/router";
import {
  type Component,
  createMemo,
  createSignal,
  Match,
  type ParentComponent,
  Show,
  Switch,
} from "solid-js";
import { useI18n } from "../i18n/index.ts";
import {
  type ActivityDetail,
  cancellationNotice,
  partySizeLimit,
  type RegistrationView,
  registrationPreview,
} from "../lib/activities.ts";
import { domainMessageKey } from "../lib/errors.ts";
import { useFormat } from "../lib/format.ts";
import { panelState } from "../lib/registration-panel.ts";
import { trpc } from "../lib/trpc.ts";
import { checkEmail, checkName } from "../lib/validation.ts";
import { useSession } from "../session.tsx";
import { CopyButton } from "./copy-button.tsx";
import { Field, SelectField } from "./field.tsx";
import { createFormState } from "./form.ts";
import { ErrorNotice, SuccessNotice } from "./status.tsx";

type RegisterResult = Awaited<ReturnType<typeof trpc.registrations.register.mutate>>;

/** "Party size": 1 … the activity's limit; nothing to choose when the limit is 1. */
const PartySize: Component<{
  detail: ActivityDetail;
  value: number;
  onChange: (n: number) => void;
  id: string;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const limit = () => partySizeLimit(props.detail);
  return (
    <Show when={limit() > 1}>
      <SelectField
        id={props.id}
        label={t("register.partySize")}
        hint={i18n.plural(t("register.partySizeHint"), limit() - 1)}
        value={String(props.value)}
        options={Array.from({ length: limit() }, (_, index) => ({
          value: String(index + 1),
          label: i18n.plural(t("register.people"), index + 1),
        }))}
        onChange={(value) => props.onChange(Number(value))}
      />
    </Show>
  );
};

/** What registering now would do, before the reader clicks. */
const Preview: Component<{
  detail: ActivityDetail;
  applicant: Parameters<typeof registrationPreview>[1];
  partySize: number;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const preview = () =>
    registrationPreview(props.detail, props.applicant, props.partySize, new Date());
  const refusedCode = () => {
    const current = preview();
    return current.kind === "refused" ? current.code : undefined;
  };
  return (
    <p class="register-preview">
      <Switch>
        <Match when={preview().kind === "confirmed"}>{t("register.previewConfirmed")}</Match>
        <Match
          when={preview().kind === "waitlisted" && props.detail.myStanding?.noShowPenaltyUntil}
        >
          {(until) => t("register.previewPenalty", { date: fmt.instant(until()) })}
        </Match>
        <Match when={preview().kind === "waitlisted" && props.detail.waitlistCount === 0}>
          {t("register.previewWaitlistFirst")}
        </Match>
        <Match when={preview().kind === "waitlisted"}>
          {i18n.plural(t("register.previewWaitlist"), props.detail.waitlistCount)}
        </Match>
        <Match when={refusedCode()}>{(code) => t(domainMessageKey(code()))}</Match>
      </Switch>
    </p>
  );
};

/** A member's registration: party, the register button and, for a series, all sessions at once. */
const MemberRegistration: Component<{
  detail: ActivityDetail;
  status: MembershipStatus;
  onDone: (message: string) => void;
}> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [partySize, setPartySize] = createSignal(1);
  const [busy, setBusy] = createSignal<"one" | "series">();
  const [failure, setFailure] = createSignal<string>();
  const applicant = () => ({
    kind: "member" as const,
    membershipStatus: props.status,
    noShowPenaltyUntil: props.detail.myStanding?.noShowPenaltyUntil ?? null,
  });

  async function register() {
    setBusy("one");
    setFailure(undefined);
    try {
      const result = await trpc.registrations.register.mutate({
        activityId: props.detail.id,
        partySize: partySize(),
      });
      props.onDone(registeredMessage(result));
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      setBusy(undefined);
    }
  }

  const i18n = useI18n();
  function registeredMessage(result: RegisterResult): string {
    const reg = result.registration;
    if (reg.status === "confirmed") return t("register.doneConfirmed");
    return result.waitlistReason === "no_show_penalty"
      ? t("register.doneWaitlistPenalty", {
          position: i18n.formatNumber(reg.waitlistPosition ?? 0),
        })
      : t("register.doneWaitlist", { position: i18n.formatNumber(reg.waitlistPosition ?? 0) });
  }

  async function registerSeries() {
    const seriesId = props.detail.seriesId;
    if (!seriesId) return;
    setBusy("series");
    setFailure(undefined);
    try {
      const result = await trpc.registrations.registerSeries.mutate({
        seriesId,
        partySize: partySize(),
      });
      const waitlisted = result.registrations.filter((r) => r.status === "waitlisted").length;
      props.onDone(
        [
          i18n.plural(t("register.seriesDone"), result.registrations.length),
          waitlisted > 0 ? i18n.plural(t("register.seriesWaitlisted"), waitlisted) : "",
          result.skipped.length > 0
            ? i18n.plural(t("register.seriesSkipped"), result.skipped.length)
            : "",
        ]
          .filter(Boolean)
          .join(" "),
      );
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <form
      class="form register-form"
      novalidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy()) void register();
      }}
    >
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <PartySize
        id="party-size"
        detail={props.detail}
        value={partySize()}
        onChange={setPartySize}
      />
      <Preview detail={props.detail} applicant={applicant()} partySize={partySize()} />
      <p class="actions">
        <button type="submit" class="button" disabled={Boolean(busy())}>
          {busy() === "one" ? t("register.registering") : t("register.register")}
        </button>
        <Show when={props.detail.series}>
          <button
            type="button"
            class="button button--secondary"
            disabled={Boolean(busy())}
            aria-describedby="series-hint"
            onClick={() => void registerSeries()}
          >
            {busy() === "series" ? t("register.registering") : t("register.registerSeries")}
          </button>
        </Show>
      </p>
      <Show when={props.detail.series}>
        {(series) => (
          <p id="series-hint" class="field__hint">
            {t("register.seriesHint", { title: series().title })}
          </p>
        )}
      </Show>
    </form>
  );
};

/** A guest of a public activity: name, e-mail and party; the manage link once registered. */
const GuestRegistration: Component<{
  detail: ActivityDetail;
  signedIn: boolean;
  onRegistered: (result: RegisterResult) => void;
}> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  const [name, setName] = createSignal(session.account()?.name ?? "");
  const [email, setEmail] = createSignal(session.account()?.email ?? "");
  const [partySize, setPartySize] = createSignal(1);
  const [failure, setFailure] = createSignal<string>();
  const form = createFormState({
    name: () => checkName(name()),
    email: () => checkEmail(email()),
  });
  const message = (field: "name" | "email") => {
    const problem = form.error(field);
    return problem && t(problem.key, problem.params);
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (form.busy() || !form.validate()) return;
    const guest = GuestSchema.safeParse({ name: name(), email: email() });
    if (!guest.success) return;
    form.setBusy(true);
    setFailure(undefined);
    try {
      const result = await trpc.registrations.register.mutate({
        activityId: props.detail.id,
        partySize: partySize(),
        guest: guest.data,
      });
      props.onRegistered(result);
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      form.setBusy(false);
    }
  }

  return (
    <form class="form register-form" novalidate onSubmit={submit}>
      <p>{props.signedIn ? t("register.guestIntroSignedIn") : t("register.guestIntro")}</p>
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <Field
        id="guest-name"
        label={t("register.yourName")}
        autocomplete="name"
        value={name()}
        onInput={setName}
        onBlur={() => form.touch("name")}
        error={message("name")}
        ref={form.register("name")}
      />
      <Field
        id="guest-email"
        label={t("register.email")}
        hint={t("register.emailHint")}
        type="email"
        autocomplete="email"
        value={email()}
        onInput={setEmail}
        onBlur={() => form.touch("email")}
        error={message("email")}
        ref={form.register("email")}
      />
      <PartySize
        id="guest-party-size"
        detail={props.detail}
        value={partySize()}
        onChange={setPartySize}
      />
      <Preview detail={props.detail} applicant={{ kind: "guest" }} partySize={partySize()} />
      <p class="field__hint">{t("register.consent")}</p>
      <p class="actions">
        <button type="submit" class="button" disabled={form.busy()}>
          {form.busy() ? t("register.registering") : t("register.register")}
        </button>
      </p>
      <Show when={props.signedIn}>
        <p>
          <A href="/membership">{t("register.becomeMember")}</A>
        </p>
      </Show>
    </form>
  );
};

/** Shown once after a guest registers: the status and the link to manage it. */
export const GuestResult: Component<{ result: RegisterResult }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const reg = () => props.result.registration;
  return (
    <SuccessNotice>
      <p>
        {reg().status === "confirmed"
          ? t("register.doneConfirmed")
          : t("register.doneWaitlist", {
              position: i18n.formatNumber(reg().waitlistPosition ?? 0),
            })}
      </p>
      <Show when={props.result.manageUrl}>
        {(url) => (
          <>
            <p id="manage-link-note">{t("register.manageLinkOnce")}</p>
            <p class="manage-link">
              <a href={url()}>{url()}</a> <CopyButton text={url()} describedBy="manage-link-note" />
            </p>
          </>
        )}
      </Show>
    </SuccessNotice>
  );
};

/** The reader's registration: its state in words. */
export const RegistrationStatusText: Component<{ registration: RegistrationView }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const reg = () => props.registration;
  return (
    <Switch>
      <Match when={reg().checkedInAt}>{t("register.statusAttended")}</Match>
      <Match when={reg().status === "confirmed"}>
        {i18n.plural(t("register.statusConfirmed"), reg().partySize)}
      </Match>
      <Match when={reg().status === "waitlisted"}>
        {t("register.statusWaitlisted", {
          position: i18n.formatNumber(reg().waitlistPosition ?? 0),
        })}
      </Match>
      <Match when={reg().status === "cancelled"}>
        {reg().lateCancellation ? t("register.statusLate") : t("register.statusCancelled")}
      </Match>
    </Switch>
  );
};

/**
 * "Cancel registration" with an "are you sure?" that says whether it is late, decided with
 * the domain's rule when the dialog opens (its body is built then), not when the page loaded.
 */
export const CancelRegistration: Component<{
  activity: Parameters<typeof cancellationNotice>[0];
  registration: RegistrationView;
  /** Guests prove the registration is theirs with the manage link's token. */
  manageToken?: string;
  onCancelled: (late: boolean) => void;
}> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [failure, setFailure] = createSignal<string>();
  // Re-read whenever the activity is refreshed (every few seconds on the activity page).
  const refusal = createMemo(() => {
    const notice = cancellationNotice(props.activity, props.registration, new Date());
    return notice.kind === "refused" ? notice.code : undefined;
  });

  async function cancel(): Promise<boolean> {
    setFailure(undefined);
    try {
      const result = await trpc.registrations.cancel.mutate({
        registrationId: props.registration.id,
        manageToken: props.manageToken,
      });
      props.onCancelled(result.registration.lateCancellation);
      return true;
    } catch (error) {
      setFailure(fmt.error(error));
      return false;
    }
  }

  return (
    <Show when={!refusal()} fallback={<p>{t(domainMessageKey(refusal() ?? ""))}</p>}>
      <ConfirmDialog
        trigger={t("register.cancel")}
        triggerClass="button button--secondary button--danger-outline"
        title={t("register.cancelTitle")}
        confirm={t("register.cancelConfirm")}
        cancel={t("register.keep")}
        busyLabel={t("register.cancelling")}
        danger
        onConfirm={cancel}
      >
        <CancelExplanation
          notice={cancellationNotice(props.activity, props.registration, new Date())}
        />
        <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      </ConfirmDialog>
    </Show>
  );
};

const CancelExplanation: Component<{ notice: ReturnType<typeof cancellationNotice> }> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  return (
    <Switch>
      <Match when={props.notice.kind === "late" && props.notice}>
        {(late) => (
          <p class="late-warning">
            <strong>{t("register.lateWarningTitle")}</strong>{" "}
            {t("register.lateWarning", {
              cutoff: fmt.instant((late() as { cutoff: Date }).cutoff),
            })}
          </p>
        )}
      </Match>
      <Match when={props.notice.kind === "free" && props.notice}>
        {(free) => (
          <p>
            {t("register.freeCancel", { cutoff: fmt.instant((free() as { cutoff: Date }).cutoff) })}
          </p>
        )}
      </Match>
      <Match when={props.notice.kind === "waitlist"}>
        <p>{t("register.waitlistCancel")}</p>
      </Match>
    </Switch>
  );
};

const Explain: ParentComponent = (props) => <p class="register-state">{props.children}</p>;

export const RegistrationPanel: Component<{
  detail: ActivityDetail;
  onChanged: () => void;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const session = useSession();
  const state = () => panelState(props.detail, Boolean(session.account()));
  const [done, setDone] = createSignal<string>();
  const [guestResult, setGuestResult] = createSignal<RegisterResult>();

  const next = () => encodeURIComponent(`/activities/${props.detail.id}`);

  return (
    <section class="card registration-panel" aria-labelledby="registration-heading">
      <h2 id="registration-heading">{t("register.heading")}</h2>
      <Show when={done()}>
        {(text) => (
          <SuccessNotice>
            <p>{text()}</p>
          </SuccessNotice>
        )}
      </Show>
      <Show
        when={guestResult()}
        fallback={
          <Switch>
            <Match when={state().kind === "registered" && props.detail.myRegistration}>
              {(reg) => (
                <>
                  <p class="register-state">
                    <RegistrationStatusText registration={reg()} />
                  </p>
                  <CancelRegistration
                    activity={props.detail}
                    registration={reg()}
                    onCancelled={(late) => {
                      setDone(late ? t("register.cancelledLate") : t("register.cancelled"));
                      props.onChanged();
                    }}
                  />
                </>
              )}
            </Match>
            <Match when={state().kind === "draft"}>
              <Explain>{t("register.stateDraft")}</Explain>
            </Match>
            <Match when={state().kind === "cancelled"}>
              <Explain>{t("register.stateCancelled")}</Explain>
            </Match>
            <Match when={state().kind === "ended"}>
              <Explain>{t("register.stateEnded")}</Explain>
            </Match>
            <Match when={state().kind === "walkIn"}>
              <Explain>{t("register.stateWalkIn")}</Explain>
            </Match>
            <Match when={state().kind === "notYetOpen" && props.detail}>
              <Explain>
                {t("register.stateNotYetOpen", {
                  date: fmt.instant(props.detail.opensAt ?? props.detail.startsAt),
                })}
              </Explain>
            </Match>
            <Match when={state().kind === "closed"}>
              <Explain>{t("register.stateClosed")}</Explain>
            </Match>
            <Match when={state().kind === "signInForMembers"}>
              <Explain>
                {t("register.membersOnly")}{" "}
                <A href={`/sign-in?next=${next()}`}>{t("register.signIn")}</A>
              </Explain>
            </Match>
            <Match when={state().kind === "becomeMember"}>
              <Explain>
                {t("register.membersOnly")} <A href="/membership">{t("register.becomeMember")}</A>
              </Explain>
            </Match>
            <Match when={state().kind === "membershipInactive" && state()}>
              {(inactive) => (
                <Explain>
                  {t("register.membershipInactive", {
                    status: t(`status.${(inactive() as { status: MembershipStatus }).status}`),
                  })}{" "}
                  <A href="/membership">{t("register.toMembership")}</A>
                </Explain>
              )}
            </Match>
            <Match when={state().kind === "member" && state()}>
              {(member) => (
                <MemberRegistration
                  detail={props.detail}
                  status={(member() as { status: MembershipStatus }).status}
                  onDone={(message) => {
                    setDone(message);
                    props.onChanged();
                  }}
                />
              )}
            </Match>
            <Match when={state().kind === "guest"}>
              <GuestRegistration
                detail={props.detail}
                signedIn={Boolean(session.account())}
                onRegistered={(result) => {
                  setGuestResult(result);
                  props.onChanged();
                }}
              />
            </Match>
          </Switch>
        }
      >
        {(result) => <GuestResult result={result()} />}
      </Show>
      <Show when={props.detail.audience === "members"}>
        <p class="field__hint">{t("register.membersOnlyNote")}</p>
      </Show>
    </section>
  );
};
