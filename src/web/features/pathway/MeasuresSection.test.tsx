import type { MeasureView } from "@shared/pathway.ts";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../api.ts";
import { jsonResponse, renderInApp } from "../../test-render.tsx";
import { CASE_ID, requestsTo, stubApi } from "../cases/case-test-fixtures.tsx";
import { MeasuresSection } from "./MeasuresSection.tsx";

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

const MEASURES_PATH = `/api/pathway/cases/${CASE_ID}/measures`;
const MEASURE: MeasureView = {
  id: "00000000-0000-4000-8000-000000000101",
  kind: "lawyer",
  status: "planned",
  providerOrganisation: null,
  providerName: "Barreau de Bobigny",
  startOn: "2026-03-01",
  endOn: null,
  placement: null,
  version: 3,
  updatedAt: "2026-03-01T10:00:00.000Z",
};

describe("MeasuresSection", () => {
  it("records a distant placement with its type, and refuses a placement without one before sending", async () => {
    const notices: string[] = [];
    const fetchMock = stubApi(({ url, init, body }) =>
      url.pathname === MEASURES_PATH && init?.method === "POST"
        ? jsonResponse(201, { ...MEASURE, ...(body as Pick<MeasureView, "kind" | "placement">) })
        : undefined,
    );
    renderInApp(
      <MeasuresSection caseId={CASE_ID} measures={[]} canRecord canUpdate onNotice={(n) => notices.push(n.text)} />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Ajouter une mesure" }));
    await userEvent.selectOptions(screen.getByLabelText("Mesure"), "placement");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer la mesure" }));
    expect(
      await screen.findByText("Certaines informations sont invalides. Corrigez les champs signalés."),
    ).toBeTruthy();
    expect(requestsTo(fetchMock, "POST", MEASURES_PATH)).toHaveLength(0);

    await userEvent.selectOptions(screen.getByLabelText("Type de placement"), "establishment");
    await userEvent.click(screen.getByLabelText("Placement éloigné des exploiteurs"));
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer la mesure" }));
    await vi.waitFor(() => expect(notices).toEqual(["Mesure « Placement » enregistrée."]));
    const [call] = requestsTo(fetchMock, "POST", MEASURES_PATH);
    expect(JSON.parse(String(call?.[1]?.body))).toMatchObject({
      kind: "placement",
      status: "planned",
      placement: { type: "establishment", isSecure: false, isDistant: true },
    });
  }, 90_000);

  it("offers only the statuses a measure may move to, and sends the version it was read at", async () => {
    const path = `/api/pathway/measures/${MEASURE.id}`;
    const fetchMock = stubApi(({ url, init }) =>
      url.pathname === path && init?.method === "PATCH"
        ? jsonResponse(200, { ...MEASURE, status: "in_progress" })
        : undefined,
    );
    renderInApp(
      <MeasuresSection caseId={CASE_ID} measures={[MEASURE]} canRecord={false} canUpdate onNotice={() => {}} />,
    );
    const select = screen.getByLabelText("Nouveau statut") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(["Choisir", "En cours", "Non exécutée", "Annulée"]);
    await userEvent.selectOptions(select, "in_progress");
    await userEvent.click(screen.getByRole("button", { name: "Changer le statut" }));
    await vi.waitFor(() => expect(requestsTo(fetchMock, "PATCH", path)).toHaveLength(1));
    expect(JSON.parse(String(requestsTo(fetchMock, "PATCH", path)[0]?.[1]?.body))).toEqual({
      version: 3,
      status: "in_progress",
    });
  }, 90_000);
});
