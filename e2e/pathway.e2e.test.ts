import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { toZonedInput } from "../src/web/features/pathway/zoned-input.ts";
import { seriousViolations } from "./support/browser.ts";
import { journey } from "./support/journey.ts";
import { tick } from "./support/tick.ts";

const repere = journey();

const DAY = 86_400_000;

/** Full-page screenshots for a human review of the screens, only when E2E_SCREENSHOTS names a folder. */
async function snap(page: Page, name: string): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/pathway-${name}.png`, fullPage: true });
}

async function openPathway(page: Page, caseId: string): Promise<void> {
  await page.goto(`${repere.server.url}/dossiers/${caseId}?onglet=parcours`);
  await page.getByRole("heading", { level: 2, name: "Parcours de protection" }).waitFor();
}

/** Takes one step from the track's card; `at` backdates it (a decision recorded after the fact). */
async function takeStep(
  page: Page,
  label: string,
  options: { at?: Date; reason?: string; trigger?: string } = {},
): Promise<void> {
  await page.getByRole("button", { name: label, exact: true }).click();
  const form = page.locator("form", { has: page.getByRole("group", { name: label }) });
  if (options.at) await form.locator("input[name=occurredAt]").fill(toZonedInput(options.at, "Europe/Paris"));
  if (options.trigger) {
    await form.getByLabel(/Résultat du repérage/).selectOption({ label: options.trigger });
    await form.locator("input[name=screenedAt]").fill(toZonedInput(new Date(Date.now() - 3_600_000), "Europe/Paris"));
  }
  if (options.reason) await form.getByLabel(/Motif|Commentaire/).fill(options.reason);
  await form.getByRole("button", { name: "Enregistrer l'étape" }).click();
  await page.getByText(`Étape enregistrée : ${label}.`).waitFor();
}

/** Shares the case with an organisation picked from the directory, as the owner would before handing over. */
async function shareWith(page: Page, caseId: string, organisation: string, purpose: string, basis: string) {
  await page.goto(`${repere.server.url}/dossiers/${caseId}?onglet=partages`);
  await page.getByRole("button", { name: "Partager le dossier" }).click();
  await page.getByLabel("Organisation destinataire : rechercher par nom").fill(organisation);
  const select = page.getByRole("combobox", { name: "Organisation destinataire", exact: true });
  const option = select.locator("option", { hasText: organisation });
  await option.first().waitFor({ state: "attached" });
  await select.selectOption(await option.first().getAttribute("value"));
  await page.getByLabel("Finalité").selectOption({ label: purpose });
  await page.getByLabel("Fondement juridique").selectOption({ label: basis });
  await tick(page.getByLabel("Profil et situation"));
  await tick(page.getByLabel("Chronologie et notes"));
  await page.getByLabel("Fin du partage").fill(new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Partager", exact: true }).click();
  await page.getByText("Le dossier est partagé.").waitFor();
}

describe("the protection pathway across organisations, each actor signed in as themselves", () => {
  it("educator screens → CRIP receives the IP → parquet orders an OPP → judge seized in time → review → plan", {
    timeout: 600_000,
  }, async () => {
    // Nadia, educator in a foyer, opens the case and sends the IP to the CRIP, copying the parquet.
    const educator = await repere.signInAs("educator");
    await educator.goto(`${repere.server.url}/dossiers/nouveau`);
    await educator.getByLabel("Nom", { exact: true }).fill("Parcours");
    await educator.getByLabel("Prénoms (facultatif)").fill("Inès");
    await tick(educator.getByRole("radio", { name: "Date de naissance" }));
    await educator.locator('input[type=date][name="identity.birthDate"]').fill("2011-02-03");
    await educator.getByRole("button", { name: "Créer le dossier" }).click();
    await educator.getByRole("heading", { level: 1, name: /^Dossier / }).waitFor();
    const caseId = new URL(educator.url()).pathname.split("/").pop() ?? "";
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);

    await shareWith(
      educator,
      caseId,
      "CRIP de Seine-Saint-Denis",
      "Évaluation de la situation de danger",
      "Information préoccupante",
    );
    await shareWith(educator, caseId, "Parquet de Bobigny", "Décision judiciaire", "Signalement au procureur");
    await shareWith(
      educator,
      caseId,
      "Tribunal pour enfants de Bobigny",
      "Décision judiciaire",
      "Réquisition ou demande judiciaire",
    );
    // She screens first: the clear concern is what the IP's "without delay" is measured from.
    await educator.goto(`${repere.server.url}/dossiers/${caseId}?onglet=reperage`);
    await educator.getByRole("button", { name: "Nouveau repérage" }).click();
    await educator.getByText("Repérage bref").first().click();
    await educator.getByLabel("Âge de la personne (en années)").fill("15");
    await tick(educator.getByLabel(/^RF3\./));
    await educator.getByRole("button", { name: "Calculer le niveau de préoccupation" }).click();
    await educator.getByRole("button", { name: "Enregistrer sur le dossier" }).click();
    await educator.getByText("Grille GRR-0.1").first().waitFor();

    await openPathway(educator, caseId);
    await takeStep(educator, "Information préoccupante transmise à la CRIP", { trigger: "Préoccupation claire" });
    await educator
      .getByRole("region", { name: "Protection de l'enfance" })
      .getByText("Information préoccupante transmise à la CRIP")
      .first()
      .waitFor();
    expect(await seriousViolations(educator)).toEqual([]);
    await snap(educator, "1-educator");
    await educator.close();

    // Sophie, at the CRIP, finds the IP waiting for her, acknowledges it and seizes the parquet.
    const crip = await repere.signInAs("crip_officer");
    await crip.getByRole("link", { name: "Voir ce qui est à traiter" }).click();
    await crip.getByRole("heading", { level: 1, name: "À traiter" }).waitFor();
    const waiting = crip.getByRole("region", { name: /En attente de ma décision/ });
    await waiting
      .getByRole("link", { name: /Réception de l'information préoccupante/ })
      .first()
      .click();
    await crip.getByRole("heading", { level: 2, name: "Parcours de protection" }).waitFor();
    await takeStep(crip, "Réception de l'information préoccupante par la CRIP");
    await crip.getByText("Évaluation par la CRIP").first().waitFor();
    await takeStep(crip, "Saisine du parquet par la CRIP (CASF L226-4)");
    await crip.close();

    // Inès, at the parquet, records the OPP she signed six days ago: the 8-day clock is already in its warning.
    const prosecutor = await repere.signInAs("prosecutor");
    await openPathway(prosecutor, caseId);
    await takeStep(prosecutor, "Ordonnance de placement provisoire", { at: new Date(Date.now() - 6 * DAY) });
    const due = prosecutor.getByRole("region", { name: "Protection de l'enfance" });
    await due.getByText(/Prochaine échéance : Saisine du juge des enfants/).waitFor();
    await due.getByText("Échéance proche").waitFor();
    await prosecutor.goto(`${repere.server.url}/a-traiter`);
    const soon = prosecutor.getByRole("region", { name: /Échéance proche/ });
    await soon
      .getByRole("link", { name: /juge des enfants/ })
      .first()
      .waitFor();
    expect(await seriousViolations(prosecutor)).toEqual([]);
    await snap(prosecutor, "2-prosecutor-inbox");
    await openPathway(prosecutor, caseId);
    await takeStep(prosecutor, "Saisine du juge des enfants après l'OPP");
    // Seized in time: the 8-day deadline is met and the judge's 15 days start.
    const deadlines = prosecutor.getByRole("table", { name: "Échéances du dossier" });
    await expect
      .poll(async () => deadlines.getByRole("row", { name: /Saisine du juge des enfants/ }).innerText())
      .toMatch(/respecté/i);
    await prosecutor.close();

    // Claire, juvenile judge, sees her 15-day ruling deadline where she looks, and rules.
    const judge = await repere.signInAs("juvenile_judge");
    await openPathway(judge, caseId);
    const ruling = judge.getByRole("table", { name: "Échéances du dossier" }).getByRole("row", { name: /15 jours/ });
    await ruling.waitFor();
    expect(await ruling.innerText()).toMatch(/jours calendaires/);
    await snap(judge, "3-judge");
    await takeStep(judge, "Décision du juge des enfants : mesure de protection");
    await judge.close();

    // Back at the foyer: Nadia plans the multi-agency review, chaired by the association, with the CRIP.
    const organiser = await repere.signInAs("educator");
    await openPathway(organiser, caseId);
    await organiser.getByRole("button", { name: "Organiser un examen pluridisciplinaire" }).click();
    await organiser
      .getByLabel("Date et heure de la réunion")
      .fill(toZonedInput(new Date(Date.now() + 60 * 60_000), "Europe/Paris"));
    await organiser
      .getByRole("combobox", { name: /Présidence/ })
      .selectOption({ label: "Awa Traoré — Association Horizon Jeunes" });
    await tick(organiser.getByLabel("Sophie Lefèvre — CRIP de Seine-Saint-Denis"));
    await organiser.getByRole("button", { name: "Organiser l'examen" }).click();
    await organiser.getByRole("heading", { level: 1, name: "Examen pluridisciplinaire" }).waitFor();
    const reviewUrl = organiser.url();
    expect(await seriousViolations(organiser)).toEqual([]);
    await organiser.close();

    // Each member declares any conflict of interest; then the chair minutes the decision.
    const member = await repere.signInAs("crip_officer");
    await member.goto(`${repere.server.url}/a-traiter`);
    await member
      .getByRole("link", { name: /conflit/i })
      .first()
      .click();
    await tick(member.getByLabel("Non, aucun conflit d'intérêts"));
    await member.getByRole("button", { name: "Enregistrer ma déclaration" }).click();
    await member.getByText("Votre déclaration a été enregistrée.").waitFor();
    await member.close();

    const chair = await repere.signInAs("association_worker");
    await chair.goto(reviewUrl);
    await tick(chair.getByLabel("Non, aucun conflit d'intérêts"));
    await chair.getByRole("button", { name: "Enregistrer ma déclaration" }).click();
    await chair.getByText("Votre déclaration a été enregistrée.").waitFor();
    await tick(chair.getByLabel("Victime présumée", { exact: true }));
    await chair.getByLabel("Motifs").fill("Indicateurs convergents d'exploitation sexuelle ; fugues répétées.");
    await chair.getByLabel("Compte rendu de la réunion").fill("Réunion tenue en présence des deux membres.");
    await chair.getByRole("button", { name: "Enregistrer la décision" }).click();
    await chair.getByText(/La décision a été enregistrée/).waitFor();
    await chair.getByText("Conclu : Victime présumée").waitFor();
    await snap(chair, "4-review");
    await chair.close();

    // The referring educator hears back, sees the presumed status, and adopts the protection plan.
    const referring = await repere.signInAs("educator");
    await referring.goto(`${repere.server.url}/a-traiter`);
    await referring
      .getByRole("region", { name: /Pour information/ })
      .getByText(/examen/i)
      .first()
      .waitFor();
    await openPathway(referring, caseId);
    await referring
      .getByRole("region", { name: "Statut de victime" })
      .getByText("Victime présumée (examen pluridisciplinaire)")
      .first()
      .waitFor();
    await referring.getByRole("button", { name: "Adopter un plan de protection" }).click();
    await referring.getByLabel("Objectif 1").fill("Mise à l'abri éloignée");
    await referring.getByRole("button", { name: "Ajouter un objectif" }).click();
    await referring.getByLabel("Objectif 2").fill("Reprise de la scolarité");
    await referring.getByRole("button", { name: "Adopter le plan" }).click();
    await referring.getByText("Le plan de protection a été adopté.").waitFor();
    await referring.getByText(/prochaine révision au plus tard le/).waitFor();
    expect(await seriousViolations(referring)).toEqual([]);
    await snap(referring, "5-plan");
    await referring.close();
  });
});
