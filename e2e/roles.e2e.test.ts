import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, seriousViolations } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";
import { signIn } from "./support/sign-in.ts";

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => browser?.close());

describe("every demo role signs in, sees its home page, and signs out", () => {
  it("refuses a wrong password with a French message", { timeout: 60_000 }, async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/connexion`);
    await page.getByLabel("Adresse électronique").fill("referent@demo.repere.fr");
    await page.getByLabel("Mot de passe", { exact: true }).fill("pas-le-bon-mot-de-passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(
      page.getByText("Adresse électronique ou mot de passe incorrect.").first().waitFor(),
    ).resolves.toBeUndefined();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("sends an anonymous visitor to the sign-in page", { timeout: 60_000 }, async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/admin/utilisateurs`);
    await page.waitForURL(/\/connexion/);
    await page.close();
  });

  it("walks each role through its home page with no serious accessibility violation", {
    timeout: 300_000,
  }, async () => {
    const failures: string[] = [];
    for (const login of server.logins) {
      await browser.context.clearCookies();
      const page = await browser.context.newPage();
      await signIn(page, server.url, login);
      const violations = await seriousViolations(page);
      if (violations.length) failures.push(`${login.role} home: ${violations.join(", ")}`);
      if (login.role === "admin") {
        for (const path of ["/admin/organisations", "/admin/utilisateurs", "/admin/journal", "/compte"]) {
          await page.goto(`${server.url}${path}`);
          await page.getByRole("heading", { level: 1 }).waitFor();
          const pageViolations = await seriousViolations(page);
          if (pageViolations.length) failures.push(`${login.role} ${path}: ${pageViolations.join(", ")}`);
        }
        await page.goto(`${server.url}/`);
        await page.getByRole("heading", { level: 1, name: "Accueil" }).waitFor();
      }
      await page
        .getByRole("button", { name: "Se déconnecter" })
        .or(page.getByRole("link", { name: "Se déconnecter" }))
        .first()
        .click();
      await page.waitForURL(/\/connexion/);
      await page.close();
    }
    expect(failures).toEqual([]);
  });
});
