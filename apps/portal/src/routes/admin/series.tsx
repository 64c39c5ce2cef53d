// Series for organizers: create one (weekly or monthly, N sessions, or a list of dates) from a
// template of the activity form; and one series' page: its sessions with their attendance,
// and which members completed it (attended the required share of sessions).
import { SERIES_FREQUENCIES } from "@readers/domain";
import { A, useNavigate, useParams, useSearchParams } from "@solidjs/router";
import {
  type Component,
  createMemo,
  createResource,
  createSignal,
  For,
  Index,
  Match,
  Show,
  Switch,
} from "solid-js";
import { createStore } from "solid-js/store";
import { PhaseBadge } from "../../components/activity-facts.tsx";
import { ActivityFields } from "../../components/activity-fields.tsx";
import { CheckboxField, Field, SelectField, TextAreaField } from "../../components/field.tsx";
import { Guard } from "../../components/guard.tsx";
import { Page } from "../../components/page.tsx";
import { ErrorNotice, Loading, SuccessNotice } from "../../components/status.tsx";
import { type Message, useI18n } from "../../i18n/index.ts";
import {
  type ActivityField,
  type ActivityFormValues,
  activityFormValues,
} from "../../lib/activity-form.ts";
import { useFormat } from "../../lib/format.ts";
import { checkSeriesForm, type SeriesFormValues, seriesFormValues } from "../../lib/series-form.ts";
import { trpc } from "../../lib/trpc.ts";
import { listVenues } from "../../lib/venues.ts";
import { useSession } from "../../session.tsx";
import { AttendanceCounts } from "./roster.tsx";

