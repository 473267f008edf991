import { describe, expect, it } from "vitest";
import { toReferenceCsv } from "../../seed/department-reference.ts";
import { parseReferenceCsv } from "./reference-csv.ts";

describe("parseReferenceCsv", () => {
  it("reads the file toReferenceCsv writes, without a single issue", () => {
    const { rows, issues } = parseReferenceCsv(toReferenceCsv([2023, 2024]));
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(202);
    const seineSaintDenis = rows.find((row) => row.departmentCode === "93" && row.year === 2024);
    expect(seineSaintDenis?.populationUnder18).toBeGreaterThan(100_000);
    expect(rows.find((row) => row.departmentCode === "976")?.childrenInAseCare).toBeNull();
  });

  it("reports each faulty line with its number, column and a French message", () => {
    const header = toReferenceCsv(2024).split("\n")[0];
    const csv = [
      header,
      "93,2024,400000,6000,15.2,,",
      "99,2024,1000,10,1.0,,",
      "75,20x4,1000,-3,1.0,,",
      "93,2024,400000,6000,15.2,,",
      "13,2024,1000,10,1.0,,250",
      "13,2023,1000",
    ].join("\n");
    const { issues } = parseReferenceCsv(csv);
    expect(issues).toEqual([
      { line: 3, column: "department_code", message: "Département inconnu : « 99 »." },
      { line: 4, column: "year", message: "Année attendue entre 2015 et 2100." },
      {
        line: 4,
        column: "children_in_ase_care",
        message: "Nombre entier positif attendu (ou cellule vide si inconnu).",
      },
      { line: 5, column: "department_code", message: "Département et année déjà présents ligne 2." },
      { line: 6, column: "occupancy_rate", message: "Pourcentage entre 0 et 200 attendu (ou cellule vide)." },
      { line: 7, column: "", message: "7 colonnes attendues, 3 trouvées." },
    ]);
  });

  it("refuses a file with another header", () => {
    expect(parseReferenceCsv("code,annee\n93,2024\n").issues[0]).toMatchObject({ line: 1, column: "en-tête" });
  });
});
