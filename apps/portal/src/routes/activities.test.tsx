import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { activityItem, resetFakes, trpc } from "../../test/fakes.ts";
import { renderPortal } from "../../test/render-portal.tsx";

vi.mock("../lib/trpc.ts", () => import("../../test/fakes.ts"));
vi.mock("../lib/auth.ts", () => import("../../test/fakes.ts"));

const lastQuery = () => trpc.activities.list.query.mock.lastCall?.[0];
const params = (path: string) => Object.fromEntries(new URL(path, "http://x").searchParams);

beforeEach(() => {
  resetFakes();
  trpc.activities.list.query.mockResolvedValue({ items: [], nextCursor: null });
});

describe("activities calendar, list view", () => {
  it("lists activities by day for anonymous visitors, and shows more on request", async () => {
    trpc.activities.list.query.mockImplementation(async (input: { cursor?: string }) =>
      input.cursor
        ? {
            items: [
              activityItem({
                id: "a3",
                title: "Exhibition of maps",
                kind: "exhibition",
                startsAt: "2030-05-02T02:00:00Z",
                endsAt: "2030-05-20T10:00:00Z",
              }),
            ],
            nextCursor: null,
          }
        : {
            items: [
              activityItem({
                title: "Poetry evening",
                startsAt: "2030-05-01T11:00:00Z",
                endsAt: "2030-05-01T13:00:00Z",
                seatsLeft: 3,
              }),
              activityItem({
                id: "a2",
                title: "Members' forum",
                kind: "forum",
                audience: "members",
                startsAt: "2030-05-01T12:00:00Z",
                endsAt: "2030-05-01T13:00:00Z",
                seatsLeft: 0,
                waitlistCount: 2,
              }),
            ],
            nextCursor: "c2",
          },
    );
    renderPortal("/activities");
    expect(await screen.findByRole("heading", { level: 1, name: "Activities" })).toBeTruthy();
    const day = await screen.findByRole("region", { name: "Wednesday, May 1, 2030" });
    expect(within(day).getByRole("link", { name: "Poetry evening" }).getAttribute("href")).toBe(
      "/activities/a1",
    );
    expect(within(day).getByText("3 seats left")).toBeTruthy();
    expect(within(day).getByText("Members only")).toBeTruthy();
    expect(within(day).getByText("Full — 2 parties on the waitlist")).toBeTruthy();
    expect(lastQuery()).toMatchObject({ limit: 20, from: undefined, to: undefined });

    fireEvent.click(screen.getByRole("button", { name: "Show more activities" }));
    expect(await screen.findByRole("link", { name: "Exhibition of maps" })).toBeTruthy();
    expect(lastQuery()).toMatchObject({ cursor: "c2" });
    expect(screen.queryByRole("button", { name: "Show more activities" })).toBeNull();
  });

  it("keeps the filters in the address and asks for what they say", async () => {
    const { history } = renderPortal("/activities?kind=workshop&q=poetry");
    await waitFor(() => expect(lastQuery()).toMatchObject({ kind: "workshop", text: "poetry" }));
    expect((screen.getByLabelText("Kind") as HTMLSelectElement).value).toBe("workshop");
    expect((screen.getByLabelText("Search") as HTMLInputElement).value).toBe("poetry");

    fireEvent.change(screen.getByLabelText("Audience"), { target: { value: "members" } });
    await waitFor(() =>
      expect(lastQuery()).toMatchObject({ audience: "members", kind: "workshop" }),
    );
    expect(params(history.get())).toEqual({ kind: "workshop", q: "poetry", audience: "members" });

    fireEvent.input(screen.getByLabelText("Search"), { target: { value: "haiku" } });
    await waitFor(() => expect(params(history.get()).q).toBe("haiku"));
    expect(lastQuery()).toMatchObject({ text: "haiku" });

    // Days of the association (Asia/Shanghai), the last one included.
    fireEvent.input(screen.getByLabelText("From"), { target: { value: "2030-05-01" } });
    fireEvent.input(screen.getByLabelText("To"), { target: { value: "2030-05-31" } });
    await waitFor(() =>
      expect(lastQuery()).toMatchObject({
        from: "2030-04-30T16:00:00.000Z",
        to: "2030-05-31T16:00:00.000Z",
      }),
    );

    const calls = trpc.activities.list.query.mock.calls.length;
    fireEvent.input(screen.getByLabelText("To"), { target: { value: "2030-04-01" } });
    expect(await screen.findByText("The end date is before the start date.")).toBeTruthy();
    expect(trpc.activities.list.query.mock.calls.length).toBe(calls);

    fireEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(history.get()).toBe("/activities"));
  });

  it("has an empty state", async () => {
    renderPortal("/activities?kind=forum");
    expect(await screen.findByText("No activities match.")).toBeTruthy();
  });
});

