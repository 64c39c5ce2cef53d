// Organizers' member list: search, status and tier filters, sortable columns and pages,
// all kept in the address (so back, reload and shared links show the same list); CSV
// export of the filtered list and a way to the import.
import { MEMBERSHIP_STATUSES } from "@readers/domain";
import { A, useSearchParams } from "@solidjs/router";
import {
  type Component,
  createResource,
  createSignal,
  For,
  Match,
  onCleanup,
  Show,
  Switch,
} from "solid-js";
import { Field, SelectField } from "../../components/field.tsx";
import { Guard } from "../../components/guard.tsx";
import { StatusBadge, type StatusOrNone } from "../../components/membership-status.tsx";
import { Page } from "../../components/page.tsx";
import { Pager } from "../../components/pager.tsx";
import { ErrorNotice, Loading } from "../../components/status.tsx";
import { type MessageKey, useI18n } from "../../i18n/index.ts";
import { downloadFile } from "../../lib/download.ts";
import { useFormat } from "../../lib/format.ts";
import { trpc } from "../../lib/trpc.ts";

export const MEMBER_SORTS = ["name", "memberNumber", "endDate", "joined"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
type Direction = "asc" | "desc";

/** Rows per page; the API allows up to 100. */
export const MEMBERS_PAGE_SIZE = 25;
/** Wait for a pause in typing before searching. */
export const SEARCH_DEBOUNCE_MS = 300;

const STATUS_FILTERS: readonly StatusOrNone[] = [...MEMBERSHIP_STATUSES, "none"];

const COLUMN_LABELS: Record<MemberSort, MessageKey> = {
  name: "admin.members.name",
  memberNumber: "admin.members.memberNumber",
  endDate: "admin.members.endDate",
  joined: "admin.members.joined",
};

type ListParams = {
  q?: string;
  status?: string;
  tier?: string;
  sort?: string;
  dir?: string;
  page?: string;
};

/** The list's state from the address, with anything unknown replaced by the default. */
export function readListState(params: ListParams) {
  const status = STATUS_FILTERS.find((s) => s === params.status);
  const sort = MEMBER_SORTS.find((s) => s === params.sort) ?? "name";
  const direction: Direction = params.dir === "desc" ? "desc" : "asc";
  const page = Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1);
  return {
    q: params.q?.trim() || undefined,
    status,
    tierId: params.tier || undefined,
    sort,
    direction,
    page,
  };
}

