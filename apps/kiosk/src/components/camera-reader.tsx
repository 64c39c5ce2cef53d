// Reads a code from the camera: opens it, loads the zxing-wasm reader only now (a dynamic
// import, so the start screen never downloads it), decodes a few frames a second and
// reports the first valid code. The camera is switched off as soon as it has read one, or
// when the screen closes (idle reset included).
import { type Component, createSignal, onCleanup, onMount } from "solid-js";
import { useI18n } from "../i18n/index.ts";
import type { BarcodeFormat } from "../lib/zxing.ts";

type CameraState = "starting" | "scanning" | "denied" | "unavailable" | "failed";

/** Frames decoded per second: enough to feel instant, light on a kiosk's small CPU. */
const FRAME_INTERVAL_MS = 150;
/** Frames are scaled down to this width before decoding: faster, still reads a card. */
const DECODE_WIDTH = 640;

function cameraProblem(error: unknown): CameraState {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "unavailable";
  return "failed";
}

export const CameraReader: Component<{
  formats: readonly BarcodeFormat[];
  onRead: (text: string) => void;
}> = (props) => {
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
      stream = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 1280 }, height: { ideal: 720 } },
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
        const text = await reader.readFrame(image, props.formats).catch(() => null);
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

  return (
    <div class="camera" data-state={state()}>
      <video
        ref={video}
        class="camera__video"
        muted
        playsinline
        aria-label={t("camera.video")}
        hidden={state() !== "starting" && state() !== "scanning"}
      />
      <p
        class="camera__state"
        role={state() === "scanning" || state() === "starting" ? undefined : "alert"}
      >
        {t(`camera.${state()}`)}
      </p>
    </div>
  );
};
