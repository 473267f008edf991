import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../api.ts";
import { ActiveSessionContext } from "../../session.ts";
import { jsonResponse, renderInApp } from "../../test-render.tsx";
import DepartmentDashboardPage from "./DepartmentDashboardPage.tsx";
import ObservatoryPage from "./ObservatoryPage.tsx";
import { analystSession, sexTable, stubFetch, tableRequests } from "./observatory-test-fixtures.tsx";

// jsdom cannot run dsfr-chart's Vue components; the elements stay inert, which is all the page needs here.
vi.mock("./charts/load-dsfr-chart.ts", () => ({ loadDsfrChart: () => Promise.resolve() }));

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

function renderPage(path = "/observatoire") {
  return renderInApp(
    <ActiveSessionContext value={analystSession()}>
      <ObservatoryPage />
    </ActiveSessionContext>,
    path,
  );
}

/** Answers every table query with a table split by its first dimension, the API's way. */
function answerTables() {
  return stubFetch((url) => {
    if (url.pathname !== "/api/observatory/tables") return undefined;
    const [dimension = "sex"] = (url.searchParams.get("dimensions") ?? "").split(",");
    const base = sexTable();
    const title = `Tableau ${dimension}`;
    return jsonResponse(200, {
      ...base,
      title,
      dimensions: [{ ...base.dimensions[0], name: dimension }],
      query: { ...base.query, dimensions: [dimension] },
    });
  });
}

describe("ObservatoryPage", () => {
  it("asks nothing until the victim-status basis is chosen, and says it must be", async () => {
    const fetchMock = answerTables();
    renderPage();

    expect(screen.getByText(/Choisissez le statut de victime compté, puis « Afficher »/)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Afficher" }));

    const basis = screen.getByRole("group", { name: /Statut de victime compté/ });
    expect(within(basis).getByText(/les niveaux ne s'additionnent pas/)).toBeTruthy();
    expect(tableRequests(fetchMock)).toHaveLength(0);

    await userEvent.click(screen.getByRole("radio", { name: /Victimes présumées ou plus/ }));
    await userEvent.click(screen.getByRole("button", { name: "Afficher" }));

    await screen.findByRole("table", { name: /Évolution par année/ });
    const requests = tableRequests(fetchMock);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((url) => url.searchParams.get("basis") === "presumed")).toBe(true);
  }, 20_000);

  it("gives every chart its table alternative, with the API's displays", async () => {
    answerTables();
    renderPage("/observatoire?basis=presumed&from=2022&to=2025");

    const series = await screen.findByRole("region", { name: "Évolution par année" });
    // Charts appear once the DSFR chart library has loaded.
    await waitFor(() => expect(series.querySelector("line-chart")).not.toBeNull());
    const table = within(series).getByRole("table", { name: /Évolution par année/ });
    expect(within(table).getByText("< 11")).toBeTruthy();
    expect(within(series).getByText(/2 cellules masquées/)).toBeTruthy();

    const map = await screen.findByRole("region", { name: "Carte des départements" });
    await waitFor(() => expect(map.querySelector("map-chart")).not.toBeNull());
    expect(within(map).getByRole("table", { name: /Carte des départements/ })).toBeTruthy();
  });

  it("sends the filters in the table query and leaves out a breakdown the filter makes trivial", async () => {
    const fetchMock = answerTables();
    renderPage("/observatoire?basis=identified_le&from=2023&to=2024&sex=female");

    await screen.findByRole("region", { name: "Évolution par année" });
    const requests = tableRequests(fetchMock);
    expect(requests.map((url) => url.searchParams.get("dimensions"))).not.toContain("sex");
    const series = requests.find((url) => url.searchParams.get("dimensions") === "year");
    expect(JSON.parse(series?.searchParams.get("filters") ?? "{}")).toEqual({ sex: ["female"] });
    expect(series?.searchParams.get("from")).toBe("2023");
    expect(screen.queryByRole("region", { name: "Répartition par sexe" })).toBeNull();
  });

  it("explains, without asking the server, a chart that would cross more than three dimensions", async () => {
    const fetchMock = answerTables();
    renderPage("/observatoire?basis=presumed&sex=female&profile=mna");

    const map = await screen.findByRole("region", { name: "Carte des départements" });
    expect(within(map).getByText(/Ce tableau croiserait 4 dimensions/)).toBeTruthy();
    expect(await screen.findByRole("table", { name: /Évolution par année/ })).toBeTruthy();
    expect(tableRequests(fetchMock).some((url) => url.searchParams.get("dimensions") === "department")).toBe(false);
  });

  it("takes an ASE manager to their département's dashboard, not a national one", async () => {
    const fetchMock = answerTables();
    const base = analystSession();
    const manager = {
      ...base,
      user: {
        ...base.user,
        roles: ["ase_manager" as const],
        organisation: { ...base.user.organisation, type: "ase_service" as const, departmentCode: "93" },
      },
    };
    renderInApp(
      <ActiveSessionContext value={manager}>
        <Routes>
          <Route path="/observatoire" element={<ObservatoryPage />} />
          <Route path="/observatoire/departements/:code" element={<DepartmentDashboardPage />} />
        </Routes>
      </ActiveSessionContext>,
      "/observatoire?basis=presumed&from=2022&to=2025",
    );

    expect(await screen.findByRole("heading", { level: 1, name: "Seine-Saint-Denis (93)" })).toBeTruthy();
    expect(screen.queryByText("Observatoire national")).toBeNull();
    await screen.findByRole("table", { name: /Évolution par année/ });
    const requests = tableRequests(fetchMock);
    expect(requests.some((url) => url.searchParams.get("dimensions") === "department")).toBe(false);
    expect(requests.every((url) => JSON.parse(url.searchParams.get("filters") ?? "{}").department?.[0] === "93")).toBe(
      true,
    );
  });
});
