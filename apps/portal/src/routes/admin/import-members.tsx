// Importing an existing member list from CSV: a dry run first ("Check file") with counts
// and every row that has a problem, then the import itself once no row has one.
import { MEMBER_IMPORT_COLUMNS, MEMBER_IMPORT_REQUIRED_COLUMNS } from "@readers/domain";
import { A } from "@solidjs/router";
import { type Component, createSignal, For, Show } from "solid-js";
import { TextAreaField } from "../../components/field.tsx";
import { Guard } from "../../components/guard.tsx";
import { Page } from "../../components/page.tsx";
import { Pager } from "../../components/pager.tsx";
import { ErrorNotice, SuccessNotice } from "../../components/status.tsx";
import { en } from "../../i18n/en.ts";
import { useI18n } from "../../i18n/index.ts";
import { errorDetails } from "../../lib/errors.ts";
import { useFormat } from "../../lib/format.ts";
import { trpc } from "../../lib/trpc.ts";

type ImportResult = Awaited<ReturnType<typeof trpc.memberships.import.mutate>>;
type ProblemRow = ImportResult["rows"][number];
type Counts = ImportResult["counts"];

/** Rows with problems shown per page of the report. */
export const PROBLEM_ROWS_PER_PAGE = 50;

type ProblemCode = Exclude<keyof typeof en.admin.import.problemCodes, "fallback">;
const isProblemCode = (code: string): code is ProblemCode =>
  code !== "fallback" && Object.hasOwn(en.admin.import.problemCodes, code);

const COUNT_KEYS = ["create", "update", "unchanged", "error"] as const;

/** Rows the import would write or confirm: every row without a problem. */
export const importableRows = (counts: Counts) => counts.create + counts.update + counts.unchanged;

const ExpectedColumns: Component = () => {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="columns-heading">
      <h2 id="columns-heading">{t("admin.import.columnsHeading")}</h2>
      <p>{t("admin.import.columnsIntro")}</p>
      <ul class="columns-list">
        <For each={MEMBER_IMPORT_COLUMNS}>
          {(column) => (
            <li>
              <code>{column}</code>
              <Show when={MEMBER_IMPORT_REQUIRED_COLUMNS.includes(column)}>
                {` (${t("admin.import.required")})`}
              </Show>
            </li>
          )}
        </For>
      </ul>
      <h3>{t("admin.import.sampleHeading")}</h3>
      <pre class="code-block">
        {`${MEMBER_IMPORT_COLUMNS.join(",")}\n${t("admin.import.sampleLine")}`}
      </pre>
    </section>
  );
};

