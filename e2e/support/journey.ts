import type { Role } from "@shared/roles.ts";
import type { Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { DemoLogin } from "../../src/server/demo/demo-accounts.ts";
import { launchBrowser } from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";
import { signIn } from "./sign-in.ts";

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

/** A journey file's server and browser, available once its `beforeAll` has run. */
export interface Journey {
  readonly server: RunningServer;
  /** A new page, in a browser that forgot whoever signed in before. */
  freshPage(): Promise<Page>;
  /** A new page signed in as the demo account of a role, second factor included, on the home page. */
  signInAs(role: Role): Promise<Page>;
}

/**
 * Starts the real application and Chromium before the file's tests and closes the browser after them (the server
 * stops itself, see server.ts). `prepare` runs on the started server before the browser opens, e.g. to seed data.
 */
export function journey(
  options: { demoCases?: number; setupTimeoutMs?: number; prepare?: (server: RunningServer) => Promise<void> } = {},
): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer({ demoCases: options.demoCases });
    await options.prepare?.(server);
    browser = await launchBrowser();
  }, options.setupTimeoutMs ?? 180_000);
  afterAll(async () => browser?.close());

  const started = () => {
    if (!server || !browser) throw new Error("the journey has not started: use it inside a test");
    return { server, browser };
  };
  const loginOf = (role: Role): DemoLogin => {
    const login = started().server.logins.find((candidate) => candidate.role === role);
    if (!login) throw new Error(`no demo account for the role ${role}`);
    return login;
  };
  const self: Journey = {
    get server() {
      return started().server;
    },
    async freshPage() {
      const { context } = started().browser;
      await context.clearCookies();
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      return page;
    },
    async signInAs(role) {
      const page = await self.freshPage();
      await signIn(page, started().server.url, loginOf(role));
      return page;
    },
  };
  return self;
}
