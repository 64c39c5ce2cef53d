// Shared loading, error and notice blocks, so every page says the same thing the same way.
import {
  type Accessor,
  type Component,
  For,
  type JSX,
  Match,
  type ParentComponent,
  Show,
  Switch,
} from "solid-js";
import { useI18n } from "../i18n/index.ts";
import { useFormat } from "../lib/format.ts";

export const Loading: Component = () => {
  const { t } = useI18n();
  return (
    <p class="notice notice--loading" role="status">
      {t("common.loading")}
    </p>
  );
};

/** An error the reader should notice now; with `onRetry`, a button to try again. */
export const ErrorNotice: ParentComponent<{ onRetry?: () => void }> = (props) => {
  const { t } = useI18n();
  return (
    <div class="notice notice--error" role="alert">
      <p>{props.children}</p>
      <Show when={props.onRetry}>
        {(retry) => (
          <button type="button" class="button button--secondary" onClick={() => retry()()}>
            {t("common.retry")}
          </button>
        )}
      </Show>
    </div>
  );
};

/** A success or information message, announced politely. */
export const SuccessNotice: ParentComponent = (props) => (
  <div class="notice notice--success" role="status">
    {props.children}
  </div>
);

/**
 * A loaded list in its four states: failed (with a retry), still loading, empty, or the
 * list itself — the same words and roles on every page that lists things.
 */
export function ListStates<T>(props: {
  items: { error: unknown; latest: readonly T[] | undefined };
  /** The sentence before the error's own message. */
  failed: string;
  empty: string;
  onRetry: () => void;
  children: (list: Accessor<readonly T[]>) => JSX.Element;
}): JSX.Element {
  const fmt = useFormat();
  return (
    <Switch>
      <Match when={props.items.error}>
        <ErrorNotice onRetry={props.onRetry}>
          {props.failed} {fmt.error(props.items.error)}
        </ErrorNotice>
      </Match>
      <Match when={!props.items.latest}>
        <Loading />
      </Match>
      <Match when={props.items.latest?.length === 0}>
        <p class="empty">{props.empty}</p>
      </Match>
      <Match when={props.items.latest}>{(list) => props.children(list)}</Match>
    </Switch>
  );
}

/**
 * A loaded list as a table, in ListStates' four states: the caption (for screen readers) and
 * the column headings written once here, one row per item from `row` (a `<tr>`).
 */
export function ListTable<T>(props: {
  items: { error: unknown; latest: readonly T[] | undefined };
  failed: string;
  empty: string;
  onRetry: () => void;
  caption: string;
  columns: readonly string[];
  row: (item: T) => JSX.Element;
}): JSX.Element {
  return (
    <ListStates
      items={props.items}
      failed={props.failed}
      empty={props.empty}
      onRetry={props.onRetry}
    >
      {(list) => (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{props.caption}</caption>
            <thead>
              <tr>
                <For each={props.columns}>{(column) => <th scope="col">{column}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={list()}>{(item) => props.row(item)}</For>
            </tbody>
          </table>
        </div>
      )}
    </ListStates>
  );
}
