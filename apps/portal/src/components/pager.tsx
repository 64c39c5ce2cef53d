// "Page x of y" with previous/next buttons, in its own labelled navigation landmark.
import { type Component, Show } from "solid-js";
import { useI18n } from "../i18n/index.ts";

export const Pager: Component<{
  page: number;
  pages: number;
  onPage: (page: number) => void;
  /** Accessible name of the landmark, when a page has more than one pager. */
  label?: string;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Show when={props.pages > 1}>
      <nav class="pager" aria-label={props.label ?? t("common.pagination")}>
        <button
          type="button"
          class="button button--secondary button--small"
          disabled={props.page <= 1}
          onClick={() => props.onPage(props.page - 1)}
        >
          {t("common.previous")}
        </button>
        <span aria-live="polite">
          {t("common.pageOf", {
            page: i18n.formatNumber(props.page),
            pages: i18n.formatNumber(props.pages),
          })}
        </span>
        <button
          type="button"
          class="button button--secondary button--small"
          disabled={props.page >= props.pages}
          onClick={() => props.onPage(props.page + 1)}
        >
          {t("common.next")}
        </button>
      </nav>
    </Show>
  );
};
