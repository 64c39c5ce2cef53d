// Browser entry: mount the kiosk and, in a production build, register the service worker
// that keeps the app shell available offline (docs/decisions/008-kiosk-offline.md).
import { render } from "solid-js/web";
import { App } from "./app.tsx";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
render(() => <App />, root);

if (import.meta.env.PROD && "serviceWorker" in navigator) {
  // Scope "/kiosk", not "/kiosk/": the router's start page is "/kiosk", and a reload there
  // must come from the worker too (the server allows this scope with a header). A kiosk
  // without its service worker still works online; nothing to tell the attendee.
  navigator.serviceWorker
    .register(`${import.meta.env.BASE_URL}sw.js`, {
      scope: import.meta.env.BASE_URL.replace(/\/$/, ""),
    })
    .catch(() => undefined);
}