const SeriesForm: Component = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const navigate = useNavigate();
  const [series, setSeries] = createStore<SeriesFormValues>(seriesFormValues());
  const [template, setTemplate] = createStore<ActivityFormValues>({
    ...activityFormValues(undefined, fmt.zone()),
    kind: "reading_club",
  });
  const [venues] = createResource(() => listVenues());
  const [submitted, setSubmitted] = createSignal(false);
  const [touched, setTouched] = createSignal<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const touch = (field: string) => setTouched(new Set([...touched(), field]));
  const show = (field: string) => submitted() || touched().has(field);

  // The sessions' own title and summary default to the series'.
  const templateValues = () => ({
    ...template,
    title: template.title.trim() || series.title,
    summary: template.summary.trim() || series.summary,
  });
  const checked = createMemo(() =>
    checkSeriesForm({ ...series, sessions: [...series.sessions] }, templateValues(), fmt.zone()),
  );
  const words = (message: Message | undefined) => message && t(message.key, message.params);
  const seriesError = (field: "title" | "summary" | "completionPercent" | "interval" | "count") => {
    const result = checked();
    return show(`series.${field}`) && !result.ok ? words(result.problems.series[field]) : undefined;
  };
  const templateError = (field: ActivityField) => {
    const result = checked();
    // An empty session title takes the series title: its problem is shown there.
    if (field === "title" && !template.title.trim()) return undefined;
    return show(field) && !result.ok ? words(result.problems.template[field]) : undefined;
  };
  const sessionError = (index: number, field: "startsAt" | "endsAt") => {
    const result = checked();
    return show(`session.${index}.${field}`) && !result.ok
      ? words(result.problems.sessions[index]?.[field])
      : undefined;
  };

  const scheduleProblem = () => {
    const result = checked();
    return submitted() && !result.ok ? words(result.problems.schedule) : undefined;
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setSubmitted(true);
    const result = checked();
    if (busy()) return;
    if (!result.ok) {
      queueMicrotask(() =>
        document.querySelector<HTMLElement>(".series-form [aria-invalid='true']")?.focus(),
      );
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const created = await trpc.activities.createSeries.mutate(result.input);
      navigate(`/admin/series/${encodeURIComponent(created.series.id)}?created=1`);
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      setBusy(false);
    }
  }

  const schedule = (
    <div class="inline-form">
      <fieldset class="radio-group">
        <legend>{t("seriesForm.schedule")}</legend>
        <For each={["repeat", "dates"] as const}>
          {(option) => (
            <div class="radio">
              <input
                type="radio"
                id={`schedule-${option}`}
                name="schedule"
                value={option}
                checked={series.schedule === option}
                onChange={() => setSeries("schedule", option)}
              />
              <label for={`schedule-${option}`}>{t(`seriesForm.schedules.${option}`)}</label>
            </div>
          )}
        </For>
      </fieldset>
      <Show
        when={series.schedule === "repeat"}
        fallback={
          <div class="session-list">
            <Show when={scheduleProblem()}>
              {(problem) => <p class="field__error">{problem()}</p>}
            </Show>
            <Index each={series.sessions}>
              {(session, index) => (
                <fieldset class="session-row">
                  <legend>
                    {t("seriesForm.session", { number: i18n.formatNumber(index + 1) })}
                  </legend>
                  <div class="field-row">
                    <Field
                      id={`session-${index}-starts`}
                      label={t("seriesForm.sessionStarts", {
                        number: i18n.formatNumber(index + 1),
                      })}
                      type="datetime-local"
                      autocomplete="off"
                      value={session().startsAt}
                      onInput={(value) => setSeries("sessions", index, "startsAt", value)}
                      onBlur={() => touch(`session.${index}.startsAt`)}
                      error={sessionError(index, "startsAt")}
                    />
                    <Field
                      id={`session-${index}-ends`}
                      label={t("seriesForm.sessionEnds", { number: i18n.formatNumber(index + 1) })}
                      type="datetime-local"
                      autocomplete="off"
                      value={session().endsAt}
                      onInput={(value) => setSeries("sessions", index, "endsAt", value)}
                      onBlur={() => touch(`session.${index}.endsAt`)}
                      error={sessionError(index, "endsAt")}
                    />
                  </div>
                  <Show when={series.sessions.length > 1}>
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      onClick={() =>
                        setSeries("sessions", (list) => list.filter((_, i) => i !== index))
                      }
                    >
                      {t("seriesForm.removeSession", { number: i18n.formatNumber(index + 1) })}
                    </button>
                  </Show>
                </fieldset>
              )}
            </Index>
            <button
              type="button"
              class="button button--secondary"
              onClick={() =>
                setSeries("sessions", (list) => [...list, { startsAt: "", endsAt: "" }])
              }
            >
              {t("seriesForm.addSession")}
            </button>
          </div>
        }
      >
        <div class="field-grid">
          <SelectField
            id="series-frequency"
            label={t("seriesForm.frequency")}
            value={series.frequency}
            options={SERIES_FREQUENCIES.map((value) => ({
              value,
              label: t(`seriesForm.frequencies.${value}`),
            }))}
            onChange={(value) => {
              const frequency = SERIES_FREQUENCIES.find((f) => f === value);
              if (frequency) setSeries("frequency", frequency);
            }}
          />
          <Field
            id="series-interval"
            label={t("seriesForm.interval")}
            hint={t("seriesForm.intervalHint")}
            autocomplete="off"
            inputMode="numeric"
            value={series.interval}
            onInput={(value) => setSeries("interval", value)}
            onBlur={() => touch("series.interval")}
            error={seriesError("interval")}
          />
          <Field
            id="series-count"
            label={t("seriesForm.count")}
            autocomplete="off"
            inputMode="numeric"
            value={series.count}
            onInput={(value) => setSeries("count", value)}
            onBlur={() => touch("series.count")}
            error={seriesError("count")}
          />
        </div>
      </Show>
    </div>
  );

  return (
    <form class="form series-form" novalidate onSubmit={submit}>
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <section class="card" aria-labelledby="series-heading">
        <h2 id="series-heading">{t("seriesForm.seriesHeading")}</h2>
        <Field
          id="series-title"
          label={t("seriesForm.title")}
          autocomplete="off"
          value={series.title}
          onInput={(value) => setSeries("title", value)}
          onBlur={() => touch("series.title")}
          error={seriesError("title")}
        />
        <TextAreaField
          id="series-summary"
          label={t("seriesForm.summary")}
          required={false}
          rows={2}
          value={series.summary}
          onInput={(value) => setSeries("summary", value)}
          onBlur={() => touch("series.summary")}
          error={seriesError("summary")}
        />
        <Field
          id="series-completion"
          label={t("seriesForm.completion")}
          hint={t("seriesForm.completionHint")}
          autocomplete="off"
          inputMode="numeric"
          value={series.completionPercent}
          onInput={(value) => setSeries("completionPercent", value)}
          onBlur={() => touch("series.completionPercent")}
          error={seriesError("completionPercent")}
        />
      </section>
      <ActivityFields
        values={template}
        setValues={setTemplate}
        error={templateError}
        touch={touch}
        register={() => () => undefined}
        venues={venues.error ? [] : venues.latest}
        venuesFailed={Boolean(venues.error)}
        timeZone={fmt.zone()}
        showTimes={series.schedule === "repeat"}
        showWindows={false}
        titleHint={t("seriesForm.sessionTitleHint")}
        timesHint={t("seriesForm.firstSessionHint", { zone: fmt.zone() })}
        scheduleExtra={schedule}
      />
      <CheckboxField
        id="series-publish"
        label={t("seriesForm.publish")}
        hint={t("seriesForm.publishHint")}
        checked={series.publish}
        onChange={(value) => setSeries("publish", value)}
      />
      <p class="actions">
        <button type="submit" class="button" disabled={busy()}>
          {busy() ? t("common.saving") : t("seriesForm.create")}
        </button>
      </p>
    </form>
  );
};

