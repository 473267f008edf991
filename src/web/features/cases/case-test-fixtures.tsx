import type { CaseSummaryView, CaseView } from "@shared/cases.ts";
import { vi } from "vitest";
import { jsonResponse } from "../../test-render.tsx";

const ORGANISATION = {
  id: "00000000-0000-4000-8000-00000000000a",
  name: "ASE de Seine-Saint-Denis",
  type: "ase_service" as const,
  departmentCode: "93",
};

export function summaryOf(index: number): CaseSummaryView {
  const sequence = String(index).padStart(6, "0");
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    number: `93-2026-${sequence}`,
    status: "open",
    departmentCode: "93",
    ownerOrganisation: ORGANISATION,
    assignedUser: null,
    access: "full",
    gender: "female",
    ageBandToday: "15_17",
    exploitationFamilies: ["sexual"],
    victimStatus: null,
    createdAt: "2026-03-01T10:00:00.000Z",
    updatedAt: "2026-03-02T10:00:00.000Z",
  };
}

export const CASE_ID = "00000000-0000-4000-8000-000000000042";

export function caseViewOf(overrides: Partial<CaseView> = {}): CaseView {
  return {
    id: CASE_ID,
    number: "93-2026-000042",
    status: "open",
    closureReason: null,
    closedAt: null,
    departmentCode: "93",
    ownerOrganisation: ORGANISATION,
    assignedUser: null,
    access: "full",
    sections: ["identity", "profile", "timeline", "screenings"],
    profile: {
      gender: "female",
      nationalities: ["NG"],
      firstFactsOn: null,
      birthYear: 2010,
      ageToday: 15,
      ageBandToday: "15_17",
      ageAtFirstFacts: null,
      ageBandAtFirstFacts: null,
      isAgeEstimated: false,
      ageEstimationMethod: null,
      asePlacement: null,
      ageAssessmentStatus: null,
      isUnaccompaniedMinor: false,
      isPresumedMinor: false,
      careLeaverStatus: null,
      schooling: "unknown",
      vulnerabilityFactors: [],
      exploitations: [],
      recruitmentChannels: [],
      exploiterRelationships: [],
      places: [],
    },
    victimStatus: null,
    victimStatusHistory: [],
    hasIdentity: true,
    anonymisedAt: null,
    createdAt: "2026-03-01T10:00:00.000Z",
    updatedAt: "2026-03-02T10:00:00.000Z",
    version: 3,
    can: ["case.read", "case.update", "case.reveal_identity", "case.read_timeline", "case.add_note"],
    ...overrides,
  };
}

type Handler = (request: { url: URL; init: RequestInit | undefined; body: unknown }) => Response | undefined;

/**
 * A fetch double that answers by method and path, like the API would; the CSRF token route is built in.
 * Unhandled requests fail the test loudly instead of hanging.
 */
export function stubApi(handler: Handler) {
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input), "http://localhost");
    if (url.pathname === "/api/auth/csrf") return jsonResponse(200, { token: "jeton" });
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const response = handler({ url, init, body });
    if (!response) throw new Error(`Unexpected request ${init?.method ?? "GET"} ${url.pathname}${url.search}`);
    return response;
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

export function requestsTo(fetchMock: ReturnType<typeof stubApi>, method: string, pathname: string) {
  return fetchMock.mock.calls.filter(([input, init]) => {
    const url = new URL(String(input), "http://localhost");
    return (init?.method ?? "GET") === method && url.pathname === pathname;
  });
}
