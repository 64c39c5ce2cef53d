// One book: its edition, every copy members can ask for (whose it is or which shelf it is
// on, lend or give, condition, what it is doing now, who waits for it) with the reader's
// own way in — request it with a message, or join and leave the queue with the place shown —
// and the activities that feature it.
import { LOAN_MESSAGE_MAX_LENGTH } from "@readers/domain";
import { A, useParams } from "@solidjs/router";
import {
  type Component,
  createResource,
  createSignal,
  For,
  Index,
  Match,
  Show,
  Switch,
} from "solid-js";
import { BookCover } from "../components/book-cover.tsx";
import { TextAreaField } from "../components/field.tsx";
import { FormDialog } from "../components/form-dialog.tsx";
import { Guard } from "../components/guard.tsx";
import { Page } from "../components/page.tsx";
import { ErrorNotice, Loading, SuccessNotice } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import { type BookDetail, type BookView, type CopyView, languageName } from "../lib/books.ts";
import { trpcCode } from "../lib/errors.ts";
import { useFormat } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";
import { useSession } from "../session.tsx";

const isMine = (copy: CopyView) => copy.owner.kind === "member" && copy.owner.isMe;

/** "Ada L.", "You", or the association's shelf at a location. */
export function useOwnerText() {
  const { t } = useI18n();
  return (copy: Pick<CopyView, "owner" | "shelf">): string => {
    if (copy.owner.kind === "association") {
      return copy.shelf
        ? t("book.associationShelfAt", { location: copy.shelf.name })
        : t("book.ownerAssociation");
    }
    if (copy.owner.isMe) return t("book.you");
    return copy.owner.name ?? t("book.formerMember");
  };
}

const RequestDialog: Component<{
  copy: CopyView;
  book: BookView;
  onRequested: (message: string) => void;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const ownerText = useOwnerText();
  const [message, setMessage] = createSignal("");
  const [failure, setFailure] = createSignal<string>();
  const tooLong = () => message().trim().length > LOAN_MESSAGE_MAX_LENGTH;
  const idBase = () => `request-${props.copy.id}`;

  async function send(): Promise<boolean> {
    if (tooLong()) return false;
    setFailure(undefined);
    try {
      const loan = await trpc.loans.request.mutate({
        copyId: props.copy.id,
        message: message().trim(),
      });
      props.onRequested(loan.state === "accepted" ? t("book.requestedShelf") : t("book.requested"));
      return true;
    } catch (error) {
      setFailure(fmt.error(error));
      return false;
    }
  }

  return (
    <FormDialog
      trigger={t("book.request")}
      triggerClass="button"
      title={t("book.requestTitle", { title: props.book.title })}
      submit={t("book.send")}
      cancel={t("common.cancel")}
      busyLabel={t("book.sending")}
      onOpen={() => {
        setMessage("");
        setFailure(undefined);
      }}
      onSubmit={send}
    >
      <p>
        {props.copy.owner.kind === "association"
          ? t("book.requestIntroShelf", { owner: ownerText(props.copy) })
          : props.copy.mode === "give"
            ? t("book.requestIntroGive", { owner: ownerText(props.copy) })
            : t("book.requestIntro", { owner: ownerText(props.copy) })}
      </p>
      <TextAreaField
        id={`${idBase()}-message`}
        label={t("book.message")}
        hint={t("book.messageHint", { max: i18n.formatNumber(LOAN_MESSAGE_MAX_LENGTH) })}
        required={false}
        value={message()}
        error={
          tooLong()
            ? t("validation.textTooLong", { max: i18n.formatNumber(LOAN_MESSAGE_MAX_LENGTH) })
            : undefined
        }
        onInput={setMessage}
      />
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
    </FormDialog>
  );
};

