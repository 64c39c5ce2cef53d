// Check in with the camera: a member card QR or the QR of a guest's registration e-mail.
import { usePageTitle } from "@readers/ui";
import { useNavigate } from "@solidjs/router";
import type { Component } from "solid-js";
import { useScannerCheckIn } from "../check-in.ts";
import { CameraReader } from "../components/camera-reader.tsx";
import { useI18n } from "../i18n/index.ts";

export const CameraScreen: Component = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const checkIn = useScannerCheckIn();
  usePageTitle(
    () => t("camera.title"),
    () => t("app.name"),
  );
  return (
    <div class="screen camera-screen">
      <h1>{t("camera.title")}</h1>
      <p class="lead">{t("camera.hint")}</p>
      <CameraReader formats={["QRCode"]} onRead={(text) => void checkIn.scan(text)} />
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={() => navigate("/")}>
          {t("common.back")}
        </button>
      </div>
    </div>
  );
};
