// Admins' library locations, where activities take place: the list, a form to add one
// (the API makes its id from the name) and to rename it or change its address.
import { type Component, createResource, createSignal, Show } from "solid-js";
import { Field, TextAreaField } from "../../components/field.tsx";
import { createFormState } from "../../components/form.ts";
import { Guard } from "../../components/guard.tsx";
import { Page } from "../../components/page.tsx";
import { ErrorNotice, ListTable, SuccessNotice } from "../../components/status.tsx";
import { useI18n } from "../../i18n/index.ts";
import { useFormat } from "../../lib/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { checkLocationAddress, checkLocationName } from "../../lib/validation.ts";

type Location = Awaited<ReturnType<typeof trpc.locations.list.query>>[number];
type LocationField = "name" | "address";

const LocationForm: Component<{
  editing: Location | undefined;
  onSaved: (message: string) => void;
  onCancel: () => void;
}> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [name, setName] = createSignal(props.editing?.name ?? "");
  const [address, setAddress] = createSignal(props.editing?.address ?? "");
  const [failure, setFailure] = createSignal<string>();
  const form = createFormState<LocationField>({
    name: () => checkLocationName(name()),
    address: () => checkLocationAddress(address()),
  });
  const message = (field: LocationField) => {
    const problem = form.error(field);
    return problem && t(problem.key, problem.params);
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (form.busy() || !form.validate()) return;
    form.setBusy(true);
    setFailure(undefined);
    try {
      const saved = await trpc.locations.save.mutate({
        id: props.editing?.id,
        name: name().trim(),
        address: address().trim() || null,
      });
      props.onSaved(
        props.editing
          ? t("admin.locations.updated")
          : t("admin.locations.created", { name: saved.name }),
      );
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      form.setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="location-form-heading">
      <h2 id="location-form-heading">
        {props.editing
          ? t("admin.locations.editHeading", { name: props.editing.name })
          : t("admin.locations.newHeading")}
      </h2>
      <form class="form" novalidate onSubmit={submit}>
        <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
        <Field
          id="location-name"
          label={t("admin.locations.name")}
          autocomplete="off"
          value={name()}
          onInput={setName}
          onBlur={() => form.touch("name")}
          error={message("name")}
          ref={form.register("name")}
        />
        <TextAreaField
          id="location-address"
          label={t("admin.locations.address")}
          hint={t("admin.locations.addressHint")}
          required={false}
          rows={2}
          value={address()}
          onInput={setAddress}
          onBlur={() => form.touch("address")}
          error={message("address")}
          ref={form.register("address")}
        />
        <p class="actions">
          <button type="submit" class="button" disabled={form.busy()}>
            {form.busy()
              ? t("common.saving")
              : props.editing
                ? t("admin.locations.save")
                : t("admin.locations.add")}
          </button>
          <Show when={props.editing}>
            <button type="button" class="button button--secondary" onClick={props.onCancel}>
              {t("admin.locations.cancelEdit")}
            </button>
          </Show>
        </p>
      </form>
    </section>
  );
};

const LocationsContent: Component = () => {
  const { t } = useI18n();
  const [locations, { refetch }] = createResource(() => trpc.locations.list.query());
  const [editing, setEditing] = createSignal<Location>();
  // A new form (fresh values) each time editing starts, ends or saves.
  const [formKey, setFormKey] = createSignal(1);
  const [done, setDone] = createSignal<string>();

  function edit(location: Location | undefined) {
    setEditing(location);
    setFormKey((key) => key + 1);
    setDone(undefined);
    queueMicrotask(() => document.getElementById("location-name")?.focus());
  }

  async function saved(message: string) {
    await refetch();
    setEditing(undefined);
    setFormKey((key) => key + 1);
    setDone(message);
  }

  return (
    <>
      <p>{t("admin.locations.intro")}</p>
      <Show when={done()}>
        {(text) => (
          <SuccessNotice>
            <p>{text()}</p>
          </SuccessNotice>
        )}
      </Show>
      <ListTable
        items={locations}
        failed={t("admin.locations.loadFailed")}
        empty={t("admin.locations.empty")}
        onRetry={() => void refetch()}
        caption={t("admin.locations.caption")}
        columns={[
          t("admin.locations.name"),
          t("admin.locations.address"),
          t("admin.locations.actions"),
        ]}
        row={(location) => (
          <tr>
            <th scope="row">{location.name}</th>
            <td>{location.address || t("admin.locations.noAddress")}</td>
            <td>
              <button
                type="button"
                class="button button--secondary button--small"
                aria-label={t("admin.locations.editNamed", { name: location.name })}
                onClick={() => edit(location)}
              >
                {t("admin.locations.edit")}
              </button>
            </td>
          </tr>
        )}
      />
      <Show when={formKey()} keyed>
        {(_key: number) => (
          <LocationForm
            editing={editing()}
            onSaved={(message) => void saved(message)}
            onCancel={() => edit(undefined)}
          />
        )}
      </Show>
    </>
  );
};

export const LocationsPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("admin.locations.title")}>
      <Guard action="locations.save">
        <LocationsContent />
      </Guard>
    </Page>
  );
};
