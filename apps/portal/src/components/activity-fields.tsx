// Every field of an activity (DESIGN §2.2) for the organizers' forms, grouped in cards:
// what, when and where, registration, check-in and cancellation, books and partners. The
// single-activity form and the series form (its session template) share it.
import { ACTIVITY_KINDS, AUDIENCES, REGISTRATION_MODES } from "@readers/domain";
import { A } from "@solidjs/router";
import { type Component, createSignal, For, type JSX, Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { useI18n } from "../i18n/index.ts";
import {
  ACTIVITY_BOUNDS,
  type ActivityField,
  type ActivityFormValues,
  MINUTE_FIELDS,
} from "../lib/activity-form.ts";
import { trpc } from "../lib/trpc.ts";
import type { Venue } from "../lib/venues.ts";
import { useSession } from "../session.tsx";
import { CheckboxField, Field, SelectField, TextAreaField } from "./field.tsx";

/**
 * Shows the description as the activity page will (the server's sanitiser renders it), so
 * an organizer sees what Markdown and HTML survive before saving.
 */
const DescriptionPreview: Component<{ markdown: string }> = (props) => {
  const { t } = useI18n();
  const [html, setHtml] = createSignal<string>();
  const [state, setState] = createSignal<"idle" | "loading" | "failed">("idle");
  async function preview() {
    setState("loading");
    try {
      setHtml((await trpc.activities.previewDescription.query({ markdown: props.markdown })).html);
      setState("idle");
    } catch {
      setState("failed");
    }
  }
  return (
    <div class="description-preview">
      <button
        type="button"
        class="button button--secondary"
        disabled={state() === "loading"}
        onClick={() => void preview()}
      >
        {t("activityForm.preview")}
      </button>
      <div aria-live="polite">
        <Show when={state() === "failed"}>
          <p class="field__error">{t("activityForm.previewFailed")}</p>
        </Show>
        <Show when={html() !== undefined && state() !== "failed"}>
          <section class="card prose" aria-label={t("activityForm.previewHeading")}>
            <Show when={html()} fallback={<p>{t("activityForm.previewEmpty")}</p>}>
              {/* Sanitised by the server, the same HTML the activity page shows. */}
              <div innerHTML={html()} />
            </Show>
          </section>
        </Show>
      </div>
    </div>
  );
};

export interface ActivityFieldsProps {
  values: ActivityFormValues;
  setValues: SetStoreFunction<ActivityFormValues>;
  /** The field's problem in words, when it should show. */
  error: (field: ActivityField) => string | undefined;
  touch: (field: ActivityField) => void;
  register: (field: ActivityField) => (element: HTMLElement) => void;
  /** Undefined while they load; empty when there are none (or they failed to load). */
  venues: readonly Venue[] | undefined;
  /** locations.list failed: say so rather than "there are none". */
  venuesFailed?: boolean;
  timeZone: string;
  /** Start and end; a series given by dates lists them elsewhere. */
  showTimes: boolean;
  /** Times cannot change (a series-wide edit): shown, not editable. */
  timesDisabled?: boolean;
  /** Registration opens/closes: per session, so not part of a series template. */
  showWindows: boolean;
  /** Overrides for the series template ("Session title", "first session"). */
  titleHint?: string;
  timesHint?: string;
  /** Extra content at the end of the "when and where" card (a series schedule). */
  scheduleExtra?: JSX.Element;
}

const MINUTE_LABELS = {
  cancellationCutoffMinutes: "activityForm.cancellationCutoff",
  checkInOpensMinutesBefore: "activityForm.checkInOpens",
  noShowAfterMinutes: "activityForm.noShowAfter",
} as const;

const MINUTE_HINTS = {
  cancellationCutoffMinutes: "activityForm.cancellationCutoffHint",
  checkInOpensMinutesBefore: "activityForm.checkInOpensHint",
  noShowAfterMinutes: "activityForm.noShowAfterHint",
} as const;

export const ActivityFields: Component<ActivityFieldsProps> = (props) => {
  const { t } = useI18n();
  const session = useSession();
  const text = (field: ActivityField, value: string) => props.setValues(field, value);
  const zoneHint = () => props.timesHint ?? t("activityForm.timesHint", { zone: props.timeZone });
  return (
    <>
      <section class="card" aria-labelledby="what-heading">
        <h2 id="what-heading">{t("activityForm.whatHeading")}</h2>
        <SelectField
          id="activity-kind"
          label={t("activityForm.kind")}
          value={props.values.kind}
          options={ACTIVITY_KINDS.map((kind) => ({
            value: kind,
            label: t(`activity.kinds.${kind}`),
          }))}
          onChange={(value) => {
            const kind = ACTIVITY_KINDS.find((k) => k === value);
            if (kind) props.setValues("kind", kind);
          }}
        />
        <Field
          id="activity-title"
          label={t("activityForm.title")}
          hint={props.titleHint}
          required={!props.titleHint}
          autocomplete="off"
          value={props.values.title}
          onInput={(value) => text("title", value)}
          onBlur={() => props.touch("title")}
          error={props.error("title")}
          ref={props.register("title")}
        />
        <TextAreaField
          id="activity-summary"
          label={t("activityForm.summary")}
          hint={t("activityForm.summaryHint")}
          required={false}
          rows={2}
          value={props.values.summary}
          onInput={(value) => text("summary", value)}
          onBlur={() => props.touch("summary")}
          error={props.error("summary")}
          ref={props.register("summary")}
        />
        <TextAreaField
          id="activity-description"
          label={t("activityForm.description")}
          hint={t("activityForm.descriptionHint")}
          required={false}
          rows={8}
          class="field--code"
          value={props.values.description}
          onInput={(value) => text("description", value)}
          onBlur={() => props.touch("description")}
          error={props.error("description")}
          ref={props.register("description")}
        />
        <DescriptionPreview markdown={props.values.description} />
      </section>

      <section class="card" aria-labelledby="when-heading">
        <h2 id="when-heading">{t("activityForm.whenHeading")}</h2>
        <Show when={props.showTimes}>
          <p class="field__hint" id="times-hint">
            {props.timesDisabled ? t("activityForm.timesPerSession") : zoneHint()}
          </p>
          <div class="field-row">
            <Field
              id="activity-starts"
              label={t("activityForm.starts")}
              type="datetime-local"
              autocomplete="off"
              disabled={props.timesDisabled}
              value={props.values.startsAt}
              onInput={(value) => text("startsAt", value)}
              onBlur={() => props.touch("startsAt")}
              error={props.error("startsAt")}
              ref={props.register("startsAt")}
            />
            <Field
              id="activity-ends"
              label={t("activityForm.ends")}
              type="datetime-local"
              autocomplete="off"
              disabled={props.timesDisabled}
              value={props.values.endsAt}
              onInput={(value) => text("endsAt", value)}
              onBlur={() => props.touch("endsAt")}
              error={props.error("endsAt")}
              ref={props.register("endsAt")}
            />
          </div>
        </Show>
        {props.scheduleExtra}
        <Show
          when={props.venues?.length !== 0}
          fallback={
            <div class="field" classList={{ "field--invalid": Boolean(props.error("locationId")) }}>
              <p class="field__label">{t("activityForm.venue")}</p>
              <p id="activity-venue" tabindex="-1" ref={props.register("locationId")}>
                {props.venuesFailed ? t("activityForm.venuesFailed") : t("activityForm.noVenues")}{" "}
                <Show when={session.can("locations.save")} fallback={t("activityForm.askAdmin")}>
                  <A href="/admin/locations">{t("activityForm.addLocations")}</A>
                </Show>
              </p>
              <Show when={props.error("locationId")}>
                {(text) => <p class="field__error">{text()}</p>}
              </Show>
            </div>
          }
        >
          <SelectField
            id="activity-venue"
            label={t("activityForm.venue")}
            value={props.values.locationId}
            options={[
              {
                value: "",
                label: props.venues ? t("activityForm.chooseVenue") : t("common.loading"),
              },
              ...(props.venues ?? []).map((venue) => ({ value: venue.id, label: venue.name })),
            ]}
            onChange={(value) => {
              text("locationId", value);
              props.touch("locationId");
            }}
            error={props.error("locationId")}
            ref={props.register("locationId")}
          />
        </Show>
      </section>

      <section class="card" aria-labelledby="registration-settings-heading">
        <h2 id="registration-settings-heading">{t("activityForm.registrationHeading")}</h2>
        <div class="field-grid">
          <Field
            id="activity-capacity"
            label={t("activityForm.capacity")}
            hint={t("activityForm.capacityHint")}
            required={false}
            autocomplete="off"
            inputMode="numeric"
            value={props.values.capacity}
            onInput={(value) => text("capacity", value)}
            onBlur={() => props.touch("capacity")}
            error={props.error("capacity")}
            ref={props.register("capacity")}
          />
          <Field
            id="activity-party"
            label={t("activityForm.maxPartySize")}
            hint={t("activityForm.maxPartySizeHint", { max: ACTIVITY_BOUNDS.maxPartySize.max })}
            autocomplete="off"
            inputMode="numeric"
            value={props.values.maxPartySize}
            onInput={(value) => text("maxPartySize", value)}
            onBlur={() => props.touch("maxPartySize")}
            error={props.error("maxPartySize")}
            ref={props.register("maxPartySize")}
          />
          <SelectField
            id="activity-audience"
            label={t("activityForm.audience")}
            value={props.values.audience}
            options={AUDIENCES.map((value) => ({ value, label: t(`activity.audiences.${value}`) }))}
            onChange={(value) => {
              const audience = AUDIENCES.find((a) => a === value);
              if (audience) props.setValues("audience", audience);
            }}
          />
          <SelectField
            id="activity-registration"
            label={t("activityForm.registration")}
            value={props.values.registration}
            options={REGISTRATION_MODES.map((value) => ({
              value,
              label: t(`activity.registrationModes.${value}`),
            }))}
            onChange={(value) => {
              const mode = REGISTRATION_MODES.find((m) => m === value);
              if (mode) props.setValues("registration", mode);
            }}
          />
        </div>
        <Show when={props.showWindows}>
          <div class="field-row">
            <Field
              id="activity-opens"
              label={t("activityForm.opensAt")}
              hint={t("activityForm.opensAtHint")}
              type="datetime-local"
              required={false}
              autocomplete="off"
              disabled={props.timesDisabled}
              value={props.values.opensAt}
              onInput={(value) => text("opensAt", value)}
              onBlur={() => props.touch("opensAt")}
              error={props.error("opensAt")}
              ref={props.register("opensAt")}
            />
            <Field
              id="activity-closes"
              label={t("activityForm.closesAt")}
              hint={t("activityForm.closesAtHint")}
              type="datetime-local"
              required={false}
              autocomplete="off"
              disabled={props.timesDisabled}
              value={props.values.closesAt}
              onInput={(value) => text("closesAt", value)}
              onBlur={() => props.touch("closesAt")}
              error={props.error("closesAt")}
              ref={props.register("closesAt")}
            />
          </div>
        </Show>
        <CheckboxField
          id="activity-waitlist"
          label={t("activityForm.waitlist")}
          hint={t("activityForm.waitlistHint")}
          checked={props.values.waitlistEnabled}
          onChange={(value) => props.setValues("waitlistEnabled", value)}
        />
      </section>

      <section class="card" aria-labelledby="attendance-settings-heading">
        <h2 id="attendance-settings-heading">{t("activityForm.attendanceHeading")}</h2>
        <div class="field-grid">
          <For each={MINUTE_FIELDS}>
            {(field) => (
              <Field
                id={`activity-${field}`}
                label={t(MINUTE_LABELS[field])}
                hint={t(MINUTE_HINTS[field])}
                autocomplete="off"
                inputMode="numeric"
                value={props.values[field]}
                onInput={(value) => text(field, value)}
                onBlur={() => props.touch(field)}
                error={props.error(field)}
                ref={props.register(field)}
              />
            )}
          </For>
        </div>
      </section>

      <section class="card" aria-labelledby="books-partners-heading">
        <h2 id="books-partners-heading">{t("activityForm.booksHeading")}</h2>
        <TextAreaField
          id="activity-books"
          label={t("activityForm.featuredBooks")}
          hint={t("activityForm.featuredBooksHint")}
          required={false}
          rows={3}
          value={props.values.featuredBooks}
          onInput={(value) => text("featuredBooks", value)}
          onBlur={() => props.touch("featuredBooks")}
          error={props.error("featuredBooks")}
          ref={props.register("featuredBooks")}
        />
        <TextAreaField
          id="activity-partners"
          label={t("activityForm.partners")}
          hint={t("activityForm.partnersHint")}
          required={false}
          rows={2}
          value={props.values.partnerNames}
          onInput={(value) => text("partnerNames", value)}
          onBlur={() => props.touch("partnerNames")}
          error={props.error("partnerNames")}
          ref={props.register("partnerNames")}
        />
      </section>
    </>
  );
};