const MemberList: Component = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const [params, setParams] = useSearchParams<ListParams>();
  const state = () => readListState(params);
  const [list, { refetch }] = createResource(
    () => ({ ...state(), pageSize: MEMBERS_PAGE_SIZE }),
    (input) => trpc.memberships.list.query(input),
  );
  const [tiers] = createResource(() => trpc.memberships.tiers.query({ includeArchived: true }));

  // The search box is ahead of the address while the reader types.
  const [text, setText] = createSignal(params.q ?? "");
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  function search(value: string) {
    setText(value);
    clearTimeout(timer);
    timer = setTimeout(
      () => setParams({ q: value.trim() || undefined, page: undefined }),
      SEARCH_DEBOUNCE_MS,
    );
  }

  function sortBy(column: MemberSort) {
    const current = state();
    const direction = current.sort === column && current.direction === "asc" ? "desc" : "asc";
    setParams({
      sort: column === "name" ? undefined : column,
      dir: direction === "asc" ? undefined : direction,
      page: undefined,
    });
  }

  const ariaSort = (column: MemberSort) =>
    state().sort === column ? (state().direction === "asc" ? "ascending" : "descending") : "none";

  const pages = () => {
    const current = list.error ? undefined : list.latest;
    return current ? Math.max(1, Math.ceil(current.total / current.pageSize)) : 1;
  };

  const [exporting, setExporting] = createSignal(false);
  const [exportError, setExportError] = createSignal<string>();
  async function exportCsv() {
    setExporting(true);
    setExportError(undefined);
    try {
      const { status, tierId } = state();
      const file = await trpc.memberships.export.query({ status, tierId });
      downloadFile(file.filename, file.csv, "text/csv;charset=utf-8");
    } catch (error) {
      setExportError(fmt.error(error));
    } finally {
      setExporting(false);
    }
  }

  const SortHeader: Component<{ column: MemberSort }> = (props) => (
    <th scope="col" aria-sort={ariaSort(props.column)}>
      <button type="button" class="sort-button" onClick={() => sortBy(props.column)}>
        {t(COLUMN_LABELS[props.column])}
        <span aria-hidden="true">
          {ariaSort(props.column) === "ascending"
            ? " ▲"
            : ariaSort(props.column) === "descending"
              ? " ▼"
              : ""}
        </span>
      </button>
    </th>
  );

  return (
    <>
      <div class="toolbar">
        <p class="actions">
          <button
            type="button"
            class="button button--secondary"
            disabled={exporting()}
            onClick={() => void exportCsv()}
          >
            {exporting() ? t("admin.members.exporting") : t("admin.members.exportCsv")}
          </button>
          <A class="button button--secondary" href="/admin/members/import">
            {t("admin.members.import")}
          </A>
        </p>
      </div>
      <Show when={exportError()}>{(message) => <ErrorNotice>{message()}</ErrorNotice>}</Show>
      <search class="filters">
        <Field
          id="member-search"
          label={t("admin.members.search")}
          hint={t("admin.members.searchHint")}
          type="search"
          autocomplete="off"
          required={false}
          value={text()}
          onInput={search}
        />
        <SelectField
          id="status-filter"
          label={t("admin.members.status")}
          value={state().status ?? ""}
          options={[
            { value: "", label: t("admin.members.allStatuses") },
            ...STATUS_FILTERS.map((status) => ({ value: status, label: t(`status.${status}`) })),
          ]}
          onChange={(value) => setParams({ status: value || undefined, page: undefined })}
        />
        <SelectField
          id="tier-filter"
          label={t("admin.members.tier")}
          value={state().tierId ?? ""}
          options={[
            { value: "", label: t("admin.members.allTiers") },
            // Without tiers (still loading, or failed) the filter offers "all" only.
            ...((!tiers.error && tiers.latest) || []).map((tier) => ({
              value: tier.id,
              label: tier.name,
            })),
          ]}
          onChange={(value) => setParams({ tier: value || undefined, page: undefined })}
        />
      </search>
      <Switch>
        <Match when={list.error}>
          <ErrorNotice onRetry={() => void refetch()}>{fmt.error(list.error)}</ErrorNotice>
        </Match>
        <Match when={!list.latest}>
          <Loading />
        </Match>
        <Match when={list.latest}>
          {(current) => (
            <>
              <p role="status">
                {list.loading
                  ? t("common.loading")
                  : i18n.plural(t("admin.members.total"), current().total)}
              </p>
              <Show
                when={current().items.length > 0}
                fallback={<p class="empty">{t("admin.members.empty")}</p>}
              >
                <div class="table-wrap">
                  <table class="table" aria-busy={list.loading}>
                    <caption class="visually-hidden">
                      {t("admin.members.caption", {
                        column: t(COLUMN_LABELS[state().sort]),
                      })}
                    </caption>
                    <thead>
                      <tr>
                        <SortHeader column="name" />
                        <SortHeader column="memberNumber" />
                        <th scope="col">{t("admin.members.email")}</th>
                        <th scope="col">{t("admin.members.tier")}</th>
                        <th scope="col">{t("admin.members.status")}</th>
                        <SortHeader column="endDate" />
                        <SortHeader column="joined" />
                      </tr>
                    </thead>
                    <tbody>
                      <For each={current().items}>
                        {(row) => (
                          <tr>
                            <th scope="row">
                              <A href={`/admin/members/${encodeURIComponent(row.memberId)}`}>
                                {`${row.firstName} ${row.lastName}`}
                              </A>
                            </th>
                            <td class="nowrap">{row.memberNumberFormatted}</td>
                            <td>{row.email}</td>
                            <td>{row.tierName ?? t("common.none")}</td>
                            <td>
                              <StatusBadge status={row.status} />
                            </td>
                            <td class="nowrap">{fmt.date(row.endDate)}</td>
                            <td class="nowrap">{fmt.day(row.joinedAt)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
              <Pager
                page={state().page}
                pages={pages()}
                onPage={(page) => setParams({ page: page === 1 ? undefined : String(page) })}
              />
            </>
          )}
        </Match>
      </Switch>
    </>
  );
};

export const MembersPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("admin.members.title")}>
      <Guard action="memberships.list">
        <MemberList />
      </Guard>
    </Page>
  );
};
