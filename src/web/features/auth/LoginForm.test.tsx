import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetCsrfToken } from "../../api.ts";
import { descriptionOf, jsonResponse, renderInApp } from "../../test-render.tsx";
import { LoginForm } from "./LoginForm.tsx";

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  resetCsrfToken();
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe("LoginForm", () => {
  it("shows French messages linked to the empty fields, without calling the server", async () => {
    renderInApp(<LoginForm onStage={vi.fn()} />);

    await userEvent.click(screen.getByRole("button", { name: "Se connecter" }));

    const email = screen.getByLabelText(/Adresse électronique/);
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(email)).toBe("Adresse électronique invalide.");
    expect(screen.getByText("Saisissez votre mot de passe.")).toBeTruthy();
    expect(document.activeElement).toBe(email);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows the server problem's title when the credentials are refused", async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { token: "jeton" })).mockResolvedValueOnce(
      jsonResponse(401, {
        type: "https://repere.example/problems/invalid_credentials",
        title: "Adresse électronique ou mot de passe incorrect.",
        status: 401,
        code: "invalid_credentials",
      }),
    );
    const onStage = vi.fn();
    renderInApp(<LoginForm onStage={onStage} />);

    await userEvent.type(screen.getByLabelText(/Adresse électronique/), "agent@exemple.fr");
    await userEvent.type(screen.getByLabelText("Mot de passe"), "mauvais mot de passe");
    await userEvent.click(screen.getByRole("button", { name: "Se connecter" }));

    expect((await screen.findByRole("alert")).textContent).toContain("Adresse électronique ou mot de passe incorrect.");
    expect(onStage).not.toHaveBeenCalled();
  });

  it("marks the fields the server names in errors[]", async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { token: "jeton" })).mockResolvedValueOnce(
      jsonResponse(400, {
        type: "https://repere.example/problems/invalid_input",
        title: "Certaines informations sont invalides.",
        status: 400,
        code: "invalid_input",
        errors: [{ path: "email", message: "Domaine non autorisé." }],
      }),
    );
    renderInApp(<LoginForm onStage={vi.fn()} />);

    await userEvent.type(screen.getByLabelText(/Adresse électronique/), "agent@exemple.fr");
    await userEvent.type(screen.getByLabelText("Mot de passe"), "un mot de passe");
    await userEvent.click(screen.getByRole("button", { name: "Se connecter" }));

    expect(await screen.findByText("Certaines informations sont invalides.")).toBeTruthy();
    expect(descriptionOf(screen.getByLabelText(/Adresse électronique/))).toBe("Domaine non autorisé.");
  });

  it("hands the next stage to the page once the password is accepted", async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, { token: "jeton" }))
      .mockResolvedValueOnce(jsonResponse(200, { stage: "totp_required" }));
    const onStage = vi.fn();
    renderInApp(<LoginForm onStage={onStage} />);

    await userEvent.type(screen.getByLabelText(/Adresse électronique/), "Agent@Exemple.fr ");
    await userEvent.type(screen.getByLabelText("Mot de passe"), "un mot de passe");
    await userEvent.click(screen.getByRole("button", { name: "Se connecter" }));

    await vi.waitFor(() =>
      expect(onStage).toHaveBeenCalledWith({ stage: "totp_required" }, expect.anything(), undefined, expect.anything()),
    );
    expect(JSON.parse(String(fetchMock.mock.calls[1]?.[1]?.body))).toEqual({
      email: "agent@exemple.fr",
      password: "un mot de passe",
    });
  });
});
