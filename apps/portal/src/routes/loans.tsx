// The reader's loans in two tabs: "Borrowing" (what they asked for or have, and their queue
// places) and "Lending" (the inbox of requests for their books to accept or decline, their
// books with others, and for officers the association shelf's loans). Each loan offers only
// the moves the reader's side may make. The tab lives in the address (?tab=lending).
import { Tabs } from "@kobalte/core/tabs";
import { A, useParams, useSearchParams } from "@solidjs/router";
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
import { Guard } from "../components/guard.tsx";
import { LoanCard } from "../components/loan-card.tsx";
import { Page } from "../components/page.tsx";
import { ErrorNotice, Loading, SuccessNotice } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import { isAwaitingMyAnswer, type LoanView, type MyLoans, type QueuePlace } from "../lib/books.ts";
import { trpcCode } from "../lib/errors.ts";
import { useFormat } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";
import { useSession } from "../session.tsx";

const TABS = ["borrowing", "lending"] as const;
type Tab = (typeof TABS)[number];

const LoanList: Component<{
  loans: readonly LoanView[];
  empty: string;
  onChanged: (message: string) => void;
}> = (props) => (
  <Show when={props.loans.length > 0} fallback={<p class="empty">{props.empty}</p>}>
    <ul class="loan-list">
      {/* By position: a card's error stays put while the list is fetched again. */}
      <Index each={props.loans}>
        {(loan) => (
          <li>
            <LoanCard loan={loan()} onChanged={props.onChanged} />
          </li>
        )}
      </Index>
    </ul>
  </Show>
);

