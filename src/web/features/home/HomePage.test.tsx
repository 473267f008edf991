import type { Action } from "@shared/actions.ts";
import type { SessionView } from "@shared/auth.ts";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ActiveSessionContext } from "../../session.ts";
import { renderInApp, sessionOf } from "../../test-render.tsx";
import { HomePage } from "./HomePage.tsx";

const ACCOUNT: Action[] = [
  "account.read",
  "account.change_password",
  "account.manage_totp",
  "account.logout_everywhere",
];
const ADMIN: Action[] = [
  ...ACCOUNT,
  "organisation.list",
  "user.list",
  "audit.read",
  "audit.verify",
  "pathway.set_deadline_overrides",
];

function renderHome(session: SessionView) {
  return renderInApp(
    <ActiveSessionContext value={session}>
      <HomePage />
    </ActiveSessionContext>,
  );
}

const tileLinks = () => screen.getAllByRole("link").map((link) => [link.textContent, link.getAttribute("href")]);

describe("HomePage", () => {
  it("gives an administrator the administration tiles and their account", () => {
    renderHome(sessionOf(["admin"], ADMIN, { adminDepartmentCode: "93" }));

    expect(screen.getByRole("heading", { level: 1, name: "Accueil" })).toBeTruthy();
    expect(tileLinks()).toEqual([
      ["Organisations", "/admin/organisations"],
      ["Comptes", "/admin/utilisateurs"],
      ["Journal d'audit", "/admin/journal"],
      ["Échéances du parcours", "/admin/echeances"],
      ["Mon compte", "/compte"],
    ]);
  });

  it("shows no administration tile to a role that cannot administer", () => {
    renderHome(sessionOf(["educator"], ACCOUNT));

    expect(tileLinks()).toEqual([["Mon compte", "/compte"]]);
    expect(screen.getByText(/Éducateur ou éducatrice/)).toBeTruthy();
  });
});
