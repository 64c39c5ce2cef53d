import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  member,
  ORGANIZER_PRIVILEGES,
  resetFakes,
  signedIn,
  standardTier,
  studentTier,
  trpc,
} from "../../../test/fakes.ts";
import { renderPortal } from "../../../test/render-portal.tsx";
import { readListState } from "./members.tsx";

vi.mock("../../lib/trpc.ts", () => import("../../../test/fakes.ts"));
vi.mock("../../lib/auth.ts", () => import("../../../test/fakes.ts"));

const row = (n: number) => ({
  memberId: `mem${n}`,
  memberNumber: "12345674",
  memberNumberFormatted: "1234 5674",
  firstName: `First${n}`,
  lastName: `Last${n}`,
  email: `m${n}@example.org`,
  tierName: "Standard",
  status: "active",
  endDate: "2026-01-09",
  joinedAt: "2025-01-09T02:00:00.000Z",
  userId: null,
  role: null,
});

function answer(total: number) {
  trpc.memberships.list.query.mockImplementation(
    async (input: { page: number; pageSize: number }) => ({
      items: Array.from(
        { length: Math.min(input.pageSize, total - (input.page - 1) * input.pageSize) },
        (_, i) => row((input.page - 1) * input.pageSize + i + 1),
      ),
      total,
      page: input.page,
      pageSize: input.pageSize,
    }),
  );
}

const lastQuery = () => trpc.memberships.list.query.mock.lastCall?.[0];

beforeEach(() => {
  resetFakes();
  signedIn({ ...member, role: "organizer" }, 0, { privileges: ORGANIZER_PRIVILEGES });
  trpc.memberships.tiers.query.mockResolvedValue([standardTier, studentTier]);
  answer(60);
});
afterEach(() => vi.restoreAllMocks());

describe("member list", () => {
  it("is for organizers and admins only", async () => {
    signedIn();
    renderPortal("/admin/members");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This page is for organizers and administrators.",
    );
    expect(trpc.memberships.list.query).not.toHaveBeenCalled();
  });

  it("pages through the list", async () => {
    const { history } = renderPortal("/admin/members");
    expect(await screen.findByText("60 members")).toBeTruthy();
    expect(screen.getByText("Page 1 of 3")).toBeTruthy();
    expect(lastQuery()).toEqual({
      q: undefined,
      status: undefined,
      tierId: undefined,
      sort: "name",
      direction: "asc",
      page: 1,
      pageSize: 25,
    });
    const previous = screen.getByRole("button", { name: "Previous page" }) as HTMLButtonElement;
    expect(previous.disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(await screen.findByText("Page 2 of 3")).toBeTruthy();
    expect(history.get()).toBe("/admin/members?page=2");
    expect(lastQuery()?.page).toBe(2);
    const link = await screen.findByRole("link", { name: "First26 Last26" });
    expect(link.getAttribute("href")).toBe("/admin/members/mem26");
  });

  it("sorts by a column header, toggling the direction, and goes back to page 1", async () => {
    const { history } = renderPortal("/admin/members?page=2");
    await screen.findByText("Page 2 of 3");
    const header = () => screen.getByRole("columnheader", { name: /Member number/ });
    expect(screen.getByRole("columnheader", { name: /Name/ }).getAttribute("aria-sort")).toBe(
      "ascending",
    );
    expect(header().getAttribute("aria-sort")).toBe("none");
    fireEvent.click(within(header()).getByRole("button", { name: "Member number" }));
    await waitFor(() => expect(header().getAttribute("aria-sort")).toBe("ascending"));
    expect(history.get()).toBe("/admin/members?sort=memberNumber");
    expect(lastQuery()).toMatchObject({ sort: "memberNumber", direction: "asc", page: 1 });
    fireEvent.click(within(header()).getByRole("button", { name: "Member number" }));
    await waitFor(() => expect(header().getAttribute("aria-sort")).toBe("descending"));
    expect(lastQuery()).toMatchObject({ sort: "memberNumber", direction: "desc" });
  });

  it("searches after a pause in typing, and filters by status and tier", async () => {
    const { history } = renderPortal("/admin/members?page=3");
    await screen.findByText("Page 3 of 3");
    const calls = trpc.memberships.list.query.mock.calls.length;
    fireEvent.input(screen.getByLabelText("Search members"), { target: { value: "l" } });
    fireEvent.input(screen.getByLabelText("Search members"), { target: { value: "lin" } });
    await waitFor(() => expect(lastQuery()).toMatchObject({ q: "lin", page: 1 }));
    // One search for the pause, not one per keystroke.
    expect(trpc.memberships.list.query.mock.calls.length).toBe(calls + 1);
    expect(history.get()).toBe("/admin/members?q=lin");
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "pending" } });
    await waitFor(() => expect(lastQuery()).toMatchObject({ q: "lin", status: "pending" }));
    fireEvent.change(await screen.findByLabelText("Tier"), { target: { value: "t2" } });
    await waitFor(() => expect(lastQuery()).toMatchObject({ status: "pending", tierId: "t2" }));
  });

  it("has an empty state", async () => {
    answer(0);
    renderPortal("/admin/members?q=nobody");
    expect(await screen.findByText("No members match.")).toBeTruthy();
    expect((screen.getByLabelText("Search members") as HTMLInputElement).value).toBe("nobody");
    expect(screen.queryByRole("navigation", { name: "Pages" })).toBeNull();
  });

  it("exports the filtered list as a CSV file", async () => {
    trpc.memberships.export.query.mockResolvedValue({
      filename: "members-2025-12-01.csv",
      csv: "email\nm1@example.org\n",
    });
    URL.createObjectURL = vi.fn(() => "blob:csv");
    URL.revokeObjectURL = vi.fn();
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, "click")
      .mockImplementation(() => undefined);
    renderPortal("/admin/members?status=active&tier=t1");
    fireEvent.click(await screen.findByRole("button", { name: "Export CSV" }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(trpc.memberships.export.query).toHaveBeenCalledWith({ status: "active", tierId: "t1" });
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe("members-2025-12-01.csv");
  });

  it("reads unknown address values as the defaults", () => {
    expect(readListState({ sort: "salary", dir: "sideways", page: "-3", status: "vip" })).toEqual({
      q: undefined,
      status: undefined,
      tierId: undefined,
      sort: "name",
      direction: "asc",
      page: 1,
    });
  });
});
