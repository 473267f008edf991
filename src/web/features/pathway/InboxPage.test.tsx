import type { InboxView } from "@shared/pathway.ts";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../api.ts";
import { jsonResponse, renderInApp } from "../../test-render.tsx";
import { requestsTo, stubApi } from "../cases/case-test-fixtures.tsx";
import InboxPage from "./InboxPage.tsx";

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

const CASE = "00000000-0000-4000-8000-000000000042";
const REVIEW = "00000000-0000-4000-8000-000000000077";
const NOTIFICATION = "00000000-0000-4000-8000-000000000099";

const INBOX: InboxView = {
  counts: { overdue: 1, due_soon: 0, awaiting_decision: 1, information: 1 },
  items: [
    {
      kind: "deadline",
      category: "overdue",
      scope: "organisation",
      caseId: CASE,
      caseNumber: "93-2026-000042",
      label: "Saisine du juge des enfants après l'ordonnance de placement provisoire",
      dueAt: "2026-03-10T22:59:59.999Z",
      deadlineId: "d1",
    },
    {
      kind: "conflict_to_declare",
      category: "awaiting_decision",
      scope: "me",
      caseId: CASE,
      caseNumber: "93-2026-000042",
      label: "Déclarer vos conflits d'intérêts avant l'examen",
      dueAt: null,
      reviewId: REVIEW,
    },
    {
      kind: "notification",
      category: "information",
      scope: "me",
      caseId: CASE,
      caseNumber: "93-2026-000042",
      label: "Résultat de l'examen pluridisciplinaire",
      dueAt: null,
      notificationId: NOTIFICATION,
    },
  ],
};

describe("InboxPage", () => {
  it("counts and groups what is to do, links each item where it is dealt with, and marks a notice read", async () => {
    const fetchMock = stubApi(({ url, init }) => {
      if (url.pathname === "/api/pathway/inbox") return jsonResponse(200, INBOX);
      if (url.pathname === `/api/pathway/notifications/${NOTIFICATION}/read` && init?.method === "POST")
        return new Response(null, { status: 204 });
      return undefined;
    });
    renderInApp(<InboxPage />, "/a-traiter");

    expect(await screen.findByText("En retard : 1")).toBeTruthy();
    expect(screen.getByText("En attente de ma décision : 1")).toBeTruthy();
    const overdue = screen.getByRole("region", { name: "En retard (1)" });
    expect(
      within(overdue)
        .getByRole("link", { name: /Saisine du juge des enfants/ })
        .getAttribute("href"),
    ).toBe(`/dossiers/${CASE}?onglet=parcours`);
    const awaiting = screen.getByRole("region", { name: "En attente de ma décision (1)" });
    expect(
      within(awaiting)
        .getByRole("link", { name: /conflits d'intérêts/ })
        .getAttribute("href"),
    ).toBe(`/examens/${REVIEW}`);
    expect(screen.queryByRole("region", { name: /Échéance proche/ })).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Marquer comme lu" }));
    await vi.waitFor(() =>
      expect(requestsTo(fetchMock, "POST", `/api/pathway/notifications/${NOTIFICATION}/read`)).toHaveLength(1),
    );
  }, 90_000);

  it("asks the server for my own cases only when « Mes dossiers » is chosen", async () => {
    const fetchMock = stubApi(({ url }) =>
      url.pathname === "/api/pathway/inbox"
        ? jsonResponse(200, { counts: { overdue: 0, due_soon: 0, awaiting_decision: 0, information: 0 }, items: [] })
        : undefined,
    );
    renderInApp(<InboxPage />, "/a-traiter");
    expect(await screen.findByText("Rien à traiter pour l'instant.")).toBeTruthy();
    await userEvent.click(screen.getByLabelText("Mes dossiers"));
    await vi.waitFor(() =>
      expect(fetchMock.mock.calls.some(([input]) => String(input).includes("scope=me"))).toBe(true),
    );
  }, 90_000);
});
