import { defineConfig } from "vitest/config";
import { alias } from "./vite.config.ts";

// Two projects: "server" runs in Node against a real database, "web" renders components in jsdom.
// Each server test file boots its own database, so files run in at most two forks (the machines have 2 cores).
export default defineConfig({
  resolve: { alias },
  test: {
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "server",
          environment: "node",
          include: ["src/server/**/*.test.ts", "src/shared/**/*.test.ts", "e2e/**/*.test.ts"],
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "web",
          environment: "jsdom",
          // Big DSFR forms are slow to render in jsdom when the server tests share the two cores.
          testTimeout: 90_000,
          include: ["src/web/**/*.test.{ts,tsx}"],
        },
      },
    ],
  },
});
