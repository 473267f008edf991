import {
  SURVEY_FIGURE_KEYS,
  SURVEY_FIGURE_LABELS,
  type SurveyCampaignView,
  type SurveyFigures,
  type SurveyResponseView,
} from "@shared/observatory.ts";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../../api.ts";
import { ActiveSessionContext } from "../../../session.ts";
import { jsonResponse, renderInApp } from "../../../test-render.tsx";
import { analystSession, stubFetch } from "../observatory-test-fixtures.tsx";
import SurveyPage from "./SurveyPage.tsx";

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

const figures = Object.fromEntries(SURVEY_FIGURE_KEYS.map((key) => [key, 0])) as SurveyFigures;

function responseOf(overrides: Partial<SurveyResponseView> = {}): SurveyResponseView {
  return {
    organisationId: "org-asso",
    organisationName: "Association Hors la rue",
    departmentCode: "93",
    status: "submitted",
    keepsCasesInRepere: false,
    figures: { ...figures, total: 12, sex_female: 12, age_15_17: 12, form_sexual: 12 },
    correctionMessage: null,
    submittedAt: "2026-02-01T10:00:00.000Z",
    reviewedAt: null,
    ...overrides,
  };
}

function campaignOf(responses: SurveyResponseView[]): SurveyCampaignView {
  return {
    id: "campaign-2025",
    year: 2025,
    status: "open",
    opensOn: "2026-01-15",
    closesOn: "2026-03-31",
    responses,
    counts: { not_started: 0, submitted: 1, correction_requested: 0, validated: 0 },
  };
}

function renderAs(can: Parameters<typeof analystSession>[0]) {
  return renderInApp(
    <ActiveSessionContext value={analystSession(can)}>
      <SurveyPage />
    </ActiveSessionContext>,
  );
}

describe("SurveyPage", () => {
  it("lets the analyst send an answer back with a message", async () => {
    const fetchMock = stubFetch((url, init) => {
      if (url.pathname === "/api/observatory/survey/campaigns") return jsonResponse(200, [campaignOf([responseOf()])]);
      if (url.pathname.endsWith("/responses/org-asso/review") && init?.method === "POST")
        return jsonResponse(200, campaignOf([responseOf({ status: "correction_requested" })]));
      return undefined;
    });
    renderAs(["survey.manage", "observatory.read"]);

    const responses = await screen.findByRole("table", { name: /Réponses des associations/ });
    const row = within(responses).getByRole("row", { name: /Association Hors la rue/ });
    expect(within(row).getByText("Transmise")).toBeTruthy();
    await userEvent.click(within(row).getByRole("button", { name: "Demander une correction" }));
    await userEvent.click(within(row).getByRole("button", { name: "Envoyer la demande" }));
    expect(within(row).getByText("Dites à l'association ce qu'elle doit corriger.")).toBeTruthy();

    await userEvent.type(within(row).getByRole("textbox"), "Le total par âge ne correspond pas.");
    await userEvent.click(within(row).getByRole("button", { name: "Envoyer la demande" }));

    const review = fetchMock.mock.calls.find(([input]) => String(input).endsWith("/review"));
    expect(JSON.parse(String(review?.[1]?.body))).toEqual({
      decision: "request_correction",
      message: "Le total par âge ne correspond pas.",
    });
  });

  it("refuses, before sending, an association's answer whose split does not add up to the total", async () => {
    const fetchMock = stubFetch((url) =>
      url.pathname === "/api/observatory/survey/campaigns"
        ? jsonResponse(200, [campaignOf([responseOf({ status: "not_started", figures: null, departmentCode: null })])])
        : undefined,
    );
    renderAs(["survey.respond"]);

    await screen.findByRole("heading", { name: "Campagne 2025" });
    await userEvent.selectOptions(screen.getByLabelText("Département où l'association intervient"), "93");
    for (const key of SURVEY_FIGURE_KEYS) {
      const value =
        key === "total" ? "5" : key === "sex_female" ? "3" : key === "age_15_17" || key === "form_sexual" ? "5" : "0";
      await userEvent.type(screen.getByLabelText(SURVEY_FIGURE_LABELS[key]), value);
    }
    await userEvent.click(screen.getByRole("button", { name: "Transmettre la réponse" }));

    expect(await screen.findByText(/La répartition par sexe fait 3, le total déclaré est 5/)).toBeTruthy();
    expect(screen.queryByText(/La répartition par tranche d'âge/)).toBeNull();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);
  }, 20_000);

  it("lists the lines of a refused CSV answer as the server reports them", async () => {
    stubFetch((url, init) => {
      if (url.pathname === "/api/observatory/survey/campaigns")
        return jsonResponse(200, [campaignOf([responseOf({ status: "not_started", figures: null })])]);
      if (url.pathname.endsWith("/response/csv") && init?.method === "POST")
        return jsonResponse(400, {
          type: "about:blank",
          title: "Données invalides",
          status: 400,
          code: "invalid_input",
          detail: "Le fichier d'enquête contient des erreurs.",
          errors: [
            { path: "ligne 3", message: "Catégorie inconnue : « filles »." },
            { path: "ligne 2", message: "Nombre entier positif attendu." },
          ],
        });
      return undefined;
    });
    renderAs(["survey.respond"]);

    await userEvent.click(await screen.findByRole("tab", { name: "Envoyer un fichier CSV" }));
    const file = new File(["categorie,effectif\ntotal,x\nfilles,2\n"], "enquete.csv", { type: "text/csv" });
    await userEvent.upload(screen.getByLabelText(/Fichier de réponse/), file);
    await userEvent.click(screen.getByRole("button", { name: "Envoyer le fichier" }));

    const table = await screen.findByRole("table", { name: /Erreurs du fichier/ });
    expect(
      within(table)
        .getAllByRole("row")
        .map((row) => row.textContent),
    ).toEqual(["LigneColonneErreur", "2—Nombre entier positif attendu.", "3—Catégorie inconnue : « filles »."]);
  });
});
