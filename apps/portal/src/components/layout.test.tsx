import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  ADMIN_PRIVILEGES,
  member,
  ORGANIZER_PRIVILEGES,
  resetFakes,
  signedIn,
  trpc,
} from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

beforeEach(resetFakes);

describe("layout", () => {
  it("has the landmarks and one h1", async () => {
    renderPortal("/");
    await screen.findByRole("heading", { level: 1 });
    expect(screen.getByRole("banner")).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "Main" })).toBeTruthy();
    expect(screen.getByRole("main")).toBeTruthy();
    expect(screen.getByRole("contentinfo")).toBeTruthy();
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(screen.getByRole("link", { name: "Home" }).getAttribute("aria-current")).toBe("page");
  });

  it("switches language: texts, <html lang>, title and the stored choice", async () => {
    renderPortal("/");
    await screen.findByRole("heading", { level: 1, name: "Welcome" });
    expect(document.documentElement.lang).toBe("en");
    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    expect(await screen.findByRole("heading", { level: 1, name: "欢迎" })).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "主导航" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(document.title).toBe("欢迎 · 读者协会");
    expect(localStorage.getItem("readers.locale")).toBe("zh-CN");
    // Anonymous: nobody to tell on the server.
    expect(trpc.me.setLocale.mutate).not.toHaveBeenCalled();
  });

  it("tells the server when a signed-in reader changes language", async () => {
    signedIn();
    renderPortal("/");
    await screen.findByText("You are signed in as Lin Mei.");
    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    await waitFor(() => expect(trpc.me.setLocale.mutate).toHaveBeenCalledWith({ locale: "zh-CN" }));
    // The page follows the reader's choice, not the account's stored "en".
    expect(await screen.findByText("您已登录为 Lin Mei。")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(await screen.findByText("You are signed in as Lin Mei.")).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
  });

  it("adopts the account's language on a device with no choice of its own", async () => {
    signedIn({
      id: "u2",
      name: "王芳",
      email: "wang@example.org",
      role: "member",
      locale: "zh-CN",
      emailVerified: true,
    });
    renderPortal("/");
    expect(await screen.findByText("您已登录为 王芳。")).toBeTruthy();
    expect(trpc.me.setLocale.mutate).not.toHaveBeenCalled();
  });

  it("offers the activities to everyone, and one's own once signed in", async () => {
    renderPortal("/");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Activities" }).getAttribute("href")).toBe(
      "/activities",
    );
    expect(within(nav).queryByRole("link", { name: "My activities" })).toBeNull();
  });

  it("shows members their pages and no administration", async () => {
    signedIn(member, 0, { privileges: ["me.get", "memberships.apply", "memberships.card"] });
    renderPortal("/");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(await within(nav).findByRole("link", { name: "Membership" })).toBeTruthy();
    expect(within(nav).getByRole("link", { name: "My activities" }).getAttribute("href")).toBe(
      "/my/activities",
    );
    expect(within(nav).getByRole("link", { name: "Profile" })).toBeTruthy();
    expect(screen.queryByRole("navigation", { name: "Administration" })).toBeNull();
  });

  it("shows organizers only the administration pages their privileges allow", async () => {
    signedIn({ ...member, role: "organizer" }, 0, { privileges: ORGANIZER_PRIVILEGES });
    renderPortal("/");
    const admin = await screen.findByRole("navigation", { name: "Administration" });
    expect(
      within(admin)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(["Members", "Activities"]);
  });

  it("shows admins every administration page", async () => {
    signedIn({ ...member, role: "admin" }, 0, { privileges: ADMIN_PRIVILEGES });
    renderPortal("/");
    const admin = await screen.findByRole("navigation", { name: "Administration" });
    expect(
      within(admin)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(["Members", "Activities", "Locations", "Kiosks", "Tiers", "Audit log", "Settings"]);
  });

  it("shows a 404 page for unknown paths", async () => {
    renderPortal("/no/such/page");
    expect(await screen.findByRole("heading", { level: 1, name: "Page not found" })).toBeTruthy();
  });
});
