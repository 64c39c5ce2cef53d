import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

// In development the API runs beside Vite; everything that is not the kiosk goes to it.
const api = "http://127.0.0.1:3000";

export default defineConfig({
  // The API serves the built kiosk under /kiosk/.
  base: "/kiosk/",
  plugins: [solid()],
  server: {
    port: 5174,
    proxy: {
      "/trpc": api,
      "/api": api,
      "/health": api,
      "/feeds": api,
    },
  },
  build: {
    target: "es2022",
    sourcemap: true,
  },
});
