// Admins' kiosks: create one for a location and show its one-time pairing code (large, as a
// QR of the pairing link, with the time left), and the list of kiosks with where they are,
// their state and when they last called, each revocable (the kiosk then asks to be paired).
import { KioskNameSchema, KioskStaffPinSchema } from "@readers/domain";
import { ConfirmDialog } from "@readers/ui";
import { A } from "@solidjs/router";
import {
  type Component,
  createResource,
  createSignal,
  Match,
  onCleanup,
  Show,
  Switch,
} from "solid-js";
import { CopyButton } from "../../components/copy-button.tsx";
import { Field, SelectField } from "../../components/field.tsx";
import { Guard } from "../../components/guard.tsx";
import { Page } from "../../components/page.tsx";
import { ErrorNotice, ListTable, Loading, SuccessNotice } from "../../components/status.tsx";
import { useI18n } from "../../i18n/index.ts";
import { useFormat } from "../../lib/format.ts";
import { relativeTime } from "../../lib/relative-time.ts";
import { trpc } from "../../lib/trpc.ts";

type Device = Awaited<ReturnType<typeof trpc.kiosk.devices.query>>[number];
type Pairing = Awaited<ReturnType<typeof trpc.kiosk.pair.mutate>>;
type Location = Awaited<ReturnType<typeof trpc.locations.list.query>>[number];

/** The countdown and "last seen" move on once a second. */
const TICK_MS = 1_000;
/** While a code is on screen the list is re-read, so the admin sees the kiosk pair. */
const PAIRING_POLL_MS = 5_000;

function useNow() {
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), TICK_MS);
  onCleanup(() => clearInterval(timer));
  return now;
}

/** "14:32" left until `until`, or null once it has passed. */
function countdown(until: string, now: Date): string | null {
  const seconds = Math.ceil((new Date(until).getTime() - now.getTime()) / 1000);
  if (seconds <= 0) return null;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

const PairingPanel: Component<{ pairing: Pairing; device: Device | undefined }> = (props) => {
  const { t } = useI18n();
  const now = useNow();
  const left = () => countdown(props.pairing.expiresAt, now());
  const paired = () => props.device?.state === "paired";
  return (
    <section class="card kiosk-pairing" aria-labelledby="pairing-heading">
      <h2 id="pairing-heading">
        {t("admin.kiosks.pairingHeading", { name: props.pairing.device.name })}
      </h2>
      <Switch>
        <Match when={paired()}>
          <SuccessNotice>
            <p>{t("admin.kiosks.pairedNow", { name: props.pairing.device.name })}</p>
          </SuccessNotice>
        </Match>
        <Match when={!left()}>
          <ErrorNotice>{t("admin.kiosks.codeExpired")}</ErrorNotice>
        </Match>
        <Match when={left()}>
          <p>{t("admin.kiosks.pairingHow")}</p>
          <p class="kiosk-pairing__code">
            <span class="visually-hidden">{t("admin.kiosks.code")}: </span>
            <output>{props.pairing.pairingCode}</output>
          </p>
          <p aria-live="polite">{t("admin.kiosks.expiresIn", { time: left() ?? "" })}</p>
          {/* The server draws the QR code; the SVG is ours, not user input. */}
          <div
            class="kiosk-pairing__qr"
            role="img"
            aria-label={t("admin.kiosks.qrLabel")}
            innerHTML={props.pairing.pairingQrSvg}
          />
          <p class="kiosk-pairing__link">
            <span id="pairing-link">{props.pairing.pairingUrl}</span>{" "}
            <CopyButton
              text={props.pairing.pairingUrl}
              label={t("admin.kiosks.copyLink")}
              describedBy="pairing-link"
            />
          </p>
        </Match>
      </Switch>
    </section>
  );
};

const KioskForm: Component<{
  locations: Location[];
  onPaired: (pairing: Pairing) => void;
}> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [name, setName] = createSignal("");
  const [locationId, setLocationId] = createSignal(props.locations[0]?.id ?? "");
  const [nameError, setNameError] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let nameInput: HTMLInputElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const parsed = KioskNameSchema.safeParse(name());
    if (!parsed.success) {
      setNameError(name().trim() ? t("admin.kiosks.nameTooLong") : t("admin.kiosks.nameRequired"));
      nameInput?.focus();
      return;
    }
    setNameError(undefined);
    setFailure(undefined);
    setBusy(true);
    try {
      const pairing = await trpc.kiosk.pair.mutate({ name: parsed.data, locationId: locationId() });
      setName("");
      props.onPaired(pairing);
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="kiosk-form-heading">
      <h2 id="kiosk-form-heading">{t("admin.kiosks.newHeading")}</h2>
      <form class="form" novalidate onSubmit={submit}>
        <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
        <Field
          id="kiosk-name"
          label={t("admin.kiosks.name")}
          hint={t("admin.kiosks.nameHint")}
          autocomplete="off"
          value={name()}
          onInput={setName}
          error={nameError()}
          ref={(element) => {
            nameInput = element;
          }}
        />
        <SelectField
          id="kiosk-location"
          label={t("admin.kiosks.location")}
          value={locationId()}
          options={props.locations.map((l) => ({ value: l.id, label: l.name }))}
          onChange={setLocationId}
        />
        <p class="actions">
          <button type="submit" class="button" disabled={busy()}>
            {busy() ? t("admin.kiosks.creating") : t("admin.kiosks.create")}
          </button>
        </p>
      </form>
    </section>
  );
};

