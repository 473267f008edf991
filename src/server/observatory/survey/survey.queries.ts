import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import { cases, organisations, surveyCampaigns, surveyResponses } from "../../db/schema.ts";

export type CampaignRow = typeof surveyCampaigns.$inferSelect;
export type ResponseRow = typeof surveyResponses.$inferSelect;

export async function insertCampaign(db: Executor, values: typeof surveyCampaigns.$inferInsert) {
  const [row] = await db.insert(surveyCampaigns).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findCampaign(db: Executor, id: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(surveyCampaigns).where(eq(surveyCampaigns.id, id));
  return row;
}

export async function listCampaigns(db: Executor): Promise<CampaignRow[]> {
  return db.select().from(surveyCampaigns).orderBy(asc(surveyCampaigns.year));
}

export async function setCampaignStatus(db: Executor, id: string, status: string) {
  await db.update(surveyCampaigns).set({ status }).where(eq(surveyCampaigns.id, id));
}

/** Every active association, its response to the campaign if any, and whether it keeps cases in Repère. */
export async function listAssociationsWithResponses(db: Executor, campaignId: string) {
  return db
    .select({
      organisationId: organisations.id,
      organisationName: organisations.name,
      response: surveyResponses,
      keepsCasesInRepere: sql<boolean>`exists (select 1 from ${cases} where ${cases.ownerOrganisationId} = ${organisations.id})`,
    })
    .from(organisations)
    .leftJoin(
      surveyResponses,
      and(eq(surveyResponses.organisationId, organisations.id), eq(surveyResponses.campaignId, campaignId)),
    )
    .where(and(eq(organisations.type, "association"), eq(organisations.isActive, true)))
    .orderBy(asc(organisations.name));
}

export async function findResponse(db: Executor, campaignId: string, organisationId: string) {
  const [row] = await db
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.campaignId, campaignId), eq(surveyResponses.organisationId, organisationId)));
  return row;
}

export async function upsertResponse(db: Executor, values: typeof surveyResponses.$inferInsert) {
  await db
    .insert(surveyResponses)
    .values(values)
    .onConflictDoUpdate({
      target: [surveyResponses.campaignId, surveyResponses.organisationId],
      set: {
        departmentCode: values.departmentCode,
        figures: values.figures,
        comment: values.comment ?? null,
        status: "submitted",
        correctionMessage: null,
        submittedByUserId: values.submittedByUserId,
        submittedAt: values.submittedAt,
        reviewedAt: null,
        reviewedByUserId: null,
      },
    });
}

export async function reviewResponse(
  db: Executor,
  id: string,
  values: { status: string; correctionMessage: string | null; reviewedByUserId: string | null; reviewedAt: Date },
) {
  await db.update(surveyResponses).set(values).where(eq(surveyResponses.id, id));
}
