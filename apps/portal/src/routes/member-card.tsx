// The member card: name, number, tier, validity and the signed QR code, laid out to print
// (the site's chrome is hidden on paper); and "report lost card", which revokes old codes.
import { ConfirmDialog } from "@readers/ui";
import { A } from "@solidjs/router";
import { type Component, createResource, createSignal, Match, Show, Switch } from "solid-js";
import { Guard } from "../components/guard.tsx";
import { StatusBadge } from "../components/membership-status.tsx";
import { Page } from "../components/page.tsx";
import { ErrorNotice, Loading, SuccessNotice } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import { domainCode } from "../lib/errors.ts";
import { useFormat } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";
import { useSession } from "../session.tsx";

type Card = Awaited<ReturnType<typeof trpc.memberships.card.query>>;

const CardView: Component<{ card: Card }> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  return (
    <article class="member-card" aria-labelledby="member-card-association">
      <p id="member-card-association" class="member-card__association">
        {props.card.association || session.association()?.name}
      </p>
      <dl class="member-card__facts">
        <div>
          <dt>{t("card.memberName")}</dt>
          <dd class="member-card__name">{props.card.name}</dd>
        </div>
        <div>
          <dt>{t("card.number")}</dt>
          <dd class="member-card__number">{props.card.memberNumberFormatted}</dd>
        </div>
        <Show when={props.card.tierName}>
          <div>
            <dt>{t("card.tier")}</dt>
            <dd>{props.card.tierName}</dd>
          </div>
        </Show>
        <div>
          <dt>{t("card.status")}</dt>
          <dd>
            <StatusBadge status={props.card.status} />
          </dd>
        </div>
        <Show when={props.card.endDate}>
          <div>
            <dt>{t("card.validUntil")}</dt>
            <dd>{fmt.date(props.card.endDate)}</dd>
          </div>
        </Show>
      </dl>
      {/* The server draws the QR code; the SVG is ours, not user input. */}
      <div
        class="member-card__qr"
        role="img"
        aria-label={t("card.qrLabel", { number: props.card.memberNumberFormatted })}
        innerHTML={props.card.qrSvg}
      />
    </article>
  );
};

const CardContent: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [card, { refetch }] = createResource(() => trpc.memberships.card.query());
  const [replaced, setReplaced] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();

  async function reportLost(): Promise<boolean> {
    setFailure(undefined);
    try {
      await trpc.memberships.reportLostCard.mutate();
    } catch (error) {
      setFailure(fmt.error(error));
      return false;
    }
    await refetch();
    setReplaced(true);
    return true;
  }

  return (
    <Switch>
      <Match when={domainCode(card.error) === "NOT_A_MEMBER"}>
        <p>{t("card.notMember")}</p>
        <p>
          <A class="button" href="/membership">
            {t("card.applyLink")}
          </A>
        </p>
      </Match>
      <Match when={card.error}>
        <ErrorNotice onRetry={() => void refetch()}>
          {t("card.loadFailed")} {fmt.error(card.error)}
        </ErrorNotice>
      </Match>
      <Match when={card.loading && !card.latest}>
        <Loading />
      </Match>
      <Match when={card.latest}>
        {(current) => (
          <>
            <Show when={replaced()}>
              <SuccessNotice>
                <p>{t("card.replaced")}</p>
              </SuccessNotice>
            </Show>
            <CardView card={current()} />
            <p class="no-print">{t("card.qrHint")}</p>
            <p class="actions no-print">
              <button type="button" class="button" onClick={() => window.print()}>
                {t("card.print")}
              </button>
            </p>
            <section class="card no-print" aria-labelledby="lost-heading">
              <h2 id="lost-heading">{t("card.lostHeading")}</h2>
              <p>{t("card.lostIntro")}</p>
              <ConfirmDialog
                trigger={t("card.reportLost")}
                title={t("card.reportLostTitle")}
                confirm={t("card.reportLostConfirm")}
                cancel={t("common.cancel")}
                busyLabel={t("card.reporting")}
                danger
                onConfirm={reportLost}
              >
                <p>{t("card.reportLostBody")}</p>
                <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
              </ConfirmDialog>
            </section>
          </>
        )}
      </Match>
    </Switch>
  );
};

export const MemberCardPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("card.title")} class="page--card">
      <Guard>
        <CardContent />
      </Guard>
    </Page>
  );
};
