// A button that opens a modal "are you sure?" step (Kobalte's alert dialog: focus trapped,
// Escape cancels, focus returns to the button). For actions that cannot be undone.
import { AlertDialog } from "@kobalte/core/alert-dialog";
import { createSignal, type JSX, type ParentComponent } from "solid-js";

export interface ConfirmDialogProps {
  /** The text of the button that opens the dialog (its accessible name). */
  trigger: string;
  triggerClass?: string;
  triggerDisabled?: boolean;
  /** The dialog's heading. */
  title: string;
  /** The text of the confirming button. */
  confirm: string;
  /** The text of the cancelling button. */
  cancel: string;
  /** Shown on the confirming button while `onConfirm` runs. */
  busyLabel?: string;
  /** Styles the confirming button as destructive. */
  danger?: boolean;
  /**
   * Runs on confirm. The dialog closes when it resolves to `true`; on `false` it stays
   * open, so the caller can show what went wrong inside it (children).
   */
  onConfirm: () => Promise<boolean> | boolean;
  /** The explanation: what will happen, what cannot be undone. */
  children?: JSX.Element;
}

export const ConfirmDialog: ParentComponent<ConfirmDialogProps> = (props) => {
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  async function confirm() {
    if (busy()) return;
    setBusy(true);
    try {
      if (await props.onConfirm()) setOpen(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AlertDialog open={open()} onOpenChange={(next) => !busy() && setOpen(next)}>
      <AlertDialog.Trigger
        class={props.triggerClass ?? "button button--secondary"}
        disabled={props.triggerDisabled}
      >
        {props.trigger}
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <AlertDialog.Content class="dialog">
            <AlertDialog.Title as="h2" class="dialog__title">
              {props.title}
            </AlertDialog.Title>
            <AlertDialog.Description as="div" class="dialog__body">
              {props.children}
            </AlertDialog.Description>
            <div class="dialog__actions">
              <button
                type="button"
                class={props.danger ? "button button--danger" : "button"}
                disabled={busy()}
                onClick={() => void confirm()}
              >
                {busy() && props.busyLabel ? props.busyLabel : props.confirm}
              </button>
              {/* A plain button: Kobalte's CloseButton would rename itself "Dismiss". */}
              <button
                type="button"
                class="button button--secondary"
                disabled={busy()}
                onClick={() => setOpen(false)}
              >
                {props.cancel}
              </button>
            </div>
          </AlertDialog.Content>
        </div>
      </AlertDialog.Portal>
    </AlertDialog>
  );
};
