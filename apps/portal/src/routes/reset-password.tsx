// Choose a new password from the e-mailed link: /reset-password?token=… (better-auth sends
// ?error=INVALID_TOKEN instead when the link is unknown or expired).
import { A, useSearchParams } from "@solidjs/router";
import { type Component, createSignal, Match, Show, Switch } from "solid-js";
import { Field } from "../components/field.tsx";
import { createFormState } from "../components/form.ts";
import { Page } from "../components/page.tsx";
import { ErrorNotice, SuccessNotice } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import { auth } from "../lib/auth.ts";
import { authErrorKey } from "../lib/errors.ts";
import { checkConfirmation, checkNewPassword, PASSWORD_MIN_LENGTH } from "../lib/validation.ts";

type ResetField = "password" | "confirm";

export const ResetPasswordPage: Component = () => {
  const { t } = useI18n();
  const [params] = useSearchParams<{ token?: string; error?: string }>();
  const token = () => (params.error ? undefined : params.token);
  const [password, setPassword] = createSignal("");
  const [confirm, setConfirm] = createSignal("");
  const [done, setDone] = createSignal(false);
  const form = createFormState<ResetField>({
    password: () => checkNewPassword(password()),
    confirm: () => checkConfirmation(password(), confirm()),
  });
  const message = (field: ResetField) => {
    const problem = form.error(field);
    return problem && t(problem.key, problem.params);
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const current = token();
    if (!current || form.busy() || !form.validate()) return;
    form.setBusy(true);
    const result = await auth.resetPassword({ newPassword: password(), token: current });
    form.setBusy(false);
    if (!result.ok) {
      form.setFailure({ key: authErrorKey(result.failure) });
      return;
    }
    setDone(true);
  }

  return (
    <Page title={t("reset.title")} class="page--narrow">
      <Switch>
        <Match when={done()}>
          <SuccessNotice>
            <p>{t("reset.done")}</p>
          </SuccessNotice>
          <p>
            <A class="button" href="/sign-in">
              {t("reset.signIn")}
            </A>
          </p>
        </Match>
        <Match when={!token()}>
          <ErrorNotice>{t("reset.invalidLink")}</ErrorNotice>
          <p>
            <A href="/forgot-password">{t("reset.requestNew")}</A>
          </p>
        </Match>
        <Match when={token()}>
          <form class="form" novalidate onSubmit={submit}>
            <Show when={form.failure()}>
              {(failure) => <ErrorNotice>{t(failure().key, failure().params)}</ErrorNotice>}
            </Show>
            <Field
              id="password"
              label={t("reset.password")}
              hint={t("reset.passwordHint", { min: PASSWORD_MIN_LENGTH })}
              type="password"
              autocomplete="new-password"
              value={password()}
              onInput={setPassword}
              error={message("password")}
              ref={form.register("password")}
            />
            <Field
              id="confirm"
              label={t("reset.confirm")}
              type="password"
              autocomplete="new-password"
              value={confirm()}
              onInput={setConfirm}
              error={message("confirm")}
              ref={form.register("confirm")}
            />
            <button type="submit" class="button" disabled={form.busy()}>
              {form.busy() ? t("reset.submitting") : t("reset.submit")}
            </button>
          </form>
          <p>
            <A href="/forgot-password">{t("reset.requestNew")}</A>
          </p>
        </Match>
      </Switch>
    </Page>
  );
};