const QueueList: Component<{
  places: readonly QueuePlace[];
  onChanged: (message: string) => void;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const [failure, setFailure] = createSignal<string>();
  const [busy, setBusy] = createSignal<string>();
  async function leave(place: QueuePlace) {
    setBusy(place.copyId);
    setFailure(undefined);
    try {
      await trpc.loans.leaveQueue.mutate({ copyId: place.copyId });
      props.onChanged(t("loans.leftQueue", { title: place.book.title }));
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      setBusy(undefined);
    }
  }
  return (
    <Show when={props.places.length > 0} fallback={<p class="empty">{t("loans.queueEmpty")}</p>}>
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <ul class="queue-list">
        <For each={props.places}>
          {(place) => (
            <li class="queue-place">
              <A href={`/books/${encodeURIComponent(place.book.id)}`}>{place.book.title}</A>{" "}
              <span class="status">
                {t("loans.queuePlace", { position: i18n.formatNumber(place.position) })}
              </span>{" "}
              <button
                type="button"
                class="button button--secondary button--small"
                disabled={busy() === place.copyId}
                onClick={() => void leave(place)}
                aria-label={t("loans.leaveQueueOf", { title: place.book.title })}
              >
                {t("book.leaveQueue")}
              </button>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
};

const BorrowingPanel: Component<{ mine: MyLoans; onChanged: (message: string) => void }> = (
  props,
) => {
  const { t } = useI18n();
  return (
    <>
      <section aria-labelledby="borrowed-heading">
        <h2 id="borrowed-heading">{t("loans.borrowed")}</h2>
        <Show
          when={props.mine.asBorrower.length > 0}
          fallback={
            <p class="empty">
              {t("loans.borrowedEmpty")} <A href="/books">{t("loans.findBooks")}</A>
            </p>
          }
        >
          <LoanList loans={props.mine.asBorrower} empty="" onChanged={props.onChanged} />
        </Show>
      </section>
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t("loans.queue")}</h2>
        <QueueList places={props.mine.queue} onChanged={props.onChanged} />
      </section>
    </>
  );
};

const LendingPanel: Component<{ mine: MyLoans; onChanged: (message: string) => void }> = (
  props,
) => {
  const { t } = useI18n();
  const session = useSession();
  const inbox = () => props.mine.asOwner.filter(isAwaitingMyAnswer);
  const out = () => props.mine.asOwner.filter((loan) => !isAwaitingMyAnswer(loan));
  // The shelf's requests first: they are the ones waiting for an officer.
  const association = () => [
    ...props.mine.association.filter(isAwaitingMyAnswer),
    ...props.mine.association.filter((loan) => !isAwaitingMyAnswer(loan)),
  ];
  return (
    <>
      <section aria-labelledby="inbox-heading">
        <h2 id="inbox-heading">{t("loans.inbox")}</h2>
        <LoanList loans={inbox()} empty={t("loans.inboxEmpty")} onChanged={props.onChanged} />
      </section>
      <section aria-labelledby="out-heading">
        <h2 id="out-heading">{t("loans.lentOut")}</h2>
        <LoanList loans={out()} empty={t("loans.lentOutEmpty")} onChanged={props.onChanged} />
      </section>
      <Show when={session.can("books.label")}>
        <section aria-labelledby="association-heading">
          <h2 id="association-heading">{t("loans.association")}</h2>
          <LoanList
            loans={association()}
            empty={t("loans.associationEmpty")}
            onChanged={props.onChanged}
          />
        </section>
      </Show>
    </>
  );
};

const LoansContent: Component = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const [params, setParams] = useSearchParams<{ tab?: string }>();
  const tab = (): Tab => (params.tab === "lending" ? "lending" : "borrowing");
  const [mine, { refetch }] = createResource(() => trpc.loans.mine.query());
  const [notice, setNotice] = createSignal<string>();
  const changed = (message: string) => {
    setNotice(message);
    void refetch();
  };
  const waiting = () => {
    const current = mine.latest;
    if (!current) return 0;
    return [...current.asOwner, ...current.association].filter(isAwaitingMyAnswer).length;
  };

  return (
    <>
      <p class="actions">
        <A class="button button--secondary" href="/books">
          {t("loans.findBooks")}
        </A>
        <A class="button button--secondary" href="/books/mine">
          {t("books.mine")}
        </A>
      </p>
      <Show when={notice()}>
        {(text) => (
          <SuccessNotice>
            <p>{text()}</p>
          </SuccessNotice>
        )}
      </Show>
      <Tabs
        value={tab()}
        onChange={(value) => {
          setNotice(undefined);
          setParams({ tab: value === "lending" ? "lending" : undefined });
        }}
        class="tabs"
      >
        <Tabs.List class="tabs__list" aria-label={t("loans.tabsLabel")}>
          <Tabs.Trigger class="tabs__trigger" value="borrowing">
            {t("loans.borrowing")}
          </Tabs.Trigger>
          <Tabs.Trigger class="tabs__trigger" value="lending">
            {t("loans.lending")}
            <Show when={waiting() > 0}>
              {/* The number is drawn as a badge; the words are for screen readers. */}
              <span class="badge" aria-hidden="true">
                {i18n.formatNumber(waiting())}
              </span>
              <span class="visually-hidden">
                {` (${i18n.plural(t("loans.waitingCount"), waiting())})`}
              </span>
            </Show>
          </Tabs.Trigger>
        </Tabs.List>
        <Switch>
          <Match when={mine.error}>
            <ErrorNotice onRetry={() => void refetch()}>{fmt.error(mine.error)}</ErrorNotice>
          </Match>
          <Match when={!mine.latest}>
            <Loading />
          </Match>
          <Match when={mine.latest}>
            {(current) => (
              <>
                <Tabs.Content class="tabs__panel" value="borrowing">
                  <BorrowingPanel mine={current()} onChanged={changed} />
                </Tabs.Content>
                <Tabs.Content class="tabs__panel" value="lending">
                  <LendingPanel mine={current()} onChanged={changed} />
                </Tabs.Content>
              </>
            )}
          </Match>
        </Switch>
      </Tabs>
    </>
  );
};

export const LoansPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("loans.title")}>
      <Guard>
        <LoansContent />
      </Guard>
    </Page>
  );
};

const LoanContent: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const params = useParams<{ id: string }>();
  const [loan, { refetch }] = createResource(
    () => params.id,
    (id) => trpc.loans.get.query({ id }),
  );
  const [notice, setNotice] = createSignal<string>();
  return (
    <>
      <Show when={notice()}>
        {(text) => (
          <SuccessNotice>
            <p>{text()}</p>
          </SuccessNotice>
        )}
      </Show>
      <Switch>
        <Match when={loan.error && trpcCode(loan.error) === "NOT_FOUND"}>
          <ErrorNotice>{t("loans.notFound")}</ErrorNotice>
        </Match>
        <Match when={loan.error}>
          <ErrorNotice onRetry={() => void refetch()}>{fmt.error(loan.error)}</ErrorNotice>
        </Match>
        <Match when={!loan.latest}>
          <Loading />
        </Match>
        <Match when={loan.latest}>
          {(current) => (
            <LoanCard
              loan={current()}
              headingLevel={2}
              timelineOpen
              onChanged={(message) => {
                setNotice(message);
                void refetch();
              }}
            />
          )}
        </Match>
      </Switch>
      <p>
        <A href="/loans">{t("loans.back")}</A>
      </p>
    </>
  );
};

/** One loan with its whole timeline (notifications link here). */
export const LoanPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("loans.loanTitle")}>
      <Guard>
        <LoanContent />
      </Guard>
    </Page>
  );
};
