// Unmount what each test rendered, so the next test starts from an empty document.
import { cleanup } from "@solidjs/testing-library";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
  localStorage.clear();
});
