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

const OPP = "Saisine du juge des enfants après l'ordonnance de placement provisoire";

describe("a département's deadlines", () => {
  it("lets its administrator shorten a legal deadline, never lengthen it, and shows the rest read-only", {
    timeout: 180_000,
  }, async () => {
    const admin = server.logins.find((login) => login.role === "admin");
    const referent = server.logins.find((login) => login.role === "ase_referent");
    if (!admin || !referent) throw new Error("demo accounts missing");
    const page = await browser.context.newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page, server.url, admin);
    await page
      .getByRole("link", { name: /Échéances du parcours/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: "Échéances du parcours de protection" }).waitFor();
    const table = page.getByRole("table", { name: /Échéances appliquées/ });
    await table.getByRole("rowheader", { name: OPP }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Ajuster les échéances de ce département" }).click();
    const amount = page.locator("#opp_seize_juvenile_judge-amount");
    await amount.fill("10");
    await page.getByRole("button", { name: "Enregistrer les échéances" }).click();
    await page.getByText("Un délai légal ne peut qu'être abrégé : 8 au plus").first().waitFor();
    expect(await amount.getAttribute("aria-invalid")).toBe("true");
    expect(await seriousViolations(page)).toEqual([]);

    await amount.fill("6");
    await page.locator("#opp_seize_juvenile_judge-alert").fill("4");
    await page.getByRole("button", { name: "Enregistrer les échéances" }).click();
    await page.getByText(/ont été enregistrées/).waitFor();
    const row = table.getByRole("row", { name: new RegExp(OPP) });
    await expect(row.textContent()).resolves.toMatch(/6 jours calendaires.*après 4 jours calendaires.*Oui/);
    await page.close();

    // Another role reads what applies in its département, without a form.
    await browser.context.clearCookies();
    const reader = await browser.context.newPage();
    reader.setDefaultTimeout(60_000);
    await signIn(reader, server.url, referent);
    await reader.goto(`${server.url}/admin/echeances`);
    const readerRow = reader
      .getByRole("table", { name: /Échéances appliquées/ })
      .getByRole("row", { name: new RegExp(OPP) });
    await expect(readerRow.textContent()).resolves.toMatch(/6 jours calendaires/);
    expect(await reader.getByRole("button", { name: "Ajuster les échéances de ce département" }).count()).toBe(0);
    await reader.close();
  });
});
