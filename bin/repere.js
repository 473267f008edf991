#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so `npm start` and `npx repere …` need no build step of their own.
import { register } from "tsx/esm/api";

register({ tsconfig: new URL("../tsconfig.json", import.meta.url).pathname });
const { main } = await import("../src/server/cli/main.ts");
await main(process.argv);
