import type { Action } from "@shared/actions.ts";
import type { SessionView } from "@shared/auth.ts";
import { appliedDeadlineRule, DEADLINE_CODES, DEADLINE_RULES } from "@shared/calendar/deadline-rules.ts";
import type { DeadlineOverridesView } from "@shared/pathway.ts";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../api.ts";
import { ActiveSessionContext } from "../../session.ts";
import { descriptionOf, jsonResponse, renderInApp, sessionOf } from "../../test-render.tsx";
import { requestsTo, stubApi } from "../cases/case-test-fixtures.tsx";
import DeadlineRulesPage from "./DeadlineRulesPage.tsx";

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

const READ: Action[] = ["pathway.read_deadline_overrides"];
const ADMIN: Action[] = [...READ, "pathway.set_deadline_overrides"];

/** The view the server presents for these overrides: the catalogue with each override merged in. */
function viewOf(departmentCode: string, overrides: DeadlineOverridesView["overrides"]): DeadlineOverridesView {
  return { departmentCode, overrides, rules: DEADLINE_CODES.map((code) => appliedDeadlineRule(code, overrides)) };
}

const OPP = DEADLINE_RULES.opp_seize_juvenile_judge.label;
const CRIP = DEADLINE_RULES.crip_evaluation.label;
const SAVED_93 = { crip_evaluation: { amount: 2 } };

function renderPage(session: SessionView, path = "/admin/echeances") {
  return renderInApp(
    <ActiveSessionContext value={session}>
      <DeadlineRulesPage />
    </ActiveSessionContext>,
    path,
  );
}

const rowOf = async (label: string) =>
  (await screen.findByRole("rowheader", { name: label })).closest("tr") as HTMLTableRowElement;

