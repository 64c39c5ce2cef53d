// Ask for a password-reset link. The answer never says whether the address has an account.
import { A } from "@solidjs/router";
import { type Component, createSignal, Show } from "solid-js";
import { Field } from "../components/field.tsx";
import { createFormState } from "../components/form.ts";
import { Page } from "../components/page.tsx";
import { ErrorNotice, SuccessNotice } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import { auth } from "../lib/auth.ts";
import { authErrorKey } from "../lib/errors.ts";
import { checkEmail } from "../lib/validation.ts";

export const ForgotPasswordPage: Component = () => {
  const { t } = useI18n();
  const [email, setEmail] = createSignal("");
  const [sentTo, setSentTo] = createSignal<string>();
  const form = createFormState({ email: () => checkEmail(email()) });
  const message = () => {
    const problem = form.error("email");
    return problem && t(problem.key, problem.params);
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (form.busy() || !form.validate()) return;
    form.setBusy(true);
    const address = email().trim();
    const result = await auth.requestPasswordReset(address);
    form.setBusy(false);
    if (!result.ok) {
      form.setFailure({ key: authErrorKey(result.failure) });
      return;
    }
    setSentTo(address);
  }

  return (
    <Page title={t("forgot.title")} class="page--narrow">
      <Show
        when={sentTo()}
        fallback={
          <>
            <p>{t("forgot.intro")}</p>
            <form class="form" novalidate onSubmit={submit}>
              <Show when={form.failure()}>
                {(failure) => <ErrorNotice>{t(failure().key, failure().params)}</ErrorNotice>}
              </Show>
              <Field
                id="email"
                label={t("forgot.email")}
                type="email"
                autocomplete="email"
                value={email()}
                onInput={setEmail}
                error={message()}
                ref={form.register("email")}
              />
              <button type="submit" class="button" disabled={form.busy()}>
                {form.busy() ? t("forgot.submitting") : t("forgot.submit")}
              </button>
            </form>
          </>
        }
      >
        {(address) => (
          <SuccessNotice>
            <p>{t("forgot.sent", { email: address() })}</p>
          </SuccessNotice>
        )}
      </Show>
      <p>
        <A href="/sign-in">{t("forgot.backToSignIn")}</A>
      </p>
    </Page>
  );
};
