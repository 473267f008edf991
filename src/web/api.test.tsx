import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiProblem, api, resetCsrfToken } from "./api.ts";
import { jsonResponse } from "./test-render.tsx";

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  resetCsrfToken();
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const csrfHeaderOf = (call: Parameters<typeof fetch>) => new Headers(call[1]?.headers).get("x-csrf-token");

describe("api client", () => {
  it("turns a problem+json answer into an ApiProblem carrying the RFC 9457 body", async () => {
    const problem = {
      type: "https://repere.example/problems/invalid_input",
      title: "Certaines informations sont invalides.",
      status: 400,
      code: "invalid_input",
      errors: [{ path: "email", message: "Adresse électronique invalide." }],
    };
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, { token: "jeton-1" }))
      .mockResolvedValueOnce(jsonResponse(400, problem));

    const failure = await api.login({ email: "x", password: "y" }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiProblem);
    expect((failure as ApiProblem).problem).toEqual(problem);
    expect((failure as ApiProblem).fieldErrors).toEqual(problem.errors);
  });

  it("sends the CSRF token and, on csrf_invalid, fetches a new one and retries exactly once", async () => {
    const csrfInvalid = { type: "t", title: "Jeton invalide", status: 403, code: "csrf_invalid" };
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, { token: "jeton-perime" }))
      .mockResolvedValueOnce(jsonResponse(403, csrfInvalid))
      .mockResolvedValueOnce(jsonResponse(200, { token: "jeton-neuf" }))
      .mockResolvedValueOnce(jsonResponse(200, { stage: "active" }));

    await expect(api.login({ email: "a@b.fr", password: "secret" })).resolves.toEqual({ stage: "active" });

    const calls = fetchMock.mock.calls;
    expect(calls.map((call) => `${call[1]?.method} ${call[0]}`)).toEqual([
      "GET /api/auth/csrf",
      "POST /api/auth/login",
      "GET /api/auth/csrf",
      "POST /api/auth/login",
    ]);
    expect(csrfHeaderOf(calls[1] as Parameters<typeof fetch>)).toBe("jeton-perime");
    expect(csrfHeaderOf(calls[3] as Parameters<typeof fetch>)).toBe("jeton-neuf");
  });

  it("gives up after one retry when the new token is refused too", async () => {
    const csrfInvalid = { type: "t", title: "Jeton invalide", status: 403, code: "csrf_invalid" };
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, { token: "a" }))
      .mockResolvedValueOnce(jsonResponse(403, csrfInvalid))
      .mockResolvedValueOnce(jsonResponse(200, { token: "b" }))
      .mockResolvedValueOnce(jsonResponse(403, csrfInvalid));

    await expect(api.logout()).rejects.toMatchObject({ code: "csrf_invalid" });
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });

  it("reuses the CSRF token across calls", async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, { token: "jeton" }))
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));

    await api.logout();
    await api.logout();

    expect(fetchMock.mock.calls.filter((call) => call[0] === "/api/auth/csrf")).toHaveLength(1);
  });

  it("reports a server that cannot be reached as an ApiProblem in French", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));

    await expect(api.getSession()).rejects.toMatchObject({
      code: "service_unavailable",
      message: expect.stringContaining("Impossible de joindre le serveur"),
    });
  });
});
