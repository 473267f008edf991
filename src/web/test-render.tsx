import { setLink } from "@codegouvfr/react-dsfr/link";
import type { Action } from "@shared/actions.ts";
import type { SessionView } from "@shared/auth.ts";
import type { Role } from "@shared/roles.ts";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render } from "@testing-library/react";
import type { ReactNode } from "react";
import { Link, MemoryRouter } from "react-router";
import { afterEach } from "vitest";

// What main.tsx does through startReactDsfr, without loading the DSFR's own DOM script into jsdom.
setLink({ Link: Link as never });
// Testing Library cleans up by itself only when the runner exposes a global afterEach; ours does not.
afterEach(() => cleanup());

/** Renders a web component as the app would: with a query client and a router, at `path`. */
export function renderInApp(ui: ReactNode, path = "/") {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}

/** A fetch Response carrying JSON, as the API sends it. */
export function jsonResponse(status: number, body: unknown): Response {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
}

/** The text a screen reader reads as the field's description (its aria-describedby targets). */
export function descriptionOf(element: HTMLElement): string {
  const ids = element.getAttribute("aria-describedby")?.split(/\s+/).filter(Boolean) ?? [];
  return ids
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
    .join(" ")
    .trim();
}

/** A signed-in session of an ASE agent of the 93 with these roles and permitted actions; `user` changes the rest. */
export function sessionOf(roles: Role[], can: Action[], user: Partial<SessionView["user"]> = {}): SessionView {
  return {
    stage: "active",
    user: {
      id: "00000000-0000-4000-8000-000000000001",
      email: "agent@exemple.fr",
      displayName: "Camille Agent",
      roles,
      organisation: { id: "org-ase", name: "ASE de Seine-Saint-Denis", type: "ase_service", departmentCode: "93" },
      adminDepartmentCode: null,
      hasTotp: true,
      ...user,
    },
    can,
    idleExpiresAt: "2030-01-01T00:00:00.000Z",
    absoluteExpiresAt: "2030-01-01T00:00:00.000Z",
  };
}
