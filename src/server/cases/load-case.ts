import type { AppContext } from "../context.ts";
import type { Executor } from "../db/connection.ts";
import type { CaseTarget } from "../policy/policy.ts";
import { type CaseRecord, findCaseRecord, listAccessFacts } from "./cases.queries.ts";
import { caseTarget } from "./present-case.ts";

/** A case row and its policy target, with the shares and emergency accesses active at ctx.now(). */
export async function loadCase(
  ctx: AppContext,
  db: Executor,
  id: string,
): Promise<{ record: CaseRecord; target: CaseTarget } | undefined> {
  const record = await findCaseRecord(db, id);
  if (!record) return undefined;
  const facts = await listAccessFacts(db, [id], ctx.now());
  return { record, target: caseTarget(record.case, facts) };
}
