import type { Action } from "@shared/actions.ts";
import type { SessionView } from "@shared/auth.ts";
import type { ObservatoryCell, ObservatoryTable, ObservatoryTableQuery } from "@shared/observatory.ts";
import { vi } from "vitest";
import { jsonResponse } from "../../test-render.tsx";

export function analystSession(can: Action[] = ["observatory.read", "observatory.export"]): SessionView {
  return {
    stage: "active",
    user: {
      id: "00000000-0000-4000-8000-000000000007",
      email: "analyste@exemple.fr",
      displayName: "Alex Analyste",
      roles: ["national_analyst"],
      organisation: {
        id: "org-obs",
        name: "Observatoire national",
        type: "national_coordination",
        departmentCode: null,
      },
      adminDepartmentCode: null,
      hasTotp: true,
    },
    can,
    idleExpiresAt: "2030-01-01T00:00:00.000Z",
    absoluteExpiresAt: "2030-01-01T00:00:00.000Z",
  };
}

const cell = (
  categories: (string | null)[],
  count: number | null,
  display: string,
  isTotal = false,
): ObservatoryCell => ({
  categories,
  count,
  value: count,
  display,
  status: count === null ? (display === "s" ? "secondary" : "primary") : "published",
  isTotal,
});

/** A one-dimension "sex" table with one small cell, one hidden by secondary suppression, one published. */
export function sexTable(query: Partial<ObservatoryTableQuery> = {}): ObservatoryTable {
  return {
    queryKey: "k",
    title: "Personnes par sexe",
    query: { dimensions: ["sex"], from: 2022, to: 2025, basis: "presumed", measure: "count", filters: {}, ...query },
    measure: "count",
    measureLabel: "Nombre de personnes",
    basis: "presumed",
    basisLabel: "Victimes présumées ou plus",
    dimensions: [
      {
        name: "sex",
        label: "Sexe",
        categories: [
          { code: "female", label: "Féminin" },
          { code: "male", label: "Masculin" },
          { code: "other_or_unknown", label: "Autre ou non renseigné" },
        ],
      },
    ],
    cells: [cell(["female"], 42, "42"), cell(["male"], null, "s"), cell(["other_or_unknown"], null, "< 11")],
    grandTotal: cell([null], 57, "57", true),
    suppressedCount: { primary: 1, secondary: 1, total: 2 },
    method: "suppression",
    note: "Secret statistique : les effectifs de 1 à 10 sont masqués.",
    countingRule: "Unité de compte : la personne.",
    isSynthetic: true,
    syntheticLabel: "Données synthétiques : ces chiffres ne décrivent aucune personne réelle.",
    dataVersion: "v1",
    generatedAt: "2026-01-01T00:00:00.000Z",
  };
}

type Handler = (url: URL, init: RequestInit | undefined) => Response | undefined;

/** Stubs fetch; an unexpected request fails the test loudly. */
export function stubFetch(handler: Handler) {
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input), "http://localhost");
    if (url.pathname === "/api/auth/csrf") return jsonResponse(200, { token: "jeton" });
    const response = handler(url, init);
    if (!response) throw new Error(`Unexpected request ${init?.method ?? "GET"} ${url.pathname}${url.search}`);
    return response;
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

export function tableRequests(fetchMock: ReturnType<typeof stubFetch>): URL[] {
  return fetchMock.mock.calls
    .map(([input]) => new URL(String(input), "http://localhost"))
    .filter((url) => url.pathname === "/api/observatory/tables");
}
