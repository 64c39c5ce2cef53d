// Serves the built portal at / and the kiosk at /kiosk/: hashed assets cached for a year,
// index.html never cached, and any other path falls back to the app's index.html (SPA).
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { Context, Hono } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

export interface SpaMount {
  /** URL prefix without trailing slash ("" for the root app, "/kiosk"). */
  prefix: string;
  /** The app's vite `dist` directory. */
  dir: string;
}

/** An app's service worker, registered by the app itself (the kiosk's offline shell). */
const SERVICE_WORKER = "sw.js";

function send(
  c: Context,
  file: string,
  immutable: boolean,
  extra: Record<string, string> = {},
): Response {
  const type = TYPES[extname(file)] ?? "application/octet-stream";
  return c.body(readFileSync(file), 200, {
    ...extra,
    "content-type": type,
    // Vite names every file under assets/ by its content hash, so it can be cached forever.
    // Everything else is revalidated on each load: index.html, and the kiosk's service
    // worker (/kiosk/sw.js), so a new build reaches every kiosk.
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
}

function notBuilt(c: Context, mount: SpaMount): Response {
  return c.text(
    `This app is not built yet (${mount.dir} is missing). Run "pnpm build" or "pnpm start" from the repository root.`,
    503,
  );
}

/** Registers GET/HEAD handlers for each mount; mounts with a longer prefix must come first. */
// biome-ignore lint/suspicious/noExplicitAny: mounts work on any app env
export function mountSpas(app: Hono<any>, mounts: SpaMount[]): void {
  for (const mount of mounts) {
    const root = resolve(mount.dir);
    const handler = (c: Context) => {
      const index = join(root, "index.html");
      if (!existsSync(index)) return notBuilt(c, mount);
      let rel: string;
      try {
        rel = decodeURIComponent(c.req.path.slice(mount.prefix.length)).replace(/^\/+/, "");
      } catch {
        return c.text("Bad request", 400);
      }
      const file = normalize(join(root, rel));
      // Never serve outside the app's directory (../ in the path).
      if (
        rel &&
        (file === root || file.startsWith(root + sep)) &&
        existsSync(file) &&
        statSync(file).isFile()
      ) {
        // The router's start page is "/kiosk" (no slash), outside the default scope of
        // /kiosk/sw.js ("/kiosk/"): the worker may claim the whole prefix.
        const scope =
          rel === SERVICE_WORKER ? { "service-worker-allowed": mount.prefix || "/" } : undefined;
        return send(c, file, rel.startsWith("assets/"), scope);
      }
      // A missing asset is a 404, not the index page (a stale client would parse HTML as JS).
      if (rel.startsWith("assets/") || (extname(rel) !== "" && extname(rel) !== ".html")) {
        return c.text("Not found", 404);
      }
      return send(c, index, false);
    };
    if (mount.prefix) {
      app.get(mount.prefix, (c) => c.redirect(`${mount.prefix}/`, 301));
      app.get(`${mount.prefix}/*`, handler);
    } else {
      app.get("*", handler);
    }
  }
}
