// An activity's roster for organizers: every registration with what check-in needs (name,
// member number, party) and what became of it — confirmed, waitlisted, cancelled, late,
// attended, no-show — with manual check-in and undo, moving a party up from the waitlist,
// the attendance summary, and the roster as a CSV file.
import { REGISTRATION_STATUSES } from "@readers/domain";
import { A, useParams, useSearchParams } from "@solidjs/router";
import {
  type Component,
  createResource,
  createSignal,
  For,
  Match,
  onCleanup,
  Show,
  Switch,
} from "solid-js";
import { SelectField } from "../../components/field.tsx";
import { Guard } from "../../components/guard.tsx";
import { Page } from "../../components/page.tsx";
import { ErrorNotice, Loading, SuccessNotice } from "../../components/status.tsx";
import { useI18n } from "../../i18n/index.ts";
import { downloadFile } from "../../lib/download.ts";
import { useFormat } from "../../lib/format.ts";
import { onLiveOccupancy } from "../../lib/live-occupancy.ts";
import { trpc } from "../../lib/trpc.ts";
import { useSession } from "../../session.tsx";

type Roster = Awaited<ReturnType<typeof trpc.activities.registrations.query>>;
type Line = Roster["items"][number];
type Summary = Awaited<
  ReturnType<typeof trpc.activities.attendance.query>
>["activities"][number]["summary"];

type Status = (typeof REGISTRATION_STATUSES)[number];
const isStatus = (value: unknown): value is Status =>
  REGISTRATION_STATUSES.includes(value as Status);

/** The roster's actions a line allows now. */
export function lineActions(line: Pick<Line, "status" | "checkedInAt">) {
  return {
    checkIn: line.status !== "cancelled" && !line.checkedInAt,
    undo: Boolean(line.checkedInAt),
    promote: line.status === "waitlisted" && !line.checkedInAt,
  };
}

/** The attendance summary: seats and parties, as a row of counts. */
export const AttendanceCounts: Component<{ summary: Summary; id?: string }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const s = () => props.summary;
  const n = (value: number) => i18n.formatNumber(value);
  const seatsOf = (parties: number, seats: number) =>
    t("roster.partiesSeats", { parties: n(parties), seats: n(seats) });
  return (
    <dl class="counts" id={props.id}>
      <div>
        <dt>{t("roster.summary.confirmed")}</dt>
        <dd>{seatsOf(s().confirmedParties, s().confirmedSeats)}</dd>
      </div>
      <div>
        <dt>{t("roster.summary.waitlisted")}</dt>
        <dd>{seatsOf(s().waitlistedParties, s().waitlistedSeats)}</dd>
      </div>
      <div>
        <dt>{t("roster.summary.attended")}</dt>
        <dd>{seatsOf(s().attendedParties, s().attendedSeats)}</dd>
      </div>
      <div>
        <dt>{t("roster.summary.noShows")}</dt>
        <dd>{seatsOf(s().noShowParties, s().noShowSeats)}</dd>
      </div>
      <div>
        <dt>{t("roster.summary.walkIns")}</dt>
        <dd>{seatsOf(s().walkInParties, s().walkInSeats)}</dd>
      </div>
      <div>
        <dt>{t("roster.summary.cancellations")}</dt>
        <dd>
          {t("roster.cancellations", {
            count: n(s().cancellations),
            late: n(s().lateCancellations),
          })}
        </dd>
      </div>
      <div>
        <dt>{t("roster.summary.noShowRate")}</dt>
        <dd>
          {s().noShowRate === null
            ? t("roster.notYet")
            : i18n.formatNumber(s().noShowRate ?? 0, {
                style: "percent",
                maximumFractionDigits: 0,
              })}
        </dd>
      </div>
    </dl>
  );
};

