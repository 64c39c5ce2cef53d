// Admins' membership tiers: the list (archived ones too), a form to create or edit one with
// every setting of DESIGN §2.1 within the domain's limits, and archive / reopen.
import { type Component, createMemo, createResource, createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { CheckboxField, Field, SelectField } from "../../components/field.tsx";
import { createFormState } from "../../components/form.ts";
import { Guard } from "../../components/guard.tsx";
import { Page } from "../../components/page.tsx";
import { ErrorNotice, ListTable, SuccessNotice } from "../../components/status.tsx";
import { useTermText } from "../../components/tier-summary.tsx";
import { type MessageKey, useI18n } from "../../i18n/index.ts";
import { useFormat } from "../../lib/format.ts";
import {
  checkTierForm,
  TIER_NUMBER_FIELDS,
  type TierField,
  type TierFormValues,
  tierFormValues,
} from "../../lib/tier-form.ts";
import { trpc } from "../../lib/trpc.ts";

type Tier = Awaited<ReturnType<typeof trpc.memberships.tiers.query>>[number];

const NUMBER_LABELS: Record<(typeof TIER_NUMBER_FIELDS)[number], MessageKey> = {
  graceDays: "admin.tiers.graceDays",
  loanLimit: "admin.tiers.loanLimit",
  loanDays: "admin.tiers.loanDays",
  maxRenewals: "admin.tiers.maxRenewals",
  holdLimit: "admin.tiers.holdLimit",
};

const TierForm: Component<{
  editing: Tier | undefined;
  onSaved: (message: string) => void;
  onCancel: () => void;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const [values, setValues] = createStore<TierFormValues>(tierFormValues(props.editing));
  const checked = createMemo(() => checkTierForm({ ...values }));
  const problem = (field: TierField) => {
    const result = checked();
    return result.ok ? undefined : result.problems[field];
  };
  // Visual order, so a failed submit focuses the first bad field on screen.
  const form = createFormState<TierField>({
    name: () => problem("name"),
    months: () => (values.kind === "rolling" ? problem("months") : undefined),
    endMonth: () => (values.kind === "fixed" ? problem("endMonth") : undefined),
    endDay: () => (values.kind === "fixed" ? problem("endDay") : undefined),
    fee: () => problem("fee"),
    graceDays: () => problem("graceDays"),
    loanLimit: () => problem("loanLimit"),
    loanDays: () => problem("loanDays"),
    maxRenewals: () => problem("maxRenewals"),
    holdLimit: () => problem("holdLimit"),
  });
  const message = (field: TierField) => {
    const found = form.error(field);
    return found && t(found.key, found.params);
  };
  const [failure, setFailure] = createSignal<string>();
  const months = () =>
    Array.from({ length: 12 }, (_, index) => ({
      value: String(index + 1),
      label: i18n.formatDate(Date.UTC(2000, index, 1, 12), { month: "long", timeZone: "UTC" }),
    }));

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const result = checked();
    if (form.busy() || !form.validate() || !result.ok) return;
    form.setBusy(true);
    setFailure(undefined);
    try {
      await trpc.memberships.saveTier.mutate({ ...result.input, id: props.editing?.id });
      props.onSaved(props.editing ? t("admin.tiers.updated") : t("admin.tiers.created"));
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      form.setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="tier-form-heading">
      <h2 id="tier-form-heading">
        {props.editing
          ? t("admin.tiers.editHeading", { name: props.editing.name })
          : t("admin.tiers.newHeading")}
      </h2>
      <form class="form" novalidate onSubmit={submit}>
        <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
        <Field
          id="tier-name"
          label={t("admin.tiers.name")}
          autocomplete="off"
          value={values.name}
          onInput={(value) => setValues("name", value)}
          error={message("name")}
          ref={form.register("name")}
        />
        <fieldset class="radio-group">
          <legend>{t("admin.tiers.termKind")}</legend>
          <For each={["rolling", "fixed"] as const}>
            {(kind) => (
              <div class="radio">
                <input
                  type="radio"
                  id={`term-${kind}`}
                  name="term-kind"
                  value={kind}
                  checked={values.kind === kind}
                  onChange={() => setValues("kind", kind)}
                />
                <label for={`term-${kind}`}>{t(`admin.tiers.${kind}`)}</label>
              </div>
            )}
          </For>
        </fieldset>
        <Show
          when={values.kind === "fixed"}
          fallback={
            <Field
              id="tier-months"
              label={t("admin.tiers.months")}
              autocomplete="off"
              inputMode="numeric"
              value={values.months}
              onInput={(value) => setValues("months", value)}
              error={message("months")}
              ref={form.register("months")}
            />
          }
        >
          <div class="field-row">
            <SelectField
              id="tier-end-month"
              label={t("admin.tiers.endMonth")}
              value={values.endMonth}
              options={months()}
              onChange={(value) => setValues("endMonth", value)}
              error={message("endMonth")}
              ref={form.register("endMonth")}
            />
            <Field
              id="tier-end-day"
              label={t("admin.tiers.endDay")}
              autocomplete="off"
              inputMode="numeric"
              value={values.endDay}
              onInput={(value) => setValues("endDay", value)}
              error={message("endDay")}
              ref={form.register("endDay")}
            />
          </div>
        </Show>
        <Field
          id="tier-fee"
          label={t("admin.tiers.feeAmount")}
          hint={t("admin.tiers.feeHint")}
          autocomplete="off"
          inputMode="decimal"
          value={values.fee}
          onInput={(value) => setValues("fee", value)}
          error={message("fee")}
          ref={form.register("fee")}
        />
        <div class="field-grid">
          <For each={TIER_NUMBER_FIELDS}>
            {(field) => (
              <Field
                id={`tier-${field}`}
                label={t(NUMBER_LABELS[field])}
                hint={field === "graceDays" ? t("admin.tiers.graceDaysHint") : undefined}
                autocomplete="off"
                inputMode="numeric"
                value={values[field]}
                onInput={(value) => setValues(field, value)}
                error={message(field)}
                ref={form.register(field)}
              />
            )}
          </For>
        </div>
        <CheckboxField
          id="tier-requires-approval"
          label={t("admin.tiers.requiresApproval")}
          checked={values.requiresApproval}
          onChange={(value) => setValues("requiresApproval", value)}
        />
        <p class="actions">
          <button type="submit" class="button" disabled={form.busy()}>
            {form.busy()
              ? t("common.saving")
              : props.editing
                ? t("admin.tiers.save")
                : t("admin.tiers.create")}
          </button>
          <Show when={props.editing}>
            <button type="button" class="button button--secondary" onClick={props.onCancel}>
              {t("admin.tiers.cancelEdit")}
            </button>
          </Show>
        </p>
      </form>
    </section>
  );
};

const TiersContent: Component = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const termText = useTermText();
  const [tiers, { refetch }] = createResource(() =>
    trpc.memberships.tiers.query({ includeArchived: true }),
  );
  const [editing, setEditing] = createSignal<Tier>();
  // A new form (fresh values) each time editing starts, ends or saves.
  const [formKey, setFormKey] = createSignal(1);
  const [done, setDone] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();
  const [archiving, setArchiving] = createSignal<string>();

  function edit(tier: Tier | undefined) {
    setEditing(tier);
    setFormKey((key) => key + 1);
    setDone(undefined);
    queueMicrotask(() => document.getElementById("tier-name")?.focus());
  }

  async function saved(message: string) {
    await refetch();
    setEditing(undefined);
    setFormKey((key) => key + 1);
    setDone(message);
  }

  async function toggleArchived(tier: Tier) {
    setArchiving(tier.id);
    setFailure(undefined);
    setDone(undefined);
    try {
      await trpc.memberships.archiveTier.mutate({ id: tier.id, archived: !tier.archived });
      await refetch();
      setDone(tier.archived ? t("admin.tiers.unarchivedDone") : t("admin.tiers.archivedDone"));
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      setArchiving(undefined);
    }
  }

  return (
    <>
      <Show when={done()}>
        {(text) => (
          <SuccessNotice>
            <p>{text()}</p>
          </SuccessNotice>
        )}
      </Show>
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <ListTable
        items={tiers}
        failed={t("admin.tiers.loadFailed")}
        empty={t("admin.tiers.empty")}
        onRetry={() => void refetch()}
        caption={t("admin.tiers.caption")}
        columns={[
          t("admin.tiers.name"),
          t("admin.tiers.term"),
          t("admin.tiers.fee"),
          t("admin.tiers.loans"),
          t("admin.tiers.state"),
          t("admin.tiers.actions"),
        ]}
        row={(tier) => (
          <tr>
            <th scope="row">{tier.name}</th>
            <td>{termText(tier.term)}</td>
            <td>{tier.feeCents > 0 ? fmt.money(tier.feeCents) : t("tier.free")}</td>
            <td>
              {t("tier.loans", {
                limit: i18n.formatNumber(tier.loanLimit),
                days: i18n.formatNumber(tier.loanDays),
              })}
            </td>
            <td>{tier.archived ? t("admin.tiers.archived") : t("admin.tiers.current")}</td>
            <td>
              <div class="actions">
                <button
                  type="button"
                  class="button button--secondary button--small"
                  aria-label={t("admin.tiers.editNamed", { name: tier.name })}
                  onClick={() => edit(tier)}
                >
                  {t("admin.tiers.edit")}
                </button>
                <button
                  type="button"
                  class="button button--secondary button--small"
                  aria-label={
                    tier.archived
                      ? t("admin.tiers.unarchiveNamed", { name: tier.name })
                      : t("admin.tiers.archiveNamed", { name: tier.name })
                  }
                  disabled={archiving() === tier.id}
                  onClick={() => void toggleArchived(tier)}
                >
                  {tier.archived ? t("admin.tiers.unarchive") : t("admin.tiers.archive")}
                </button>
              </div>
            </td>
          </tr>
        )}
      />
      <Show when={formKey()} keyed>
        {(_key: number) => (
          <TierForm
            editing={editing()}
            onSaved={(message) => void saved(message)}
            onCancel={() => edit(undefined)}
          />
        )}
      </Show>
    </>
  );
};

export const TiersPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("admin.tiers.title")}>
      <Guard action="memberships.saveTier">
        <TiersContent />
      </Guard>
    </Page>
  );
};
