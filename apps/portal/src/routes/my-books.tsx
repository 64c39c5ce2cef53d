// The reader's own copies — what each is doing now, edit its settings, withdraw it — and,
// for officers, the association's shelf at a location, where each copy has a label to print.
import { decideCopyWithdrawal } from "@readers/domain";
import { ConfirmDialog } from "@readers/ui";
import { A, useSearchParams } from "@solidjs/router";
import { type Component, createResource, createSignal, Index, Match, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { BookCover } from "../components/book-cover.tsx";
import { CopyFields } from "../components/copy-fields.tsx";
import { SelectField } from "../components/field.tsx";
import { createFormState } from "../components/form.ts";
import { FormDialog } from "../components/form-dialog.tsx";
import { Guard } from "../components/guard.tsx";
import { Page } from "../components/page.tsx";
import { ErrorNotice, Loading, SuccessNotice } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import {
  COPY_FIELDS,
  type CopyField,
  type CopyFormValues,
  checkCopyField,
  copyFormValues,
  copyUpdateInput,
} from "../lib/book-forms.ts";
import type { MyCopyItem } from "../lib/books.ts";
import { domainMessageKey } from "../lib/errors.ts";
import { useFormat } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";
import { listVenues, type Venue } from "../lib/venues.ts";
import { useSession } from "../session.tsx";

const EditCopy: Component<{
  item: MyCopyItem;
  locations?: readonly Venue[];
  onSaved: (message: string) => void;
}> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [values, setValues] = createStore<CopyFormValues>(copyFormValues(props.item.copy));
  const form = createFormState<CopyField>(
    Object.fromEntries(
      COPY_FIELDS.map((field) => [field, () => checkCopyField(values, field)]),
    ) as Record<CopyField, () => ReturnType<typeof checkCopyField>>,
  );
  const [failure, setFailure] = createSignal<string>();
  const shelf = () => props.item.copy.owner.kind === "association";

  async function save(): Promise<boolean> {
    if (!form.validate()) return false;
    setFailure(undefined);
    try {
      await trpc.books.updateCopy.mutate(copyUpdateInput(values, props.item.copy));
      props.onSaved(t("myBooks.saved", { title: props.item.book.title }));
      return true;
    } catch (error) {
      setFailure(fmt.error(error));
      return false;
    }
  }

  return (
    <FormDialog
      trigger={t("myBooks.edit")}
      triggerClass="button button--secondary button--small"
      title={t("myBooks.editTitle", { title: props.item.book.title })}
      submit={t("common.save")}
      cancel={t("common.cancel")}
      busyLabel={t("common.saving")}
      onOpen={() => {
        setValues(copyFormValues(props.item.copy));
        form.reset();
        setFailure(undefined);
      }}
      onSubmit={save}
    >
      <CopyFields
        idPrefix={`edit-${props.item.copy.id}`}
        values={values}
        setValues={setValues}
        error={(field) => {
          const found = form.error(field);
          return found && t(found.key, found.params);
        }}
        touch={form.touch}
        register={form.register}
        shelfChoice={shelf() ? "move" : "none"}
        locations={props.locations}
      />
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
    </FormDialog>
  );
};

const WithdrawCopy: Component<{ item: MyCopyItem; onDone: (message: string) => void }> = (
  props,
) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [failure, setFailure] = createSignal<string>();
  const copy = () => props.item.copy;
  // The domain's rule: not while it is promised or lent (it must come back first).
  const refusal = () => {
    const { state, withdrawnAt } = copy();
    const decision = decideCopyWithdrawal({
      copy: { withdrawnAt: withdrawnAt ? new Date(withdrawnAt) : null },
      openLoanState: state === "available" || state === "withdrawn" ? null : state,
    });
    return decision.ok ? undefined : decision.code;
  };

  async function withdraw(): Promise<boolean> {
    setFailure(undefined);
    try {
      await trpc.books.withdrawCopy.mutate({ id: copy().id });
      props.onDone(t("myBooks.withdrawn", { title: props.item.book.title }));
      return true;
    } catch (error) {
      setFailure(fmt.error(error));
      return false;
    }
  }

  return (
    <Show when={copy().state !== "withdrawn"}>
      <Show
        when={!refusal()}
        fallback={<p class="field__hint">{t(domainMessageKey(refusal() ?? ""))}</p>}
      >
        <ConfirmDialog
          trigger={t("myBooks.withdraw")}
          triggerClass="button button--secondary button--danger-outline button--small"
          title={t("myBooks.withdrawTitle", { title: props.item.book.title })}
          confirm={t("myBooks.withdrawConfirm")}
          cancel={t("common.cancel")}
          busyLabel={t("myBooks.withdrawing")}
          danger
          onConfirm={withdraw}
        >
          <p>{t("myBooks.withdrawBody")}</p>
          <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
        </ConfirmDialog>
      </Show>
    </Show>
  );
};

