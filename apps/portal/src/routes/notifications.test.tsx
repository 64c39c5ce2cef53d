import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetFakes, signedIn, trpc, trpcError } from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

beforeEach(resetFakes);

const welcome = {
  id: 7,
  kind: "welcome",
  payload: { name: "Lin Mei" },
  createdAt: "2025-03-04T05:06:00.000Z",
  readAt: null,
};
const mystery = {
  id: 6,
  kind: "something_new",
  payload: {},
  createdAt: "2025-03-03T05:06:00.000Z",
  readAt: "2025-03-03T06:00:00.000Z",
};

describe("notifications page", () => {
  it("sends anonymous visitors to sign in first", async () => {
    const { history } = renderPortal("/notifications");
    await waitFor(() => expect(history.get()).toBe("/sign-in?next=%2Fnotifications"));
  });

  it("lists notifications, unknown kinds included, and says which are unread", async () => {
    signedIn(undefined, 1);
    trpc.notifications.list.query.mockResolvedValue({
      items: [welcome, mystery],
      nextBefore: null,
    });
    renderPortal("/notifications");
    await screen.findByRole("heading", { name: /Welcome to the association/ });
    const list = within(screen.getByRole("main")).getAllByRole("listitem");
    expect(list).toHaveLength(2);
    expect(
      within(list[0]!).getByRole("heading", { name: /Welcome to the association/ }),
    ).toBeTruthy();
    expect(within(list[0]!).getByText("Unread")).toBeTruthy();
    expect(within(list[1]!).getByRole("heading", { name: "Notification" })).toBeTruthy();
    expect(within(list[1]!).queryByRole("button")).toBeNull();
    expect(list[0]!.querySelector("time")?.getAttribute("datetime")).toBe(welcome.createdAt);
    expect(trpc.notifications.list.query).toHaveBeenCalledWith({ limit: 20, before: undefined });
  });

  it("links an activity's news to the activity", async () => {
    signedIn(undefined, 1);
    trpc.notifications.list.query.mockResolvedValue({
      items: [
        {
          id: 9,
          kind: "waitlist_promoted",
          payload: { activityId: "a1", title: "Poetry evening", startsAt: "2030-05-01T11:00:00Z" },
          createdAt: "2025-03-04T05:06:00.000Z",
          readAt: null,
        },
      ],
      nextBefore: null,
    });
    renderPortal("/notifications");
    expect(await screen.findByRole("heading", { name: /A seat is yours/ })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Poetry evening" }).getAttribute("href")).toBe(
      "/activities/a1",
    );
  });

  it("marks one as read and refreshes the unread count", async () => {
    signedIn(undefined, 1);
    trpc.notifications.list.query.mockResolvedValue({ items: [welcome], nextBefore: null });
    renderPortal("/notifications");
    const button = await screen.findByRole("button", { name: "Mark as read" });
    trpc.notifications.unreadCount.query.mockResolvedValue({ count: 0 });
    fireEvent.click(button);
    await waitFor(() => expect(screen.queryByRole("button", { name: "Mark as read" })).toBeNull());
    expect(trpc.notifications.markRead.mutate).toHaveBeenCalledWith({ ids: [7] });
    expect(await screen.findByText("0 unread notifications")).toBeTruthy();
  });

  it("marks all as read", async () => {
    signedIn(undefined, 1);
    trpc.notifications.list.query.mockResolvedValue({ items: [welcome], nextBefore: null });
    renderPortal("/notifications");
    fireEvent.click(await screen.findByRole("button", { name: "Mark all as read" }));
    await waitFor(() =>
      expect(trpc.notifications.markRead.mutate).toHaveBeenCalledWith({ all: true }),
    );
  });

  it("loads older pages on request", async () => {
    signedIn();
    trpc.notifications.list.query
      .mockResolvedValueOnce({ items: [welcome], nextBefore: 7 })
      .mockResolvedValueOnce({ items: [mystery], nextBefore: null });
    renderPortal("/notifications");
    fireEvent.click(await screen.findByRole("button", { name: "Show older notifications" }));
    expect(await screen.findByRole("heading", { name: "Notification" })).toBeTruthy();
    expect(trpc.notifications.list.query).toHaveBeenLastCalledWith({ limit: 20, before: 7 });
    expect(screen.queryByRole("button", { name: "Show older notifications" })).toBeNull();
  });

  it("has an empty state", async () => {
    signedIn();
    renderPortal("/notifications");
    expect(await screen.findByText("You have no notifications yet.")).toBeTruthy();
  });

  it("offers a retry when the list fails to load", async () => {
    signedIn();
    trpc.notifications.list.query.mockRejectedValueOnce(trpcError("INTERNAL_SERVER_ERROR"));
    renderPortal("/notifications");
    fireEvent.click(await screen.findByRole("button", { name: "Try again" }));
    expect(await screen.findByText("You have no notifications yet.")).toBeTruthy();
  });
});
