// Reads a code from the camera (cards, guest passes, book labels) with the shared camera
// scan of @readers/ui: zxing-wasm is loaded only when this screen opens, and the camera is
// switched off as soon as it has read one, or when the screen closes (idle reset included).
import { type BarcodeFormat, createCameraScan } from "@readers/ui";
import type { Component } from "solid-js";
import { useI18n } from "../i18n/index.ts";

export const CameraReader: Component<{
  formats: readonly BarcodeFormat[];
  onRead: (text: string) => void;
}> = (props) => {
  const { t } = useI18n();
  let video: HTMLVideoElement | undefined;
  const state = createCameraScan(() => video, {
    get formats() {
      return props.formats;
    },
    onRead: (text) => props.onRead(text),
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
