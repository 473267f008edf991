import type { Page } from "playwright-core";
import { currentTotp } from "../../src/server/auth/totp.ts";
import type { DemoLogin } from "../../src/server/demo/demo-accounts.ts";

/** Signs a demo account in through the sign-in page, second factor included, and waits for the home page. */
export async function signIn(page: Page, baseUrl: string, login: DemoLogin): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel("Adresse électronique").fill(login.email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(login.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  if (login.totpSecret) {
    await page.getByLabel("Code à 6 chiffres").fill(await currentTotp(login.totpSecret));
    await page.getByRole("button", { name: "Valider" }).click();
  }
  await page.getByRole("heading", { level: 1, name: "Accueil" }).waitFor();
}
