// One loan as either party sees it: the book, its state, the other party (with the
// borrower's record of returns for owners deciding), the request's message, due date
// (overdue stands out), when it lapses, the moves the reader's side may make now, and the
// timeline of what happened.
import { LOAN_MESSAGE_MAX_LENGTH } from "@readers/domain";
import { ConfirmDialog } from "@readers/ui";
import { A } from "@solidjs/router";
import { type Component, createSignal, For, Match, Show, Switch } from "solid-js";
import { Dynamic } from "solid-js/web";
import { useI18n } from "../i18n/index.ts";
import {
  type LoanView,
  loanMovesFor,
  MOVE_PROCEDURE,
  type PortalLoanMove,
  type TimelineEvent,
} from "../lib/books.ts";
import { useFormat } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";
import { BookCover } from "./book-cover.tsx";
import { TextAreaField } from "./field.tsx";
import { FormDialog } from "./form-dialog.tsx";
import { ErrorNotice } from "./status.tsx";

/** The other party, as the reader's side names them. */
function useCounterpart() {
  const i18n = useI18n();
  const { t } = i18n;
  return (loan: LoanView): string => {
    if (loan.myRole === "borrower") {
      if (loan.owner.kind === "association") {
        return loan.owner.shelf
          ? t("loans.fromShelf", { shelf: loan.owner.shelf })
          : t("loans.fromAssociation");
      }
      return t("loans.lentBy", { name: loan.owner.name ?? t("book.formerMember") });
    }
    return loan.state === "requested"
      ? t("loans.requestedBy", { name: loan.borrower.name })
      : t("loans.borrowedBy", { name: loan.borrower.name });
  };
}

const TimelineItem: Component<{ event: TimelineEvent }> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const details = () => (props.event.details ?? {}) as Record<string, unknown>;
  const detail = (name: string): string | undefined => {
    const value = details()[name];
    return typeof value === "string" && value ? value : undefined;
  };
  const known = () =>
    [
      "requested",
      "accepted",
      "declined",
      "cancelled",
      "expired",
      "handed_over",
      "returned",
      "lost",
      "given",
      "renewed",
      "offered",
    ].includes(props.event.kind);
  return (
    <li>
      <time datetime={props.event.at}>{fmt.instant(props.event.at)}</time>{" "}
      <span class="timeline__what">
        {known() ? t(`loans.events.${props.event.kind as "requested"}`) : t("loans.events.other")}
      </span>
      <Show when={props.event.actorRole !== "system"}>
        {" "}
        <span class="timeline__who">
          {t("loans.eventBy", {
            who: t(`loans.roles.${props.event.actorRole as "borrower"}`),
          })}
        </span>
      </Show>
      <Show when={detail("dueDate")}>
        {(due) => <> {t("loans.eventDue", { date: fmt.date(due()) })}</>}
      </Show>
      <Show when={details().fromQueue === true}> {t("loans.eventFromQueue")}</Show>
      <Show when={detail("note")}>{(note) => <> {t("loans.eventNote", { note: note() })}</>}</Show>
    </li>
  );
};

/** A move's button: straight away for the expected steps, after a confirmation for the rest. */
const MoveButton: Component<{
  loan: LoanView;
  move: PortalLoanMove;
  run: (move: PortalLoanMove, note?: string) => Promise<boolean>;
  busy: boolean;
  failure?: string;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const [note, setNote] = createSignal("");
  const noteTooLong = () => note().trim().length > LOAN_MESSAGE_MAX_LENGTH;
  const title = () => props.loan.book.title;
  return (
    <Switch
      fallback={
        <button
          type="button"
          class={
            props.move === "accept"
              ? "button button--small"
              : "button button--secondary button--small"
          }
          disabled={props.busy}
          onClick={() => void props.run(props.move)}
        >
          {t(`loans.moves.${props.move}`)}
        </button>
      }
    >
      <Match when={props.move === "decline"}>
        <FormDialog
          trigger={t("loans.moves.decline")}
          triggerClass="button button--secondary button--small"
          title={t("loans.declineTitle", { title: title() })}
          submit={t("loans.declineConfirm")}
          cancel={t("common.cancel")}
          busyLabel={t("common.saving")}
          onOpen={() => setNote("")}
          onSubmit={() =>
            noteTooLong() ? false : props.run("decline", note().trim() || undefined)
          }
        >
          <p>{t("loans.declineBody", { name: props.loan.borrower.name })}</p>
          <TextAreaField
            id={`decline-${props.loan.id}`}
            label={t("loans.declineNote")}
            hint={t("loans.declineNoteHint")}
            required={false}
            value={note()}
            error={
              noteTooLong()
                ? t("validation.textTooLong", { max: i18n.formatNumber(LOAN_MESSAGE_MAX_LENGTH) })
                : undefined
            }
            onInput={setNote}
          />
          <Show when={props.failure}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
        </FormDialog>
      </Match>
      <Match when={props.move === "cancel" || props.move === "report_lost"}>
        <ConfirmDialog
          trigger={t(`loans.moves.${props.move}`)}
          triggerClass={
            props.move === "report_lost"
              ? "button button--secondary button--danger-outline button--small"
              : "button button--secondary button--small"
          }
          title={
            props.move === "cancel"
              ? t("loans.cancelTitle", { title: title() })
              : t("loans.lostTitle", { title: title() })
          }
          confirm={props.move === "cancel" ? t("loans.cancelConfirm") : t("loans.lostConfirm")}
          cancel={t("loans.keep")}
          busyLabel={t("common.saving")}
          danger={props.move === "report_lost"}
          onConfirm={() => props.run(props.move)}
        >
          <p>{props.move === "cancel" ? t("loans.cancelBody") : t("loans.lostBody")}</p>
          <Show when={props.failure}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
        </ConfirmDialog>
      </Match>
    </Switch>
  );
};

