// Sign in with e-mail and password; back to where the reader was going (?next=/path).
import { A, Navigate, useNavigate, useSearchParams } from "@solidjs/router";
import { type Component, createSignal, Show } from "solid-js";
import { Field } from "../components/field.tsx";
import { createFormState } from "../components/form.ts";
import { Page } from "../components/page.tsx";
import { ErrorNotice } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import { auth } from "../lib/auth.ts";
import { authErrorKey } from "../lib/errors.ts";
import { checkEmail, checkPasswordPresent, safeNextPath } from "../lib/validation.ts";
import { useSession } from "../session.tsx";

export const SignInPage: Component = () => {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  const next = () => safeNextPath(params.next);
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const form = createFormState({
    email: () => checkEmail(email()),
    password: () => checkPasswordPresent(password()),
  });
  const message = (field: "email" | "password") => {
    const problem = form.error(field);
    return problem && t(problem.key, problem.params);
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (form.busy() || !form.validate()) return;
    form.setBusy(true);
    const result = await auth.signIn({ email: email().trim(), password: password() });
    if (!result.ok) {
      form.setBusy(false);
      form.setFailure({ key: authErrorKey(result.failure) });
      return;
    }
    await session.refresh();
    form.setBusy(false);
    navigate(next(), { replace: true });
  }

  return (
    <Page title={t("signIn.title")} class="page--narrow">
      {/* Already signed in (e.g. a bookmarked sign-in page): nothing to do here. */}
      <Show when={session.account() && !form.busy()}>
        <Navigate href={next()} />
      </Show>
      <form class="form" novalidate onSubmit={submit}>
        <Show when={form.failure()}>
          {(failure) => <ErrorNotice>{t(failure().key, failure().params)}</ErrorNotice>}
        </Show>
        <Field
          id="email"
          label={t("signIn.email")}
          type="email"
          autocomplete="email"
          value={email()}
          onInput={setEmail}
          error={message("email")}
          ref={form.register("email")}
        />
        <Field
          id="password"
          label={t("signIn.password")}
          type="password"
          autocomplete="current-password"
          value={password()}
          onInput={setPassword}
          error={message("password")}
          ref={form.register("password")}
        />
        <button type="submit" class="button" disabled={form.busy()}>
          {form.busy() ? t("signIn.submitting") : t("signIn.submit")}
        </button>
      </form>
      <p>
        <A href="/forgot-password">{t("signIn.forgot")}</A>
      </p>
      <p>
        {t("signIn.noAccount")} <A href="/sign-up">{t("signIn.createAccount")}</A>
      </p>
    </Page>
  );
};
