// "Scan the barcode": a dialog with the camera that reads the EAN-13 barcode on a book's
// back cover. The camera opens with the dialog and zxing-wasm is loaded only then (a
// dynamic import), decoding a few frames a second; the camera is switched off as soon as a
// code is read or the dialog closes.
// The parts, not the `Dialog` object: Kobalte 0.13 builds `Dialog` and `AlertDialog` by
// Object.assign onto one shared root function, so once @readers/ui's ConfirmDialog is loaded
// `Dialog.Content` is the alert dialog's (role "alertdialog").
import * as Dialog from "@kobalte/core/dialog";
import { type Component, createSignal, onCleanup, onMount, Show } from "solid-js";
import { useI18n } from "../i18n/index.ts";

type CameraState = "starting" | "scanning" | "denied" | "unavailable" | "failed";

/** Frames decoded per second: enough to feel instant, light on a phone. */
const FRAME_INTERVAL_MS = 150;
/** Frames are scaled down to this width before decoding: faster, still reads a barcode. */
const DECODE_WIDTH = 960;

function cameraProblem(error: unknown): CameraState {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "unavailable";
  return "failed";
}

const Camera: Component<{ onRead: (text: string) => void }> = (props) => {
  const { t } = useI18n();
  const [state, setState] = createSignal<CameraState>("starting");
  let video: HTMLVideoElement | undefined;
  let stream: MediaStream | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function stop() {
    stopped = true;
    clearTimeout(timer);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = undefined;
  }
  onCleanup(stop);

  onMount(async () => {
    if (!navigator.mediaDevices?.getUserMedia) {
      setState("unavailable");
      return;
    }
    try {
      // The back camera of a phone, where there is one.
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 } },
        audio: false,
      });
    } catch (error) {
      setState(cameraProblem(error));
      return;
    }
    if (stopped || !video) return stop();
    video.srcObject = stream;
    await video.play().catch(() => undefined);

    let reader: typeof import("../lib/zxing.ts");
    try {
      reader = await import("../lib/zxing.ts");
      await reader.ready;
    } catch {
      stop();
      setState("failed");
      return;
    }
    if (stopped) return;
    setState("scanning");

    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    if (!context) {
      stop();
      setState("failed");
      return;
    }
    const frame = async () => {
      if (stopped || !video) return;
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        const scale = Math.min(1, DECODE_WIDTH / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const text = await reader.readFrame(image, ["EAN13"]).catch(() => null);
        if (stopped) return;
        if (text) {
          stop();
          props.onRead(text);
          return;
        }
      }
      timer = setTimeout(() => void frame(), FRAME_INTERVAL_MS);
    };
    void frame();
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