export const LoanCard: Component<{
  loan: LoanView;
  /** After a move: the message to show, and the list is fetched again. */
  onChanged: (message: string) => void;
  /** The timeline unfolded (the loan's own page). */
  timelineOpen?: boolean;
  /** The heading level of the book's title in the surrounding page. */
  headingLevel?: 2 | 3;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const counterpart = useCounterpart();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const l = () => props.loan;
  const moves = () => loanMovesFor(l());
  const headingId = () => `loan-${l().id}`;

  async function run(move: PortalLoanMove, note?: string): Promise<boolean> {
    setBusy(true);
    setFailure(undefined);
    try {
      await trpc.loans[MOVE_PROCEDURE[move]].mutate({ loanId: l().id, note });
      props.onChanged(t(`loans.done.${move}`, { title: l().book.title }));
      return true;
    } catch (error) {
      setFailure(fmt.error(error));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      class="loan card"
      classList={{ "loan--overdue": l().overdue }}
      aria-labelledby={headingId()}
    >
      <div class="loan__head">
        <BookCover url={l().book.coverUrl} title={l().book.title} />
        <div>
          <Dynamic
            component={props.headingLevel === 2 ? "h2" : "h3"}
            id={headingId()}
            class="loan__title"
          >
            <A href={`/books/${encodeURIComponent(l().book.id)}`}>{l().book.title}</A>
          </Dynamic>
          <p class="loan__state">
            <span class={`status status--loan-${l().state}`}>{t(`loans.states.${l().state}`)}</span>
            <Show when={l().mode === "give"}>
              {" "}
              <span class="tag">{t("loans.gift")}</span>
            </Show>
          </p>
          <p class="loan__party">
            {counterpart(l())}
            <Show when={l().borrower.trust !== null && l().myRole !== "borrower"}>
              {" · "}
              {i18n.plural(t("loans.trust"), l().borrower.trust ?? 0)}
            </Show>
          </p>
        </div>
      </div>
      <Show when={l().message}>
        {(message) => (
          <blockquote class="loan__message">
            <p>
              <span class="visually-hidden">{t("loans.messageLabel")} </span>
              {message()}
            </p>
          </blockquote>
        )}
      </Show>
      <dl class="facts">
        <div>
          <dt>{t("loans.requestedOn")}</dt>
          <dd>{fmt.day(l().requestedAt)}</dd>
        </div>
        <Show when={l().dueDate && (l().state === "on_loan" || l().state === "returned")}>
          <div>
            <dt>{t("loans.dueDate")}</dt>
            <dd classList={{ overdue: l().overdue }}>
              {fmt.date(l().dueDate)}
              <Show when={l().overdue}>
                {" "}
                <strong class="status status--overdue">{t("loans.overdue")}</strong>
              </Show>
            </dd>
          </div>
        </Show>
        <Show when={l().renewals > 0}>
          <div>
            <dt>{t("loans.renewalsLabel")}</dt>
            <dd>{i18n.plural(t("loans.renewals"), l().renewals)}</dd>
          </div>
        </Show>
        <Show when={l().expiresAt}>
          {(at) => (
            <div>
              <dt>{l().state === "requested" ? t("loans.answerBy") : t("loans.collectBy")}</dt>
              <dd>{fmt.instant(at())}</dd>
            </div>
          )}
        </Show>
      </dl>
      <Show when={moves().length > 0}>
        <p class="actions loan__actions">
          <For each={moves()}>
            {(move) => (
              <MoveButton loan={l()} move={move} run={run} busy={busy()} failure={failure()} />
            )}
          </For>
        </p>
      </Show>
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <details class="timeline" open={props.timelineOpen}>
        <summary>{t("loans.timeline")}</summary>
        <ol class="timeline__list">
          <For each={l().timeline}>{(event) => <TimelineItem event={event} />}</For>
        </ol>
        <Show when={!props.timelineOpen}>
          <p>
            <A href={`/loans/${encodeURIComponent(l().id)}`}>{t("loans.details")}</A>
          </p>
        </Show>
      </details>
    </article>
  );
};
