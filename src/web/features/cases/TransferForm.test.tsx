import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../api.ts";
import { jsonResponse, renderInApp } from "../../test-render.tsx";
import { CASE_ID, caseViewOf, requestsTo, stubApi } from "./case-test-fixtures.tsx";
import { TransferForm } from "./TransferForm.tsx";

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

const LYON = {
  id: "00000000-0000-4000-8000-0000000000d1",
  name: "ASE du Rhône",
  type: "ase_service",
  departmentCode: "69",
};
const COURT = {
  id: "00000000-0000-4000-8000-0000000000d2",
  name: "Parquet de Bobigny",
  type: "court_prosecution",
  departmentCode: "93",
};

describe("TransferForm", () => {
  it("offers only the organisations a case may go to, and transfers to the chosen one", async () => {
    const caseFile = caseViewOf({ can: ["case.read", "case.transfer"] });
    const onNotice = vi.fn();
    const fetchMock = stubApi(({ url, init }) => {
      if (url.pathname === "/api/directory/organisations")
        return jsonResponse(200, [caseFile.ownerOrganisation, LYON, COURT]);
      if (url.pathname === `/api/cases/${CASE_ID}/transfer` && init?.method === "POST")
        return jsonResponse(200, { case: caseViewOf({ ownerOrganisation: LYON as never }) });
      return undefined;
    });
    renderInApp(<TransferForm caseFile={caseFile} onNotice={onNotice} onLostAccess={() => {}} />);

    await userEvent.click(screen.getByRole("button", { name: "Transférer le dossier" }));
    const select = await screen.findByRole("combobox", { name: /^Organisation destinataire/ });
    await screen.findByRole("option", {
      name: "ASE du Rhône — Service de l'Aide sociale à l'enfance (ASE) (Rhône (69))",
    });
    expect(screen.queryByRole("option", { name: /Parquet/ })).toBeNull();
    expect(screen.queryByRole("option", { name: /Seine-Saint-Denis/ })).toBeNull();

    await userEvent.selectOptions(select, LYON.id);
    await userEvent.click(screen.getByRole("button", { name: "Confirmer le transfert" }));

    await waitFor(() => expect(onNotice).toHaveBeenCalledWith(expect.objectContaining({ severity: "success" })));
    const init = requestsTo(fetchMock, "POST", `/api/cases/${CASE_ID}/transfer`).at(0)?.[1];
    expect(JSON.parse(String(init?.body))).toEqual({ version: caseFile.version, organisationId: LYON.id });
  }, 90_000);
});
