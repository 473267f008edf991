import type { BrowserContext } from "playwright-core";
import { afterEach } from "vitest";

/**
 * What a failed journey leaves behind, printed with the failure: the server's requests still unanswered and what each
 * open page shows. A step that waits in vain then says whether the server never answered or the page showed
 * something else.
 */
const inFlight = new Map<string, { method: string; url: string; since: number }>();
const contexts = new Set<BrowserContext>();

export function requestStarted(id: string, method: string, url: string): void {
  inFlight.set(id, { method, url, since: Date.now() });
}

export function requestEnded(id: string): void {
  inFlight.delete(id);
}

export function watchContext(context: BrowserContext): void {
  contexts.add(context);
  context.on("close", () => contexts.delete(context));
}

afterEach(async (test) => {
  if (test.task.result?.state !== "fail") return;
  const lines = ["— failure report —"];
  const now = Date.now();
  for (const request of inFlight.values()) {
    lines.push(`unanswered: ${request.method} ${request.url.split("?")[0]} for ${now - request.since} ms`);
  }
  if (inFlight.size === 0) lines.push("no request left unanswered by the server");
  for (const context of contexts) {
    for (const page of context.pages()) {
      const text = await page
        .locator("main")
        .innerText({ timeout: 2_000 })
        .catch(() => "(no main element)");
      lines.push(`page ${new URL(page.url()).pathname}: ${text.replace(/\s+/g, " ").slice(0, 600)}`);
    }
  }
  process.stderr.write(`${lines.join("\n")}\n`);
});
