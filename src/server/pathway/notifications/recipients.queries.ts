import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import { users } from "../../db/schema.ts";

export async function listOrganisationMemberIds(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.isActive, true)));
  return rows.map((r) => r.id);
}
