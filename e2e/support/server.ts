import { existsSync } from "node:fs";
import { afterAll } from "vitest";
import { buildApp, WEB_DIST } from "../../src/server/app.ts";
import { readConfig } from "../../src/server/config.ts";
import type { AppContext } from "../../src/server/context.ts";
import { type DemoLogin, seedDemoAccounts } from "../../src/server/demo/demo-accounts.ts";
import { seedDemoCases } from "../../src/server/demo/demo-cases.ts";
import { generateKeyRing } from "../../src/server/keys/key-ring.ts";
import { createLogger } from "../../src/server/logger.ts";
import { openTestDatabase } from "../../src/server/test/test-database.ts";
import { requestEnded, requestStarted } from "./failure-report.ts";

const running: (() => Promise<void>)[] = [];

// At the top level: a hook registered from inside beforeAll (where startServer is called) is never run, and on
// PostgreSQL the file's database would stay behind.
afterAll(async () => {
  for (const stop of running.splice(0)) await stop();
});

export interface RunningServer {
  url: string;
  ctx: AppContext;
  logins: DemoLogin[];
}

/** The real application on a loopback port, over a fresh database with the demo accounts. */
export async function startServer(options: { demoCases?: number } = {}): Promise<RunningServer> {
  if (!existsSync(`${WEB_DIST}/index.html`)) throw new Error("the web app is not built: run `npm run build`");
  const database = await openTestDatabase();
  const ctx: AppContext = {
    config: { ...readConfig({}), databaseUrl: undefined, seedDemo: true, loginRateLimitPerMinute: 1000 },
    database,
    db: database.db,
    keys: generateKeyRing(),
    log: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    now: () => new Date(),
  };
  const logins = await seedDemoAccounts(ctx);
  if (options.demoCases) await seedDemoCases(ctx, options.demoCases);
  const app = await buildApp(ctx);
  app.addHook("onRequest", async (request) => requestStarted(request.id, request.method, request.url));
  app.addHook("onResponse", async (request) => requestEnded(request.id));
  app.addHook("onRequestAbort", async (request) => requestEnded(request.id));
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  running.push(async () => {
    await app.close();
    await database.dispose();
  });
  return { url: `http://127.0.0.1:${address.port}`, ctx, logins };
}
