// A button that opens a modal form (Kobalte's dialog: focus trapped, Escape closes, focus
// returns to the button): for a short step that needs input, such as a request's message or
// a copy's settings. The dialog closes when `onSubmit` resolves to true; on false it stays
// open so the form can show what went wrong.
// The parts, not the `Dialog` object: Kobalte 0.13 builds `Dialog` and `AlertDialog` by
// Object.assign onto one shared root function, so once @readers/ui's ConfirmDialog is loaded
// `Dialog.Content` is the alert dialog's (role "alertdialog").
import * as Dialog from "@kobalte/core/dialog";
import { createSignal, type JSX, type ParentComponent } from "solid-js";

export interface FormDialogProps {
  /** The text of the button that opens the dialog (its accessible name). */
  trigger: string;
  triggerClass?: string;
  title: string;
  submit: string;
  cancel: string;
  busyLabel?: string;
  onSubmit: () => Promise<boolean> | boolean;
  /** Called when the dialog opens, e.g. to reset the form. */
  onOpen?: () => void;
  children?: JSX.Element;
}

export const FormDialog: ParentComponent<FormDialogProps> = (props) => {
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    try {
      if (await props.onSubmit()) setOpen(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog.Root
      open={open()}
      onOpenChange={(next) => {
        if (busy()) return;
        if (next) props.onOpen?.();
        setOpen(next);
      }}
    >
      <Dialog.Trigger class={props.triggerClass ?? "button button--secondary"}>
        {props.trigger}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content class="dialog">
            <Dialog.Title as="h2" class="dialog__title">
              {props.title}
            </Dialog.Title>
            <form class="form" novalidate onSubmit={submit}>
              {props.children}
              <div class="dialog__actions">
                <button type="submit" class="button" disabled={busy()}>
                  {busy() && props.busyLabel ? props.busyLabel : props.submit}
                </button>
                <button
                  type="button"
                  class="button button--secondary"
                  disabled={busy()}
                  onClick={() => setOpen(false)}
                >
                  {props.cancel}
                </button>
              </div>
            </form>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