export const NewSeriesPage: Component = () => {
  const { t } = useI18n();
  const session = useSession();
  return (
    <Page title={t("seriesForm.newTitle")}>
      <Guard action="activities.createSeries">
        <p>
          <A href="/admin/activities">{t("activityForm.backToList")}</A>
        </p>
        <Show when={session.ready()} fallback={<Loading />}>
          <SeriesForm />
        </Show>
      </Guard>
    </Page>
  );
};

const SeriesAttendance: Component<{ id: string }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const session = useSession();
  const [data, { refetch }] = createResource(
    () => (session.ready() ? props.id : undefined),
    (seriesId) => trpc.activities.attendance.query({ seriesId }),
  );
  const current = () => (data.error ? undefined : data.latest);
  return (
    <Switch>
      <Match when={data.error}>
        <ErrorNotice onRetry={() => void refetch()}>{fmt.error(data.error)}</ErrorNotice>
      </Match>
      <Match when={!current()}>
        <Loading />
      </Match>
      <Match when={current()}>
        {(d) => (
          <>
            <Show when={d().series}>
              {(series) => (
                <section class="card" aria-labelledby="series-title">
                  <h2 id="series-title">{series().title}</h2>
                  <Show when={series().summary}>
                    <p>{series().summary}</p>
                  </Show>
                  <p>
                    {t("seriesPage.completionRule", {
                      percent: i18n.formatNumber(series().completionPercent),
                    })}
                  </p>
                </section>
              )}
            </Show>
            <section aria-labelledby="sessions-heading">
              <h2 id="sessions-heading">{t("seriesPage.sessions")}</h2>
              <Show
                when={d().activities.length > 0}
                fallback={<p class="empty">{t("seriesPage.noSessions")}</p>}
              >
                <ol class="session-summaries">
                  <For each={d().activities}>
                    {(entry) => (
                      <li class="card">
                        <h3 id={`session-${entry.activity.id}`}>
                          <A href={`/admin/activities/${encodeURIComponent(entry.activity.id)}`}>
                            {entry.activity.title}
                          </A>{" "}
                          <PhaseBadge phase={entry.activity.phase} />
                        </h3>
                        <p>
                          <time datetime={entry.activity.startsAt}>
                            {fmt.range(entry.activity.startsAt, entry.activity.endsAt)}
                          </time>{" "}
                          ·{" "}
                          <A
                            href={`/admin/activities/${encodeURIComponent(entry.activity.id)}/roster`}
                            aria-describedby={`session-${entry.activity.id}`}
                          >
                            {t("activityForm.roster")}
                          </A>
                        </p>
                        <AttendanceCounts summary={entry.summary} />
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
            </section>
            <section aria-labelledby="completion-heading">
              <h2 id="completion-heading">{t("seriesPage.completion")}</h2>
              <Show
                when={d().members.length > 0}
                fallback={<p class="empty">{t("seriesPage.noMembers")}</p>}
              >
                <div class="table-wrap">
                  <table class="table">
                    <caption class="visually-hidden">{t("seriesPage.completionCaption")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("roster.name")}</th>
                        <th scope="col">{t("seriesPage.attended")}</th>
                        <th scope="col">{t("seriesPage.completed")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={d().members}>
                        {(member) => (
                          <tr>
                            <th scope="row">{member.name || t("roster.unnamed")}</th>
                            <td>
                              {t("seriesPage.attendedOf", {
                                attended: i18n.formatNumber(member.attended),
                                counted: i18n.formatNumber(member.counted),
                                required: i18n.formatNumber(member.required),
                              })}
                            </td>
                            <td>{member.completed ? t("common.yes") : t("common.no")}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
            </section>
          </>
        )}
      </Match>
    </Switch>
  );
};

export const SeriesPage: Component = () => {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams<{ created?: string }>();
  return (
    <Page title={t("seriesPage.title")}>
      <Guard action="activities.attendance">
        <p>
          <A href="/admin/activities">{t("activityForm.backToList")}</A>
        </p>
        <Show when={search.created}>
          <SuccessNotice>
            <p>{t("seriesPage.created")}</p>
          </SuccessNotice>
        </Show>
        <Show when={params.id} keyed>
          {(id) => <SeriesAttendance id={id} />}
        </Show>
      </Guard>
    </Page>
  );
};