const ProblemTable: Component<{ rows: readonly ProblemRow[] }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const [page, setPage] = createSignal(1);
  const pages = () => Math.max(1, Math.ceil(props.rows.length / PROBLEM_ROWS_PER_PAGE));
  const shown = () =>
    props.rows.slice((page() - 1) * PROBLEM_ROWS_PER_PAGE, page() * PROBLEM_ROWS_PER_PAGE);
  const problemText = (problem: ProblemRow["problems"][number]) =>
    isProblemCode(problem.code)
      ? t(`admin.import.problemCodes.${problem.code}`, { column: problem.column })
      : t("admin.import.problemCodes.fallback", { column: problem.column, code: problem.code });
  return (
    <>
      <div class="table-wrap">
        <table class="table">
          <caption>{t("admin.import.problemsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.import.line")}</th>
              <th scope="col">{t("admin.import.email")}</th>
              <th scope="col">{t("admin.import.problems")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={shown()}>
              {(row) => (
                <tr>
                  <th scope="row">{i18n.formatNumber(row.line)}</th>
                  <td>{row.email || t("common.none")}</td>
                  <td>
                    <ul class="problem-list">
                      <For each={row.problems}>{(problem) => <li>{problemText(problem)}</li>}</For>
                    </ul>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Pager
        page={page()}
        pages={pages()}
        onPage={setPage}
        label={t("admin.import.problemsCaption")}
      />
    </>
  );
};

const ImportContent: Component = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const [text, setText] = createSignal("");
  const [checked, setChecked] = createSignal<{ csv: string; result: ImportResult }>();
  const [done, setDone] = createSignal<Counts>();
  const [busy, setBusy] = createSignal<"check" | "commit">();
  const [failure, setFailure] = createSignal<{
    text: string;
    missing: string[];
    unknown: string[];
    duplicate: string[];
  }>();
  const [missingText, setMissingText] = createSignal(false);
  let textarea: HTMLTextAreaElement | undefined;

  const report = () => checked()?.result;
  const stale = () => {
    const current = checked();
    return current !== undefined && current.csv !== text();
  };
  const canCommit = () => {
    const result = report();
    return !!result && result.counts.error === 0 && importableRows(result.counts) > 0 && !stale();
  };

  function fail(error: unknown) {
    const details = errorDetails(error);
    const list = (value: unknown) =>
      Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
    setFailure({
      text: fmt.error(error),
      missing: list(details.missing),
      unknown: list(details.unknown),
      duplicate: list(details.duplicate),
    });
  }

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    setText(await file.text());
    setMissingText(false);
  }

  async function check(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const csv = text();
    if (!csv.trim()) {
      setMissingText(true);
      textarea?.focus();
      return;
    }
    setMissingText(false);
    setBusy("check");
    setFailure(undefined);
    setDone(undefined);
    setChecked(undefined);
    try {
      const result = await trpc.memberships.import.mutate({ csv, commit: false });
      setChecked({ csv, result });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(undefined);
    }
  }

  async function commit() {
    const current = checked();
    if (!current || busy() || !canCommit()) return;
    setBusy("commit");
    setFailure(undefined);
    try {
      const result = await trpc.memberships.import.mutate({ csv: current.csv, commit: true });
      setChecked(undefined);
      setText("");
      setDone(result.counts);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <>
      <p class="lead">{t("admin.import.intro")}</p>
      <ExpectedColumns />
      <Show when={done()}>
        {(counts) => (
          <SuccessNotice>
            <p>
              {t("admin.import.done", {
                create: i18n.formatNumber(counts().create),
                update: i18n.formatNumber(counts().update),
                unchanged: i18n.formatNumber(counts().unchanged),
              })}
            </p>
            <p>
              <A href="/admin/members">{t("admin.import.toList")}</A>
            </p>
          </SuccessNotice>
        )}
      </Show>
      <form class="form" novalidate onSubmit={check}>
        <div class="field">
          <label for="csv-file">{t("admin.import.file")}</label>
          <input
            id="csv-file"
            name="csv-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => void chooseFile(event.currentTarget.files?.[0])}
          />
        </div>
        <TextAreaField
          id="csv-text"
          class="field--code"
          label={t("admin.import.text")}
          value={text()}
          onInput={(value) => {
            setText(value);
            setMissingText(false);
          }}
          rows={8}
          required={false}
          error={missingText() ? t("validation.csvRequired") : undefined}
          ref={(element) => {
            textarea = element;
          }}
        />
        <div>
          <button type="submit" class="button" disabled={busy() !== undefined}>
            {busy() === "check" ? t("admin.import.checking") : t("admin.import.check")}
          </button>
        </div>
      </form>
      <Show when={failure()}>
        {(problem) => (
          <ErrorNotice>
            {problem().text}
            <Show when={problem().missing.length > 0}>
              {" "}
              {t("admin.import.missingColumns", { columns: problem().missing.join(", ") })}
            </Show>
            <Show when={problem().unknown.length > 0}>
              {" "}
              {t("admin.import.unknownColumns", { columns: problem().unknown.join(", ") })}
            </Show>
            <Show when={problem().duplicate.length > 0}>
              {" "}
              {t("admin.import.duplicateColumns", {
                columns: [...new Set(problem().duplicate)].join(", "),
              })}
            </Show>
          </ErrorNotice>
        )}
      </Show>
      <Show when={report()}>
        {(result) => (
          <section class="card" aria-labelledby="report-heading">
            <h2 id="report-heading">{t("admin.import.reportHeading")}</h2>
            <dl class="counts">
              <For each={COUNT_KEYS}>
                {(key) => (
                  <div>
                    <dt>{t(`admin.import.counts.${key}`)}</dt>
                    <dd>{i18n.formatNumber(result().counts[key])}</dd>
                  </div>
                )}
              </For>
            </dl>
            <Show
              when={result().counts.error > 0}
              fallback={
                <Show
                  when={stale()}
                  fallback={
                    <p role="status" class="notice notice--success">
                      {t("admin.import.ready")}
                    </p>
                  }
                >
                  <p role="status" class="notice">
                    {t("admin.import.changed")}
                  </p>
                </Show>
              }
            >
              <p role="status" class="notice notice--error">
                {t("admin.import.hasErrors")}
              </p>
              <ProblemTable rows={result().rows} />
            </Show>
            <button
              type="button"
              class="button"
              disabled={!canCommit() || busy() !== undefined}
              onClick={() => void commit()}
            >
              {busy() === "commit"
                ? t("admin.import.committing")
                : i18n.plural(t("admin.import.commit"), importableRows(result().counts))}
            </button>
          </section>
        )}
      </Show>
    </>
  );
};

export const ImportMembersPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("admin.import.title")}>
      <Guard action="memberships.import">
        <ImportContent />
      </Guard>
    </Page>
  );
};
