import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../api.ts";
import { jsonResponse, renderInApp } from "../../test-render.tsx";
import { CASE_ID, requestsTo, stubApi } from "./case-test-fixtures.tsx";
import { ShareForm } from "./ShareForm.tsx";

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

const OWNER = "00000000-0000-4000-8000-00000000000a";
const POLICE = {
  id: "00000000-0000-4000-8000-0000000000b1",
  name: "Brigade des mineurs",
  type: "police_unit",
  departmentCode: "93",
};
const FOYER = {
  id: "00000000-0000-4000-8000-0000000000b2",
  name: "Foyer des Lilas",
  type: "establishment",
  departmentCode: "93",
};
const OFFICER = { id: "00000000-0000-4000-8000-0000000000c1", displayName: "Lt Martin" };

function stubDirectory() {
  return stubApi(({ url, init }) => {
    if (url.pathname === "/api/directory/organisations") {
      const q = url.searchParams.get("q")?.toLowerCase() ?? "";
      const all = [
        { id: OWNER, name: "ASE de Seine-Saint-Denis", type: "ase_service", departmentCode: "93" },
        POLICE,
        FOYER,
      ];
      return jsonResponse(
        200,
        all.filter((o) => o.name.toLowerCase().includes(q)),
      );
    }
    if (url.pathname === `/api/directory/organisations/${POLICE.id}/members`) return jsonResponse(200, [OFFICER]);
    if (url.pathname === `/api/cases/${CASE_ID}/shares` && init?.method === "POST") return jsonResponse(201, {});
    if (url.pathname === `/api/cases/${CASE_ID}/shares`) return jsonResponse(200, []);
    return undefined;
  });
}

async function fillTheRest() {
  await userEvent.selectOptions(screen.getByLabelText("Finalité"), "protection_assessment");
  await userEvent.selectOptions(screen.getByLabelText("Fondement juridique"), "concern_report");
  await userEvent.click(screen.getByLabelText("Profil et situation"));
  await userEvent.type(screen.getByLabelText(/Fin du partage/), "2030-01-31");
}

describe("ShareForm", () => {
  it("finds the recipient organisation by name, never offers the case's own, and shares with it", async () => {
    const onShared = vi.fn();
    const fetchMock = stubDirectory();
    renderInApp(<ShareForm caseId={CASE_ID} ownerOrganisationId={OWNER} onShared={onShared} onCancel={() => {}} />);

    const select = await screen.findByRole("combobox", { name: /^Organisation destinataire/ });
    await screen.findByRole("option", { name: /Brigade des mineurs — Unité de police/ });
    expect(screen.queryByRole("option", { name: /ASE de Seine-Saint-Denis/ })).toBeNull();

    await userEvent.type(screen.getByRole("searchbox", { name: /rechercher par nom/ }), "lilas");
    await waitFor(() => expect(screen.queryByRole("option", { name: /Brigade/ })).toBeNull());
    expect(screen.getByText("1 organisation trouvée.")).toBeTruthy();
    await userEvent.selectOptions(select, FOYER.id);
    await fillTheRest();
    await userEvent.click(screen.getByRole("button", { name: "Partager" }));

    await waitFor(() => expect(onShared).toHaveBeenCalled());
    const init = requestsTo(fetchMock, "POST", `/api/cases/${CASE_ID}/shares`).at(0)?.[1];
    expect(JSON.parse(String(init?.body))).toMatchObject({ organisationId: FOYER.id, userId: null });
  }, 90_000);

  it("shares with one person picked by name within the chosen organisation", async () => {
    const fetchMock = stubDirectory();
    renderInApp(<ShareForm caseId={CASE_ID} ownerOrganisationId={OWNER} onShared={() => {}} onCancel={() => {}} />);

    await userEvent.click(screen.getByLabelText("Une personne"));
    const organisation = await screen.findByRole("combobox", { name: /^Organisation de la personne/ });
    await screen.findByRole("option", { name: /Brigade des mineurs/ });
    await userEvent.selectOptions(organisation, POLICE.id);
    const person = await screen.findByRole("combobox", { name: "Personne destinataire" });
    await screen.findByRole("option", { name: "Lt Martin" });
    await userEvent.selectOptions(person, OFFICER.id);
    await fillTheRest();
    await userEvent.click(screen.getByRole("button", { name: "Partager" }));

    await waitFor(() => expect(requestsTo(fetchMock, "POST", `/api/cases/${CASE_ID}/shares`)).toHaveLength(1));
    const init = requestsTo(fetchMock, "POST", `/api/cases/${CASE_ID}/shares`).at(0)?.[1];
    expect(JSON.parse(String(init?.body))).toMatchObject({ organisationId: null, userId: OFFICER.id });
  }, 90_000);

  it("asks for a recipient before sending anything", async () => {
    const fetchMock = stubDirectory();
    renderInApp(<ShareForm caseId={CASE_ID} ownerOrganisationId={OWNER} onShared={() => {}} onCancel={() => {}} />);
    await screen.findByRole("option", { name: /Brigade des mineurs/ });
    await fillTheRest();
    await userEvent.click(screen.getByRole("button", { name: "Partager" }));
    expect((await screen.findAllByText("Partagez avec une organisation ou avec une personne.")).length).toBeGreaterThan(
      0,
    );
    expect(requestsTo(fetchMock, "POST", `/api/cases/${CASE_ID}/shares`)).toHaveLength(0);
  }, 90_000);
});
