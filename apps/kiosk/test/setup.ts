// Unmount what each test rendered and forget the stored language between tests.
import { cleanup } from "@solidjs/testing-library";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
  localStorage.clear();
});
