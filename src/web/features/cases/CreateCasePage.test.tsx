import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../api.ts";
import { ActiveSessionContext } from "../../session.ts";
import { descriptionOf, jsonResponse, renderInApp, sessionOf } from "../../test-render.tsx";
import CreateCasePage from "./CreateCasePage.tsx";
import { caseViewOf, requestsTo, stubApi } from "./case-test-fixtures.tsx";

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

function renderForm() {
  return renderInApp(
    <ActiveSessionContext value={sessionOf(["ase_referent"], ["case.list", "case.create"])}>
      <CreateCasePage />
    </ActiveSessionContext>,
    "/dossiers/nouveau",
  );
}

const headerOf = (call: Parameters<typeof fetch> | undefined, name: string) =>
  (call?.[1]?.headers as Record<string, string> | undefined)?.[name];

describe("CreateCasePage", () => {
  it("explains in French what is wrong, on the fields, without calling the server", async () => {
    const fetchMock = stubApi(() => undefined);
    renderForm();

    await userEvent.click(screen.getByRole("radio", { name: "Âge estimé" }));
    await userEvent.click(screen.getByRole("button", { name: "Ajouter une forme d'exploitation" }));
    await userEvent.click(screen.getByRole("button", { name: "Créer le dossier" }));

    const surname = screen.getByLabelText("Nom");
    expect(surname.getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(surname)).toBe("Ce champ est obligatoire.");
    expect(document.activeElement).toBe(surname);
    expect(descriptionOf(screen.getByLabelText("Méthode d'estimation"))).toBe("Méthode d'estimation inconnue.");
    expect(descriptionOf(screen.getByLabelText("Forme"))).toBe("Forme d'exploitation inconnue.");
    expect(screen.getByText(/Certaines informations sont invalides/)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  }, 90_000);

  it("shows the server's field errors, then sends the same Idempotency-Key when the user tries again", async () => {
    let attempts = 0;
    const fetchMock = stubApi(({ url, init }) => {
      if (url.pathname !== "/api/cases" || init?.method !== "POST") return undefined;
      attempts += 1;
      if (attempts === 1) {
        return jsonResponse(400, {
          type: "about:blank",
          title: "Les dates ne sont pas cohérentes.",
          status: 400,
          code: "invalid_case_dates",
          errors: [{ path: "identity.birthDate", message: "Cette date est dans le futur." }],
        });
      }
      return jsonResponse(201, { ...caseViewOf(), linkProposalCount: 1 });
    });
    renderForm();

    await userEvent.type(screen.getByLabelText("Nom"), "Diallo");
    await userEvent.click(screen.getByRole("radio", { name: "Date de naissance connue" }));
    await userEvent.type(screen.getByLabelText("Date de naissance"), "2030-01-01");
    await userEvent.click(screen.getByRole("button", { name: "Créer le dossier" }));

    const birthDate = await screen.findByLabelText("Date de naissance");
    await vi.waitFor(() => expect(descriptionOf(birthDate)).toBe("Cette date est dans le futur."));
    expect(screen.getByText("Les dates ne sont pas cohérentes.")).toBeTruthy();

    await userEvent.clear(birthDate);
    await userEvent.type(birthDate, "2010-05-04");
    await userEvent.click(screen.getByRole("button", { name: "Créer le dossier" }));
    await vi.waitFor(() => expect(attempts).toBe(2));

    const [first, second] = requestsTo(fetchMock, "POST", "/api/cases");
    const key = headerOf(first, "idempotency-key");
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(headerOf(second, "idempotency-key")).toBe(key);
    expect(JSON.parse(String(second?.[1]?.body))).toMatchObject({
      identity: { surname: "Diallo", birthDate: "2010-05-04", ageEstimate: null },
    });
  }, 90_000);
});
