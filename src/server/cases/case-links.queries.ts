import { and, desc, eq, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../db/connection.ts";
import { caseLinkProposals, cases, organisations } from "../db/schema.ts";

const caseA = alias(cases, "case_a");
const caseB = alias(cases, "case_b");
const ownerA = alias(organisations, "owner_a");
const ownerB = alias(organisations, "owner_b");

function selectProposals(db: Executor) {
  return db
    .select({
      proposal: caseLinkProposals,
      a: {
        id: caseA.id,
        number: caseA.number,
        personId: caseA.personId,
        ownerOrganisationId: caseA.ownerOrganisationId,
        departmentCode: caseA.departmentCode,
      },
      b: {
        id: caseB.id,
        number: caseB.number,
        personId: caseB.personId,
        ownerOrganisationId: caseB.ownerOrganisationId,
        departmentCode: caseB.departmentCode,
      },
      ownerAType: ownerA.type,
      ownerBType: ownerB.type,
    })
    .from(caseLinkProposals)
    .innerJoin(caseA, eq(caseA.id, caseLinkProposals.caseAId))
    .innerJoin(caseB, eq(caseB.id, caseLinkProposals.caseBId))
    .innerJoin(ownerA, eq(ownerA.id, caseA.ownerOrganisationId))
    .innerJoin(ownerB, eq(ownerB.id, caseB.ownerOrganisationId));
}

export type LinkProposalRecord = Awaited<ReturnType<typeof findLinkProposal>> & {};

export async function findLinkProposal(db: Executor, id: string) {
  const [row] = await selectProposals(db).where(eq(caseLinkProposals.id, id));
  return row;
}

export async function lockLinkProposal(db: Executor, id: string) {
  await db
    .select({ id: caseLinkProposals.id })
    .from(caseLinkProposals)
    .where(eq(caseLinkProposals.id, id))
    .for("update");
}

export async function listLinkProposalsOfOrganisation(db: Executor, organisationId: string) {
  return selectProposals(db)
    .where(or(eq(caseA.ownerOrganisationId, organisationId), eq(caseB.ownerOrganisationId, organisationId)))
    .orderBy(desc(caseLinkProposals.createdAt))
    .limit(200);
}

export async function countPendingProposalsOfCase(db: Executor, caseId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseLinkProposals)
    .where(
      and(
        eq(caseLinkProposals.status, "pending"),
        or(eq(caseLinkProposals.caseAId, caseId), eq(caseLinkProposals.caseBId, caseId)),
      ),
    );
  return row?.n ?? 0;
}

export async function updateLinkProposal(
  db: Executor,
  id: string,
  values: Partial<typeof caseLinkProposals.$inferInsert>,
) {
  await db.update(caseLinkProposals).set(values).where(eq(caseLinkProposals.id, id));
}

/** Gives every case of one person the other's person id: the observatory then counts them once. */
export async function mergePersons(db: Executor, keepPersonId: string, mergedPersonId: string) {
  await db.update(cases).set({ personId: keepPersonId }).where(eq(cases.personId, mergedPersonId));
}

export async function findPersonIds(db: Executor, caseIds: string[]) {
  return db
    .select({ id: cases.id, personId: cases.personId })
    .from(cases)
    .where(or(...caseIds.map((id) => eq(cases.id, id))));
}
