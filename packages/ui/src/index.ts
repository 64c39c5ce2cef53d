// @readers/ui: Solid pieces shared by the portal and the kiosk.

export {
  type BarcodeFormat,
  type CameraScanOptions,
  type CameraState,
  createCameraScan,
} from "./camera-scan.ts";
export { ConfirmDialog, type ConfirmDialogProps } from "./confirm-dialog.tsx";
export {
  type ConnectionOptions,
  type ConnectionState,
  createConnectionStatus,
} from "./connection.ts";
export { ConnectionIndicator, type ConnectionIndicatorProps } from "./connection-indicator.tsx";
export {
  type CatalogShape,
  createI18n,
  createI18nContext,
  type I18n,
  type I18nOptions,
  isLocale,
  LOCALE_NAMES,
  LOCALE_STORAGE_KEY,
  LOCALES,
  type Locale,
  matchLocale,
  type PluralForms,
} from "./i18n.ts";
export { LanguageSwitch, type LanguageSwitchProps } from "./language-switch.tsx";
export { usePageTitle } from "./page-title.ts";
