#!/usr/bin/env node
// The CLI and `npm start`. `npm install` bundles the server into dist/server/cli.js (scripts/build-server.mjs), which
// starts faster; when a source file is newer than the bundle (a developer's checkout), the sources run through tsx.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = join(root, "dist", "server", "cli.js");

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const bundleIsFresh =
  process.env.REPERE_FROM_SOURCE !== "1" &&
  existsSync(bundle) &&
  statSync(bundle).mtimeMs >= Math.max(newestSourceTime(join(root, "src", "server")), newestSourceTime(join(root, "src", "shared")));

let cli;
if (bundleIsFresh) {
  cli = await import(bundle);
} else {
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: join(root, "tsconfig.json") });
  cli = await import("../src/server/cli/main.ts");
}
await cli.main(process.argv);
