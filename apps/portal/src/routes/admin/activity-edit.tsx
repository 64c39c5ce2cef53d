// Organizers' form for one activity: create a draft, or edit one — this session only or,
// for a session of a series, every session not started yet — with every field checked as
// it is typed by the domain's schema; and publish or cancel it (registrants are told).
import { type ActivityCreateInput, REASON_MAX_LENGTH } from "@readers/domain";
import { ConfirmDialog } from "@readers/ui";
import { A, useNavigate, useParams, useSearchParams } from "@solidjs/router";
import {
  type Component,
  createMemo,
  createResource,
  createSignal,
  For,
  Match,
  Show,
  Switch,
} from "solid-js";
import { createStore } from "solid-js/store";
import { PhaseBadge } from "../../components/activity-facts.tsx";
import { ActivityFields } from "../../components/activity-fields.tsx";
import { CheckboxField, TextAreaField } from "../../components/field.tsx";
import { createFormState } from "../../components/form.ts";
import { Guard } from "../../components/guard.tsx";
import { Page } from "../../components/page.tsx";
import { ErrorNotice, Loading, SuccessNotice } from "../../components/status.tsx";
import { useI18n } from "../../i18n/index.ts";
import type { ActivityDetail } from "../../lib/activities.ts";
import {
  ACTIVITY_FIELDS,
  type ActivityField,
  type ActivityFormValues,
  activityFormValues,
  activityPatch,
  checkActivityForm,
  PER_SESSION_KEYS,
  seriesPatch,
} from "../../lib/activity-form.ts";
import { useFormat } from "../../lib/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { listVenues, type Venue } from "../../lib/venues.ts";
import { useSession } from "../../session.tsx";

type Scope = "one" | "series";

/** The library's locations, and the activity's own (kept even if it could not be listed). */
function useVenues(current: () => ActivityDetail | undefined) {
  const [venues] = createResource(() => listVenues());
  const list = createMemo<Venue[] | undefined>(() => {
    const found = venues.error ? [] : venues.latest;
    const own = current()?.location;
    if (!found) return own ? [own] : undefined;
    return own && !found.some((v) => v.id === own.id) ? [...found, own] : found;
  });
  return { list, failed: () => Boolean(venues.error) };
}

const ActivityForm: Component<{
  detail?: ActivityDetail;
  onSaved: (message: string, id: string) => void;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const [failure, setFailure] = createSignal<string>();
  const [values, setValues] = createStore<ActivityFormValues>(
    activityFormValues(props.detail, fmt.zone()),
  );
  const [scope, setScope] = createSignal<Scope>("one");
  const venues = useVenues(() => props.detail);
  const checked = createMemo(() => checkActivityForm({ ...values }, fmt.zone()));
  const problem = (field: ActivityField) => {
    const result = checked();
    return result.ok ? undefined : result.problems[field];
  };
  const form = createFormState<ActivityField>(
    Object.fromEntries(ACTIVITY_FIELDS.map((field) => [field, () => problem(field)])) as Record<
      ActivityField,
      () => ReturnType<typeof problem>
    >,
  );
  const error = (field: ActivityField) => {
    const found = form.error(field);
    return found && t(found.key, found.params);
  };

  function chooseScope(next: Scope) {
    setScope(next);
    // Times and windows are per session: a series-wide edit keeps this session's as stored.
    if (next === "series" && props.detail) {
      const stored = activityFormValues(props.detail, fmt.zone());
      for (const key of PER_SESSION_KEYS) setValues(key, stored[key]);
    }
  }

  async function save(input: ActivityCreateInput): Promise<string> {
    const detail = props.detail;
    if (!detail) {
      const created = await trpc.activities.create.mutate(input);
      props.onSaved(t("activityForm.created"), created.id);
      return created.id;
    }
    const patch = activityPatch(input, detail);
    if (scope() === "series" && detail.seriesId) {
      const result = await trpc.activities.updateSeries.mutate({
        seriesId: detail.seriesId,
        patch: seriesPatch(patch),
      });
      props.onSaved(
        i18n.plural(t("activityForm.savedSeries"), result.activities.length),
        detail.id,
      );
      return detail.id;
    }
    await trpc.activities.update.mutate({ id: detail.id, ...patch });
    const told =
      detail.status === "published" &&
      ("startsAt" in patch || "endsAt" in patch || "locationId" in patch) &&
      detail.confirmedSeats + detail.waitlistCount > 0;
    props.onSaved(
      told
        ? `${t("activityForm.saved")} ${t("activityForm.registrantsTold")}`
        : t("activityForm.saved"),
      detail.id,
    );
    return detail.id;
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const result = checked();
    if (form.busy() || !form.validate() || !result.ok) return;
    form.setBusy(true);
    setFailure(undefined);
    try {
      await save(result.input);
    } catch (failed) {
      setFailure(fmt.error(failed));
    } finally {
      form.setBusy(false);
    }
  }

  return (
    <form class="form activity-form" novalidate onSubmit={submit}>
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <Show when={props.detail?.series}>
        {(series) => (
          <fieldset class="radio-group card">
            <legend>{t("activityForm.scope", { title: series().title })}</legend>
            <For each={["one", "series"] as const}>
              {(option) => (
                <div class="radio">
                  <input
                    type="radio"
                    id={`scope-${option}`}
                    name="scope"
                    value={option}
                    checked={scope() === option}
                    onChange={() => chooseScope(option)}
                  />
                  <label for={`scope-${option}`}>{t(`activityForm.scopes.${option}`)}</label>
                </div>
              )}
            </For>
          </fieldset>
        )}
      </Show>
      <ActivityFields
        values={values}
        setValues={setValues}
        error={error}
        touch={form.touch}
        register={form.register}
        venues={venues.list()}
        venuesFailed={venues.failed()}
        timeZone={fmt.zone()}
        showTimes
        showWindows
        timesDisabled={scope() === "series"}
      />
      <p class="actions">
        <button type="submit" class="button" disabled={form.busy()}>
          {form.busy()
            ? t("common.saving")
            : props.detail
              ? t("common.save")
              : t("activityForm.create")}
        </button>
      </p>
    </form>
  );
};

