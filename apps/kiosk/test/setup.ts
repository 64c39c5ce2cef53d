// Unmount what each test rendered, forget stored state (language, pairing, today's list)
// and give every test an empty IndexedDB (fake-indexeddb: jsdom has none).
import "fake-indexeddb/auto";
import { cleanup } from "@solidjs/testing-library";
import { IDBFactory } from "fake-indexeddb";
import { afterEach } from "vitest";

// jsdom has no scrolling; the router scrolls to the top on navigation.
window.scrollTo = () => undefined;

afterEach(() => {
  cleanup();
  localStorage.clear();
  globalThis.indexedDB = new IDBFactory();
});