const DeviceRow: Component<{ device: Device; onRevoked: () => void }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const now = useNow();
  const [failure, setFailure] = createSignal<string>();
  const revocable = () => props.device.state === "paired" || props.device.state === "pairing";

  async function revoke(): Promise<boolean> {
    setFailure(undefined);
    try {
      await trpc.kiosk.revoke.mutate({ deviceId: props.device.id });
    } catch (error) {
      setFailure(fmt.error(error));
      return false;
    }
    props.onRevoked();
    return true;
  }

  return (
    <tr>
      <th scope="row">{props.device.name}</th>
      <td>{props.device.locationName}</td>
      <td>
        <span class={`status status--kiosk-${props.device.state}`}>
          {t(`admin.kiosks.state.${props.device.state}`)}
        </span>
      </td>
      <td>
        {props.device.pairedAt ? fmt.instant(props.device.pairedAt) : t("admin.kiosks.never")}
      </td>
      <td>
        <Show when={props.device.lastSeenAt} fallback={t("admin.kiosks.never")}>
          {(seen) => (
            <time datetime={seen()} title={fmt.instant(seen())}>
              {relativeTime(i18n.locale(), seen(), now())}
            </time>
          )}
        </Show>
      </td>
      <td>
        <Show when={revocable()} fallback={"—"}>
          <ConfirmDialog
            trigger={t("admin.kiosks.revoke")}
            triggerClass="button button--secondary button--small"
            title={t("admin.kiosks.revokeTitle", { name: props.device.name })}
            confirm={t("admin.kiosks.revokeConfirm")}
            cancel={t("common.cancel")}
            busyLabel={t("admin.kiosks.revoking")}
            danger
            onConfirm={revoke}
          >
            <p>{t("admin.kiosks.revokeBody", { name: props.device.name })}</p>
            <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
          </ConfirmDialog>
        </Show>
      </td>
    </tr>
  );
};

/**
 * The PIN staff type on a kiosk to open its "Needs staff" list (who was refused, and why).
 * Set or changed here, or removed to leave the list open; never shown again once saved.
 */
