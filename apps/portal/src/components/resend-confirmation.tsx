// A button that sends the e-mail confirmation link again, for accounts whose address is not
// confirmed yet (the profile, and an application refused with EMAIL_UNVERIFIED).
import { type Component, createSignal, Show } from "solid-js";
import { useI18n } from "../i18n/index.ts";
import { auth } from "../lib/auth.ts";
import { authErrorKey } from "../lib/errors.ts";
import { ErrorNotice, SuccessNotice } from "./status.tsx";

export const ResendConfirmation: Component<{ email: string }> = (props) => {
  const { t } = useI18n();
  const [busy, setBusy] = createSignal(false);
  const [sent, setSent] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();

  async function resend() {
    setBusy(true);
    setSent(false);
    setFailure(undefined);
    const result = await auth.sendVerificationEmail(props.email);
    setBusy(false);
    if (result.ok) setSent(true);
    else setFailure(t(authErrorKey(result.failure)));
  }

  return (
    <div class="resend-confirmation">
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <Show when={sent()}>
        <SuccessNotice>
          <p>{t("emailConfirmation.sent", { email: props.email })}</p>
        </SuccessNotice>
      </Show>
      <button
        type="button"
        class="button button--secondary"
        disabled={busy()}
        onClick={() => void resend()}
      >
        {busy() ? t("emailConfirmation.sending") : t("emailConfirmation.resend")}
      </button>
    </div>
  );
};
