// The association shelf at the kiosk: borrow a book (member card or number, then the
// book's label or ISBN) or return one (just the book). Scanner, camera or typing work at
// each step; the server decides at once (lending is not queued offline).
import {
  CARD_PAYLOAD_PREFIX,
  ISBN_INPUT_MAX_LENGTH,
  MEMBER_NUMBER_LENGTH,
  normalizeMemberNumber,
  parseShelfBarcode,
} from "@readers/domain";
import { usePageTitle } from "@readers/ui";
import { useNavigate } from "@solidjs/router";
import { type Component, createSignal, Match, onMount, Show, Switch } from "solid-js";
import { useCheckIn } from "../check-in.ts";
import { CameraReader } from "../components/camera-reader.tsx";
import { BOOK_KEYS, DIGIT_KEYS, OnScreenKeys } from "../components/on-screen-keys.tsx";
import { useI18n } from "../i18n/index.ts";
import type { ShelfCredential } from "../lib/api.ts";
import { readScan } from "../lib/scan.ts";
import { useWedgeScanner } from "../lib/wedge.ts";
import { useKiosk } from "../state.tsx";

type Step =
  | { kind: "choose" }
  | { kind: "member" }
  | { kind: "book"; credential: ShelfCredential | null };

/** The member a scanned or typed text names, for lending: a card or a member number. */
function shelfCredential(text: string): ShelfCredential | "invalid-number" | null {
  const reading = readScan(text);
  if (reading.kind === "invalid-member-number") return "invalid-number";
  if (reading.kind !== "credential") return null;
  const credential = reading.credential;
  if ("memberNumber" in credential) return credential;
  // A guest's registration link names no member: only a card lends books.
  if ("qr" in credential && credential.qr.toUpperCase().startsWith(`${CARD_PAYLOAD_PREFIX}:`)) {
    return credential;
  }
  return null;
}

/** The last digits of the member, for "borrowing as ••••5674" (nothing more on screen). */
function lastDigits(credential: ShelfCredential): string {
  const number =
    "memberNumber" in credential ? credential.memberNumber : (credential.qr.split(":")[1] ?? "");
  return number.slice(-4);
}

const MemberStep: Component<{ onMember: (credential: ShelfCredential) => void }> = (props) => {
  const { t } = useI18n();
  const [digits, setDigits] = createSignal("");
  const [problem, setProblem] = createSignal<"invalid" | "unreadable">();
  const [camera, setCamera] = createSignal(false);
  let input: HTMLInputElement | undefined;
  onMount(() => input?.focus());

  function take(text: string) {
    const credential = shelfCredential(text);
    if (credential === "invalid-number") setProblem("invalid");
    else if (credential === null) setProblem("unreadable");
    else props.onMember(credential);
  }
  useWedgeScanner(take);

  return (
    <section aria-labelledby="shelf-member-title">
      <h2 id="shelf-member-title">{t("shelf.memberTitle")}</h2>
      <form
        class="entry"
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          const number = normalizeMemberNumber(digits());
          if (number.ok) props.onMember({ memberNumber: number.value });
          else setProblem("invalid");
        }}
      >
        <label class="entry__label" for="shelf-member">
          {t("number.label")}
        </label>
        <p id="shelf-member-hint" class="hint">
          {t("shelf.memberHint")}
        </p>
        <input
          id="shelf-member"
          ref={input}
          class="entry__field entry__field--number"
          inputmode="numeric"
          autocomplete="off"
          aria-describedby={
            problem() ? "shelf-member-hint shelf-member-problem" : "shelf-member-hint"
          }
          aria-invalid={!!problem()}
          value={digits()}
          onInput={(event) => {
            setDigits(event.currentTarget.value.replace(/\D/g, "").slice(0, MEMBER_NUMBER_LENGTH));
            event.currentTarget.value = digits();
            setProblem(undefined);
          }}
        />
        <Show when={problem()}>
          {(which) => (
            <p id="shelf-member-problem" class="problem" role="alert">
              {which() === "invalid" ? t("number.invalid") : t("shelf.cardUnreadable")}
            </p>
          )}
        </Show>
        <OnScreenKeys
          rows={[...DIGIT_KEYS, "0"]}
          label={t("keyboard.keypad")}
          class="keys--keypad"
          onKey={(key) => setDigits((d) => (d + key).slice(0, MEMBER_NUMBER_LENGTH))}
          onBackspace={() => setDigits((d) => d.slice(0, -1))}
          onClear={() => setDigits("")}
        />
        <div class="actions">
          <button type="submit" class="button button--primary">
            {t("shelf.next")}
          </button>
          <button type="button" class="button button--secondary" onClick={() => setCamera(true)}>
            {t("shelf.useCamera")}
          </button>
        </div>
      </form>
      <Show when={camera()}>
        <CameraReader formats={["QRCode"]} onRead={take} />
      </Show>
    </section>
  );
};

