// Keeps document.title in step with the page and language (WCAG 2.4.2: pages have titles).
import { createRenderEffect } from "solid-js";

/** Sets `<title>` to "page · app" while the calling component is mounted. */
export function usePageTitle(page: () => string, app: () => string): void {
  createRenderEffect(() => {
    document.title = `${page()} · ${app()}`;
  });
}