const StaffPinCard: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [status, { refetch }] = createResource(() => trpc.kiosk.staffPin.query());
  const [pin, setPin] = createSignal("");
  const [pinError, setPinError] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();
  const [done, setDone] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let pinInput: HTMLInputElement | undefined;

  async function save(next: string | null) {
    if (busy()) return;
    setDone(undefined);
    setFailure(undefined);
    if (next !== null && !KioskStaffPinSchema.safeParse(next).success) {
      setPinError(t("admin.kiosks.pinInvalid"));
      pinInput?.focus();
      return;
    }
    setPinError(undefined);
    setBusy(true);
    try {
      await trpc.kiosk.setStaffPin.mutate({ pin: next === null ? null : next.trim() });
      setPin("");
      setDone(next === null ? t("admin.kiosks.pinCleared") : t("admin.kiosks.pinSaved"));
      await refetch();
    } catch (error) {
      setFailure(fmt.error(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="staff-pin-heading">
      <h2 id="staff-pin-heading">{t("admin.kiosks.pinHeading")}</h2>
      <p>{t("admin.kiosks.pinIntro")}</p>
      <Switch>
        <Match when={status.error}>
          <ErrorNotice onRetry={() => void refetch()}>
            {t("admin.kiosks.pinLoadFailed")} {fmt.error(status.error)}
          </ErrorNotice>
        </Match>
        <Match when={!status.latest}>
          <Loading />
        </Match>
        <Match when={status.latest}>
          {(current) => (
            <form
              class="form"
              novalidate
              onSubmit={(event) => {
                event.preventDefault();
                void save(pin());
              }}
            >
              <p>
                <strong>
                  {current().set ? t("admin.kiosks.pinIsSet") : t("admin.kiosks.pinIsNotSet")}
                </strong>
              </p>
              <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
              <Show when={done()}>
                {(text) => (
                  <SuccessNotice>
                    <p>{text()}</p>
                  </SuccessNotice>
                )}
              </Show>
              <Field
                id="staff-pin"
                label={current().set ? t("admin.kiosks.pinNew") : t("admin.kiosks.pin")}
                hint={t("admin.kiosks.pinHint")}
                type="password"
                inputMode="numeric"
                autocomplete="new-password"
                value={pin()}
                onInput={setPin}
                error={pinError()}
                ref={(element) => {
                  pinInput = element;
                }}
              />
              <p class="actions">
                <button type="submit" class="button" disabled={busy()}>
                  {busy() ? t("common.saving") : t("admin.kiosks.pinSave")}
                </button>
                <Show when={current().set}>
                  <button
                    type="button"
                    class="button button--secondary"
                    disabled={busy()}
                    onClick={() => void save(null)}
                  >
                    {t("admin.kiosks.pinClear")}
                  </button>
                </Show>
              </p>
            </form>
          )}
        </Match>
      </Switch>
    </section>
  );
};

const KiosksContent: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [devices, { refetch }] = createResource(() => trpc.kiosk.devices.query());
  const [locations, locationsActions] = createResource(() => trpc.locations.list.query());
  const [pairing, setPairing] = createSignal<Pairing>();
  const [done, setDone] = createSignal<string>();

  const pairingDevice = () => {
    const current = pairing();
    return current && devices.latest?.find((d) => d.id === current.device.id);
  };
  const poll = setInterval(() => {
    const current = pairingDevice();
    if (pairing() && current?.state === "pairing") void refetch();
  }, PAIRING_POLL_MS);
  onCleanup(() => clearInterval(poll));

  async function paired(next: Pairing) {
    setDone(undefined);
    setPairing(next);
    await refetch();
  }

  async function revoked(name: string) {
    setDone(t("admin.kiosks.revoked", { name }));
    await refetch();
  }

  return (
    <>
      <p>{t("admin.kiosks.intro")}</p>
      <Show when={done()}>
        {(text) => (
          <SuccessNotice>
            <p>{text()}</p>
          </SuccessNotice>
        )}
      </Show>
      <Show when={pairing()}>
        {(current) => <PairingPanel pairing={current()} device={pairingDevice()} />}
      </Show>
      <Switch>
        <Match when={locations.error}>
          <ErrorNotice onRetry={() => void locationsActions.refetch()}>
            {t("admin.kiosks.locationsFailed")} {fmt.error(locations.error)}
          </ErrorNotice>
        </Match>
        <Match when={locations.latest?.length === 0}>
          <p class="empty">
            {t("admin.kiosks.noLocations")}{" "}
            <A href="/admin/locations">{t("admin.kiosks.addLocations")}</A>
          </p>
        </Match>
        <Match when={locations.latest}>
          {(list) => <KioskForm locations={list()} onPaired={(next) => void paired(next)} />}
        </Match>
      </Switch>
      <StaffPinCard />
      <section aria-labelledby="kiosk-list-heading">
        <h2 id="kiosk-list-heading">{t("admin.kiosks.listHeading")}</h2>
        <ListTable
          items={devices}
          failed={t("admin.kiosks.loadFailed")}
          empty={t("admin.kiosks.empty")}
          onRetry={() => void refetch()}
          caption={t("admin.kiosks.caption")}
          columns={[
            t("admin.kiosks.name"),
            t("admin.kiosks.location"),
            t("admin.kiosks.stateHeading"),
            t("admin.kiosks.pairedAt"),
            t("admin.kiosks.lastSeen"),
            t("admin.kiosks.actions"),
          ]}
          row={(device) => (
            <DeviceRow device={device} onRevoked={() => void revoked(device.name)} />
          )}
        />
      </section>
    </>
  );
};

export const KiosksPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("admin.kiosks.title")}>
      <Guard action="kiosk.pair">
        <KiosksContent />
      </Guard>
    </Page>
  );
};
