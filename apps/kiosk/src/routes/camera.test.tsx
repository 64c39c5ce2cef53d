import { screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderKiosk } from "../../test/fakes.tsx";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("camera screen", () => {
  it("says when there is no camera and offers the other ways", async () => {
    vi.stubGlobal("navigator", { ...navigator, mediaDevices: undefined });
    renderKiosk({ path: "/camera" });
    expect((await screen.findByRole("alert")).textContent).toBe(
      "No camera found. Use the scanner or your member number.",
    );
  });

  it("says when the camera is not allowed, and never loads the reader", async () => {
    const getUserMedia = vi.fn(async () => {
      throw new DOMException("denied", "NotAllowedError");
    });
    vi.stubGlobal("navigator", { ...navigator, mediaDevices: { getUserMedia } });
    renderKiosk({ path: "/camera" });
    expect((await screen.findByRole("alert")).textContent).toBe(
      "This kiosk may not use the camera. Use the scanner or your member number.",
    );
    expect(getUserMedia).toHaveBeenCalledWith({
      video: { width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: false,
    });
  });
});
