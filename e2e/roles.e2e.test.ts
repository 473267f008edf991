import { describe, expect, it } from "vitest";
import { seriousViolations } from "./support/browser.ts";
import { journey } from "./support/journey.ts";
import { signIn } from "./support/sign-in.ts";

const repere = journey({ setupTimeoutMs: 120_000 });

describe("every demo role signs in, sees its home page, and signs out", () => {
  it("refuses a wrong password with a French message", { timeout: 60_000 }, async () => {
    const page = await repere.freshPage();
    await page.goto(`${repere.server.url}/connexion`);
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
    const page = await repere.freshPage();
    await page.goto(`${repere.server.url}/admin/utilisateurs`);
    await page.waitForURL(/\/connexion/);
    await page.close();
  });

  it("walks each role through its home page with no serious accessibility violation", {
    timeout: 300_000,
  }, async () => {
    const failures: string[] = [];
    for (const login of repere.server.logins) {
      const page = await repere.freshPage();
      await signIn(page, repere.server.url, login);
      const violations = await seriousViolations(page);
      if (violations.length) failures.push(`${login.role} home: ${violations.join(", ")}`);
      if (login.role === "admin") {
        for (const path of ["/admin/organisations", "/admin/utilisateurs", "/admin/journal", "/compte"]) {
          await page.goto(`${repere.server.url}${path}`);
          await page.getByRole("heading", { level: 1 }).waitFor();
          const pageViolations = await seriousViolations(page);
          if (pageViolations.length) failures.push(`${login.role} ${path}: ${pageViolations.join(", ")}`);
        }
        await page.goto(`${repere.server.url}/`);
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