const CopyActions: Component<{ copy: CopyView; book: BookView; onChanged: () => void }> = (
  props,
) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const [notice, setNotice] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const c = () => props.copy;
  const busyState = () =>
    c().state === "requested" || c().state === "accepted" || c().state === "on_loan";

  async function queue(join: boolean) {
    setBusy(true);
    setFailure(undefined);
    setNotice(undefined);
    try {
      if (join) {
        const place = await trpc.loans.joinQueue.mutate({ copyId: c().id });
        setNotice(t("book.joined", { position: i18n.formatNumber(place.position) }));
      } else {
        await trpc.loans.leaveQueue.mutate({ copyId: c().id });
        setNotice(t("book.left"));
      }
      props.onChanged();
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="copy-actions">
      <Switch>
        <Match when={isMine(c())}>
          <p>
            {t("book.yourCopy")} <A href="/books/mine">{t("book.manageMine")}</A>
          </p>
        </Match>
        <Match when={c().myLoanId}>
          {(loanId) => (
            <p>
              {t("book.myLoan")}{" "}
              <A href={`/loans/${encodeURIComponent(loanId())}`}>{t("book.seeLoan")}</A>
            </p>
          )}
        </Match>
        <Match when={c().myQueuePosition}>
          {(position) => (
            <p>
              {t("book.queuePosition", { position: i18n.formatNumber(position()) })}{" "}
              <button
                type="button"
                class="button button--secondary button--small"
                disabled={busy()}
                onClick={() => void queue(false)}
              >
                {t("book.leaveQueue")}
              </button>
            </p>
          )}
        </Match>
        <Match when={c().state === "available"}>
          <RequestDialog
            copy={c()}
            book={props.book}
            onRequested={(text) => {
              setNotice(text);
              props.onChanged();
            }}
          />
        </Match>
        <Match when={busyState()}>
          <button
            type="button"
            class="button button--secondary"
            disabled={busy()}
            onClick={() => void queue(true)}
          >
            {t("book.joinQueue")}
          </button>
        </Match>
      </Switch>
      <Show when={notice()}>
        {(text) => (
          <SuccessNotice>
            <p>
              {text()} <A href="/loans">{t("book.seeLoans")}</A>
            </p>
          </SuccessNotice>
        )}
      </Show>
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
    </div>
  );
};

const CopyCard: Component<{ copy: CopyView; book: BookView; onChanged: () => void }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const ownerText = useOwnerText();
  const c = () => props.copy;
  const headingId = () => `copy-${c().id}`;
  return (
    <li class="copy-card card">
      <article aria-labelledby={headingId()}>
        <h3 id={headingId()} class="copy-card__title">
          {ownerText(c())}
        </h3>
        <p class="copy-card__state">
          <span class={`status status--copy-${c().state}`}>{t(`book.states.${c().state}`)}</span>
          <Show when={c().dueDate}>
            {(due) => <> {t("book.dueBack", { date: fmt.date(due()) })}</>}
          </Show>
        </p>
        <dl class="facts">
          <Show when={c().owner.kind === "member"}>
            <div>
              <dt>{t("book.where")}</dt>
              <dd>{c().shelf ? c().shelf?.name : t("book.withOwner")}</dd>
            </div>
          </Show>
          <div>
            <dt>{t("book.mode")}</dt>
            <dd>{t(`book.modes.${c().mode}`)}</dd>
          </div>
          <div>
            <dt>{t("book.condition")}</dt>
            <dd>{t(`book.conditions.${c().condition}`)}</dd>
          </div>
          <div>
            <dt>{t("book.queue")}</dt>
            <dd>
              {c().queueLength > 0
                ? i18n.plural(t("book.waiting"), c().queueLength)
                : t("book.nobodyWaiting")}
            </dd>
          </div>
          <Show when={c().loanDays}>
            {(days) => (
              <div>
                <dt>{t("book.loanPeriod")}</dt>
                <dd>{i18n.plural(t("book.days"), days())}</dd>
              </div>
            )}
          </Show>
          <Show when={c().minTrust}>
            {(trust) => (
              <div>
                <dt>{t("book.minTrust")}</dt>
                <dd>{i18n.plural(t("book.minTrustValue"), trust())}</dd>
              </div>
            )}
          </Show>
          <Show when={c().note}>
            <div>
              <dt>{t("book.note")}</dt>
              <dd class="copy-card__note">{c().note}</dd>
            </div>
          </Show>
        </dl>
        <Show when={!c().visible}>
          <p class="notice">{t("book.hidden")}</p>
        </Show>
        <CopyActions copy={c()} book={props.book} onChanged={props.onChanged} />
      </article>
    </li>
  );
};

