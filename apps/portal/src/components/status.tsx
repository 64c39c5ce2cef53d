// Shared loading, error and notice blocks, so every page says the same thing the same way.
import { type Component, type ParentComponent, Show } from "solid-js";
import { useI18n } from "../i18n/index.ts";

export const Loading: Component = () => {
  const { t } = useI18n();
  return (
    <p class="notice notice--loading" role="status">
      {t("common.loading")}
    </p>
  );
};

/** An error the reader should notice now; with `onRetry`, a button to try again. */
export const ErrorNotice: ParentComponent<{ onRetry?: () => void }> = (props) => {
  const { t } = useI18n();
  return (
    <div class="notice notice--error" role="alert">
      <p>{props.children}</p>
      <Show when={props.onRetry}>
        {(retry) => (
          <button type="button" class="button button--secondary" onClick={() => retry()()}>
            {t("common.retry")}
          </button>
        )}
      </Show>
    </div>
  );
};

/** A success or information message, announced politely. */
export const SuccessNotice: ParentComponent = (props) => (
  <div class="notice notice--success" role="status">
    {props.children}
  </div>
);
