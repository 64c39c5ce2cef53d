// Admins' association settings: name, time zone (dates and "today" are counted in it),
// contact e-mail, and how long book sharing waits for an answer and for a pickup.
import { BookSharingSettingsSchema, NAME_MAX_LENGTH } from "@readers/domain";
import { type Component, createResource, createSignal, Match, Show, Switch } from "solid-js";
import { Field } from "../../components/field.tsx";
import { createFormState } from "../../components/form.ts";
import { Guard } from "../../components/guard.tsx";
import { Page } from "../../components/page.tsx";
import { ErrorNotice, Loading, SuccessNotice } from "../../components/status.tsx";
import { type Message, useI18n } from "../../i18n/index.ts";
import { useFormat } from "../../lib/format.ts";
import { bounds, isWholeNumberIn, wholeNumber } from "../../lib/numbers.ts";
import { trpc } from "../../lib/trpc.ts";
import { checkEmail, checkTimeZone } from "../../lib/validation.ts";
import { useSession } from "../../session.tsx";

type Settings = Awaited<ReturnType<typeof trpc.admin.settings.query>>;
type SettingsField = "name" | "timezone" | "contactEmail" | "requestExpiryDays" | "pickupDays";

/** The days a wait may last, as the domain's schema allows. */
const WAIT_DAYS = bounds(BookSharingSettingsSchema.shape.pickupDays);

function checkWaitDays(value: string): Message | undefined {
  return isWholeNumberIn(value, WAIT_DAYS)
    ? undefined
    : { key: "validation.wholeNumber", params: WAIT_DAYS };
}

function checkAssociationName(value: string): Message | undefined {
  const name = value.trim();
  if (!name) return { key: "validation.associationNameRequired" };
  if (name.length > NAME_MAX_LENGTH)
    return { key: "validation.nameFieldTooLong", params: { max: NAME_MAX_LENGTH } };
  return undefined;
}

const SettingsForm: Component<{ settings: Settings }> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  const [name, setName] = createSignal(props.settings.name);
  const [timezone, setTimezone] = createSignal(props.settings.timezone);
  const [contactEmail, setContactEmail] = createSignal(props.settings.contactEmail ?? "");
  const [requestExpiryDays, setRequestExpiryDays] = createSignal(
    String(props.settings.bookSharing.requestExpiryDays),
  );
  const [pickupDays, setPickupDays] = createSignal(String(props.settings.bookSharing.pickupDays));
  const [saved, setSaved] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const form = createFormState<SettingsField>({
    name: () => checkAssociationName(name()),
    timezone: () => checkTimeZone(timezone()),
    // Optional: empty means none.
    contactEmail: () => (contactEmail().trim() ? checkEmail(contactEmail()) : undefined),
    requestExpiryDays: () => checkWaitDays(requestExpiryDays()),
    pickupDays: () => checkWaitDays(pickupDays()),
  });
  const message = (field: SettingsField) => {
    const problem = form.error(field);
    return problem && t(problem.key, problem.params);
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setSaved(false);
    if (form.busy() || !form.validate()) return;
    form.setBusy(true);
    setFailure(undefined);
    try {
      await trpc.admin.updateSettings.mutate({
        name: name().trim(),
        timezone: timezone().trim(),
        contactEmail: contactEmail().trim(),
        bookSharing: {
          requestExpiryDays: wholeNumber(requestExpiryDays()),
          pickupDays: wholeNumber(pickupDays()),
        },
      });
      // The association's name and zone come with me.get; every page shows them.
      await session.refresh();
      setSaved(true);
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      form.setBusy(false);
    }
  }

  return (
    <form class="form" novalidate onSubmit={submit}>
      <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
      <Field
        id="association-name"
        label={t("admin.settings.name")}
        autocomplete="organization"
        value={name()}
        onInput={setName}
        error={message("name")}
        ref={form.register("name")}
      />
      <Field
        id="timezone"
        label={t("admin.settings.timezone")}
        hint={t("admin.settings.timezoneHint")}
        autocomplete="off"
        value={timezone()}
        onInput={setTimezone}
        error={message("timezone")}
        ref={form.register("timezone")}
      />
      <Field
        id="contact-email"
        label={t("admin.settings.contactEmail")}
        hint={t("admin.settings.contactEmailHint")}
        type="email"
        autocomplete="email"
        required={false}
        value={contactEmail()}
        onInput={setContactEmail}
        error={message("contactEmail")}
        ref={form.register("contactEmail")}
      />
      <fieldset class="fieldset">
        <legend>{t("admin.settings.bookSharing")}</legend>
        <p class="field__hint">{t("admin.settings.waitsChangeHint")}</p>
        <div class="field-grid">
          <Field
            id="request-expiry-days"
            label={t("admin.settings.requestExpiryDays")}
            hint={t("admin.settings.requestExpiryDaysHint")}
            inputMode="numeric"
            autocomplete="off"
            value={requestExpiryDays()}
            onInput={setRequestExpiryDays}
            error={message("requestExpiryDays")}
            ref={form.register("requestExpiryDays")}
          />
          <Field
            id="pickup-days"
            label={t("admin.settings.pickupDays")}
            hint={t("admin.settings.pickupDaysHint")}
            inputMode="numeric"
            autocomplete="off"
            value={pickupDays()}
            onInput={setPickupDays}
            error={message("pickupDays")}
            ref={form.register("pickupDays")}
          />
        </div>
      </fieldset>
      <Show when={saved()}>
        <SuccessNotice>
          <p>{t("common.saved")}</p>
        </SuccessNotice>
      </Show>
      <div>
        <button type="submit" class="button" disabled={form.busy()}>
          {form.busy() ? t("common.saving") : t("common.save")}
        </button>
      </div>
    </form>
  );
};

const SettingsContent: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [settings, { refetch }] = createResource(() => trpc.admin.settings.query());
  return (
    <Switch>
      <Match when={settings.error}>
        <ErrorNotice onRetry={() => void refetch()}>
          {t("admin.settings.loadFailed")} {fmt.error(settings.error)}
        </ErrorNotice>
      </Match>
      <Match when={!settings.latest}>
        <Loading />
      </Match>
      <Match when={settings.latest}>{(current) => <SettingsForm settings={current()} />}</Match>
    </Switch>
  );
};

export const SettingsPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("admin.settings.title")} class="page--narrow">
      <Guard action="admin.settings">
        <SettingsContent />
      </Guard>
    </Page>
  );
};
