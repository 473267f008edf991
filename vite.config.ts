import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const alias = {
  "@server": here("./src/server"),
  "@web": here("./src/web"),
  "@shared": here("./src/shared"),
};

export default defineConfig({
  root: here("./src/web"),
  plugins: [react()],
  resolve: { alias },
  build: {
    outDir: here("./dist/web"),
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
