// Unmount what each test rendered and forget the stored language between tests.
import { cleanup } from "@solidjs/testing-library";
import { afterEach } from "vitest";

// jsdom reports an empty animation-name, which Kobalte's presence logic reads as "an exit
// animation is running" and so never unmounts a closed dialog. Browsers say "none".
const noAnimations = document.createElement("style");
noAnimations.textContent = "* { animation-name: none; }";
document.head.append(noAnimations);

afterEach(() => {
  cleanup();
  localStorage.clear();
});