describe("activities calendar, month view", () => {
  beforeEach(() => {
    trpc.activities.list.query.mockResolvedValue({
      items: [
        activityItem({
          title: "Poetry evening",
          startsAt: "2025-03-04T11:00:00Z",
          endsAt: "2025-03-04T13:00:00Z",
        }),
      ],
      nextCursor: null,
    });
  });

  it("shows a month grid of the association's days", async () => {
    renderPortal("/activities?view=month&month=2025-03");
    const grid = await screen.findByRole("grid", { name: "March 2025" });
    expect(lastQuery()).toMatchObject({
      from: "2025-02-23T16:00:00.000Z",
      to: "2025-04-06T16:00:00.000Z",
      limit: 100,
    });
    expect(within(grid).getAllByRole("row")).toHaveLength(7);
    expect(within(grid).getAllByRole("columnheader")[0]?.textContent).toBe("Mon");
    const cell = within(grid).getByRole("gridcell", { name: /Tuesday, March 4, 2025/ });
    expect(cell.textContent).toContain("1 activity");
    expect(cell.textContent).toContain("Poetry evening");
  });

  it("moves with the keyboard, across months too, and shows a day's activities", async () => {
    const { history } = renderPortal("/activities?view=month&month=2025-03");
    const grid = await screen.findByRole("grid", { name: "March 2025" });
    const first = within(grid).getByRole("gridcell", { name: /Saturday, March 1, 2025/ });
    expect(first.getAttribute("tabindex")).toBe("0");
    first.focus();
    fireEvent.keyDown(first, { key: "ArrowDown" });
    await waitFor(() =>
      expect(document.activeElement?.getAttribute("data-date")).toBe("2025-03-08"),
    );
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowLeft" });
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowLeft" });
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowLeft" });
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowLeft" });
    await waitFor(() =>
      expect(document.activeElement?.getAttribute("data-date")).toBe("2025-03-04"),
    );
    fireEvent.keyDown(document.activeElement as Element, { key: "Enter" });
    const agenda = await screen.findByRole("region", { name: "Tuesday, March 4, 2025" });
    expect(within(agenda).getByRole("link", { name: "Poetry evening" })).toBeTruthy();
    expect(
      within(grid)
        .getByRole("gridcell", { name: /March 4, 2025/ })
        .getAttribute("aria-selected"),
    ).toBe("true");

    fireEvent.keyDown(document.activeElement as Element, { key: "PageDown" });
    expect(await screen.findByRole("grid", { name: "April 2025" })).toBeTruthy();
    expect(params(history.get())).toMatchObject({ view: "month", month: "2025-04" });
    await waitFor(() =>
      expect(document.activeElement?.getAttribute("data-date")).toBe("2025-04-04"),
    );
    expect(lastQuery()).toMatchObject({ from: "2025-03-30T16:00:00.000Z" });

    fireEvent.click(screen.getByRole("button", { name: "Previous month" }));
    expect(await screen.findByRole("grid", { name: "March 2025" })).toBeTruthy();
  });

  it("switches between the views", async () => {
    const { history } = renderPortal("/activities");
    await screen.findByRole("heading", { level: 1, name: "Activities" });
    const month = screen.getByRole("button", { name: "Month" });
    expect(month.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(month);
    await screen.findByRole("grid");
    expect(params(history.get())).toEqual({ view: "month" });
    fireEvent.click(screen.getByRole("button", { name: "List" }));
    await waitFor(() => expect(history.get()).toBe("/activities"));
  });
});
