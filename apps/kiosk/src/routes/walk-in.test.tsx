import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import {
  activity,
  answer,
  fakeApi,
  networkFailure,
  refusal,
  renderKiosk,
  today,
} from "../../test/fakes.tsx";

async function open(api = fakeApi()) {
  const view = renderKiosk({ api, path: "/walk-in" });
  const name = (await screen.findByLabelText("Your name")) as HTMLInputElement;
  return { ...view, name, email: screen.getByLabelText("E-mail (optional)") as HTMLInputElement };
}

describe("walk-in", () => {
  it("checks in a guest with a name and a party, without an e-mail", async () => {
    const api = fakeApi();
    api.walkIn.mockResolvedValue(answer({ outcome: "WALK_IN_ACCEPTED", seats: 2 }));
    const { name } = await open(api);
    expect(document.activeElement).toBe(name);
    expect(
      screen.getByText("No registration? Check in as a guest to Poetry evening."),
    ).toBeTruthy();
    fireEvent.input(name, { target: { value: "  Ada Lovelace " } });
    fireEvent.click(screen.getByRole("button", { name: "One person more" }));
    expect(screen.getByRole("group", { name: "Number of people" }).textContent).toContain("2");
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome, Ada L.!" })).toBeTruthy();
    expect(
      screen.getByText("You are registered and checked in to Poetry evening. 2 people."),
    ).toBeTruthy();
    expect(api.walkIn).toHaveBeenCalledWith({
      activityId: "act1",
      clientId: "client-1",
      partySize: 2,
      guest: { name: "Ada Lovelace" },
      occurredAt: expect.any(String),
    });
  });

  it("types with the on-screen keys into the focused field, capitalising names", async () => {
    const { name, email } = await open();
    const keys = () => screen.getByRole("group", { name: "On-screen keyboard" });
    const press = (label: string) =>
      fireEvent.click(
        Array.from(keys().querySelectorAll("button")).find(
          (b) => b.textContent === label || b.getAttribute("aria-label") === label,
        )!,
      );
    for (const key of ["A", "D", "A", "Space", "L"]) press(key);
    expect(name.value).toBe("Ada L");
    fireEvent.focus(email);
    for (const key of ["a", "@", "b", ".", "c", "n"]) press(key);
    expect(email.value).toBe("a@b.cn");
  });

  it("needs a name, a valid address, and consent for an address", async () => {
    const api = fakeApi();
    api.walkIn.mockResolvedValue(answer({ outcome: "WALK_IN_ACCEPTED" }));
    const { name, email } = await open(api);
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    expect(await screen.findByText("Enter your name.")).toBeTruthy();
    expect(document.activeElement).toBe(name);
    fireEvent.input(name, { target: { value: "Ada Lovelace" } });
    fireEvent.input(email, { target: { value: "not an address" } });
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    expect(
      await screen.findByText("Enter a valid e-mail address, or leave it empty."),
    ).toBeTruthy();
    fireEvent.input(email, { target: { value: "ada@example.org" } });
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    expect(
      await screen.findByText(
        "Tick the box to leave an e-mail address, or leave the address empty.",
      ),
    ).toBeTruthy();
    expect(api.walkIn).not.toHaveBeenCalled();
    const consent = screen.getByRole("checkbox", {
      name: /Send me messages about this activity at this address/,
    });
    fireEvent.click(consent);
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    await waitFor(() =>
      expect(api.walkIn).toHaveBeenCalledWith(
        expect.objectContaining({
          guest: { name: "Ada Lovelace", email: "ada@example.org", consent: true },
        }),
      ),
    );
  });

  it("shows the server's refusal when the last seat went meanwhile", async () => {
    const api = fakeApi();
    api.walkIn.mockRejectedValue(await refusal("NOT_REGISTERED_AND_FULL", { freeSeats: 0 }));
    const { name } = await open(api);
    fireEvent.input(name, { target: { value: "Ada Lovelace" } });
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Sorry, this activity is full" }),
    ).toBeTruthy();
  });

  it("queues a walk-in offline with the guest shown as first name and initial", async () => {
    const api = fakeApi();
    api.walkIn.mockRejectedValue(await networkFailure());
    const { name, queue } = await open(api);
    fireEvent.input(name, { target: { value: "Ada Lovelace" } });
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Saved, will be confirmed when online",
      }),
    ).toBeTruthy();
    const [queued] = await queue.pending();
    expect(queued).toMatchObject({
      kind: "walkIn",
      credentialKind: "guest",
      maskedCredential: "Ada L.",
    });
  });

  it("does not open the form when the activity is full", async () => {
    const api = fakeApi();
    api.today.mockResolvedValue(
      today([
        activity({ occupancy: { activityId: "act1", checkedIn: 40, capacity: 40, free: 0 } }),
      ]),
    );
    renderKiosk({ api, path: "/walk-in" });
    expect(await screen.findByText("All seats are taken, so no walk-ins for now.")).toBeTruthy();
    expect(screen.queryByLabelText("Your name")).toBeNull();
  });
});
