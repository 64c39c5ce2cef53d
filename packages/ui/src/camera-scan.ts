// Reading a code from the camera, for the kiosk (cards, passes, book labels) and the portal
// (a book's EAN-13): opens the camera, loads the zxing-wasm reader only then (a dynamic
// import, so no page downloads it before a camera opens), decodes a few frames a second and
// reports the first valid code. The camera is switched off as soon as it has read one, or
// when the owning component goes away.
import { type Accessor, createSignal, onCleanup, onMount } from "solid-js";
import type { BarcodeFormat } from "./zxing.ts";

export type { BarcodeFormat } from "./zxing.ts";

/** What the camera is doing, for the screen to say. */
export type CameraState = "starting" | "scanning" | "denied" | "unavailable" | "failed";

export interface CameraScanOptions {
  formats: readonly BarcodeFormat[];
  onRead: (text: string) => void;
  /** Which camera and resolution (a phone's back camera for books). */
  video?: MediaTrackConstraints;
  /** Frames are scaled down to this width before decoding: faster, still readable. */
  decodeWidth?: number;
  /** Time between decoded frames: a few a second feels instant and is light on the CPU. */
  frameIntervalMs?: number;
}

function cameraProblem(error: unknown): CameraState {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "unavailable";
  return "failed";
}

/**
 * Runs the camera into `video()` while the calling component is mounted; returns its state.
 */
export function createCameraScan(
  video: () => HTMLVideoElement | undefined,
  options: CameraScanOptions,
): Accessor<CameraState> {
  const [state, setState] = createSignal<CameraState>("starting");
  const frameIntervalMs = options.frameIntervalMs ?? 150;
  const decodeWidth = options.decodeWidth ?? 640;
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
        video: options.video ?? { width: { ideal: 1280 }, height: { ideal: 720 } },
        audio: false,
      });
    } catch (error) {
      setState(cameraProblem(error));
      return;
    }
    const element = video();
    if (stopped || !element) return stop();
    element.srcObject = stream;
    await element.play().catch(() => undefined);

    let reader: typeof import("./zxing.ts");
    try {
      reader = await import("./zxing.ts");
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
      if (stopped) return;
      if (element.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && element.videoWidth > 0) {
        const scale = Math.min(1, decodeWidth / element.videoWidth);
        canvas.width = Math.round(element.videoWidth * scale);
        canvas.height = Math.round(element.videoHeight * scale);
        context.drawImage(element, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const text = await reader.readFrame(image, options.formats).catch(() => null);
        if (stopped) return;
        if (text) {
          stop();
          options.onRead(text);
          return;
        }
      }
      timer = setTimeout(() => void frame(), frameIntervalMs);
    };
    void frame();
  });

  return state;
}
