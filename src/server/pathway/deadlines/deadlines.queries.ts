import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import { pathwayDeadlineOverrides, pathwayDeadlines } from "../../db/schema.ts";

export type DeadlineRow = typeof pathwayDeadlines.$inferSelect;

export async function findDepartmentOverrides(db: Executor, departmentCode: string) {
  const [row] = await db
    .select()
    .from(pathwayDeadlineOverrides)
    .where(eq(pathwayDeadlineOverrides.departmentCode, departmentCode));
  return row;
}

export async function upsertDepartmentOverrides(
  db: Executor,
  values: { departmentCode: string; overrides: Record<string, unknown>; updatedByUserId: string; updatedAt: Date },
) {
  await db
    .insert(pathwayDeadlineOverrides)
    .values(values)
    .onConflictDoUpdate({
      target: pathwayDeadlineOverrides.departmentCode,
      set: { overrides: values.overrides, updatedByUserId: values.updatedByUserId, updatedAt: values.updatedAt },
    });
}

export async function insertDeadline(db: Executor, values: typeof pathwayDeadlines.$inferInsert): Promise<DeadlineRow> {
  const [row] = await db.insert(pathwayDeadlines).values(values).returning();
  if (!row) throw new Error("deadline not inserted");
  return row;
}

const sameTransfer = (transferId: string | null): SQL | undefined =>
  transferId === null ? isNull(pathwayDeadlines.transferId) : eq(pathwayDeadlines.transferId, transferId);

export async function findOpenDeadline(db: Executor, caseId: string, code: string, transferId: string | null) {
  const [row] = await db
    .select()
    .from(pathwayDeadlines)
    .where(
      and(
        eq(pathwayDeadlines.caseId, caseId),
        eq(pathwayDeadlines.code, code),
        eq(pathwayDeadlines.status, "open"),
        sameTransfer(transferId),
      ),
    );
  return row;
}

/** Closes the open deadlines of these codes on a case; returns those closed. */
export async function closeOpenDeadlines(
  db: Executor,
  caseId: string,
  codes: readonly string[],
  status: "met" | "cancelled",
  at: Date,
  transferId: string | null = null,
) {
  if (codes.length === 0) return [];
  return db
    .update(pathwayDeadlines)
    .set({ status, metAt: status === "met" ? at : null })
    .where(
      and(
        eq(pathwayDeadlines.caseId, caseId),
        inArray(pathwayDeadlines.code, [...codes]),
        eq(pathwayDeadlines.status, "open"),
        sameTransfer(transferId),
      ),
    )
    .returning({ id: pathwayDeadlines.id, code: pathwayDeadlines.code });
}

export function listDeadlinesOfCase(db: Executor, caseId: string) {
  return db
    .select()
    .from(pathwayDeadlines)
    .where(eq(pathwayDeadlines.caseId, caseId))
    .orderBy(asc(pathwayDeadlines.dueAt), asc(pathwayDeadlines.id));
}

export function listDeadlinesOfTransfer(db: Executor, transferId: string) {
  return db.select().from(pathwayDeadlines).where(eq(pathwayDeadlines.transferId, transferId));
}
