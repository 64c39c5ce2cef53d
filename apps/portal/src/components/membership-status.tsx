// A membership status as a labelled badge: words first, colour only as a second cue.
import type { MembershipStatus } from "@readers/domain";
import type { Component } from "solid-js";
import { useI18n } from "../i18n/index.ts";

export type StatusOrNone = MembershipStatus | "none";

export const StatusBadge: Component<{ status: StatusOrNone | null | undefined }> = (props) => {
  const { t } = useI18n();
  const status = () => props.status ?? "none";
  return <span class={`status status--${status()}`}>{t(`status.${status()}`)}</span>;
};
