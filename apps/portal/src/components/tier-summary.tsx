// What a membership tier gives, in a few lines: term, fee, loans, approval.
import type { Term } from "@readers/domain";
import { type Component, Show } from "solid-js";
import { useI18n } from "../i18n/index.ts";
import { useFormat } from "../lib/format.ts";

export interface TierFacts {
  term: Term;
  feeCents: number;
  loanLimit: number;
  loanDays: number;
  requiresApproval: boolean;
}

/** "12 months from joining" / "Until 31 August each year". */
export function useTermText() {
  const i18n = useI18n();
  const fmt = useFormat();
  return (term: Term) =>
    term.kind === "rolling"
      ? i18n.plural(i18n.t("tier.rolling"), term.months)
      : i18n.t("tier.fixed", { date: fmt.monthDay(term.endMonth, term.endDay) });
}

export const TierSummary: Component<{ tier: TierFacts; id?: string }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const termText = useTermText();
  return (
    <ul id={props.id} class="tier-summary">
      <li>{termText(props.tier.term)}</li>
      <li>
        {props.tier.feeCents > 0
          ? t("tier.fee", { amount: fmt.money(props.tier.feeCents) })
          : t("tier.free")}
      </li>
      <li>
        {t("tier.loans", {
          limit: i18n.formatNumber(props.tier.loanLimit),
          days: i18n.formatNumber(props.tier.loanDays),
        })}
      </li>
      <Show when={props.tier.requiresApproval}>
        <li>{t("tier.approval")}</li>
      </Show>
    </ul>
  );
};
