import type { PathwayView } from "@shared/pathway.ts";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../api.ts";
import { jsonResponse, renderInApp } from "../../test-render.tsx";
import { CASE_ID, caseViewOf, requestsTo, stubApi } from "../cases/case-test-fixtures.tsx";
import { CasePathwayTab } from "./CasePathwayTab.tsx";

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

const PATHWAY_PATH = `/api/pathway/cases/${CASE_ID}`;
const STEP_PATH = `${PATHWAY_PATH}/tracks/civil_protection/transitions`;

function pathwayOf(): PathwayView {
  return {
    caseId: CASE_ID,
    caseNumber: "93-2026-000042",
    departmentCode: "974",
    timeZone: "Indian/Reunion",
    tracks: [
      {
        track: "civil_protection",
        state: "juvenile_judge_seized",
        stateLabel: "Juge des enfants saisi",
        stateSince: "2025-04-23T06:00:00.000Z",
        history: [],
        nextSteps: [
          {
            to: "measure_decided",
            label: "Décision du juge des enfants : mesure de protection",
            requiresReason: false,
            requiresReference: false,
            acceptsTrigger: false,
            occurredAtLabel: "Date de la décision",
          },
          {
            to: "ended",
            label: "Décision du juge des enfants : pas de mesure",
            requiresReason: true,
            requiresReference: false,
            acceptsTrigger: false,
            occurredAtLabel: null,
          },
        ],
      },
    ],
    deadlines: [
      {
        id: "d1",
        code: "judge_ruling",
        label: "Décision du juge des enfants après sa saisine",
        basis: "CPC, art. 1184 al. 3",
        source: "legal",
        unit: "calendar_days",
        amount: 15,
        track: "civil_protection",
        startAt: "2025-04-23T06:00:00.000Z",
        dueAt: "2025-05-09T19:59:59.999Z",
        dueLocalDate: "2025-05-09",
        warnAt: null,
        timeZone: "Indian/Reunion",
        status: "open",
        urgency: "overdue",
        metAt: null,
      },
    ],
    measures: [],
    plan: null,
    reviews: [],
    transfers: [],
    can: ["pathway.read", "pathway.transition"],
  };
}

describe("CasePathwayTab", () => {
  it("shows where the track stands, what is due next on which clock, and the steps open to the user", async () => {
    stubApi(({ url }) => (url.pathname === PATHWAY_PATH ? jsonResponse(200, pathwayOf()) : undefined));
    renderInApp(<CasePathwayTab caseFile={caseViewOf()} onNotice={() => {}} />);

    const track = await screen.findByRole("region", { name: "Protection de l'enfance" });
    expect(within(track).getByText("Juge des enfants saisi")).toBeTruthy();
    expect(within(track).getByText(/Prochaine échéance : Décision du juge des enfants après sa saisine/)).toBeTruthy();
    expect(within(track).getByText("En retard")).toBeTruthy();
    expect(within(track).getByText("9 mai 2025")).toBeTruthy();
    const deadlines = screen.getByRole("table", { name: "Échéances du dossier" });
    expect(within(deadlines).getByText("15 jours calendaires")).toBeTruthy();
    expect(within(deadlines).getByText("Délai légal")).toBeTruthy();
    // Neither a measure nor a plan may be recorded without the matching right.
    expect(screen.queryByRole("button", { name: "Ajouter une mesure" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Adopter un plan de protection" })).toBeNull();
  }, 90_000);

  it("asks for the reason a step requires before sending, then records it in the département's time zone", async () => {
    const notices: string[] = [];
    const fetchMock = stubApi(({ url, init }) => {
      if (url.pathname === PATHWAY_PATH) return jsonResponse(200, pathwayOf());
      if (url.pathname === STEP_PATH && init?.method === "POST") return jsonResponse(200, pathwayOf());
      return undefined;
    });
    renderInApp(<CasePathwayTab caseFile={caseViewOf()} onNotice={(n) => notices.push(n.text)} />);

    await userEvent.click(await screen.findByRole("button", { name: "Décision du juge des enfants : pas de mesure" }));
    const date = screen.getByLabelText(/Date et heure/);
    await userEvent.clear(date);
    await userEvent.type(date, "2025-05-02T10:30");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer l'étape" }));
    expect(await screen.findByText("Indiquez le motif de cette décision.")).toBeTruthy();
    expect(requestsTo(fetchMock, "POST", STEP_PATH)).toHaveLength(0);

    await userEvent.type(screen.getByLabelText(/^Motif/), "Situation sécurisée par la famille élargie.");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer l'étape" }));
    await vi.waitFor(() =>
      expect(notices).toEqual(["Étape enregistrée : Décision du juge des enfants : pas de mesure."]),
    );
    const [call] = requestsTo(fetchMock, "POST", STEP_PATH);
    const body = JSON.parse(String(call?.[1]?.body));
    expect(body).toMatchObject({
      from: "juvenile_judge_seized",
      to: "ended",
      reason: "Situation sécurisée par la famille élargie.",
    });
    // 10:30 in La Réunion (UTC+4) is 06:30 UTC.
    expect(new Date(body.occurredAt).toISOString()).toBe("2025-05-02T06:30:00.000Z");
  }, 90_000);

  it("keeps the form and says so when someone moved the track meanwhile", async () => {
    stubApi(({ url, init }) => {
      if (url.pathname === PATHWAY_PATH) return jsonResponse(200, pathwayOf());
      if (url.pathname === STEP_PATH && init?.method === "POST") {
        return jsonResponse(409, {
          type: "urn:repere:problem:track_moved",
          title: "Le parcours a changé entre-temps : rechargez la page.",
          status: 409,
          code: "track_moved",
        });
      }
      return undefined;
    });
    renderInApp(<CasePathwayTab caseFile={caseViewOf()} onNotice={() => {}} />);
    await userEvent.click(
      await screen.findByRole("button", { name: "Décision du juge des enfants : mesure de protection" }),
    );
    await userEvent.type(screen.getByLabelText(/^Commentaire/), "Placement en foyer éloigné.");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer l'étape" }));
    expect(await screen.findByText(/Le parcours a changé entre-temps/)).toBeTruthy();
    expect((screen.getByLabelText(/^Commentaire/) as HTMLTextAreaElement).value).toBe("Placement en foyer éloigné.");
  }, 90_000);
});
