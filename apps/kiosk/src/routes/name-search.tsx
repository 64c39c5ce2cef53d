// Check in by name: people registered for the chosen activity whose name starts with what
// was typed (3 letters or 2 Han characters at least), at most five, shown as "Ada L.".
// Picking one checks them in by their registration.
import { isSearchablePrefix, NAME_SEARCH_MAX_PREFIX_LENGTH } from "@readers/domain";
import { usePageTitle } from "@readers/ui";
import { useNavigate } from "@solidjs/router";
import { type Component, createSignal, For, Match, onCleanup, onMount, Switch } from "solid-js";
import { useScannerCheckIn } from "../check-in.ts";
import { NAME_KEYS, OnScreenKeys } from "../components/on-screen-keys.tsx";
import { useI18n } from "../i18n/index.ts";
import type { AttendeeMatch } from "../lib/api.ts";
import { classifyFailure } from "../lib/errors.ts";
import { useKiosk } from "../state.tsx";

/** Wait for a pause in typing before asking the server (the search is rate-limited). */
const SEARCH_DELAY_MS = 300;

type SearchState =
  | { kind: "idle" }
  | { kind: "searching" }
  | { kind: "done"; matches: AttendeeMatch[] }
  | { kind: "offline" | "rate-limited" | "failed" };

/** On-screen letters start each word with a capital, like names are written. */
export function typeNameKey(current: string, key: string): string {
  const startOfWord = current === "" || /[\s-]$/.test(current);
  return current + (startOfWord ? key.toLocaleUpperCase() : key.toLocaleLowerCase());
}

export const NameSearchScreen: Component = () => {
  const { t } = useI18n();
  const kiosk = useKiosk();
  const navigate = useNavigate();
  const checkIn = useScannerCheckIn();
  const [text, setText] = createSignal("");
  const [state, setState] = createSignal<SearchState>({ kind: "idle" });
  let input: HTMLInputElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  onCleanup(() => clearTimeout(timer));
  onMount(() => input?.focus());
  usePageTitle(
    () => t("name.title"),
    () => t("app.name"),
  );

  async function search(prefix: string) {
    const activity = kiosk.selected();
    if (!activity) return;
    const ticket = ++asked;
    setState({ kind: "searching" });
    try {
      const matches = await kiosk.api.searchAttendees(activity.id, prefix);
      if (ticket === asked) setState({ kind: "done", matches });
    } catch (error) {
      if (ticket !== asked) return;
      const failure = classifyFailure(error);
      if (failure.kind === "revoked") kiosk.forget();
      setState({
        kind:
          failure.kind === "network"
            ? "offline"
            : failure.kind === "rate-limited"
              ? "rate-limited"
              : "failed",
      });
    }
  }

  function changed(next: string) {
    const value = next.slice(0, NAME_SEARCH_MAX_PREFIX_LENGTH);
    setText(value);
    clearTimeout(timer);
    asked++;
    if (!isSearchablePrefix(value)) {
      setState({ kind: "idle" });
      return;
    }
    timer = setTimeout(() => void search(value.trim()), SEARCH_DELAY_MS);
  }

  return (
    <div class="screen entry-screen">
      <h1>{t("name.title")}</h1>
      <form
        class="entry"
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          clearTimeout(timer);
          if (isSearchablePrefix(text())) void search(text().trim());
        }}
      >
        <label class="entry__label" for="name-search">
          {t("name.label")}
        </label>
        <p id="name-search-hint" class="hint">
          {t("name.hint")}
        </p>
        <input
          id="name-search"
          ref={input}
          class="entry__field"
          type="text"
          autocomplete="off"
          spellcheck={false}
          aria-describedby="name-search-hint"
          aria-controls="name-results"
          value={text()}
          onInput={(event) => changed(event.currentTarget.value)}
        />
        <OnScreenKeys
          rows={NAME_KEYS}
          space
          onKey={(key) => changed(typeNameKey(text(), key))}
          onBackspace={() => changed(text().slice(0, -1))}
          onClear={() => changed("")}
        />
      </form>
      <section
        id="name-results"
        class="results"
        aria-live="polite"
        aria-busy={state().kind === "searching"}
      >
        <Switch>
          <Match when={state().kind === "searching"}>
            <p>{t("name.searching")}</p>
          </Match>
          <Match when={state().kind === "offline"}>
            <p class="notice notice--bad">{t("name.offline")}</p>
          </Match>
          <Match when={state().kind === "rate-limited"}>
            <p class="notice notice--bad">{t("name.rateLimited")}</p>
          </Match>
          <Match when={state().kind === "failed"}>
            <p class="notice notice--bad">{t("name.failed")}</p>
          </Match>
          <Match
            when={(() => {
              const s = state();
              return s.kind === "done" ? s.matches : undefined;
            })()}
          >
            {(matches) => (
              <>
                <h2>{t("name.results", { activity: kiosk.selected()?.title ?? "" })}</h2>
                <Switch>
                  <Match when={matches().length === 0}>
                    <p>{t("name.none")}</p>
                  </Match>
                  <Match when={matches().length > 0}>
                    <ul class="matches">
                      <For each={matches()}>
                        {(match) => (
                          <li>
                            <button
                              type="button"
                              class="button button--choice"
                              disabled={checkIn.busy()}
                              onClick={() =>
                                void checkIn.checkIn({ registrationId: match.registrationId })
                              }
                            >
                              {match.displayName}
                              {match.checkedIn ? ` (${t("name.checkedIn")})` : ""}
                            </button>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Match>
                </Switch>
              </>
            )}
          </Match>
        </Switch>
      </section>
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={() => navigate("/")}>
          {t("common.back")}
        </button>
      </div>
    </div>
  );
};
