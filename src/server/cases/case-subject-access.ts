import type { SubjectAccessCase, SubjectAccessExport } from "@shared/cases.ts";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record.ts";
import type { AppContext } from "../context.ts";
import { cases } from "../db/schema.ts";
import { notFound } from "../http/errors.ts";
import { systemActor, type UserActor } from "../policy/actor.ts";
import { authorize, can } from "../policy/policy.ts";
import { parisDate } from "./case-age.ts";
import { openIdentity, presentIdentity } from "./case-identity.ts";
import { listCaseIdsOfPerson, listEmergencyAccesses, listSharesOfCase } from "./case-sharing.queries.ts";
import { presentTimeline } from "./case-timeline.ts";
import { findSealedIdentity, listTimelineEntries, listVictimStatuses } from "./cases.queries.ts";
import { loadCase } from "./load-case.ts";
import { organisationRef, presentCase } from "./present-case.ts";
import { openJson, type Sealed, sealAad } from "./sealed.ts";

/**
 * Subject access (GDPR art. 15): everything Repère holds on one person, across the cases confirmed as that person
 * and within the administrator's scope. The export itself is audited, case by case.
 */
export async function exportSubjectAccess(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
): Promise<SubjectAccessExport> {
  const first = await loadCase(ctx, ctx.db, caseId);
  if (!first) throw notFound();
  authorize(actor, "case.export_subject", first.target);
  // Presented as Repère itself sees it: an administrator has no case access of their own to filter through.
  const presenter = systemActor("subject-access-export");
  const now = ctx.now();
  const exported: SubjectAccessCase[] = [];
  return ctx.db.transaction(async (tx) => {
    for (const { id } of await listCaseIdsOfPerson(tx, first.record.case.personId)) {
      const loaded = await loadCase(ctx, tx, id);
      if (!loaded || !can(actor, "case.export_subject", loaded.target)) continue;
      const sealed = await findSealedIdentity(tx, id);
      const view = presentCase(presenter, loaded.record, loaded.target, await listVictimStatuses(tx, id), {
        today: parisDate(now),
        hasIdentity: sealed !== undefined,
      });
      const reasonAad = (accessId: string) => sealAad("case_emergency_accesses", "reason_enc", accessId);
      const emergencies = await listEmergencyAccesses(tx, eq(cases.id, id), {});
      exported.push({
        case: { ...view, can: [] },
        identity: sealed
          ? presentIdentity(id, loaded.record.case.number, openIdentity(ctx.keys.data, id, sealed))
          : null,
        timeline: presentTimeline(ctx.keys.data, await listTimelineEntries(tx, id)),
        shares: (await listSharesOfCase(tx, id)).map(({ share, organisation, user, userOrganisation, grantedBy }) => ({
          id: share.id,
          organisation: organisation ? organisationRef(organisation) : null,
          user: user && userOrganisation ? { ...user, organisation: organisationRef(userOrganisation) } : null,
          purpose: share.purpose as never,
          legalBasis: share.legalBasis as never,
          sections: share.sections as never,
          expiresAt: share.expiresAt.toISOString(),
          parentalAuthorityInformed: share.parentalAuthorityInformed,
          parentalNotInformedReason: share.parentalNotInformedReason as never,
          grantedBy,
          createdAt: share.createdAt.toISOString(),
          revokedAt: share.revokedAt?.toISOString() ?? null,
          isActive: share.revokedAt === null && share.expiresAt > now,
        })),
        emergencyAccesses: emergencies.map((row) => ({
          id: row.access.id,
          caseId: id,
          caseNumber: row.caseNumber,
          user: row.user,
          organisation: organisationRef(row.organisation),
          reason: row.access.reasonEnc
            ? openJson<string>(ctx.keys.data, row.access.reasonEnc as Sealed, reasonAad(row.access.id))
            : null,
          createdAt: row.access.createdAt.toISOString(),
          expiresAt: row.access.expiresAt.toISOString(),
          reviewedAt: row.access.reviewedAt?.toISOString() ?? null,
          reviewedBy: row.access.reviewedByUserId ? row.reviewedBy : null,
        })),
      });
      await recordAudit(tx, ctx.keys.audit, actor, {
        action: "case.export_subject",
        targetType: "case",
        targetId: id,
        caseId: id,
        departmentCode: loaded.record.case.departmentCode,
        details: { caseNumber: loaded.record.case.number, requestedCaseId: caseId },
      });
    }
    return { generatedAt: now.toISOString(), cases: exported };
  });
}
