import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auth, resetFakes } from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

beforeEach(resetFakes);

describe("forgot-password page", () => {
  it("answers the same way whether or not the account exists", async () => {
    renderPortal("/forgot-password");
    fireEvent.input(await screen.findByLabelText("E-mail"), {
      target: { value: "someone@example.org" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Send reset link" }));
    const status = await screen.findByText(/If an account exists for someone@example.org/);
    expect(status.closest("[role=status]")).toBeTruthy();
    expect(auth.requestPasswordReset).toHaveBeenCalledWith("someone@example.org");
  });
});

describe("reset-password page", () => {
  it("sets the new password with the token from the link", async () => {
    renderPortal("/reset-password?token=abc123");
    fireEvent.input(await screen.findByLabelText("New password"), {
      target: { value: "a brand new passphrase" },
    });
    fireEvent.input(screen.getByLabelText("Confirm new password"), {
      target: { value: "a brand new passphrase" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save new password" }));
    expect(await screen.findByText(/Your password has been changed/)).toBeTruthy();
    expect(auth.resetPassword).toHaveBeenCalledWith({
      newPassword: "a brand new passphrase",
      token: "abc123",
    });
  });

  it("explains an expired token and offers a new link", async () => {
    auth.resetPassword.mockResolvedValue({
      ok: false,
      failure: { status: 400, code: "INVALID_TOKEN" },
    });
    renderPortal("/reset-password?token=old");
    fireEvent.input(await screen.findByLabelText("New password"), {
      target: { value: "a brand new passphrase" },
    });
    fireEvent.input(screen.getByLabelText("Confirm new password"), {
      target: { value: "a brand new passphrase" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save new password" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This reset link is not valid or has expired.",
    );
  });

  it("shows no form when the link carries an error or no token", async () => {
    renderPortal("/reset-password?error=INVALID_TOKEN");
    expect((await screen.findByRole("alert")).textContent).toContain("not valid or has expired");
    expect(screen.queryByLabelText("New password")).toBeNull();
    await waitFor(() =>
      expect(screen.getByRole("link", { name: "Request a new link" })).toBeTruthy(),
    );
  });
});
