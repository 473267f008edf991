import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../api.ts";
import { ActiveSessionContext } from "../../session.ts";
import { jsonResponse, renderInApp, sessionOf } from "../../test-render.tsx";
import CaseListPage from "./CaseListPage.tsx";
import { requestsTo, stubApi, summaryOf } from "./case-test-fixtures.tsx";

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

function renderList(can = sessionOf(["ase_referent"], ["case.list", "case.create"])) {
  return renderInApp(
    <ActiveSessionContext value={can}>
      <CaseListPage />
    </ActiveSessionContext>,
  );
}

describe("CaseListPage", () => {
  it("shows one row per case and appends the next page with the cursor the server gave", async () => {
    const fetchMock = stubApi(({ url }) => {
      if (url.pathname !== "/api/cases") return undefined;
      return url.searchParams.get("cursor") === "page-2"
        ? jsonResponse(200, { items: [summaryOf(3)], nextCursor: null })
        : jsonResponse(200, { items: [summaryOf(1), summaryOf(2)], nextCursor: "page-2" });
    });
    renderList();

    const table = await screen.findByRole("table");
    expect(within(table).getByRole("link", { name: "93-2026-000001" })).toBeTruthy();
    expect(within(table).getAllByText("15 à 17 ans")).toHaveLength(2);
    expect(within(table).getAllByText("Exploitation sexuelle")).toHaveLength(2);

    await userEvent.click(screen.getByRole("button", { name: "Charger plus" }));

    expect(await within(table).findByRole("link", { name: "93-2026-000003" })).toBeTruthy();
    expect(within(table).getAllByRole("link")).toHaveLength(3);
    expect(screen.queryByRole("button", { name: "Charger plus" })).toBeNull();
    const [, second] = requestsTo(fetchMock, "GET", "/api/cases");
    expect(new URL(String(second?.[0]), "http://localhost").searchParams.get("cursor")).toBe("page-2");
  }, 90_000);

  it("offers a new case only to those who may create one, and titles the list for educators", async () => {
    stubApi(({ url }) =>
      url.pathname === "/api/cases" ? jsonResponse(200, { items: [], nextCursor: null }) : undefined,
    );
    renderList(sessionOf(["educator"], ["case.list"]));

    expect(screen.getByRole("heading", { level: 1, name: "Mes jeunes" })).toBeTruthy();
    expect(await screen.findByText("Aucun dossier ne correspond à ces critères.")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Nouveau dossier" })).toBeNull();
  }, 90_000);

  it("searches by name through the API's parameters, refusing a one-letter name before asking", async () => {
    const fetchMock = stubApi(({ url }) =>
      url.pathname === "/api/cases" ? jsonResponse(200, { items: [summaryOf(1)], nextCursor: null }) : undefined,
    );
    renderList();
    await screen.findByRole("table");

    const name = screen.getByLabelText(/Nom ou prénom/);
    await userEvent.type(name, "A");
    await userEvent.click(screen.getByRole("button", { name: "Rechercher" }));
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(requestsTo(fetchMock, "GET", "/api/cases")).toHaveLength(1);

    await userEvent.type(name, "mina");
    await userEvent.click(screen.getByRole("button", { name: "Rechercher" }));
    await vi.waitFor(() => expect(requestsTo(fetchMock, "GET", "/api/cases")).toHaveLength(2));
    const [, search] = requestsTo(fetchMock, "GET", "/api/cases");
    expect(new URL(String(search?.[0]), "http://localhost").searchParams.get("name")).toBe("Amina");
  }, 90_000);
});
