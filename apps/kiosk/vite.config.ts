import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import solid from "vite-plugin-solid";

// In development the API runs beside Vite; everything that is not the kiosk goes to it.
const api = "http://127.0.0.1:3000";

export default defineConfig({
  // The API serves the built kiosk under /kiosk/.
  base: "/kiosk/",
  plugins: [
    solid(),
    // The offline app shell (docs/decisions/008-kiosk-offline.md): a Workbox service worker
    // at /kiosk/sw.js (scope /kiosk) precaches every built file, the zxing WebAssembly included, and
    // answers navigations with index.html. Nothing else is cached: /trpc and /events are
    // neither precached nor navigations, so they always go to the network.
    VitePWA({
      strategies: "generateSW",
      filename: "sw.js",
      // "/kiosk" covers the router's start page; src/main.tsx registers with it.
      scope: "/kiosk",
      // Registered by src/main.tsx (production builds only).
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ["**/*.{html,js,css,wasm,svg,png,ico,woff2}"],
        // The barcode reader's WebAssembly is about 1 MB; Workbox skips files over 2 MiB.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: "index.html",
        navigateFallbackDenylist: [/^\/(trpc|events|api|health|feeds)\//],
        cleanupOutdatedCaches: true,
        // A new build takes over at once: a kiosk is never "asked" to reload.
        skipWaiting: true,
        clientsClaim: true,
        sourcemap: false,
      },
    }),
  ],
  server: {
    port: 5174,
    proxy: {
      "/trpc": api,
      "/api": api,
      "/health": api,
      "/feeds": api,
      "/events": api,
    },
  },
  build: {
    target: "es2022",
    sourcemap: true,
  },
});
