import type { SaturationView } from "@shared/observatory.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../api.ts";
import { ActiveSessionContext } from "../../session.ts";
import { jsonResponse, renderInApp } from "../../test-render.tsx";
import { analystSession, stubFetch } from "./observatory-test-fixtures.tsx";
import SaturationPage from "./SaturationPage.tsx";

vi.mock("./charts/load-dsfr-chart.ts", () => ({ loadDsfrChart: () => Promise.resolve() }));

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

const CAVEAT = "Moins de 10 unités : l'intervalle est large, ne concluez pas.";

function saturationView(): SaturationView {
  return {
    query: { year: 2025, basis: "presumed", indicator: "occupancy_rate" },
    indicatorLabel: "Taux d'occupation des lieux d'accueil (%)",
    exposureLabel: "Personnes pour 10 000 mineurs",
    points: [
      { code: "93", label: "Seine-Saint-Denis", departments: ["93"], exposure: 4.25, saturation: 112 },
      { code: "59", label: "Nord", departments: ["59"], exposure: 2.5, saturation: 98 },
    ],
    excluded: [{ code: "48", label: "Lozère", reason: "effectif masqué" }],
    pearson: { method: "pearson", n: 2, coefficient: 0.62, lower: null, upper: null, caveat: CAVEAT },
    spearman: { method: "spearman", n: 2, coefficient: 0.5, lower: -0.41, upper: 0.93, caveat: null },
    note: "Exposition calculée sur les effectifs publiés.",
    isSynthetic: false,
    syntheticLabel: null,
    dataVersion: "v1",
  };
}

function renderPage() {
  return renderInApp(
    <ActiveSessionContext value={analystSession(["observatory.read", "observatory.import_reference"])}>
      <SaturationPage />
    </ActiveSessionContext>,
  );
}

describe("SaturationPage", () => {
  it("shows both coefficients with their intervals and caveat, and the points as a table", async () => {
    const fetchMock = stubFetch((url) =>
      url.pathname === "/api/observatory/saturation" ? jsonResponse(200, saturationView()) : undefined,
    );
    renderPage();

    await userEvent.click(screen.getByRole("radio", { name: /Victimes présumées ou plus/ }));
    await userEvent.selectOptions(screen.getByLabelText("Indicateur de saturation"), "occupancy_rate");
    await userEvent.click(screen.getByRole("button", { name: "Afficher" }));

    const correlations = await screen.findByRole("table", { name: "Corrélation entre exposition et saturation" });
    const spearman = within(correlations).getByRole("row", { name: /Spearman/ });
    expect(spearman.textContent).toContain("[-0,41 ; 0,93]");
    const pearson = within(correlations).getByRole("row", { name: /Pearson/ });
    expect(pearson.textContent).toContain("non calculable");
    expect(pearson.textContent).toContain(CAVEAT);

    const points = screen.getByRole("table", { name: /Exposition et saturation par département/ });
    expect(within(points).getByRole("row", { name: /Seine-Saint-Denis/ }).textContent).toContain("4,25");
    expect(screen.getByText(/Lozère : effectif masqué/)).toBeTruthy();
    // The chart appears once the DSFR chart library has loaded, after the tables.
    await waitFor(() => expect(document.querySelector("scatter-chart")).not.toBeNull());
    const url = new URL(String(fetchMock.mock.calls.at(-1)?.[0]), "http://localhost");
    expect(url.searchParams.get("indicator")).toBe("occupancy_rate");
  });

  it("lists a refused import line by line", async () => {
    const fetchMock = stubFetch((url, init) =>
      url.pathname === "/api/observatory/reference" && init?.method === "POST"
        ? jsonResponse(422, {
            imported: false,
            rowCount: 0,
            years: [],
            issues: [
              { line: 4, column: "occupancy_rate", message: "Un nombre est attendu." },
              { line: 2, column: "department", message: "Département inconnu." },
            ],
          })
        : undefined,
    );
    renderPage();

    const file = new File(["year;department\n2025;XX\n"], "indicateurs.csv", { type: "text/csv" });
    await userEvent.upload(screen.getByLabelText(/Fichier des indicateurs/), file);
    await userEvent.click(screen.getByRole("button", { name: "Importer" }));

    expect(await screen.findByText("Le fichier contient 2 erreurs : rien n'a été importé.")).toBeTruthy();
    const rows = within(screen.getByRole("table", { name: /Erreurs du fichier/ })).getAllByRole("row");
    expect(rows.map((row) => row.textContent)).toEqual([
      "LigneColonneErreur",
      "2departmentDépartement inconnu.",
      "4occupancy_rateUn nombre est attendu.",
    ]);
    const [, init] = fetchMock.mock.calls.find(([input]) => String(input).endsWith("/api/observatory/reference")) ?? [];
    expect(JSON.parse(String(init?.body))).toBe("year;department\n2025;XX\n");
  });
});
