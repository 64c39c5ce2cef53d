// The reader's own profile: account name and language, member details, a copy of their
// data, and deleting the account.

import { isLocale, LOCALE_NAMES, LOCALES } from "@readers/ui";
import { A, useNavigate } from "@solidjs/router";
import { type Component, createSignal, Show } from "solid-js";
import { Field, SelectField } from "../components/field.tsx";
import { createFormState } from "../components/form.ts";
import { Guard } from "../components/guard.tsx";
import { createMemberDetails, MemberDetailsFields } from "../components/member-details.tsx";
import { Page } from "../components/page.tsx";
import { ResendConfirmation } from "../components/resend-confirmation.tsx";
import { ErrorNotice, SuccessNotice } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import { auth } from "../lib/auth.ts";
import { downloadFile } from "../lib/download.ts";
import { authErrorKey } from "../lib/errors.ts";
import { useFormat } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";
import { checkEmail, checkName } from "../lib/validation.ts";
import { type Account, type MemberRecord, useSession } from "../session.tsx";

/** Where deleting an account lands: home, with a confirmation. */
export const ACCOUNT_DELETED_PATH = "/?accountDeleted=1";

type ProfileField = "name" | "firstName" | "lastName" | "phone";

const ProfileForm: Component<{ account: Account; member: MemberRecord | null }> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  const [name, setName] = createSignal(props.account.name);
  const [saved, setSaved] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const hasMember = () => props.member !== null;
  // Asked only of members: an account without a member record has only its name here.
  const details = createMemberDetails(
    {
      firstName: props.member?.firstName ?? "",
      lastName: props.member?.lastName ?? "",
      phone: props.member?.phone,
      directoryConsent: props.member?.directoryConsent,
    },
    hasMember,
  );
  const form = createFormState<ProfileField>({
    name: () => checkName(name()),
    ...details.checks,
  });
  const message = (field: ProfileField) => {
    const problem = form.error(field);
    return problem && t(problem.key, problem.params);
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setSaved(false);
    if (form.busy() || !form.validate()) return;
    form.setBusy(true);
    setFailure(undefined);
    try {
      await trpc.me.updateProfile.mutate({
        name: name().trim(),
        member: hasMember() ? details.input() : undefined,
      });
      await session.refresh();
      setSaved(true);
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      form.setBusy(false);
    }
  }

  return (
    <form class="form" novalidate onSubmit={submit}>
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <section class="card" aria-labelledby="account-heading">
        <h2 id="account-heading">{t("profile.accountHeading")}</h2>
        <Field
          id="name"
          label={t("profile.name")}
          hint={t("profile.nameHint")}
          autocomplete="name"
          value={name()}
          onInput={setName}
          error={message("name")}
          ref={form.register("name")}
        />
        <dl class="facts">
          <div>
            <dt>{t("profile.email")}</dt>
            <dd>{props.account.email}</dd>
          </div>
          <div>
            <dt>{t("profile.emailConfirmation")}</dt>
            <dd>
              {props.account.emailVerified
                ? t("profile.emailConfirmed")
                : t("profile.emailNotConfirmed")}
            </dd>
          </div>
        </dl>
        <Show when={!props.account.emailVerified}>
          <ResendConfirmation email={props.account.email} />
        </Show>
      </section>
      <section class="card" aria-labelledby="member-heading">
        <h2 id="member-heading">{t("profile.memberHeading")}</h2>
        <Show
          when={props.member}
          fallback={
            <p>
              {t("profile.notMember")} <A href="/membership">{t("profile.applyLink")}</A>
            </p>
          }
        >
          {(member) => (
            <>
              <dl class="facts">
                <div>
                  <dt>{t("profile.memberNumber")}</dt>
                  <dd>{member().memberNumberFormatted}</dd>
                </div>
              </dl>
              <MemberDetailsFields details={details} message={message} register={form.register} />
            </>
          )}
        </Show>
      </section>
      <Show when={saved()}>
        <SuccessNotice>
          <p>{t("common.saved")}</p>
        </SuccessNotice>
      </Show>
      <div>
        <button type="submit" class="button" disabled={form.busy()}>
          {form.busy() ? t("common.saving") : t("profile.save")}
        </button>
      </div>
    </form>
  );
};

const LanguageSection: Component = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  return (
    <section class="card" aria-labelledby="language-heading">
      <h2 id="language-heading">{t("layout.language")}</h2>
      <SelectField
        id="locale"
        label={t("profile.language")}
        hint={t("profile.languageHint")}
        value={i18n.locale()}
        options={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
        onChange={(value) => {
          if (isLocale(value)) session.changeLocale(value);
        }}
      />
    </section>
  );
};

