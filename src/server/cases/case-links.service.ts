import type { LinkProposalView, MatchKey } from "@shared/cases.ts";
import type { OrganisationType } from "@shared/roles.ts";
import { recordAudit } from "../audit/record.ts";
import type { AppContext } from "../context.ts";
import type { Tx } from "../db/connection.ts";
import { AppError, notFound } from "../http/errors.ts";
import type { UserActor } from "../policy/actor.ts";
import { authorize } from "../policy/policy.ts";
import { type BlindIndexKind, probableMatchKeys } from "./blind-index.ts";
import {
  countPendingProposalsOfCase,
  findLinkProposal,
  findPersonIds,
  type LinkProposalRecord,
  listLinkProposalsOfOrganisation,
  lockLinkProposal,
  mergePersons,
  updateLinkProposal,
} from "./case-links.queries.ts";
import { appendTimelineEntry } from "./case-timeline.ts";
import { insertLinkProposal, listSharedDigestCounts } from "./cases.queries.ts";
import { loadCase } from "./load-case.ts";

/**
 * Looks for the same young person in other organisations' cases, by blind-index digests only, and proposes a link
 * for each probable match. A pair already proposed (pending, confirmed or rejected) is never proposed again.
 * Returns how many proposals are pending on the case.
 */
export async function proposeLinksForCase(
  tx: Tx,
  ctx: AppContext,
  caseId: string,
  ownerOrganisationId: string,
): Promise<number> {
  const counts = await listSharedDigestCounts(tx, caseId, ownerOrganisationId);
  const byCase = new Map<string, Record<BlindIndexKind, number>>();
  for (const { caseId: other, kind, shared } of counts) {
    const tally = byCase.get(other) ?? { name: 0, full_name: 0, birth_date: 0, birth_year: 0 };
    tally[kind as BlindIndexKind] = shared;
    byCase.set(other, tally);
  }
  const candidates = [...byCase].flatMap(([other, tally]) => {
    const keys = probableMatchKeys(tally);
    return keys ? [{ other, keys }] : [];
  });
  if (candidates.length > 0) {
    const persons = new Map(
      (await findPersonIds(tx, [caseId, ...candidates.map((c) => c.other)])).map((p) => [p.id, p.personId]),
    );
    for (const { other, keys } of candidates) {
      if (persons.get(other) === persons.get(caseId)) continue;
      const [caseAId, caseBId] = caseId < other ? [caseId, other] : [other, caseId];
      await insertLinkProposal(tx, { caseAId, caseBId, matchedKeys: keys, createdAt: ctx.now() });
    }
  }
  return countPendingProposalsOfCase(tx, caseId);
}

type Side = "a" | "b";

function sideOf(actor: UserActor, record: LinkProposalRecord): Side | null {
  if (record.a.ownerOrganisationId === actor.organisationId) return "a";
  if (record.b.ownerOrganisationId === actor.organisationId) return "b";
  return null;
}

function presentProposal(record: LinkProposalRecord, side: Side): LinkProposalView {
  const mine = side === "a" ? record.a : record.b;
  const other = side === "a" ? record.b : record.a;
  const p = record.proposal;
  return {
    id: p.id,
    status: p.status as LinkProposalView["status"],
    myCase: { id: mine.id, number: mine.number },
    // The other side stays a type and a département until both confirm: no number, no organisation name.
    otherCase: {
      organisationType: (side === "a" ? record.ownerBType : record.ownerAType) as OrganisationType,
      departmentCode: other.departmentCode,
    },
    matchedKeys: p.matchedKeys as MatchKey[],
    myDecision: (side === "a" ? p.aDecision : p.bDecision) as LinkProposalView["myDecision"],
    otherDecision: (side === "a" ? p.bDecision : p.aDecision) as LinkProposalView["otherDecision"],
    createdAt: p.createdAt.toISOString(),
  };
}

export async function listLinkProposals(ctx: AppContext, actor: UserActor): Promise<LinkProposalView[]> {
  authorize(actor, "case.list_link_proposals");
  const rows = await listLinkProposalsOfOrganisation(ctx.db, actor.organisationId);
  return rows.flatMap((row) => {
    const side = sideOf(actor, row);
    return side ? [presentProposal(row, side)] : [];
  });
}

export async function decideLink(
  ctx: AppContext,
  actor: UserActor,
  proposalId: string,
  decision: "confirmed" | "rejected",
) {
  const found = await findLinkProposal(ctx.db, proposalId);
  const side = found ? sideOf(actor, found) : null;
  if (!found || !side) throw notFound();
  const myCaseId = side === "a" ? found.a.id : found.b.id;
  const loaded = await loadCase(ctx, ctx.db, myCaseId);
  if (!loaded) throw notFound();
  authorize(actor, "case.decide_link", loaded.target);
  return ctx.db.transaction(async (tx) => {
    await lockLinkProposal(tx, proposalId);
    const record = await findLinkProposal(tx, proposalId);
    if (!record) throw notFound();
    const p = record.proposal;
    const mine = side === "a" ? p.aDecision : p.bDecision;
    if (p.status !== "pending" || mine !== null) throw new AppError("link_already_decided", 409);
    const now = ctx.now();
    const other = side === "a" ? p.bDecision : p.aDecision;
    const status = decision === "rejected" ? "rejected" : other === "confirmed" ? "confirmed" : "pending";
    await updateLinkProposal(tx, proposalId, {
      ...(side === "a"
        ? { aDecision: decision, aDecidedByUserId: actor.userId }
        : { bDecision: decision, bDecidedByUserId: actor.userId }),
      status,
      ...(status !== "pending" ? { decidedAt: now } : {}),
    });
    if (status === "confirmed") {
      await mergePersons(tx, record.a.personId, record.b.personId);
      for (const caseId of [record.a.id, record.b.id]) {
        await appendTimelineEntry(tx, ctx.keys.data, actor, {
          caseId,
          kind: "link_confirmed",
          at: now,
          details: { proposalId },
        });
      }
    }
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "case.decide_link",
      targetType: "case_link_proposal",
      targetId: proposalId,
      caseId: myCaseId,
      departmentCode: loaded.record.case.departmentCode,
      details: { decision, status, caseNumber: loaded.record.case.number },
    });
    const fresh = await findLinkProposal(tx, proposalId);
    if (!fresh) throw notFound();
    return presentProposal(fresh, side);
  });
}
