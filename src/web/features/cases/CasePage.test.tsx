import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../api.ts";
import { ActiveSessionContext } from "../../session.ts";
import { jsonResponse, renderInApp, sessionOf } from "../../test-render.tsx";
import CasePage from "./CasePage.tsx";
import { CASE_ID, caseViewOf, requestsTo, stubApi } from "./case-test-fixtures.tsx";

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

const CASE_PATH = `/api/cases/${CASE_ID}`;

function renderCase() {
  return renderInApp(
    <ActiveSessionContext value={sessionOf(["ase_referent"], ["case.list", "case.create"])}>
      <Routes>
        <Route path="/dossiers/:id" element={<CasePage />} />
      </Routes>
    </ActiveSessionContext>,
    `/dossiers/${CASE_ID}`,
  );
}

const IDENTITY = {
  caseId: CASE_ID,
  caseNumber: "93-2026-000042",
  surname: "Diallo",
  firstNames: "Aminata",
  aliases: [],
  birthDate: "2010-05-04",
  ageEstimate: null,
  phones: [],
  placementAddress: null,
};

describe("CasePage", () => {
  it("keeps the identity hidden until « Afficher l'identité », then says the consultation is recorded", async () => {
    const fetchMock = stubApi(({ url, init }) => {
      if (url.pathname === CASE_PATH) return jsonResponse(200, caseViewOf());
      if (url.pathname === `${CASE_PATH}/identity/reveal` && init?.method === "POST")
        return jsonResponse(200, IDENTITY);
      return undefined;
    });
    renderCase();

    expect(await screen.findByRole("heading", { level: 1, name: "Dossier 93-2026-000042" })).toBeTruthy();
    expect(screen.queryByText("Diallo")).toBeNull();
    expect(requestsTo(fetchMock, "POST", `${CASE_PATH}/identity/reveal`)).toHaveLength(0);

    await userEvent.click(screen.getByRole("button", { name: "Afficher l'identité" }));

    expect(await screen.findByText("Diallo")).toBeTruthy();
    expect(screen.getByText("Aminata")).toBeTruthy();
    expect(screen.getByText(/Consultation enregistrée dans le journal d'audit/)).toBeTruthy();
    expect(requestsTo(fetchMock, "POST", `${CASE_PATH}/identity/reveal`)).toHaveLength(1);
  }, 90_000);

  it("on a stale version, keeps what was typed, shows the conflict and saves with the reloaded version", async () => {
    let version = 3;
    let patches = 0;
    const fetchMock = stubApi(({ url, init, body }) => {
      if (url.pathname !== CASE_PATH) return undefined;
      if (init?.method === "PATCH") {
        patches += 1;
        if ((body as { version: number }).version !== version) {
          return jsonResponse(409, {
            type: "about:blank",
            title: "Cette ressource a été modifiée entre-temps. Rechargez la page pour voir la dernière version.",
            status: 409,
            code: "conflict",
          });
        }
        return jsonResponse(200, caseViewOf({ version: version + 1 }));
      }
      return jsonResponse(200, caseViewOf({ version }));
    });
    renderCase();

    await userEvent.click(await screen.findByRole("button", { name: "Modifier le profil" }));
    // Someone else saves the case meanwhile.
    version = 4;
    await userEvent.type(screen.getByLabelText("Date des premiers faits (facultatif)"), "2025-11-20");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer le profil" }));

    expect(
      await screen.findByText(
        "Cette ressource a été modifiée entre-temps. Rechargez la page pour voir la dernière version.",
      ),
    ).toBeTruthy();
    const firstFacts = screen.getByLabelText("Date des premiers faits (facultatif)") as HTMLInputElement;
    expect(firstFacts.value).toBe("2025-11-20");

    await userEvent.click(screen.getByRole("button", { name: "Recharger le dossier" }));
    expect(await screen.findByText(/Le dossier a été rechargé. Vos saisies sont conservées/)).toBeTruthy();
    expect((screen.getByLabelText("Date des premiers faits (facultatif)") as HTMLInputElement).value).toBe(
      "2025-11-20",
    );

    await userEvent.click(screen.getByRole("button", { name: "Enregistrer le profil" }));
    expect(await screen.findByText("Le profil a été enregistré.")).toBeTruthy();
    expect(patches).toBe(2);
    const [, retry] = requestsTo(fetchMock, "PATCH", CASE_PATH);
    expect(JSON.parse(String(retry?.[1]?.body))).toMatchObject({ version: 4, profile: { firstFactsOn: "2025-11-20" } });
  }, 90_000);
});