const DataSection: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();

  async function download() {
    setBusy(true);
    setFailure(undefined);
    try {
      const data = await trpc.me.exportData.query();
      downloadFile("readers-my-data.json", JSON.stringify(data, null, 2), "application/json");
    } catch (error) {
      setFailure(`${t("profile.downloadFailed")} ${fmt.error(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="data-heading">
      <h2 id="data-heading">{t("profile.dataHeading")}</h2>
      <p>{t("profile.dataIntro")}</p>
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <button
        type="button"
        class="button button--secondary"
        disabled={busy()}
        onClick={() => void download()}
      >
        {busy() ? t("profile.downloading") : t("profile.download")}
      </button>
    </section>
  );
};

const DeleteSection: Component<{ account: Account }> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  const navigate = useNavigate();
  const [confirmEmail, setConfirmEmail] = createSignal("");
  const [failure, setFailure] = createSignal<string>();
  const matches = () => confirmEmail().trim().toLowerCase() === props.account.email.toLowerCase();
  const form = createFormState({
    confirmEmail: () => (matches() ? undefined : { key: "validation.confirmEmailMismatch" }),
  });
  const message = () => {
    const problem = form.error("confirmEmail");
    return problem && t(problem.key, problem.params);
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (form.busy() || !form.validate()) return;
    form.setBusy(true);
    setFailure(undefined);
    try {
      await trpc.me.deleteAccount.mutate({ confirmEmail: confirmEmail().trim() });
    } catch (error) {
      form.setBusy(false);
      setFailure(fmt.error(error));
      return;
    }
    // The session went with the account.
    await session.refresh();
    navigate(ACCOUNT_DELETED_PATH, { replace: true });
  }

  return (
    <section class="card card--danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t("profile.deleteHeading")}</h2>
      <p>{t("profile.deleteIntro")}</p>
      <form class="form" novalidate onSubmit={submit}>
        <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
        <Field
          id="confirmEmail"
          label={t("profile.confirmEmail")}
          hint={t("profile.confirmEmailHint", { email: props.account.email })}
          type="email"
          autocomplete="off"
          value={confirmEmail()}
          onInput={setConfirmEmail}
          error={message()}
          ref={form.register("confirmEmail")}
        />
        <div>
          <button type="submit" class="button button--danger" disabled={form.busy()}>
            {form.busy() ? t("profile.deleting") : t("profile.delete")}
          </button>
        </div>
      </form>
    </section>
  );
};

/** Change of address: confirmed by a link sent to the new address before anything changes. */
const ChangeEmailSection: Component<{ account: Account }> = (props) => {
  const { t } = useI18n();
  const [email, setEmail] = createSignal("");
  const [sentTo, setSentTo] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();
  const form = createFormState<"newEmail">({ newEmail: () => checkEmail(email()) });
  const message = () => {
    const problem = form.error("newEmail");
    return problem && t(problem.key, problem.params);
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setSentTo(undefined);
    setFailure(undefined);
    if (form.busy() || !form.validate()) return;
    const newEmail = email().trim().toLowerCase();
    if (newEmail === props.account.email) {
      setFailure(t("profile.changeEmailSame"));
      return;
    }
    form.setBusy(true);
    const result = await auth.changeEmail(newEmail);
    form.setBusy(false);
    if (result.ok) setSentTo(newEmail);
    else setFailure(t(authErrorKey(result.failure)));
  }

  return (
    <section class="card" aria-labelledby="change-email-heading">
      <h2 id="change-email-heading">{t("profile.changeEmailHeading")}</h2>
      <p>{t("profile.changeEmailIntro")}</p>
      <form class="form" novalidate onSubmit={submit}>
        <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
        <Show when={sentTo()}>
          {(to) => (
            <SuccessNotice>
              <p>{t("profile.changeEmailSent", { email: to() })}</p>
            </SuccessNotice>
          )}
        </Show>
        <Field
          id="new-email"
          label={t("profile.newEmail")}
          type="email"
          autocomplete="email"
          value={email()}
          onInput={setEmail}
          error={message()}
          ref={form.register("newEmail")}
        />
        <button type="submit" class="button" disabled={form.busy()}>
          {form.busy() ? t("profile.changeEmailSending") : t("profile.changeEmail")}
        </button>
      </form>
    </section>
  );
};

const ProfileContent: Component = () => {
  const session = useSession();
  return (
    <Show when={session.account()}>
      {(account) => (
        <>
          <ProfileForm account={account()} member={session.member()} />
          <ChangeEmailSection account={account()} />
          <LanguageSection />
          <DataSection />
          <DeleteSection account={account()} />
        </>
      )}
    </Show>
  );
};

export const ProfilePage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("profile.title")}>
      <Guard>
        <ProfileContent />
      </Guard>
    </Page>
  );
};