const BookContent: Component<{ detail: BookDetail; onChanged: () => void }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const b = () => props.detail.book;
  return (
    <>
      <div class="book-head">
        <BookCover url={b().coverUrl} title={b().title} size="large" />
        <dl class="facts">
          <Show when={b().authors.length > 0}>
            <div>
              <dt>{i18n.plural(t("book.authors"), b().authors.length)}</dt>
              <dd>{b().authors.join(", ")}</dd>
            </div>
          </Show>
          <Show when={b().year}>
            {(year) => (
              <div>
                <dt>{t("book.year")}</dt>
                <dd>{year()}</dd>
              </div>
            )}
          </Show>
          <Show when={b().language}>
            {(tag) => (
              <div>
                <dt>{t("book.language")}</dt>
                <dd>{languageName(tag(), i18n.locale())}</dd>
              </div>
            )}
          </Show>
          <Show when={b().isbn13}>
            {(isbn) => (
              <div>
                <dt>{t("book.isbn")}</dt>
                <dd>{isbn()}</dd>
              </div>
            )}
          </Show>
        </dl>
      </div>
      <section aria-labelledby="copies-heading">
        <h2 id="copies-heading">{t("book.copiesHeading")}</h2>
        <Show
          when={props.detail.copies.length > 0}
          fallback={<p class="empty">{t("book.noCopies")}</p>}
        >
          <ul class="copy-list">
            {/* By position, so a card keeps its notice when the page is fetched again. */}
            <Index each={props.detail.copies}>
              {(copy) => <CopyCard copy={copy()} book={b()} onChanged={props.onChanged} />}
            </Index>
          </ul>
        </Show>
      </section>
      <Show when={props.detail.activities.length > 0}>
        <section aria-labelledby="book-activities-heading">
          <h2 id="book-activities-heading">{t("book.activitiesHeading")}</h2>
          <ul>
            <For each={props.detail.activities}>
              {(activity) => (
                <li>
                  <A href={`/activities/${encodeURIComponent(activity.id)}`}>{activity.title}</A>{" "}
                  <time datetime={activity.startsAt}>{fmt.day(activity.startsAt)}</time>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
};

export const BookPage: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  const params = useParams<{ id: string }>();
  const [detail, { refetch }] = createResource(
    () => (session.account() ? params.id : undefined),
    (id) => trpc.books.get.query({ id }),
  );
  const current = () => (detail.error ? undefined : detail.latest);
  return (
    <Page title={current()?.book.title ?? t("book.title")}>
      <Guard>
        <Switch>
          <Match when={detail.error && trpcCode(detail.error) === "NOT_FOUND"}>
            <ErrorNotice>{t("book.notFound")}</ErrorNotice>
          </Match>
          <Match when={detail.error}>
            <ErrorNotice onRetry={() => void refetch()}>{fmt.error(detail.error)}</ErrorNotice>
          </Match>
          <Match when={!current()}>
            <Loading />
          </Match>
          <Match when={current()}>
            {(value) => <BookContent detail={value()} onChanged={() => void refetch()} />}
          </Match>
        </Switch>
        <p>
          <A href="/books">{t("book.back")}</A>
        </p>
      </Guard>
    </Page>
  );
};
