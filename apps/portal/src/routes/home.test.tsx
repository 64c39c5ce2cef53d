import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auth, member, resetFakes, signedIn, trpc, trpcError } from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

beforeEach(resetFakes);

describe("home page", () => {
  it("shows who is signed in, with role and unread count", async () => {
    signedIn({ ...member, role: "organizer" }, 3);
    renderPortal("/");
    expect(await screen.findByText("You are signed in as Lin Mei.")).toBeTruthy();
    expect(screen.getByText("lin@example.org")).toBeTruthy();
    expect(screen.getByText("Organizer")).toBeTruthy();
    expect(await screen.findByText(/You have 3 unread notifications\./)).toBeTruthy();
  });

  it("invites anonymous visitors to join or sign in", async () => {
    renderPortal("/");
    expect(await screen.findByRole("heading", { name: "Join the association" })).toBeTruthy();
    expect(screen.getAllByRole("link", { name: "Create account" }).length).toBeGreaterThan(0);
  });

  it("reports a server it cannot reach and tries again on request", async () => {
    trpc.me.get.query.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    renderPortal("/");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("We could not reach the server.");
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { name: "Join the association" })).toBeTruthy();
  });

  it("signs out from the header", async () => {
    signedIn();
    const { history } = renderPortal("/notifications");
    const button = await screen.findByRole("button", { name: "Sign out" });
    auth.signOut.mockImplementation(async () => {
      trpc.me.get.query.mockResolvedValue({ account: null, member: null, privileges: [] });
      return { ok: true };
    });
    fireEvent.click(button);
    await waitFor(() => expect(history.get()).toBe("/"));
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(await within(nav).findByRole("link", { name: "Sign in" })).toBeTruthy();
  });

  it("does not treat a tRPC error as a network failure", async () => {
    trpc.me.get.query.mockRejectedValue(trpcError("INTERNAL_SERVER_ERROR"));
    renderPortal("/");
    expect((await screen.findByRole("alert")).textContent).toContain("Something went wrong.");
  });
});
