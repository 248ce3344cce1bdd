import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webDir = fileURLToPath(new URL(".", import.meta.url));
const apiTarget = "http://127.0.0.1:8080";

export default defineConfig({
  root: webDir,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/api": apiTarget,
      "/openapi.json": apiTarget,
      "/docs": apiTarget,
    },
  },
});
