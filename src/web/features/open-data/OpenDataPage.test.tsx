import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { RouterProvider } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAppRouter } from "../../routes.tsx";
import { jsonResponse } from "../../test-render.tsx";

afterEach(() => vi.unstubAllGlobals());

describe("OpenDataPage", () => {
  it("opens without a session and lists each published table with its downloads", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn<typeof fetch>(async (input) => {
        const url = new URL(String(input), "http://localhost");
        if (url.pathname === "/api/session")
          return jsonResponse(401, {
            type: "about:blank",
            title: "Non connecté",
            status: 401,
            code: "unauthenticated",
          });
        if (url.pathname === "/api/open-data")
          return jsonResponse(200, {
            tables: [
              {
                id: "by-year-and-region",
                title: "Victimes présumées par année et région",
                description: "Par année et région.",
                formats: [
                  { format: "json", url: "/api/open-data/by-year-and-region.json" },
                  { format: "csv", url: "/api/open-data/by-year-and-region.csv" },
                ],
              },
            ],
            licence: "Licence Ouverte 2.0",
            isSynthetic: true,
            syntheticLabel: "Données synthétiques : ces chiffres ne décrivent aucune personne réelle.",
            dataVersion: "snap-1",
          });
        throw new Error(`Unexpected request ${url.pathname}`);
      }),
    );
    window.history.pushState({}, "", "/donnees-ouvertes");
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RouterProvider router={createAppRouter()} />
      </QueryClientProvider>,
    );

    expect(
      await screen.findByRole("heading", { level: 1, name: "Données ouvertes" }, { timeout: 10_000 }),
    ).toBeTruthy();
    const csv = await screen.findByRole("link", { name: /Victimes présumées par année et région.*CSV/ });
    expect(csv.getAttribute("href")).toBe("/api/open-data/by-year-and-region.csv");
    expect(screen.getByRole("link", { name: /JSON/ }).getAttribute("href")).toBe(
      "/api/open-data/by-year-and-region.json",
    );
    expect(screen.getByText("Données synthétiques")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Méthodologie" })).toBeTruthy();
    expect(window.location.pathname).toBe("/donnees-ouvertes");
  }, 20_000);
});