describe("DeadlineRulesPage", () => {
  it("shows each rule as the user's département applies it, its origin and whether it is adjusted", async () => {
    const fetchMock = stubApi(({ url }) =>
      url.pathname === "/api/pathway/deadline-rules/93" ? jsonResponse(200, viewOf("93", SAVED_93)) : undefined,
    );
    renderPage(sessionOf(["educator"], READ));

    expect(screen.getByRole("heading", { level: 1, name: "Échéances du parcours de protection" })).toBeTruthy();
    const table = await screen.findByRole("table", { name: /Échéances appliquées : Seine-Saint-Denis \(93\)/ });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((header) => header.textContent),
    ).toEqual(["Ce qui est dû", "Délai", "Alerte", "Origine", "Ajusté dans ce département"]);

    const opp = within(await rowOf(OPP)).getAllByRole("cell");
    expect(opp[0]?.textContent).toBe("8 jours calendaires");
    expect(opp[1]?.textContent).toBe("après 6 jours calendaires");
    expect(opp[2]?.textContent).toContain("Texte");
    expect(opp[2]?.textContent).toContain("Code civil, art. 375-5 al. 2");
    expect(opp[3]?.textContent).toBe("Non");

    const crip = within(await rowOf(CRIP)).getAllByRole("cell");
    expect(crip[0]?.textContent).toBe("2 mois");
    expect(crip[3]?.textContent).toContain("Oui");
    expect(crip[3]?.textContent).toContain("Catalogue : 3 mois");

    const transfer = within(await rowOf(DEADLINE_RULES.transfer_acceptance.label)).getAllByRole("cell");
    expect(transfer[0]?.textContent).toBe("5 jours ouvrés");
    expect(transfer[2]?.textContent).toContain("Repère");
    const interview = within(await rowOf(DEADLINE_RULES.transition_interview.label)).getAllByRole("cell");
    expect(interview[0]?.textContent).toBe("avant les 17 ans");
    expect(interview[1]?.textContent).toBe("3 mois avant l'anniversaire");

    expect(requestsTo(fetchMock, "GET", "/api/pathway/deadline-rules/93")).toHaveLength(1);
    expect(screen.queryByRole("button", { name: /Ajuster/ })).toBeNull();
    expect(screen.queryByRole("spinbutton")).toBeNull();
  });

  it("gives a département admin no form for another département", async () => {
    stubApi(({ url }) =>
      url.pathname === "/api/pathway/deadline-rules/75" ? jsonResponse(200, viewOf("75", {})) : undefined,
    );
    renderPage(sessionOf(["admin"], ADMIN, { adminDepartmentCode: "93" }), "/admin/echeances?departement=75");

    await screen.findByRole("table", { name: /Paris \(75\)/ });
    expect(screen.queryByRole("button", { name: /Ajuster/ })).toBeNull();
  });

  it("lets a national admin pick any département and adjust it", async () => {
    const fetchMock = stubApi(({ url }) => {
      const code = /^\/api\/pathway\/deadline-rules\/(\w+)$/.exec(url.pathname)?.[1];
      return code ? jsonResponse(200, viewOf(code, {})) : undefined;
    });
    renderPage(sessionOf(["admin"], ADMIN, { adminDepartmentCode: null }));

    await screen.findByRole("table", { name: /Seine-Saint-Denis \(93\)/ });
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Département" }), "75");
    await userEvent.click(screen.getByRole("button", { name: "Afficher" }));

    await screen.findByRole("table", { name: /Paris \(75\)/ });
    expect(requestsTo(fetchMock, "GET", "/api/pathway/deadline-rules/75")).toHaveLength(1);
    expect(screen.getByRole("button", { name: "Ajuster les échéances de ce département" })).toBeTruthy();
  }, 30_000);

  it("refuses in French, before sending anything, to lengthen a legal deadline", async () => {
    const fetchMock = stubApi(({ url, init }) =>
      url.pathname === "/api/pathway/deadline-rules/93" && (init?.method ?? "GET") === "GET"
        ? jsonResponse(200, viewOf("93", SAVED_93))
        : undefined,
    );
    renderPage(sessionOf(["admin"], ADMIN, { adminDepartmentCode: "93" }));

    await userEvent.click(await screen.findByRole("button", { name: "Ajuster les échéances de ce département" }));
    const amount = screen.getByRole("spinbutton", { name: `Délai en jours calendaires, ${OPP}` });
    await userEvent.clear(amount);
    await userEvent.type(amount, "10");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer les échéances" }));

    expect(amount.getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(amount)).toBe("Un délai légal ne peut qu'être abrégé : 8 au plus");
    expect(document.activeElement).toBe(amount);
    expect(screen.getByText(/Certaines informations sont invalides/)).toBeTruthy();
    expect(requestsTo(fetchMock, "POST", "/api/pathway/deadline-rules/93")).toHaveLength(0);
  }, 30_000);

  it("sends the whole set of overrides, then confirms and shows the saved rules", async () => {
    const saved = { crip_evaluation: { amount: 2 }, opp_seize_juvenile_judge: { amount: 5, warnAfter: 4 } };
    const fetchMock = stubApi(({ url, init }) => {
      if (url.pathname !== "/api/pathway/deadline-rules/93") return undefined;
      return init?.method === "POST"
        ? jsonResponse(200, viewOf("93", saved))
        : jsonResponse(200, viewOf("93", SAVED_93));
    });
    renderPage(sessionOf(["admin"], ADMIN, { adminDepartmentCode: "93" }));

    await userEvent.click(await screen.findByRole("button", { name: "Ajuster les échéances de ce département" }));
    const amount = screen.getByRole("spinbutton", { name: `Délai en jours calendaires, ${OPP}` });
    const alert = screen.getByRole("spinbutton", {
      name: (name) => name.startsWith(`Alerte après, en jours calendaires, ${OPP}`),
    });
    await userEvent.clear(amount);
    await userEvent.type(amount, "5");
    await userEvent.clear(alert);
    await userEvent.type(alert, "4");
    // The presumed-victim review is changed, then put back to the catalogue's value: it must not be sent.
    const review = screen.getByRole("spinbutton", {
      name: `Délai en jours ouvrés, ${DEADLINE_RULES.presumed_victim_review.label}`,
    });
    await userEvent.clear(review);
    await userEvent.type(review, "12");
    await userEvent.click(
      screen.getByRole("button", { name: `Revenir au catalogue, ${DEADLINE_RULES.presumed_victim_review.label}` }),
    );
    expect((review as HTMLInputElement).value).toBe("10");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer les échéances" }));

    expect(await screen.findByText(/Les échéances de Seine-Saint-Denis \(93\) ont été enregistrées/)).toBeTruthy();
    const [post] = requestsTo(fetchMock, "POST", "/api/pathway/deadline-rules/93");
    expect(JSON.parse(String(post?.[1]?.body))).toEqual(saved);
    expect(screen.queryByRole("spinbutton")).toBeNull();
    const opp = within(await rowOf(OPP)).getAllByRole("cell");
    expect(opp[0]?.textContent).toBe("5 jours calendaires");
    expect(opp[1]?.textContent).toBe("après 4 jours calendaires");
    expect(opp[3]?.textContent).toContain("Oui");
  }, 30_000);

  it("shows the server's field errors on the fields", async () => {
    stubApi(({ url, init }) => {
      if (url.pathname !== "/api/pathway/deadline-rules/93") return undefined;
      if (init?.method !== "POST") return jsonResponse(200, viewOf("93", {}));
      return jsonResponse(400, {
        type: "urn:repere:problem:invalid_input",
        title: "Certaines informations sont invalides.",
        status: 400,
        code: "invalid_input",
        errors: [{ path: "crip_evaluation.amount", message: "Un délai légal ne peut qu'être abrégé : 3 au plus" }],
      });
    });
    renderPage(sessionOf(["admin"], ADMIN, { adminDepartmentCode: null }));

    await userEvent.click(await screen.findByRole("button", { name: "Ajuster les échéances de ce département" }));
    const amount = screen.getByRole("spinbutton", { name: `Délai en mois, ${CRIP}` });
    await userEvent.clear(amount);
    await userEvent.type(amount, "1");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer les échéances" }));

    await vi.waitFor(() => expect(descriptionOf(amount)).toBe("Un délai légal ne peut qu'être abrégé : 3 au plus"));
    expect(screen.getByText("Certaines informations sont invalides.")).toBeTruthy();
  }, 30_000);
});
