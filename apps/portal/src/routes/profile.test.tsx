import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  auth,
  member,
  memberRecord,
  resetFakes,
  signedIn,
  trpc,
  trpcError,
} from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

beforeEach(() => {
  resetFakes();
  signedIn(undefined, 0, { member: memberRecord() });
});
afterEach(() => vi.restoreAllMocks());

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe("profile page", () => {
  it("saves the account name and member details", async () => {
    trpc.me.updateProfile.mutate.mockResolvedValue({ ok: true });
    renderPortal("/profile");
    await screen.findByRole("heading", { level: 1, name: "Profile" });
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("Lin Mei");
    expect((screen.getByLabelText("First name") as HTMLInputElement).value).toBe("Mei");
    expect(screen.getByText("1234 5674")).toBeTruthy();
    fill("Phone", "+86 138 0000 0000");
    fireEvent.click(screen.getByLabelText("Show my name in the member directory"));
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("Your changes have been saved.")).toBeTruthy();
    expect(trpc.me.updateProfile.mutate).toHaveBeenCalledWith({
      name: "Lin Mei",
      member: {
        firstName: "Mei",
        lastName: "Lin",
        phone: "+86 138 0000 0000",
        directoryConsent: true,
      },
    });
  });

  it("checks the fields first", async () => {
    renderPortal("/profile");
    await screen.findByLabelText("Last name");
    fill("Last name", "");
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("Enter your last name.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Last name"));
    expect(trpc.me.updateProfile.mutate).not.toHaveBeenCalled();
  });

  it("sends only the account name when there is no member record", async () => {
    signedIn();
    trpc.me.updateProfile.mutate.mockResolvedValue({ ok: true });
    renderPortal("/profile");
    await screen.findByText("You are not a member yet.");
    expect(screen.queryByLabelText("First name")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() =>
      expect(trpc.me.updateProfile.mutate).toHaveBeenCalledWith({
        name: "Lin Mei",
        member: undefined,
      }),
    );
  });

  it("changes the language from a select", async () => {
    renderPortal("/profile");
    fireEvent.change(await screen.findByLabelText("Preferred language"), {
      target: { value: "zh-CN" },
    });
    expect(await screen.findByRole("heading", { level: 1, name: "个人资料" })).toBeTruthy();
    expect(trpc.me.setLocale.mutate).toHaveBeenCalledWith({ locale: "zh-CN" });
  });

  it("downloads my data as readers-my-data.json", async () => {
    const data = { exportedAt: "2025-12-01T00:00:00.000Z", account: { name: "Lin Mei" } };
    trpc.me.exportData.query.mockResolvedValue(data);
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:data";
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    renderPortal("/profile");
    fireEvent.click(await screen.findByRole("button", { name: "Download my data" }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toBe("readers-my-data.json");
    expect(JSON.parse(await blobs[0]!.text())).toEqual(data);
  });

  it("deletes the account only after the e-mail is typed, then goes home", async () => {
    const { history } = renderPortal("/profile");
    const button = await screen.findByRole("button", { name: "Delete my account" });
    expect(screen.getByText(/kept only as anonymous counts/)).toBeTruthy();
    fill("Type your e-mail address to confirm", "someone@else.org");
    fireEvent.click(button);
    expect(
      await screen.findByText("Type the e-mail address of your account exactly as shown."),
    ).toBeTruthy();
    expect(trpc.me.deleteAccount.mutate).not.toHaveBeenCalled();
    fill("Type your e-mail address to confirm", " LIN@example.org ");
    trpc.me.deleteAccount.mutate.mockImplementation(async () => {
      trpc.me.get.query.mockResolvedValue({
        account: null,
        member: null,
        privileges: [],
        association: { name: "Riverside Readers", timezone: "Asia/Shanghai" },
      });
      return { ok: true };
    });
    fireEvent.click(button);
    await waitFor(() => expect(history.get()).toBe("/?accountDeleted=1"));
    expect(trpc.me.deleteAccount.mutate).toHaveBeenCalledWith({ confirmEmail: "LIN@example.org" });
    expect(await screen.findByText(/Your account has been deleted\./)).toBeTruthy();
  });

  it("shows why deleting failed", async () => {
    trpc.me.deleteAccount.mutate.mockRejectedValue(trpcError("BAD_REQUEST"));
    renderPortal("/profile");
    await screen.findByRole("button", { name: "Delete my account" });
    fill("Type your e-mail address to confirm", member.email);
    fireEvent.click(screen.getByRole("button", { name: "Delete my account" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Some of the information is not valid.",
    );
  });

  it("says the address is confirmed, with nothing to send", async () => {
    renderPortal("/profile");
    expect(await screen.findByText("Confirmed")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Send confirmation e-mail again" })).toBeNull();
  });

  it("sends the confirmation e-mail again while the address is not confirmed", async () => {
    signedIn({ ...member, emailVerified: false }, 0, { member: memberRecord() });
    auth.sendVerificationEmail.mockResolvedValueOnce({
      ok: false,
      failure: { status: 429 },
    });
    renderPortal("/profile");
    expect(
      await screen.findByText("Not confirmed yet: open the link in the e-mail we sent you."),
    ).toBeTruthy();
    const resend = screen.getByRole("button", { name: "Send confirmation e-mail again" });
    fireEvent.click(resend);
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Too many attempts. Please wait a minute and try again.",
    );
    fireEvent.click(resend);
    expect(
      await screen.findByText(
        "We have sent a new confirmation e-mail to lin@example.org. Open the link in it, then come back here.",
      ),
    ).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(auth.sendVerificationEmail).toHaveBeenLastCalledWith("lin@example.org");
  });

  it("asks for a confirmed new address before changing it", async () => {
    auth.changeEmail.mockResolvedValueOnce({ ok: true });
    renderPortal("/profile");
    const field = await screen.findByLabelText("New e-mail address");
    const button = screen.getByRole("button", { name: "Change e-mail" });
    fireEvent.input(field, { target: { value: "not-an-address" } });
    fireEvent.click(button);
    expect(await screen.findByText("Enter an e-mail address like name@example.org.")).toBeTruthy();
    expect(auth.changeEmail).not.toHaveBeenCalled();
    fireEvent.input(field, { target: { value: "lin@example.org" } });
    fireEvent.click(button);
    expect(await screen.findByText("That is already your e-mail address.")).toBeTruthy();
    fireEvent.input(field, { target: { value: "Lin.New@example.org" } });
    fireEvent.click(button);
    expect(
      await screen.findByText(
        "We have sent a confirmation link to lin.new@example.org. Your address changes once you open it.",
      ),
    ).toBeTruthy();
    expect(auth.changeEmail).toHaveBeenCalledWith("lin.new@example.org");
  });
});
