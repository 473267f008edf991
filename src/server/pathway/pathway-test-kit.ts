import type { PathwayView } from "@shared/pathway.ts";
import type { Api } from "../test/test-app.ts";

/** Test support: the owner shares a case with an organisation, as the IP or the signalement would carry it. */
export async function shareWith(
  owner: Api,
  caseId: string,
  organisationId: string,
  legalBasis: "concern_report" | "prosecutor_report" | "judicial_request",
  expiresOn: string,
): Promise<void> {
  const res = await owner.post(`/api/cases/${caseId}/shares`, {
    organisationId,
    purpose: legalBasis === "concern_report" ? "protection_assessment" : "judicial_decision",
    legalBasis,
    sections: ["profile", "timeline"],
    expiresOn,
  });
  if (res.status !== 201) throw new Error(`share refused: ${res.status} ${res.body}`);
}

/** A step on a track; throws with the problem when refused, so a scenario stops where it breaks. */
export async function step(
  api: Api,
  caseId: string,
  track: string,
  body: Record<string, unknown>,
): Promise<PathwayView> {
  const res = await api.post(`/api/pathway/cases/${caseId}/tracks/${track}/transitions`, body);
  if (res.status !== 200)
    throw new Error(`${track} ${String(body.from)}→${String(body.to)}: ${res.status} ${res.body}`);
  return res.json<PathwayView>();
}