const RosterContent: Component<{ id: string }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const session = useSession();
  const [params, setParams] = useSearchParams<{ status?: string }>();
  const status = () => (isStatus(params.status) ? params.status : undefined);
  const [roster, { refetch, mutate }] = createResource(
    () => (session.ready() ? { activityId: props.id, status: status() } : undefined),
    (input) => trpc.activities.registrations.query(input),
  );
  const [attendance, { refetch: refetchAttendance }] = createResource(
    () => (session.ready() ? props.id : undefined),
    (activityId) => trpc.activities.attendance.query({ activityId }),
  );
  const [busy, setBusy] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();
  const [done, setDone] = createSignal<string>();
  const [exporting, setExporting] = createSignal(false);

  /** Puts a changed line (and the room's occupancy) into the roster without a reload. */
  function replaceLine(line: Line, occupancy?: Roster["occupancy"]) {
    mutate(
      (current) =>
        current && {
          ...current,
          occupancy: occupancy ?? current.occupancy,
          items: current.items.map((item) =>
            item.registrationId === line.registrationId ? line : item,
          ),
        },
    );
  }

  // Kiosks check people in too: take the room's count as it changes, and reload the lines
  // (debounced) so the newly arrived show as attended.
  let reload: ReturnType<typeof setTimeout> | undefined;
  onLiveOccupancy(props.id, (live) => {
    const current = roster();
    if (!current || current.occupancy.checkedInSeats === live.checkedIn) return;
    mutate({
      ...current,
      occupancy: { checkedInSeats: live.checkedIn, capacity: live.capacity },
    });
    clearTimeout(reload);
    reload = setTimeout(() => {
      void refetch();
      void refetchAttendance();
    }, 1_000);
  });
  onCleanup(() => clearTimeout(reload));

  // Seats arriving per party (part of a party may not come); the whole party by default.
  const [arriving, setArriving] = createSignal<Record<string, number>>({});
  const seatsFor = (line: Line) => arriving()[line.registrationId] ?? line.partySize;

  async function act(line: Line, action: "checkIn" | "undo" | "promote") {
    setBusy(line.registrationId);
    setFailure(undefined);
    setDone(undefined);
    try {
      if (action === "checkIn") {
        const result = await trpc.activities.checkIn.mutate({
          registrationId: line.registrationId,
          seats: seatsFor(line),
        });
        replaceLine(result.registration, result.occupancy);
        setDone(
          result.outcome === "ALREADY_CHECKED_IN"
            ? t("roster.alreadyCheckedIn", { name: line.name })
            : t("roster.checkedIn", { name: line.name }),
        );
      } else if (action === "undo") {
        const result = await trpc.activities.undoCheckIn.mutate({
          registrationId: line.registrationId,
        });
        replaceLine(result.registration, result.occupancy);
        setDone(t("roster.undone", { name: line.name }));
      } else {
        const result = await trpc.activities.moveFromWaitlist.mutate({
          registrationId: line.registrationId,
        });
        replaceLine(result.registration);
        setDone(
          result.promoted ? t("roster.promoted", { name: line.name }) : t("roster.notPromoted"),
        );
        // Other places on the waitlist moved too.
        void refetch();
      }
      void refetchAttendance();
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      setBusy(undefined);
    }
  }

  async function exportCsv() {
    setExporting(true);
    setFailure(undefined);
    try {
      const file = await trpc.activities.rosterCsv.query({
        activityId: props.id,
        status: status(),
      });
      downloadFile(file.filename, file.csv, "text/csv;charset=utf-8");
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      setExporting(false);
    }
  }

  const statusText = (line: Line) => {
    if (line.attendance === "waitlisted" && line.waitlistPosition !== null)
      return t("roster.waitlistedAt", { position: i18n.formatNumber(line.waitlistPosition) });
    return t(`attendance.${line.attendance}`);
  };

  const current = () => (roster.error ? undefined : roster.latest);

  return (
    <Switch>
      <Match when={roster.error}>
        <ErrorNotice onRetry={() => void refetch()}>{fmt.error(roster.error)}</ErrorNotice>
      </Match>
      <Match when={!current()}>
        <Loading />
      </Match>
      <Match when={current()}>
        {(r) => (
          <>
            <section class="card" aria-labelledby="roster-activity">
              <h2 id="roster-activity">
                <A href={`/admin/activities/${encodeURIComponent(r().activity.id)}`}>
                  {r().activity.title}
                </A>
              </h2>
              <p>
                <time datetime={r().activity.startsAt}>
                  {fmt.range(r().activity.startsAt, r().activity.endsAt)}
                </time>
                <Show when={r().activity.location}>{(place) => <> · {place().name}</>}</Show>
              </p>
              <p class="occupancy" aria-live="polite">
                {r().occupancy.capacity === null
                  ? t("roster.occupancyUnlimited", {
                      checkedIn: i18n.formatNumber(r().occupancy.checkedInSeats),
                    })
                  : t("roster.occupancy", {
                      checkedIn: i18n.formatNumber(r().occupancy.checkedInSeats),
                      capacity: i18n.formatNumber(r().occupancy.capacity ?? 0),
                    })}
              </p>
              <Show when={r().activity.seriesId}>
                {(seriesId) => (
                  <p>
                    <A href={`/admin/series/${encodeURIComponent(seriesId())}`}>
                      {t("roster.seriesAttendance")}
                    </A>
                  </p>
                )}
              </Show>
            </section>

            <section aria-labelledby="attendance-heading">
              <h2 id="attendance-heading">{t("roster.attendanceHeading")}</h2>
              <Switch>
                <Match when={attendance.error}>
                  <ErrorNotice onRetry={() => void refetchAttendance()}>
                    {fmt.error(attendance.error)}
                  </ErrorNotice>
                </Match>
                <Match when={attendance.latest?.activities[0]}>
                  {(entry) => <AttendanceCounts summary={entry().summary} />}
                </Match>
              </Switch>
            </section>

            <section aria-labelledby="registrations-heading">
              <h2 id="registrations-heading">{t("roster.registrationsHeading")}</h2>
              <div class="toolbar">
                <SelectField
                  id="roster-status"
                  label={t("roster.filter")}
                  value={status() ?? ""}
                  options={[
                    { value: "", label: t("roster.allStatuses") },
                    ...REGISTRATION_STATUSES.map((value) => ({
                      value,
                      label: t(`roster.statuses.${value}`),
                    })),
                  ]}
                  onChange={(value) => setParams({ status: value || undefined })}
                />
                <button
                  type="button"
                  class="button button--secondary"
                  disabled={exporting()}
                  onClick={() => void exportCsv()}
                >
                  {exporting() ? t("roster.exporting") : t("roster.exportCsv")}
                </button>
              </div>
              <Show when={done()}>
                {(text) => (
                  <SuccessNotice>
                    <p>{text()}</p>
                  </SuccessNotice>
                )}
              </Show>
              <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
              <Show when={r().truncated}>
                <p class="notice">{t("roster.truncated")}</p>
              </Show>
              <Show when={r().items.length > 0} fallback={<p class="empty">{t("roster.empty")}</p>}>
                <div class="table-wrap">
                  <table class="table" aria-busy={roster.loading}>
                    <caption class="visually-hidden">{t("roster.caption")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("roster.name")}</th>
                        <th scope="col">{t("roster.memberNumber")}</th>
                        <th scope="col">{t("roster.party")}</th>
                        <th scope="col">{t("roster.status")}</th>
                        <th scope="col">{t("roster.checkedInAt")}</th>
                        <th scope="col">{t("roster.actions")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={r().items}>
                        {(line) => {
                          const actions = () => lineActions(line);
                          const nameId = `line-${line.registrationId}`;
                          return (
                            <tr data-status={line.attendance}>
                              <th scope="row" id={nameId}>
                                {line.name || t("roster.unnamed")}
                                <Show when={line.kind !== "member"}>
                                  <span class="event-detail">{t(`roster.kinds.${line.kind}`)}</span>
                                </Show>
                              </th>
                              <td class="nowrap">{line.memberNumber ?? t("common.none")}</td>
                              <td>
                                {line.checkedInSeats !== null &&
                                line.checkedInSeats !== line.partySize
                                  ? t("roster.partyCame", {
                                      seats: i18n.formatNumber(line.checkedInSeats),
                                      party: i18n.formatNumber(line.partySize),
                                    })
                                  : i18n.formatNumber(line.partySize)}
                              </td>
                              <td>
                                <span class={`status status--attendance-${line.attendance}`}>
                                  {statusText(line)}
                                </span>
                              </td>
                              <td class="nowrap">
                                {line.checkedInAt ? fmt.time(line.checkedInAt) : t("common.none")}
                              </td>
                              <td>
                                <div class="actions">
                                  <Show when={actions().checkIn && line.partySize > 1}>
                                    <select
                                      class="select--small"
                                      aria-label={t("roster.seatsArriving", { name: line.name })}
                                      value={seatsFor(line)}
                                      onChange={(event) =>
                                        setArriving({
                                          ...arriving(),
                                          [line.registrationId]: Number(event.currentTarget.value),
                                        })
                                      }
                                    >
                                      <For
                                        each={Array.from(
                                          { length: line.partySize },
                                          (_, i) => i + 1,
                                        )}
                                      >
                                        {(n) => <option value={n}>{n}</option>}
                                      </For>
                                    </select>
                                  </Show>
                                  <Show when={actions().checkIn}>
                                    <button
                                      type="button"
                                      class="button button--small"
                                      aria-describedby={nameId}
                                      disabled={busy() === line.registrationId}
                                      onClick={() => void act(line, "checkIn")}
                                    >
                                      {t("roster.checkIn")}
                                    </button>
                                  </Show>
                                  <Show when={actions().undo}>
                                    <button
                                      type="button"
                                      class="button button--secondary button--small"
                                      aria-describedby={nameId}
                                      disabled={busy() === line.registrationId}
                                      onClick={() => void act(line, "undo")}
                                    >
                                      {t("roster.undo")}
                                    </button>
                                  </Show>
                                  <Show when={actions().promote}>
                                    <button
                                      type="button"
                                      class="button button--secondary button--small"
                                      aria-describedby={nameId}
                                      disabled={busy() === line.registrationId}
                                      onClick={() => void act(line, "promote")}
                                    >
                                      {t("roster.promote")}
                                    </button>
                                  </Show>
                                </div>
                              </td>
                            </tr>
                          );
                        }}
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

export const RosterPage: Component = () => {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  return (
    <Page title={t("roster.title")}>
      <Guard action="activities.registrations">
        <p>
          <A href="/admin/activities">{t("activityForm.backToList")}</A>
        </p>
        <Show when={params.id} keyed>
          {(id) => <RosterContent id={id} />}
        </Show>
      </Guard>
    </Page>
  );
};
