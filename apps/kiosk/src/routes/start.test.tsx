import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import {
  activity,
  answer,
  fakeApi,
  networkFailure,
  renderKiosk,
  today,
} from "../../test/fakes.tsx";
import { saveToday } from "../lib/today.ts";

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

describe("start screen", () => {
  it("shows the location, today's activities with occupancy, and preselects the open one", async () => {
    const api = fakeApi();
    api.today.mockResolvedValue(
      today([
        activity({
          id: "later",
          title: "Book club",
          startsAt: minutes(300),
          endsAt: minutes(360),
          checkInOpensAt: minutes(240),
          capacity: null,
          occupancy: { activityId: "later", checkedIn: 0, capacity: null, free: null },
        }),
        activity(),
      ]),
    );
    renderKiosk({ api });
    const list = await screen.findByRole("group", { name: "Today's activities" });
    expect(screen.getByText("Main library, hall A")).toBeTruthy();
    const poetry = within(list).getByRole("radio", { name: /Poetry evening/ }) as HTMLInputElement;
    const club = within(list).getByRole("radio", { name: /Book club/ }) as HTMLInputElement;
    expect(poetry.checked).toBe(true);
    expect(club.checked).toBe(false);
    expect(poetry.labels?.[0]?.textContent).toContain("12 / 40 checked in · 28 seats free");
    expect(poetry.labels?.[0]?.textContent).toContain("Check-in open");
    expect(club.labels?.[0]?.textContent).toContain("0 checked in");
    expect(club.labels?.[0]?.textContent).toMatch(/Check-in opens at \d\d:\d\d/);
    expect(
      screen.getByRole("heading", {
        name: "How would you like to check in to Poetry evening?",
      }),
    ).toBeTruthy();

    fireEvent.click(club);
    expect(
      await screen.findByRole("heading", { name: "How would you like to check in to Book club?" }),
    ).toBeTruthy();
  });

  it("updates occupancy live from the event stream", async () => {
    const { connectEvents } = renderKiosk();
    const radio = (await screen.findByRole("radio", {
      name: /Poetry evening/,
    })) as HTMLInputElement;
    const options = connectEvents.mock.calls[0]![0];
    options.onOccupancy({ activityId: "act1", checkedIn: 40, capacity: 40, free: 0 });
    await waitFor(() =>
      expect(radio.labels?.[0]?.textContent).toContain("40 / 40 checked in · Full"),
    );
    // A full activity: the walk-in button stays, disabled, and says why.
    const walkIn = screen.getByRole("button", {
      name: "Walk-in: no free seats",
    }) as HTMLButtonElement;
    expect(walkIn.disabled).toBe(true);
  });

  it("says members-only activities take no guests", async () => {
    const api = fakeApi();
    api.today.mockResolvedValue(today([activity({ audience: "members" })]));
    renderKiosk({ api });
    const walkIn = (await screen.findByRole("button", {
      name: "Walk-in: members only",
    })) as HTMLButtonElement;
    expect(walkIn.disabled).toBe(true);
  });

  it("offers walk-ins while seats are free (and for unlimited activities)", async () => {
    const api = fakeApi();
    api.today.mockResolvedValue(
      today([
        activity({
          capacity: null,
          occupancy: { activityId: "act1", checkedIn: 3, capacity: null, free: null },
        }),
      ]),
    );
    const { history } = renderKiosk({ api });
    fireEvent.click(await screen.findByRole("button", { name: "Walk-in guest" }));
    await waitFor(() => expect(history.get()).toBe("/walk-in"));
  });

  it("works offline from the list saved earlier today", async () => {
    saveToday("dev1", today());
    const api = fakeApi();
    api.today.mockRejectedValue(await networkFailure());
    renderKiosk({ api, connection: "offline" });
    expect(
      await screen.findByText("No connection: showing the list saved earlier today."),
    ).toBeTruthy();
    expect(screen.getByRole("radio", { name: /Poetry evening/ })).toBeTruthy();
  });

  it("says so when there is neither a connection nor a saved list, and retries", async () => {
    const api = fakeApi();
    api.today.mockRejectedValueOnce(await networkFailure());
    renderKiosk({ api });
    expect(
      await screen.findByText("Today's activities could not be loaded. Check the connection."),
    ).toBeTruthy();
    api.today.mockResolvedValue(today());
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("radio", { name: /Poetry evening/ })).toBeTruthy();
  });

  it("says when there is nothing today", async () => {
    const api = fakeApi();
    api.today.mockResolvedValue(today([]));
    renderKiosk({ api });
    expect(await screen.findByText("There are no activities here today.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Type my member number" })).toBeNull();
  });

  it("checks in whoever a USB scanner reads, without any button", async () => {
    const api = fakeApi();
    api.checkIn.mockResolvedValue(answer());
    renderKiosk({ api });
    await screen.findByRole("radio", { name: /Poetry evening/ });
    const payload = "RDR1:12345674:1:0123456789abcdef";
    // A wedge scanner types far faster than a person (the detector uses performance.now()).
    for (const key of payload) fireEvent.keyDown(document.body, { key });
    fireEvent.keyDown(document.body, { key: "Enter" });
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome, Ada L.!" })).toBeTruthy();
    expect(api.checkIn).toHaveBeenCalledWith({
      activityId: "act1",
      credential: { qr: payload },
      clientId: "client-1",
      occurredAt: expect.any(String),
    });
  });

  it("shows how many check-ins wait to be sent, and links to the staff list", async () => {
    const api = fakeApi();
    api.checkIn.mockRejectedValue(await networkFailure());
    renderKiosk({ api, path: "/number" });
    fireEvent.input(await screen.findByLabelText("Member number"), {
      target: { value: "12345674" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    fireEvent.click(await screen.findByRole("button", { name: "Done" }));
    expect(await screen.findByText("1 check-in waiting to be sent")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Needs staff (0)" }).getAttribute("href")).toBe(
      "/staff",
    );
  });
});
