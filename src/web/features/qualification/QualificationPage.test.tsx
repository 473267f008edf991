import { qualify } from "@shared/qualification/qualify.ts";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../api.ts";
import { descriptionOf, jsonResponse, renderInApp } from "../../test-render.tsx";
import QualificationPage from "./QualificationPage.tsx";

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  resetCsrfToken();
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

// Label and role queries scan the whole document in jsdom: each box is found inside its own fieldset.
function checkIn(legend: RegExp, label: string | RegExp) {
  const group = screen.getByText(legend, { selector: "legend" }).closest("fieldset");
  if (!group) throw new Error(`no fieldset for ${legend}`);
  fireEvent.click(within(group).getByText(label, { selector: "label" }));
}

describe("QualificationPage", { timeout: 20_000 }, () => {
  it("posts the contract shape and shows an aggravated trafficking of a minor (225-4-2 II)", async () => {
    // The stub answers what the server computes: the same shared engine, on the body actually sent.
    fetchMock.mockImplementation(async (url, init) => {
      if (String(url) === "/api/auth/csrf") return jsonResponse(200, { token: "jeton" });
      return jsonResponse(200, qualify(JSON.parse(String(init?.body)), { today: new Date("2025-05-01T10:00:00Z") }));
    });
    renderInApp(<QualificationPage />, "/qualification");

    await userEvent.type(screen.getByLabelText(/Âge au moment des faits/), "16");
    checkIn(/^Actes/, "Recruter");
    checkIn(/^Finalités d'exploitation/, "Proxénétisme");
    checkIn(/^Circonstances aggravantes/, /réseau de communication électronique/);
    fireEvent.click(screen.getByText("Qualifier les faits", { selector: "button" }));

    const heading = await screen.findByText("Résultat de la qualification", { selector: "h2" });
    const post = fetchMock.mock.calls.find(([url]) => String(url) === "/api/qualification");
    expect(post?.[1]?.method).toBe("POST");
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      ageAtFacts: 16,
      ageUncertain: false,
      acts: ["recruit"],
      means: [],
      purposes: ["proxenetisme"],
      circumstances: ["electronic_network_contact"],
    });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText("Traite des êtres humains présumée — article 225-4-2 II du Code pénal")).toBeTruthy();
    expect(screen.getByText(/^15 ans de réclusion criminelle et 1\s500\s000\s€ d'amende$/)).toBeTruthy();
    expect(screen.getByText("Article 225-7")).toBeTruthy();
    expect(screen.getByText(/^Signalement au procureur de la République/)).toBeTruthy();
    expect(screen.getAllByText("Règle L3").length).toBe(1);
  });

  it("shows the French message under an invalid age, without calling the server", async () => {
    renderInApp(<QualificationPage />, "/qualification");

    await userEvent.type(screen.getByLabelText(/Âge au moment des faits/), "150");
    fireEvent.click(screen.getByText("Qualifier les faits", { selector: "button" }));

    const age = screen.getByLabelText(/Âge au moment des faits/);
    expect(age.getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(age)).toContain("un nombre entier entre 0 et 120");
    expect(document.activeElement).toBe(age);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("asks for the uncertain-age box when the age is left empty", async () => {
    renderInApp(<QualificationPage />, "/qualification");

    fireEvent.click(screen.getByText("Qualifier les faits", { selector: "button" }));

    expect(screen.getByText(/Un âge inconnu est un âge incertain/)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("starts from the age a screening hands over", () => {
    renderInApp(<QualificationPage />, "/qualification?age=15&ageIncertain=1");

    expect((screen.getByLabelText(/Âge au moment des faits/) as HTMLInputElement).value).toBe("15");
    expect((screen.getByLabelText(/L'âge est incertain/) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/Victime mineure ou présumée mineure : les moyens ne sont pas requis/)).toBeTruthy();
  });
});
