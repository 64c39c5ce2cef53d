// Create an account: name, e-mail, password (10–128 characters) typed twice.
import { A, Navigate, useNavigate } from "@solidjs/router";
import { type Component, createSignal, Show } from "solid-js";
import { Field } from "../components/field.tsx";
import { createFormState } from "../components/form.ts";
import { Page } from "../components/page.tsx";
import { ErrorNotice } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import { auth } from "../lib/auth.ts";
import { authErrorKey } from "../lib/errors.ts";
import {
  checkConfirmation,
  checkEmail,
  checkName,
  checkNewPassword,
  PASSWORD_MIN_LENGTH,
} from "../lib/validation.ts";
import { useSession } from "../session.tsx";

type SignUpField = "name" | "email" | "password" | "confirm";

export const SignUpPage: Component = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const navigate = useNavigate();
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [confirm, setConfirm] = createSignal("");
  const form = createFormState<SignUpField>({
    name: () => checkName(name()),
    email: () => checkEmail(email()),
    password: () => checkNewPassword(password()),
    confirm: () => checkConfirmation(password(), confirm()),
  });
  const message = (field: SignUpField) => {
    const problem = form.error(field);
    return problem && t(problem.key, problem.params);
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (form.busy() || !form.validate()) return;
    form.setBusy(true);
    const result = await auth.signUp({
      name: name().trim(),
      email: email().trim(),
      password: password(),
      // E-mails (welcome, reset) go out in the language the account was created in.
      locale: i18n.locale(),
    });
    if (!result.ok) {
      form.setBusy(false);
      form.setFailure({ key: authErrorKey(result.failure) });
      return;
    }
    // The server signs the new account in straight away.
    await session.refresh();
    form.setBusy(false);
    navigate("/", { replace: true });
  }

  return (
    <Page title={t("signUp.title")} class="page--narrow">
      <Show when={session.account() && !form.busy()}>
        <Navigate href="/" />
      </Show>
      <p>{t("signUp.intro")}</p>
      <form class="form" novalidate onSubmit={submit}>
        <Show when={form.failure()}>
          {(failure) => <ErrorNotice>{t(failure().key, failure().params)}</ErrorNotice>}
        </Show>
        <Field
          id="name"
          label={t("signUp.name")}
          hint={t("signUp.nameHint")}
          autocomplete="name"
          value={name()}
          onInput={setName}
          error={message("name")}
          ref={form.register("name")}
        />
        <Field
          id="email"
          label={t("signUp.email")}
          type="email"
          autocomplete="email"
          value={email()}
          onInput={setEmail}
          error={message("email")}
          ref={form.register("email")}
        />
        <Field
          id="password"
          label={t("signUp.password")}
          hint={t("signUp.passwordHint", { min: PASSWORD_MIN_LENGTH })}
          type="password"
          autocomplete="new-password"
          value={password()}
          onInput={setPassword}
          error={message("password")}
          ref={form.register("password")}
        />
        <Field
          id="confirm"
          label={t("signUp.confirm")}
          type="password"
          autocomplete="new-password"
          value={confirm()}
          onInput={setConfirm}
          error={message("confirm")}
          ref={form.register("confirm")}
        />
        <button type="submit" class="button" disabled={form.busy()}>
          {form.busy() ? t("signUp.submitting") : t("signUp.submit")}
        </button>
      </form>
      <p>
        {t("signUp.haveAccount")} <A href="/sign-in">{t("signUp.signIn")}</A>
      </p>
    </Page>
  );
};
