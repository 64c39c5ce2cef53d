// Labelled form controls with an optional hint and an error that is tied to the control
// (aria-describedby, aria-invalid), so assistive technology reads both.
import { type Component, For, type JSX, Show } from "solid-js";

interface Described {
  id: string;
  hint?: string;
  error?: string;
}

function describedBy(props: Described): string | undefined {
  return (
    [props.hint ? `${props.id}-hint` : "", props.error ? `${props.id}-error` : ""]
      .filter(Boolean)
      .join(" ") || undefined
  );
}

const Hint: Component<Described> = (props) => (
  <Show when={props.hint}>
    <p id={`${props.id}-hint`} class="field__hint">
      {props.hint}
    </p>
  </Show>
);

const FieldError: Component<Described> = (props) => (
  <Show when={props.error}>
    <p id={`${props.id}-error`} class="field__error">
      {props.error}
    </p>
  </Show>
);

export interface FieldProps {
  id: string;
  label: string;
  type?: "text" | "email" | "password" | "search" | "tel" | "date" | "datetime-local" | "url";
  autocomplete: JSX.InputHTMLAttributes<HTMLInputElement>["autocomplete"];
  inputMode?: JSX.InputHTMLAttributes<HTMLInputElement>["inputMode"];
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string;
  /** Defaults to true; an optional field says so in its hint. */
  required?: boolean;
  readOnly?: boolean;
  disabled?: boolean;
  class?: string;
  /** Called when the control loses focus (marks the field touched for instant checks). */
  onBlur?: () => void;
  ref?: (element: HTMLInputElement) => void;
}

export const Field: Component<FieldProps> = (props) => (
  <div
    class={props.class ? `field ${props.class}` : "field"}
    classList={{ "field--invalid": Boolean(props.error) }}
  >
    <label for={props.id}>{props.label}</label>
    <Hint id={props.id} hint={props.hint} />
    <input
      ref={props.ref}
      id={props.id}
      name={props.id}
      type={props.type ?? "text"}
      autocomplete={props.autocomplete}
      inputMode={props.inputMode}
      required={props.required ?? true}
      readOnly={props.readOnly}
      disabled={props.disabled}
      aria-invalid={props.error ? "true" : undefined}
      aria-describedby={describedBy(props)}
      value={props.value}
      onInput={(event) => props.onInput(event.currentTarget.value)}
      onBlur={() => props.onBlur?.()}
    />
    <FieldError id={props.id} error={props.error} />
  </div>
);

export interface TextAreaFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string;
  required?: boolean;
  rows?: number;
  class?: string;
  onBlur?: () => void;
  ref?: (element: HTMLTextAreaElement) => void;
}

export const TextAreaField: Component<TextAreaFieldProps> = (props) => (
  <div
    class={props.class ? `field ${props.class}` : "field"}
    classList={{ "field--invalid": Boolean(props.error) }}
  >
    <label for={props.id}>{props.label}</label>
    <Hint id={props.id} hint={props.hint} />
    <textarea
      ref={props.ref}
      id={props.id}
      name={props.id}
      rows={props.rows ?? 3}
      required={props.required ?? true}
      aria-invalid={props.error ? "true" : undefined}
      aria-describedby={describedBy(props)}
      value={props.value}
      onInput={(event) => props.onInput(event.currentTarget.value)}
      onBlur={() => props.onBlur?.()}
    />
    <FieldError id={props.id} error={props.error} />
  </div>
);

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  disabled?: boolean;
  class?: string;
  ref?: (element: HTMLSelectElement) => void;
}

export const SelectField: Component<SelectFieldProps> = (props) => (
  <div
    class={props.class ? `field ${props.class}` : "field"}
    classList={{ "field--invalid": Boolean(props.error) }}
  >
    <label for={props.id}>{props.label}</label>
    <Hint id={props.id} hint={props.hint} />
    <select
      ref={props.ref}
      id={props.id}
      name={props.id}
      disabled={props.disabled}
      aria-invalid={props.error ? "true" : undefined}
      aria-describedby={describedBy(props)}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    >
      <For each={props.options}>
        {(option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        )}
      </For>
    </select>
    <FieldError id={props.id} error={props.error} />
  </div>
);

export interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}

export const CheckboxField: Component<CheckboxFieldProps> = (props) => (
  <div class="field field--checkbox">
    <input
      id={props.id}
      name={props.id}
      type="checkbox"
      checked={props.checked}
      aria-describedby={describedBy(props)}
      onChange={(event) => props.onChange(event.currentTarget.checked)}
    />
    <label for={props.id}>{props.label}</label>
    <Hint id={props.id} hint={props.hint} />
  </div>
);