/** Publish and cancel, with the activity's state and links to its pages. */
const StatusCard: Component<{
  detail: ActivityDetail;
  onChanged: (message: string) => void;
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const d = () => props.detail;
  const [wholeSeries, setWholeSeries] = createSignal(false);
  const [publishing, setPublishing] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const [reason, setReason] = createSignal("");
  const [cancelSeries, setCancelSeries] = createSignal(false);
  const [cancelFailure, setCancelFailure] = createSignal<string>();
  const reasonProblem = () =>
    reason().trim().length > REASON_MAX_LENGTH
      ? t("validation.reasonTooLong", { max: REASON_MAX_LENGTH })
      : undefined;

  async function publish() {
    setPublishing(true);
    setFailure(undefined);
    try {
      const result = await trpc.activities.publish.mutate({ id: d().id, series: wholeSeries() });
      props.onChanged(i18n.plural(t("activityForm.published"), result.published.length));
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      setPublishing(false);
    }
  }

  async function cancel(): Promise<boolean> {
    if (reasonProblem()) return false;
    setCancelFailure(undefined);
    try {
      const result = await trpc.activities.cancel.mutate({
        id: d().id,
        reason: reason().trim(),
        series: cancelSeries(),
      });
      props.onChanged(i18n.plural(t("activityForm.cancelledDone"), result.cancelled.length));
      return true;
    } catch (error) {
      setCancelFailure(fmt.error(error));
      return false;
    }
  }

  const registrants = () => d().confirmedSeats + d().waitlistSeats;

  return (
    <section class="card" aria-labelledby="status-heading">
      <h2 id="status-heading">{t("activityForm.statusHeading")}</h2>
      <p>
        <PhaseBadge phase={d().phase} />{" "}
        {t("activityForm.seatsSummary", {
          confirmed: i18n.formatNumber(d().confirmedSeats),
          waitlisted: i18n.formatNumber(d().waitlistSeats),
        })}
      </p>
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <p class="actions">
        <A class="button button--secondary" href={`/activities/${encodeURIComponent(d().id)}`}>
          {t("activityForm.viewPage")}
        </A>
        <A
          class="button button--secondary"
          href={`/admin/activities/${encodeURIComponent(d().id)}/roster`}
        >
          {t("activityForm.roster")}
        </A>
        <Show when={d().seriesId}>
          {(seriesId) => (
            <A
              class="button button--secondary"
              href={`/admin/series/${encodeURIComponent(seriesId())}`}
            >
              {t("activityForm.seriesPage")}
            </A>
          )}
        </Show>
      </p>
      <Show when={d().status === "draft" && d().phase !== "ended"}>
        <div class="inline-form">
          <Show when={d().seriesId}>
            <CheckboxField
              id="publish-series"
              label={t("activityForm.publishSeries")}
              checked={wholeSeries()}
              onChange={setWholeSeries}
            />
          </Show>
          <div>
            <button
              type="button"
              class="button"
              disabled={publishing()}
              onClick={() => void publish()}
            >
              {publishing() ? t("activityForm.publishing") : t("activityForm.publish")}
            </button>
          </div>
        </div>
      </Show>
      <Show when={d().status !== "cancelled" && d().phase !== "ended"}>
        <div class="inline-form">
          <ConfirmDialog
            trigger={t("activityForm.cancelActivity")}
            triggerClass="button button--secondary button--danger-outline"
            title={t("activityForm.cancelTitle", { title: d().title })}
            confirm={t("activityForm.cancelConfirm")}
            cancel={t("activityForm.keepActivity")}
            busyLabel={t("activityForm.cancelling")}
            danger
            onConfirm={cancel}
          >
            <p>
              {d().status === "published" && registrants() > 0
                ? i18n.plural(t("activityForm.cancelNotify"), registrants())
                : t("activityForm.cancelNoRegistrants")}
            </p>
            <TextAreaField
              id="cancel-reason"
              label={t("activityForm.cancelReason")}
              hint={t("activityForm.cancelReasonHint")}
              required={false}
              value={reason()}
              onInput={setReason}
              error={reasonProblem()}
            />
            <Show when={d().seriesId}>
              <CheckboxField
                id="cancel-series"
                label={t("activityForm.cancelSeries")}
                checked={cancelSeries()}
                onChange={setCancelSeries}
              />
            </Show>
            <Show when={cancelFailure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
          </ConfirmDialog>
        </div>
      </Show>
    </section>
  );
};

const EditActivity: Component<{ id: string }> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  const [params, setParams] = useSearchParams<{ created?: string }>();
  const [detail, { refetch }] = createResource(
    () => (session.ready() ? props.id : undefined),
    (id) => trpc.activities.get.query({ id }),
  );
  const [done, setDone] = createSignal<string | undefined>(
    params.created ? t("activityForm.created") : undefined,
  );
  // A fresh form after each save, holding what the server stored.
  const [formKey, setFormKey] = createSignal(1);

  async function changed(message: string) {
    setParams({ created: undefined }, { replace: true });
    await refetch();
    setFormKey((key) => key + 1);
    setDone(message);
  }

  const current = () => (detail.error ? undefined : detail.latest);
  return (
    <Switch>
      <Match when={detail.error}>
        <ErrorNotice onRetry={() => void refetch()}>{fmt.error(detail.error)}</ErrorNotice>
      </Match>
      <Match when={!current()}>
        <Loading />
      </Match>
      <Match when={current()}>
        {(d) => (
          <>
            <p class="lead">{d().title}</p>
            <Show when={done()}>
              {(text) => (
                <SuccessNotice>
                  <p>{text()}</p>
                </SuccessNotice>
              )}
            </Show>
            <StatusCard detail={d()} onChanged={(message) => void changed(message)} />
            <Show
              when={d().status !== "cancelled"}
              fallback={<p>{t("activityForm.cancelledNoEdit")}</p>}
            >
              <Show when={formKey()} keyed>
                {(_key: number) => (
                  <ActivityForm detail={d()} onSaved={(message) => void changed(message)} />
                )}
              </Show>
            </Show>
          </>
        )}
      </Match>
    </Switch>
  );
};

export const NewActivityPage: Component = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const session = useSession();
  return (
    <Page title={t("activityForm.newTitle")}>
      <Guard action="activities.create">
        <p>
          <A href="/admin/series/new">{t("activityForm.orSeries")}</A>
        </p>
        {/* The zone must be known before the form turns times into instants. */}
        <Show when={session.ready()} fallback={<Loading />}>
          <ActivityForm
            onSaved={(_message, id) =>
              navigate(`/admin/activities/${encodeURIComponent(id)}?created=1`)
            }
          />
        </Show>
      </Guard>
    </Page>
  );
};

export const EditActivityPage: Component = () => {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  return (
    <Page title={t("activityForm.editTitle")}>
      <Guard action="activities.update">
        <p>
          <A href="/admin/activities">{t("activityForm.backToList")}</A>
        </p>
        <Show when={params.id} keyed>
          {(id) => <EditActivity id={id} />}
        </Show>
      </Guard>
    </Page>
  );
};