const CopyRow: Component<{
  item: MyCopyItem;
  locations?: readonly Venue[];
  onChanged: (message: string) => void;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const c = () => props.item.copy;
  const b = () => props.item.book;
  return (
    <li class="book-card" classList={{ "book-card--withdrawn": c().state === "withdrawn" }}>
      <BookCover url={b().coverUrl} title={b().title} />
      <div class="book-card__body">
        <h3 class="book-card__title">
          <A href={`/books/${encodeURIComponent(b().id)}`}>{b().title}</A>
        </h3>
        <p class="book-card__facts">
          <span class={`status status--copy-${c().state}`}>{t(`book.states.${c().state}`)}</span>
          <Show when={c().dueDate}>
            {(due) => <span>{t("book.dueBack", { date: fmt.date(due()) })}</span>}
          </Show>
          <span>{t(`book.modes.${c().mode}`)}</span>
          <span>{t(`book.conditions.${c().condition}`)}</span>
          <Show when={c().queueLength > 0}>
            <span>{i18n.plural(t("book.waiting"), c().queueLength)}</span>
          </Show>
          <Show when={!c().visible}>
            <span>{t("myBooks.hidden")}</span>
          </Show>
        </p>
        <Show when={c().labelCode}>
          {(code) => <p class="book-card__label">{t("myBooks.labelCode", { code: code() })}</p>}
        </Show>
        <Show when={c().state !== "withdrawn"}>
          <p class="actions">
            <EditCopy item={props.item} locations={props.locations} onSaved={props.onChanged} />
            <Show when={c().labelCode}>
              <A
                class="button button--secondary button--small"
                href={`/books/copies/${encodeURIComponent(c().id)}/label`}
              >
                {t("myBooks.printLabel")}
              </A>
            </Show>
            <WithdrawCopy item={props.item} onDone={props.onChanged} />
          </p>
        </Show>
      </div>
    </li>
  );
};

/** A list of copies from books.myCopies, with its loading, error and empty states. */
const CopyList: Component<{
  input: () => { shelfLocationId?: string } | undefined;
  empty: string;
  locations?: readonly Venue[];
}> = (props) => {
  const fmt = useFormat();
  const [copies, { refetch }] = createResource(props.input, (input) =>
    trpc.books.myCopies.query(input),
  );
  const [notice, setNotice] = createSignal<string>();
  const changed = (message: string) => {
    setNotice(message);
    void refetch();
  };
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
        <Match when={copies.error}>
          <ErrorNotice onRetry={() => void refetch()}>{fmt.error(copies.error)}</ErrorNotice>
        </Match>
        <Match when={!copies.latest}>
          <Loading />
        </Match>
        <Match when={copies.latest?.items.length === 0}>
          <p class="empty">{props.empty}</p>
        </Match>
        <Match when={copies.latest}>
          {(current) => (
            <ul class="book-list" aria-busy={copies.loading}>
              {/* By position, so an open dialog survives the list being fetched again. */}
              <Index each={current().items}>
                {(item) => (
                  <CopyRow item={item()} locations={props.locations} onChanged={changed} />
                )}
              </Index>
            </ul>
          )}
        </Match>
      </Switch>
    </>
  );
};

const ShelfSection: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams<{ shelf?: string }>();
  const [locations, { refetch }] = createResource(() => listVenues());
  const chosen = () => {
    const list = locations.latest ?? [];
    return list.find((l) => l.id === params.shelf)?.id ?? list[0]?.id;
  };
  return (
    <section aria-labelledby="shelf-heading">
      <h2 id="shelf-heading">{t("myBooks.shelfHeading")}</h2>
      <p>{t("myBooks.shelfIntro")}</p>
      <Switch>
        <Match when={locations.error}>
          <ErrorNotice onRetry={() => void refetch()}>{fmt.error(locations.error)}</ErrorNotice>
        </Match>
        <Match when={!locations.latest}>
          <Loading />
        </Match>
        <Match when={locations.latest?.length === 0}>
          <p class="empty">{t("copyForm.noLocations")}</p>
        </Match>
        <Match when={chosen()}>
          {(locationId) => (
            <>
              <SelectField
                id="shelf-location"
                label={t("myBooks.location")}
                value={locationId()}
                options={(locations.latest ?? []).map((l) => ({ value: l.id, label: l.name }))}
                onChange={(value) => setParams({ shelf: value })}
              />
              <CopyList
                input={() => ({ shelfLocationId: locationId() })}
                empty={t("myBooks.shelfEmpty")}
                locations={locations.latest}
              />
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
};

const MyBooksContent: Component = () => {
  const { t } = useI18n();
  const session = useSession();
  return (
    <>
      <p class="actions">
        <A class="button" href="/books/add">
          {t("books.add")}
        </A>
        <A class="button button--secondary" href="/loans">
          {t("books.loans")}
        </A>
      </p>
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">{t("myBooks.mineHeading")}</h2>
        <CopyList input={() => ({})} empty={t("myBooks.empty")} />
      </section>
      <Show when={session.can("books.label")}>
        <ShelfSection />
      </Show>
      <p>
        <A href="/books">{t("book.back")}</A>
      </p>
    </>
  );
};

export const MyBooksPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("myBooks.title")}>
      <Guard>
        <MyBooksContent />
      </Guard>
    </Page>
  );
};
