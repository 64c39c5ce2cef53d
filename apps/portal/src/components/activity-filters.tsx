// The filter bar of the calendar and the organizers' list: free text (searched after a pause
// in typing), kind, audience, status (organizers) and a date range, all kept in the address.
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, AUDIENCES } from "@readers/domain";
import { type Component, createSignal, onCleanup, Show } from "solid-js";
import { useI18n } from "../i18n/index.ts";
import {
  type ActivityFilters,
  checkDateRange,
  type FilterParams,
} from "../lib/activity-filters.ts";
import { Field, SelectField } from "./field.tsx";

/** Wait for a pause in typing before searching. */
export const ACTIVITY_SEARCH_DEBOUNCE_MS = 300;

export const ActivityFilterBar: Component<{
  filters: ActivityFilters;
  /** The search box's text as the address has it (it runs ahead while the reader types). */
  initialText: string;
  setParams: (params: Partial<FilterParams>) => void;
  showDates: boolean;
  showStatus?: boolean;
}> = (props) => {
  const { t } = useI18n();
  const [text, setText] = createSignal(props.initialText);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  function search(value: string) {
    setText(value);
    clearTimeout(timer);
    timer = setTimeout(
      () => props.setParams({ q: value.trim() || undefined }),
      ACTIVITY_SEARCH_DEBOUNCE_MS,
    );
  }
  const rangeProblem = () => {
    const problem = checkDateRange(props.filters.from, props.filters.to);
    return problem && t(problem.key, problem.params);
  };
  const anyFilter = () =>
    Boolean(
      props.filters.kind ||
        props.filters.audience ||
        props.filters.status ||
        props.filters.from ||
        props.filters.to ||
        props.filters.q,
    );

  return (
    <search class="filters" aria-label={t("activities.filtersLabel")}>
      <Field
        id="activity-search"
        label={t("activities.search")}
        hint={t("activities.searchHint")}
        type="search"
        autocomplete="off"
        required={false}
        value={text()}
        onInput={search}
      />
      <SelectField
        id="kind-filter"
        label={t("activities.kind")}
        value={props.filters.kind ?? ""}
        options={[
          { value: "", label: t("activities.allKinds") },
          ...ACTIVITY_KINDS.map((kind) => ({ value: kind, label: t(`activity.kinds.${kind}`) })),
        ]}
        onChange={(value) => props.setParams({ kind: value || undefined })}
      />
      <SelectField
        id="audience-filter"
        label={t("activities.audience")}
        value={props.filters.audience ?? ""}
        options={[
          { value: "", label: t("activities.allAudiences") },
          ...AUDIENCES.map((audience) => ({
            value: audience,
            label: t(`activity.audiences.${audience}`),
          })),
        ]}
        onChange={(value) => props.setParams({ audience: value || undefined })}
      />
      <Show when={props.showStatus}>
        <SelectField
          id="status-filter"
          label={t("activities.status")}
          value={props.filters.status ?? ""}
          options={[
            { value: "", label: t("activities.allStatuses") },
            ...ACTIVITY_STATUSES.map((status) => ({
              value: status,
              label: t(`activity.statuses.${status}`),
            })),
          ]}
          onChange={(value) => props.setParams({ status: value || undefined })}
        />
      </Show>
      <Show when={props.showDates}>
        <Field
          id="from-filter"
          label={t("activities.from")}
          type="date"
          autocomplete="off"
          required={false}
          value={props.filters.from ?? ""}
          onInput={(value) => props.setParams({ from: value || undefined })}
        />
        <Field
          id="to-filter"
          label={t("activities.to")}
          type="date"
          autocomplete="off"
          required={false}
          value={props.filters.to ?? ""}
          error={rangeProblem()}
          onInput={(value) => props.setParams({ to: value || undefined })}
        />
      </Show>
      <Show when={anyFilter()}>
        <div>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              clearTimeout(timer);
              setText("");
              props.setParams({
                kind: undefined,
                audience: undefined,
                status: undefined,
                from: undefined,
                to: undefined,
                q: undefined,
              });
            }}
          >
            {t("activities.clearFilters")}
          </button>
        </div>
      </Show>
    </search>
  );
};
