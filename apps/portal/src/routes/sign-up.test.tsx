import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auth, member, resetFakes, signedIn, trpc } from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

beforeEach(resetFakes);

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

const submit = () => fireEvent.click(screen.getByRole("button", { name: "Create account" }));

describe("sign-up page", () => {
  it("explains every missing field after a submit and focuses the first", async () => {
    renderPortal("/sign-up");
    await screen.findByRole("heading", { level: 1, name: "Create an account" });
    submit();
    expect(await screen.findByText("Enter your name.")).toBeTruthy();
    expect(screen.getByText("Enter your e-mail address.")).toBeTruthy();
    expect(screen.getByText("Enter your password.")).toBeTruthy();
    expect(screen.getByText("Enter the password again.")).toBeTruthy();
    const name = screen.getByLabelText("Name");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(name.getAttribute("aria-describedby")).toBe("name-hint name-error");
    expect(document.activeElement).toBe(name);
    expect(auth.signUp).not.toHaveBeenCalled();
  });

  it("asks for at least 10 characters and a matching confirmation", async () => {
    renderPortal("/sign-up");
    await screen.findByLabelText("Password");
    fill("Name", "Lin Mei");
    fill("E-mail", "lin@example");
    fill("Password", "short");
    fill("Confirm password", "shorter");
    submit();
    expect(await screen.findByText("Enter an e-mail address like name@example.org.")).toBeTruthy();
    expect(screen.getByText("Use at least 10 characters for the password.")).toBeTruthy();
    expect(screen.getByText("The passwords do not match.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("E-mail"));
    // Once shown, messages follow the input.
    fill("Password", "long enough passphrase");
    fill("Confirm password", "long enough passphrase");
    await waitFor(() =>
      expect(screen.queryByText("Use at least 10 characters for the password.")).toBeNull(),
    );
    expect(screen.queryByText("The passwords do not match.")).toBeNull();
  });

  it("creates the account in the current language and goes home signed in", async () => {
    const { history, i18n } = renderPortal("/sign-up");
    i18n.setLocale("zh-CN");
    await screen.findByRole("heading", { level: 1, name: "注册账户" });
    fill("姓名", "  Lin Mei ");
    fill("电子邮箱", "lin@example.org");
    fill("密码", "correct horse battery");
    fill("确认密码", "correct horse battery");
    auth.signUp.mockImplementation(async () => {
      signedIn(member);
      return { ok: true };
    });
    fireEvent.click(screen.getByRole("button", { name: "注册" }));
    await waitFor(() => expect(history.get()).toBe("/"));
    expect(auth.signUp).toHaveBeenCalledWith({
      name: "Lin Mei",
      email: "lin@example.org",
      password: "correct horse battery",
      locale: "zh-CN",
    });
    expect(trpc.me.get.query).toHaveBeenCalledTimes(2);
    expect(await screen.findByText("lin@example.org")).toBeTruthy();
  });

  it("translates the server's refusal instead of showing its message", async () => {
    auth.signUp.mockResolvedValue({
      ok: false,
      failure: { status: 422, code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" },
    });
    renderPortal("/sign-up");
    await screen.findByLabelText("Name");
    fill("Name", "Lin Mei");
    fill("E-mail", "lin@example.org");
    fill("Password", "correct horse battery");
    fill("Confirm password", "correct horse battery");
    submit();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(
      "An account with this e-mail address already exists. Sign in instead.",
    );
  });
});
