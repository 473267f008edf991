import { qualify } from "@shared/qualification/qualify.ts";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { renderSignalementPdf, type SignalementContent } from "./signalement-pdf.ts";

const content: SignalementContent = {
  caseNumber: "93-2026-000042",
  departmentCode: "93",
  generatedAt: new Date("2026-11-28T10:00:00Z"),
  author: { name: "Karim Diallo", roleLabel: "Référent ASE", organisation: "ASE de Seine-Saint-Denis" },
  identity: { surname: "Lefèvre-Đorđević", firstNames: "Lina Zoé", birthDate: "2010-05-02", estimatedAge: null },
  profile: { sexLabel: "Féminin", ageAtFacts: 16, situation: ["Placée à l'ASE (foyer)", "Fugues répétées"] },
  factsSummary:
    "Retrouvée dans une location de courte durée avec des adultes ; nouveau téléphone ; « petit ami » de 24 ans. Œuvre d'un réseau présumé.",
  screening: null,
  qualification: qualify({
    ageAtFacts: 16,
    ageUncertain: false,
    acts: ["recruit", "harbour"],
    means: [],
    purposes: ["proxenetisme"],
    circumstances: ["electronic_network_contact"],
  }),
  measuresRequested: [
    "Ordonnance de placement provisoire dans un établissement éloigné",
    "Saisine du juge des enfants",
  ],
};

async function textOf(pdf: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe("signalement PDF", () => {
  it("addresses the parquet of the case's département and carries the qualification, in French with accents", async () => {
    const text = await textOf(await renderSignalementPdf(content));
    expect(text).toContain("Signalement au procureur de la République");
    expect(text).toContain("Seine-Saint-Denis (93)");
    expect(text).toContain("93-2026-000042");
    expect(text).toContain("225-4-2 II");
    expect(text).toMatch(/«\s+petit\s+ami\s+»/u);
    expect(text).toContain("Œuvre");
    expect(text).toContain("Lefèvre-Đorđević");
    expect(text).toContain("Saisine du juge des enfants");
    expect(text).toMatch(/1\s?500\s?000 €/);
  });

  it("leaves identity out when the author may not reveal it", async () => {
    const text = await textOf(await renderSignalementPdf({ ...content, identity: null }));
    expect(text).not.toContain("Lefèvre");
    expect(text).toContain("Identité non reproduite");
  });
});