const BookStep: Component<{ busy: boolean; onBook: (barcode: string) => void }> = (props) => {
  const { t } = useI18n();
  const [code, setCode] = createSignal("");
  const [invalid, setInvalid] = createSignal(false);
  const [camera, setCamera] = createSignal(false);
  let input: HTMLInputElement | undefined;
  onMount(() => input?.focus());

  function take(text: string) {
    if (!parseShelfBarcode(text)) {
      setCode(text.slice(0, ISBN_INPUT_MAX_LENGTH));
      setInvalid(true);
      return;
    }
    props.onBook(text.trim());
  }
  useWedgeScanner(take);

  return (
    <section aria-labelledby="shelf-book-title">
      <h2 id="shelf-book-title">{t("shelf.bookTitle")}</h2>
      <p class="hint">{t("shelf.bookHint")}</p>
      <form
        class="entry"
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          take(code());
        }}
      >
        <label class="entry__label" for="shelf-book">
          {t("shelf.code")}
        </label>
        <p id="shelf-book-hint" class="hint">
          {t("shelf.codeHint")}
        </p>
        <input
          id="shelf-book"
          ref={input}
          class="entry__field entry__field--code"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          aria-describedby={invalid() ? "shelf-book-hint shelf-book-problem" : "shelf-book-hint"}
          aria-invalid={invalid()}
          value={code()}
          onInput={(event) => {
            setCode(event.currentTarget.value.slice(0, ISBN_INPUT_MAX_LENGTH));
            setInvalid(false);
          }}
        />
        <Show when={invalid()}>
          <p id="shelf-book-problem" class="problem" role="alert">
            {t("shelf.codeInvalid")}
          </p>
        </Show>
        <OnScreenKeys
          rows={BOOK_KEYS}
          onKey={(key) => setCode((c) => (c + key).slice(0, ISBN_INPUT_MAX_LENGTH))}
          onBackspace={() => setCode((c) => c.slice(0, -1))}
          onClear={() => setCode("")}
        />
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={props.busy}>
            {t("shelf.next")}
          </button>
          <button type="button" class="button button--secondary" onClick={() => setCamera(true)}>
            {t("shelf.useCamera")}
          </button>
        </div>
      </form>
      <Show when={camera()}>
        <CameraReader formats={["EAN13", "Code128"]} onRead={take} />
      </Show>
    </section>
  );
};

export const ShelfScreen: Component = () => {
  const { t } = useI18n();
  const kiosk = useKiosk();
  const navigate = useNavigate();
  const attempt = useCheckIn();
  const [step, setStep] = createSignal<Step>({ kind: "choose" });
  usePageTitle(
    () => t("shelf.title"),
    () => t("app.name"),
  );

  function book(barcode: string) {
    const current = step();
    if (current.kind !== "book") return;
    const credential = current.credential;
    void attempt.run(() =>
      credential ? kiosk.borrow(credential, barcode) : kiosk.returnBook(barcode),
    );
  }

  return (
    <div class="screen entry-screen">
      <h1>{t("shelf.title")}</h1>
      <Switch>
        <Match when={step().kind === "choose"}>
          <p class="lead">{t("shelf.intro")}</p>
          <div class="methods__buttons">
            <button
              type="button"
              class="button button--primary"
              onClick={() => setStep({ kind: "member" })}
            >
              {t("shelf.borrow")}
            </button>
            <button
              type="button"
              class="button button--primary"
              onClick={() => setStep({ kind: "book", credential: null })}
            >
              {t("shelf.return")}
            </button>
          </div>
        </Match>
        <Match when={step().kind === "member"}>
          <MemberStep onMember={(credential) => setStep({ kind: "book", credential })} />
        </Match>
        <Match
          when={(() => {
            const s = step();
            return s.kind === "book" ? s : undefined;
          })()}
        >
          {(current) => (
            <>
              <Show when={current().credential}>
                {(credential) => (
                  <p class="notice">{t("shelf.borrowingAs", { last: lastDigits(credential()) })}</p>
                )}
              </Show>
              <BookStep busy={attempt.busy()} onBook={book} />
            </>
          )}
        </Match>
      </Switch>
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={() => navigate("/")}>
          {t("common.back")}
        </button>
      </div>
    </div>
  );
};
