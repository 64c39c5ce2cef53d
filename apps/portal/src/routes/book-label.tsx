// A shelf copy's label, laid out to print (the site's chrome is hidden on paper): the
// Code 128 barcode the kiosk's scanner reads, the code a volunteer can type, the title and
// the shelf. For officers.
import { A, useParams } from "@solidjs/router";
import { type Component, createResource, Match, Show, Switch } from "solid-js";
import { Guard } from "../components/guard.tsx";
import { Page } from "../components/page.tsx";
import { ErrorNotice, Loading } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import { useFormat } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";

const LabelContent: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const params = useParams<{ copyId: string }>();
  const [label, { refetch }] = createResource(
    () => params.copyId,
    (copyId) => trpc.books.label.query({ copyId }),
  );
  return (
    <Switch>
      <Match when={label.error}>
        <ErrorNotice onRetry={() => void refetch()}>{fmt.error(label.error)}</ErrorNotice>
      </Match>
      <Match when={!label.latest}>
        <Loading />
      </Match>
      <Match when={label.latest}>
        {(current) => (
          <>
            <article class="shelf-label" aria-labelledby="shelf-label-title">
              <p id="shelf-label-title" class="shelf-label__title">
                {current().title}
              </p>
              <Show when={current().location}>
                {(location) => <p class="shelf-label__location">{location()}</p>}
              </Show>
              {/* Drawn by the API (bwip-js) from the copy's code, which it prints under the
                  bars for a volunteer to type: ours, not user input. */}
              <div
                class="shelf-label__barcode"
                role="img"
                aria-label={t("label.barcode", { code: current().code })}
                innerHTML={current().svg}
              />
            </article>
            <p class="no-print">{t("label.hint")}</p>
            <p class="actions no-print">
              <button type="button" class="button" onClick={() => window.print()}>
                {t("label.print")}
              </button>
              <A class="button button--secondary" href="/books/mine">
                {t("label.back")}
              </A>
            </p>
          </>
        )}
      </Match>
    </Switch>
  );
};

export const BookLabelPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("label.title")} class="page--label">
      <Guard action="books.label">
        <LabelContent />
      </Guard>
    </Page>
  );
};
