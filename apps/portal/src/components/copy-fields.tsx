// The settings of a shared copy, for adding a book and for editing a copy: lend or give,
// condition, a note with a character counter against the domain's limit, the loan period,
// the returns a borrower needs, visibility, and for officers the association's shelf.
import {
  COPIES_PER_ADD_MAX,
  COPY_CONDITIONS,
  COPY_LOAN_DAYS_MAX,
  COPY_MODES,
  MIN_TRUST_MAX,
  NOTE_MAX_LENGTH,
} from "@readers/domain";
import { type Component, For, Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { useI18n } from "../i18n/index.ts";
import { type CopyField, type CopyFormValues, noteLength } from "../lib/book-forms.ts";
import type { Venue } from "../lib/venues.ts";
import { CheckboxField, Field, SelectField, TextAreaField } from "./field.tsx";

export const CopyFields: Component<{
  /** Prefix of the controls' ids, so two forms on one page do not clash. */
  idPrefix: string;
  values: CopyFormValues;
  setValues: SetStoreFunction<CopyFormValues>;
  error: (field: CopyField) => string | undefined;
  touch: (field: CopyField) => void;
  register: (field: CopyField) => (element: HTMLElement) => void;
  /** Officers may put the copy on the association's shelf (adding) or move it (editing). */
  shelfChoice: "none" | "add" | "move";
  /** The library's locations, for the shelf; undefined while loading. */
  locations?: readonly Venue[];
}> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const id = (name: string) => `${props.idPrefix}-${name}`;
  const noteCount = () =>
    t("copyForm.noteCount", {
      count: i18n.formatNumber(noteLength(props.values.note)),
      max: i18n.formatNumber(NOTE_MAX_LENGTH),
    });
  const locationOptions = () => [
    { value: "", label: t("copyForm.chooseLocation") },
    ...(props.locations ?? []).map((l) => ({ value: l.id, label: l.name })),
  ];

  return (
    <>
      <Show when={props.shelfChoice === "add"}>
        <CheckboxField
          id={id("association")}
          label={t("copyForm.forAssociation")}
          hint={t("copyForm.forAssociationHint")}
          checked={props.values.forAssociation}
          onChange={(checked) => props.setValues("forAssociation", checked)}
        />
      </Show>
      <Show when={props.shelfChoice !== "none" && props.values.forAssociation}>
        <Show
          when={props.locations === undefined || props.locations.length > 0}
          fallback={<p class="notice">{t("copyForm.noLocations")}</p>}
        >
          <SelectField
            id={id("location")}
            label={t("copyForm.location")}
            value={props.values.locationId}
            options={locationOptions()}
            error={props.error("locationId")}
            ref={props.register("locationId")}
            onChange={(value) => {
              props.setValues("locationId", value);
              props.touch("locationId");
            }}
          />
        </Show>
        <Show when={props.shelfChoice === "add"}>
          <Field
            id={id("quantity")}
            label={t("copyForm.quantity")}
            hint={t("copyForm.quantityHint", { max: i18n.formatNumber(COPIES_PER_ADD_MAX) })}
            inputMode="numeric"
            autocomplete="off"
            value={props.values.quantity}
            error={props.error("quantity")}
            ref={props.register("quantity")}
            onInput={(value) => props.setValues("quantity", value)}
            onBlur={() => props.touch("quantity")}
          />
        </Show>
      </Show>
      <fieldset class="radio-group">
        <legend>{t("copyForm.mode")}</legend>
        <For each={COPY_MODES}>
          {(mode) => (
            <div class="radio">
              <input
                type="radio"
                id={id(`mode-${mode}`)}
                name={id("mode")}
                value={mode}
                checked={props.values.mode === mode}
                onChange={() => props.setValues("mode", mode)}
              />
              <label for={id(`mode-${mode}`)}>{t(`copyForm.modes.${mode}`)}</label>
            </div>
          )}
        </For>
      </fieldset>
      <SelectField
        id={id("condition")}
        label={t("copyForm.condition")}
        value={props.values.condition}
        options={COPY_CONDITIONS.map((condition) => ({
          value: condition,
          label: t(`book.conditions.${condition}`),
        }))}
        onChange={(value) => props.setValues("condition", value as CopyFormValues["condition"])}
      />
      <div class="field-with-counter">
        <TextAreaField
          id={id("note")}
          label={t("copyForm.note")}
          hint={t("copyForm.noteHint", { max: i18n.formatNumber(NOTE_MAX_LENGTH) })}
          required={false}
          value={props.values.note}
          error={props.error("note")}
          ref={props.register("note")}
          onInput={(value) => {
            props.setValues("note", value);
            // Over the limit shows at once: the counter alone is easy to miss.
            if (noteLength(value) > NOTE_MAX_LENGTH) props.touch("note");
          }}
          onBlur={() => props.touch("note")}
        />
        <p
          class="field__counter"
          classList={{ "field__counter--over": noteLength(props.values.note) > NOTE_MAX_LENGTH }}
        >
          {noteCount()}
        </p>
      </div>
      <div class="field-grid">
        <Field
          id={id("loan-days")}
          label={t("copyForm.loanDays")}
          hint={t("copyForm.loanDaysHint", { max: i18n.formatNumber(COPY_LOAN_DAYS_MAX) })}
          inputMode="numeric"
          autocomplete="off"
          required={false}
          value={props.values.loanDays}
          error={props.error("loanDays")}
          ref={props.register("loanDays")}
          onInput={(value) => props.setValues("loanDays", value)}
          onBlur={() => props.touch("loanDays")}
        />
        <Field
          id={id("min-trust")}
          label={t("copyForm.minTrust")}
          hint={t("copyForm.minTrustHint", { max: i18n.formatNumber(MIN_TRUST_MAX) })}
          inputMode="numeric"
          autocomplete="off"
          required={false}
          value={props.values.minTrust}
          error={props.error("minTrust")}
          ref={props.register("minTrust")}
          onInput={(value) => props.setValues("minTrust", value)}
          onBlur={() => props.touch("minTrust")}
        />
      </div>
      <CheckboxField
        id={id("visible")}
        label={t("copyForm.visible")}
        hint={t("copyForm.visibleHint")}
        checked={props.values.visible}
        onChange={(checked) => props.setValues("visible", checked)}
      />
    </>
  );
};
