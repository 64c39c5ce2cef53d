import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { answer, fakeApi, networkFailure, renderKiosk, trpcFailure } from "../../test/fakes.tsx";
import { typeNameKey } from "./name-search.tsx";

const matches = [
  { registrationId: "r1", displayName: "Ada L.", checkedIn: false },
  { registrationId: "r2", displayName: "Adam S.", checkedIn: true },
];

async function open(api = fakeApi()) {
  const view = renderKiosk({ api, path: "/name" });
  const field = (await screen.findByLabelText("Your name")) as HTMLInputElement;
  return { ...view, field };
}

describe("name search", () => {
  it("searches from 3 letters, shows first name and initial, and checks in the one picked", async () => {
    const api = fakeApi();
    api.searchAttendees.mockResolvedValue(matches);
    api.checkIn.mockResolvedValue(answer());
    const { field } = await open(api);
    fireEvent.input(field, { target: { value: "Ad" } });
    await new Promise((r) => setTimeout(r, 400));
    expect(api.searchAttendees).not.toHaveBeenCalled();
    fireEvent.input(field, { target: { value: "Ada" } });
    const ada = await screen.findByRole("button", { name: "Ada L." });
    expect(screen.getByRole("button", { name: "Adam S. (already checked in)" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Registered for Poetry evening" })).toBeTruthy();
    expect(api.searchAttendees).toHaveBeenCalledTimes(1);
    expect(api.searchAttendees).toHaveBeenCalledWith("act1", "Ada");
    fireEvent.click(ada);
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome, Ada L.!" })).toBeTruthy();
    expect(api.checkIn).toHaveBeenCalledWith(
      expect.objectContaining({ credential: { registrationId: "r1" } }),
    );
  });

  it("searches two Chinese characters", async () => {
    const api = fakeApi();
    api.searchAttendees.mockResolvedValue([]);
    const { field } = await open(api);
    fireEvent.input(field, { target: { value: "王小" } });
    expect(
      await screen.findByText(
        "Nobody registered with that name. Check the spelling or ask at the desk.",
      ),
    ).toBeTruthy();
    expect(api.searchAttendees).toHaveBeenCalledWith("act1", "王小");
  });

  it("explains that searching needs the network, and a rate limit", async () => {
    const api = fakeApi();
    api.searchAttendees.mockRejectedValueOnce(await networkFailure());
    const { field } = await open(api);
    fireEvent.input(field, { target: { value: "Ada" } });
    expect(
      await screen.findByText(
        "Finding a name needs the network. Use your card or member number instead.",
      ),
    ).toBeTruthy();
    api.searchAttendees.mockRejectedValueOnce(await trpcFailure("TOO_MANY_REQUESTS", 429));
    fireEvent.input(field, { target: { value: "Adam" } });
    expect(await screen.findByText("Too many searches. Please wait a minute.")).toBeTruthy();
  });

  it("shows only the answer to the latest text typed", async () => {
    const api = fakeApi();
    let answerFirst: (value: typeof matches) => void = () => undefined;
    api.searchAttendees
      .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
      .mockResolvedValueOnce([matches[1]!]);
    const { field } = await open(api);
    fireEvent.input(field, { target: { value: "Ada" } });
    await waitFor(() => expect(api.searchAttendees).toHaveBeenCalledTimes(1));
    fireEvent.input(field, { target: { value: "Adam" } });
    await screen.findByRole("button", { name: "Adam S. (already checked in)" });
    answerFirst(matches);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole("button", { name: "Ada L." })).toBeNull();
  });

  it("capitalises the first letter of each word typed on the on-screen keys", () => {
    expect(typeNameKey("", "A")).toBe("A");
    expect(typeNameKey("A", "D")).toBe("Ad");
    expect(typeNameKey("Ada ", "L")).toBe("Ada L");
    expect(typeNameKey("Mary-", "A")).toBe("Mary-A");
  });
});
