import { fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { ConfirmDialog } from "./confirm-dialog.tsx";

function renderDialog(onConfirm: () => Promise<boolean> | boolean) {
  return render(() => (
    <ConfirmDialog
      trigger="Leave the association"
      title="Leave the association?"
      confirm="Yes, leave"
      cancel="Cancel"
      busyLabel="Leaving…"
      danger
      onConfirm={onConfirm}
    >
      <p>Your membership ends today.</p>
    </ConfirmDialog>
  ));
}

describe("ConfirmDialog", () => {
  it("opens a labelled, described alert dialog and cancels without confirming", async () => {
    const onConfirm = vi.fn(() => true);
    renderDialog(onConfirm);
    fireEvent.click(screen.getByRole("button", { name: "Leave the association" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Leave the association?" });
    expect(dialog.getAttribute("aria-describedby")).toBeTruthy();
    expect(
      document.getElementById(dialog.getAttribute("aria-describedby") ?? "")?.textContent,
    ).toBe("Your membership ends today.");
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it("closes after a successful confirmation and stays open after a failed one", async () => {
    let succeed = false;
    const onConfirm = vi.fn(async () => succeed);
    renderDialog(onConfirm);
    fireEvent.click(screen.getByRole("button", { name: "Leave the association" }));
    fireEvent.click(await screen.findByRole("button", { name: "Yes, leave" }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole("button", { name: "Yes, leave" })).toBeTruthy();
    succeed = true;
    fireEvent.click(screen.getByRole("button", { name: "Yes, leave" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(onConfirm).toHaveBeenCalledTimes(2);
  });
});
