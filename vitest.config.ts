import { defineConfig } from "vitest/config";
import { alias } from "./vite.config.ts";

// Three projects: "server" runs in Node against a real database, "web" renders components in jsdom, and "e2e" drives
// Chromium against the real app. Each server test file boots its own database, so files run in at most two forks (the
// machines have 2 cores). The browser journeys run last and one at a time: each holds a server, its database and a
// Chromium, and beside the other suites on 2 cores a page could wait a minute for an answer.
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
          sequence: { groupOrder: 0 },
          include: ["src/server/**/*.test.ts", "src/shared/**/*.test.ts"],
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          environment: "node",
          include: ["e2e/**/*.test.ts"],
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "web",
          environment: "jsdom",
          sequence: { groupOrder: 0 },
          // Big DSFR forms are slow to render in jsdom when the server tests share the two cores.
          testTimeout: 90_000,
          include: ["src/web/**/*.test.{ts,tsx}"],
        },
      },
    ],
  },
});
