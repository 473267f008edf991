import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInApp } from "../../test-render.tsx";
import { sexTable } from "./observatory-test-fixtures.tsx";
import { ProtectedTable } from "./ProtectedTable.tsx";

describe("ProtectedTable", () => {
  it("shows hidden cells as the API displays them, with the suppression note and the counting rule", () => {
    renderInApp(<ProtectedTable table={sexTable()} />);

    const table = screen.getByRole("table", { name: /Personnes par sexe/ });
    const otherRow = within(table).getByRole("row", { name: /Autre ou non renseigné/ });
    expect(within(otherRow).getByRole("cell").textContent).toBe("< 11");
    const maleRow = within(table).getByRole("row", { name: /Masculin/ });
    expect(within(maleRow).getByRole("cell").textContent).toBe("s");
    expect(within(within(table).getByRole("row", { name: /Total/ })).getByRole("cell").textContent).toBe("57");

    expect(screen.getByText("Secret statistique : les effectifs de 1 à 10 sont masqués.")).toBeTruthy();
    expect(screen.getByText(/2 cellules masquées \(1 petit effectif, 1 masquée par secret secondaire\)/)).toBeTruthy();
    expect(screen.getByText("Unité de compte : la personne.")).toBeTruthy();
    expect(screen.getByText("Données synthétiques")).toBeTruthy();
    expect(screen.getByText(/« < 11 » : effectif inférieur à 11/)).toBeTruthy();
  });

  it("does not call the data synthetic, nor explain symbols the table does not use, when it has none", () => {
    const table = sexTable();
    renderInApp(
      <ProtectedTable
        table={{
          ...table,
          cells: table.cells.map((cell) => ({ ...cell, count: 5, value: 5, display: "5", status: "rounded" })),
          suppressedCount: { primary: 0, secondary: 0, total: 0 },
          isSynthetic: false,
          syntheticLabel: null,
        }}
      />,
    );
    expect(screen.queryByText("Données synthétiques")).toBeNull();
    expect(screen.queryByText(/« < 11 »/)).toBeNull();
    expect(screen.getByText("Aucune cellule masquée.")).toBeTruthy();
  });
});
