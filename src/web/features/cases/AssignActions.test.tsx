import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../api.ts";
import { ActiveSessionContext } from "../../session.ts";
import { jsonResponse, renderInApp, sessionOf } from "../../test-render.tsx";
import { AssignActions } from "./AssignActions.tsx";
import { CASE_ID, caseViewOf, requestsTo, stubApi } from "./case-test-fixtures.tsx";

beforeEach(() => resetCsrfToken());
afterEach(() => vi.unstubAllGlobals());

const session = sessionOf(["ase_manager"], ["case.list"]);
const COLLEAGUE = {
  id: "00000000-0000-4000-8000-0000000000e1",
  displayName: "Sam Référent",
  roles: ["ase_referent"],
  organisationName: "ASE de Seine-Saint-Denis",
};
const NEIGHBOUR = {
  id: "00000000-0000-4000-8000-0000000000e2",
  displayName: "Noa Référente",
  roles: ["ase_referent"],
  organisationName: "ASE 93 — antenne de Bobigny",
};

function renderAssign(assignees: unknown[]) {
  const caseFile = caseViewOf({ can: ["case.read", "case.assign"] });
  const onNotice = vi.fn();
  const fetchMock = stubApi(({ url, init, body }) => {
    if (url.pathname === `/api/cases/${CASE_ID}/assignees`) return jsonResponse(200, assignees);
    if (url.pathname === `/api/cases/${CASE_ID}/assign` && init?.method === "POST") {
      const userId = (body as { userId: string }).userId;
      return jsonResponse(200, caseViewOf({ assignedUser: { id: userId, displayName: "Noa Référente" } as never }));
    }
    return undefined;
  });
  renderInApp(
    <ActiveSessionContext value={session}>
      <AssignActions caseFile={caseFile} onNotice={onNotice} />
    </ActiveSessionContext>,
  );
  return { fetchMock, onNotice };
}

describe("AssignActions", () => {
  it("names any referent the server offers for the case", async () => {
    const { fetchMock, onNotice } = renderAssign([COLLEAGUE, NEIGHBOUR]);

    const select = await screen.findByRole("combobox", { name: /Référent·e à désigner/ });
    await screen.findByRole("option", { name: "Noa Référente — ASE 93 — antenne de Bobigny" });
    expect(screen.queryByRole("button", { name: "Me désigner référent·e" })).toBeNull();
    await userEvent.selectOptions(select, NEIGHBOUR.id);
    await userEvent.click(screen.getByRole("button", { name: "Désigner" }));

    await waitFor(() =>
      expect(onNotice).toHaveBeenCalledWith({
        severity: "success",
        text: "Noa Référente est désormais référent·e du dossier.",
      }),
    );
    const init = requestsTo(fetchMock, "POST", `/api/cases/${CASE_ID}/assign`).at(0)?.[1];
    expect(JSON.parse(String(init?.body))).toEqual({ version: 3, userId: NEIGHBOUR.id });
  }, 90_000);

  it("offers « Me désigner » only to someone who may be named", async () => {
    renderAssign([{ ...COLLEAGUE, id: session.user.id, displayName: session.user.displayName }]);
    expect(await screen.findByRole("button", { name: "Me désigner référent·e" })).toBeTruthy();
  }, 90_000);
});
