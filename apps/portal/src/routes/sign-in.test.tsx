import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auth, member, resetFakes, signedIn } from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

beforeEach(resetFakes);

async function fillAndSubmit(email: string, password: string) {
  fireEvent.input(await screen.findByLabelText("E-mail"), { target: { value: email } });
  fireEvent.input(screen.getByLabelText("Password"), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("sign-in page", () => {
  it("says when the e-mail or password is wrong, without the server's words", async () => {
    auth.signIn.mockResolvedValue({
      ok: false,
      failure: { status: 401, code: "INVALID_EMAIL_OR_PASSWORD" },
    });
    renderPortal("/sign-in");
    await fillAndSubmit("lin@example.org", "wrong password");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "The e-mail address or password is not correct.",
    );
  });

  it("says to wait when sign-in is rate limited", async () => {
    auth.signIn.mockResolvedValue({ ok: false, failure: { status: 429 } });
    renderPortal("/sign-in");
    await fillAndSubmit("lin@example.org", "whatever password");
    expect((await screen.findByRole("alert")).textContent).toContain("Too many attempts");
  });

  it("signs in and continues to the page that asked for it", async () => {
    auth.signIn.mockImplementation(async () => {
      signedIn(member, 2);
      return { ok: true };
    });
    const { history } = renderPortal("/sign-in?next=%2Fnotifications");
    await fillAndSubmit(" lin@example.org ", "correct horse battery");
    await waitFor(() => expect(history.get()).toBe("/notifications"));
    expect(auth.signIn).toHaveBeenCalledWith({
      email: "lin@example.org",
      password: "correct horse battery",
    });
    // The header now offers the inbox with its unread count and a way out.
    expect(await screen.findByRole("button", { name: "Sign out" })).toBeTruthy();
    expect((await screen.findByText("(2 unread)", { exact: false })).textContent).toContain(
      "2 unread",
    );
  });

  it("never follows a next parameter off the site", async () => {
    auth.signIn.mockImplementation(async () => {
      signedIn(member);
      return { ok: true };
    });
    const { history } = renderPortal("/sign-in?next=%2F%2Fevil.example");
    await fillAndSubmit("lin@example.org", "correct horse battery");
    await waitFor(() => expect(history.get()).toBe("/"));
  });
});
