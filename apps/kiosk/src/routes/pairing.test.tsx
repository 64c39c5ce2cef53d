import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import {
  device,
  fakeApi,
  networkFailure,
  refusal,
  renderKiosk,
  trpcFailure,
} from "../../test/fakes.tsx";
import { DEVICE_STORAGE_KEY } from "../lib/device.ts";

const activation = { token: "rk_secret", device };

function press(...keys: string[]) {
  const pad = screen.getByRole("group", { name: "On-screen keyboard" });
  for (const key of keys) {
    const button = Array.from(pad.querySelectorAll("button")).find(
      (b) => b.textContent === key || b.getAttribute("aria-label") === key,
    );
    if (!button) throw new Error(`no key ${key}`);
    fireEvent.click(button);
  }
}

describe("pairing screen", () => {
  it("takes the code from the on-screen keys, pairs, stores the token and shows the start screen", async () => {
    const api = fakeApi();
    api.activate.mockResolvedValue(activation);
    renderKiosk({ paired: false, api });
    const field = (await screen.findByLabelText("Pairing code")) as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    press(..."K7QP2M9X".split(""));
    expect(field.value).toBe("K7QP-2M9X");
    press("Delete last character", "X");
    fireEvent.click(screen.getByRole("button", { name: "Pair kiosk" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Check in" })).toBeTruthy();
    expect(api.activate).toHaveBeenCalledWith("K7QP2M9X");
    expect(JSON.parse(localStorage.getItem(DEVICE_STORAGE_KEY) ?? "null")).toEqual(activation);
    expect(await screen.findByText("Main library, hall A")).toBeTruthy();
  });

  it("accepts a typed code in lower case with dashes and spaces, and reads I and O as 1 and 0", async () => {
    const api = fakeApi();
    api.activate.mockResolvedValue(activation);
    renderKiosk({ paired: false, api });
    const field = (await screen.findByLabelText("Pairing code")) as HTMLInputElement;
    fireEvent.input(field, { target: { value: "k7qp - 2m9o" } });
    expect(field.value).toBe("K7QP-2M90");
    fireEvent.submit(field.closest("form")!);
    await waitFor(() => expect(api.activate).toHaveBeenCalledWith("K7QP2M90"));
  });

  it("says what is wrong with a short code without asking the server", async () => {
    const api = fakeApi();
    renderKiosk({ paired: false, api });
    const field = await screen.findByLabelText("Pairing code");
    fireEvent.input(field, { target: { value: "K7QP" } });
    fireEvent.click(screen.getByRole("button", { name: "Pair kiosk" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "A pairing code has 8 letters and digits.",
    );
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(api.activate).not.toHaveBeenCalled();
  });

  it.each([
    [
      async () => refusal("PAIRING_CODE_INVALID"),
      "This code is wrong, already used or expired. Ask for a new one.",
    ],
    [
      async () => trpcFailure("TOO_MANY_REQUESTS", 429),
      "Too many attempts. Wait a few minutes, then try again.",
    ],
    [networkFailure, "The server cannot be reached. Check the network and try again."],
  ])("explains a failed pairing (%#)", async (failure, message) => {
    const api = fakeApi();
    api.activate.mockRejectedValue(await failure());
    renderKiosk({ paired: false, api });
    fireEvent.input(await screen.findByLabelText("Pairing code"), {
      target: { value: "K7QP2M9X" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Pair kiosk" }));
    expect((await screen.findByRole("alert")).textContent).toBe(message);
    expect(localStorage.getItem(DEVICE_STORAGE_KEY)).toBeNull();
  });

  it("pairs straight from the admin's link (?pair=) and drops the code from the address", async () => {
    const api = fakeApi();
    api.activate.mockResolvedValue(activation);
    const { history } = renderKiosk({ paired: false, api, path: "/?pair=K7QP-2M9X" });
    expect(await screen.findByRole("heading", { level: 1, name: "Check in" })).toBeTruthy();
    expect(api.activate).toHaveBeenCalledWith("K7QP2M9X");
    expect(history.get()).toBe("/");
  });

  it("prefills but does not send a malformed ?pair= code", async () => {
    const api = fakeApi();
    renderKiosk({ paired: false, api, path: "/?pair=K7QP" });
    const field = (await screen.findByLabelText("Pairing code")) as HTMLInputElement;
    expect(field.value).toBe("");
    expect(api.activate).not.toHaveBeenCalled();
  });
});
