import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { answer, fakeApi, networkFailure, refusal, renderKiosk } from "../../test/fakes.tsx";

function keypad() {
  return screen.getByRole("group", { name: "Number pad" });
}

function press(digits: string) {
  for (const digit of digits) {
    const key = Array.from(keypad().querySelectorAll("button")).find(
      (b) => b.textContent === digit,
    );
    fireEvent.click(key!);
  }
}

async function open(api = fakeApi()) {
  const view = renderKiosk({ api, path: "/number" });
  const field = (await screen.findByLabelText("Member number")) as HTMLInputElement;
  return { ...view, field };
}

describe("member-number keypad", () => {
  it("formats the number as on the card and confirms a correct check digit", async () => {
    const { field } = await open();
    expect(document.activeElement).toBe(field);
    press("1234567");
    expect(field.value).toBe("1234 567");
    expect(screen.queryByText("The number looks right.")).toBeNull();
    press("4");
    expect(field.value).toBe("1234 5674");
    expect(screen.getByText("The number looks right.")).toBeTruthy();
    expect(field.getAttribute("aria-invalid")).toBe("false");
    // At most 8 digits.
    press("9");
    expect(field.value).toBe("1234 5674");
  });

  it("catches a wrong check digit before anything is sent", async () => {
    const api = fakeApi();
    const { field } = await open(api);
    press("12345675");
    expect(screen.getByText("This number is not valid. Check the digits.")).toBeTruthy();
    expect(field.getAttribute("aria-invalid")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    expect(api.checkIn).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(field);
    // Correcting the last digit turns the message round.
    fireEvent.click(screen.getByRole("button", { name: "Delete last character" }));
    press("4");
    expect(screen.getByText("The number looks right.")).toBeTruthy();
    expect(screen.queryByText("This number is not valid. Check the digits.")).toBeNull();
  });

  it("asks for all 8 digits", async () => {
    const api = fakeApi();
    await open(api);
    press("123");
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    expect(await screen.findByText("A member number has 8 digits.")).toBeTruthy();
    expect(api.checkIn).not.toHaveBeenCalled();
  });

  it("deletes and clears with the keypad and takes a physical keyboard", async () => {
    const { field } = await open();
    press("123");
    fireEvent.click(screen.getByRole("button", { name: "Delete last character" }));
    expect(field.value).toBe("12");
    fireEvent.click(screen.getByRole("button", { name: "Clear" }));
    expect(field.value).toBe("");
    fireEvent.input(field, { target: { value: "1234-5674x" } });
    expect(field.value).toBe("1234 5674");
  });

  it("checks in a registered member and welcomes them by first name and initial", async () => {
    const api = fakeApi();
    api.checkIn.mockResolvedValue(answer());
    await open(api);
    press("12345674");
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome, Ada L.!" })).toBeTruthy();
    expect(screen.getByText("You are checked in to Poetry evening.")).toBeTruthy();
    expect(api.checkIn).toHaveBeenCalledWith(
      expect.objectContaining({ activityId: "act1", credential: { memberNumber: "12345674" } }),
    );
  });

  it("says a second check-in was already done, and when", async () => {
    const api = fakeApi();
    api.checkIn.mockResolvedValue(
      answer({ outcome: "ALREADY_CHECKED_IN", checkedInAt: "2026-03-04T01:05:00.000Z" }),
    );
    await open(api);
    press("12345674");
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Already checked in" }),
    ).toBeTruthy();
    // 01:05 UTC is 09:05 in the association's zone (Asia/Shanghai).
    expect(screen.getByText("Ada L. was checked in at 09:05.")).toBeTruthy();
  });

  it("saves a check-in offline and says it will be confirmed when online", async () => {
    const api = fakeApi();
    api.checkIn.mockRejectedValue(await networkFailure());
    const { queue } = await open(api);
    press("12345674");
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Saved, will be confirmed when online",
      }),
    ).toBeTruthy();
    expect(
      screen.getByText("Member number accepted. Saved, will be confirmed when online."),
    ).toBeTruthy();
    const [queued] = await queue.pending();
    expect(queued).toMatchObject({
      kind: "checkIn",
      clientId: "client-1",
      maskedCredential: "••••5674",
      request: { credential: { memberNumber: "12345674" }, clientId: "client-1" },
    });
    expect(queued?.occurredAt).toBe(queued?.request.occurredAt);
  });

  it("explains a refusal in words, with where to go for the wrong location", async () => {
    const api = fakeApi();
    api.checkIn.mockRejectedValue(
      await refusal("WRONG_LOCATION", { locationId: "east", locationName: "East reading room" }),
    );
    const { queue } = await open(api);
    press("12345674");
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Wrong place" })).toBeTruthy();
    expect(
      screen.getByText(
        "This activity takes place at East reading room. Please go there to check in.",
      ),
    ).toBeTruthy();
    // A refusal is an answer, not a network problem: nothing is queued.
    await waitFor(async () => expect(await queue.pending()).toEqual([]));
  });

  it("says when check-in opens", async () => {
    const api = fakeApi();
    api.checkIn.mockRejectedValue(
      await refusal("CHECKIN_NOT_OPEN", { opensAt: "2026-03-04T10:30:00.000Z" }),
    );
    await open(api);
    press("12345674");
    fireEvent.click(screen.getByRole("button", { name: "Check in" }));
    expect(await screen.findByText("Check-in for Poetry evening opens at 18:30.")).toBeTruthy();
  });
});
