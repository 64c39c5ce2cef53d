// "Scan the barcode": a dialog with the camera that reads the EAN-13 barcode on a book's
// back cover (the shared camera scan of @readers/ui: zxing-wasm is loaded only when the
// dialog opens, and the camera is switched off as soon as a code is read or it closes).
// The parts, not the `Dialog` object: Kobalte 0.13 builds `Dialog` and `AlertDialog` by
// Object.assign onto one shared root function, so once @readers/ui's ConfirmDialog is loaded
// `Dialog.Content` is the alert dialog's (role "alertdialog").
import * as Dialog from "@kobalte/core/dialog";
import { createCameraScan } from "@readers/ui";
import { type Component, createSignal, Show } from "solid-js";
import { useI18n } from "../i18n/index.ts";

const Camera: Component<{ onRead: (text: string) => void }> = (props) => {
  const { t } = useI18n();
  let video: HTMLVideoElement | undefined;
  const state = createCameraScan(() => video, {
    formats: ["EAN13"],
    onRead: (text) => props.onRead(text),
    // The back camera of a phone, where there is one.
    video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 } },
    // A barcode's bars need more pixels than a card's QR code.
    decodeWidth: 960,
  });

  const problem = () => state() !== "starting" && state() !== "scanning";
  return (
    <div class="camera">
      <video
        ref={video}
        class="camera__video"
        muted
        playsinline
        aria-label={t("scan.video")}
        hidden={problem()}
      />
      <p class="camera__state" role={problem() ? "alert" : "status"}>
        {t(`scan.${state()}`)}
      </p>
    </div>
  );
};

export const IsbnScanner: Component<{ onRead: (text: string) => void }> = (props) => {
  const { t } = useI18n();
  const [open, setOpen] = createSignal(false);
  return (
    <Dialog.Root open={open()} onOpenChange={setOpen}>
      <Dialog.Trigger class="button button--secondary">{t("scan.open")}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content class="dialog">
            <Dialog.Title as="h2" class="dialog__title">
              {t("scan.title")}
            </Dialog.Title>
            <Dialog.Description as="p">{t("scan.intro")}</Dialog.Description>
            {/* Mounted only while open: closing the dialog switches the camera off. */}
            <Show when={open()}>
              <Camera
                onRead={(text) => {
                  setOpen(false);
                  props.onRead(text);
                }}
              />
            </Show>
            <div class="dialog__actions">
              <button type="button" class="button button--secondary" onClick={() => setOpen(false)}>
                {t("scan.close")}
              </button>
            </div>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
