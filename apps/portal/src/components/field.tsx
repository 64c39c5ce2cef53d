// A labelled text input with an optional hint and an error that is tied to the input
// (aria-describedby, aria-invalid), so assistive technology reads both.
import { type Component, type JSX, Show } from "solid-js";

export interface FieldProps {
  id: string;
  label: string;
  type?: "text" | "email" | "password";
  autocomplete: JSX.InputHTMLAttributes<HTMLInputElement>["autocomplete"];
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string;
  ref?: (element: HTMLInputElement) => void;
}

export const Field: Component<FieldProps> = (props) => {
  const hintId = () => `${props.id}-hint`;
  const errorId = () => `${props.id}-error`;
  const describedBy = () =>
    [props.hint ? hintId() : "", props.error ? errorId() : ""].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div class="field" classList={{ "field--invalid": Boolean(props.error) }}>
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <p id={hintId()} class="field__hint">
          {props.hint}
        </p>
      </Show>
      <input
        ref={props.ref}
        id={props.id}
        name={props.id}
        type={props.type ?? "text"}
        autocomplete={props.autocomplete}
        required
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy()}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <Show when={props.error}>
        <p id={errorId()} class="field__error">
          {props.error}
        </p>
      </Show>
    </div>
  );
};
