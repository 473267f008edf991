import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../test/test-database.ts";
import { inBulkTransaction } from "./bulk-transaction.ts";
import { organisations, users } from "./schema.ts";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

// Every character COPY's text format or an array literal treats specially, and a JSON-looking one.
const AWKWARD = 'tab\there, line\nbreak\r\nback\\slash \\N "quoted" {braces},comma [1] é';

describe(`bulk transaction (${process.env.DATABASE_URL ? "PostgreSQL, COPY" : "PGlite, JSON"})`, () => {
  it("writes the rows exactly as given, defaults filled in", async () => {
    const organisationId = randomUUID();
    const userId = randomUUID();
    await inBulkTransaction(database, async (_tx, write) => {
      await write(organisations, [{ id: organisationId, name: AWKWARD, type: "association", departmentCode: "93" }]);
      await write(users, [
        {
          id: userId,
          organisationId,
          email: "bulk@example.test",
          displayName: AWKWARD,
          passwordHash: "x",
          roles: ["association_worker", AWKWARD, ""],
          adminDepartmentCode: null,
          isActive: false,
        },
      ]);
    });
    const [organisation] = await database.query<{ name: string; is_active: boolean; version: number }>(
      "select name, is_active, version from organisations where id = $1",
      [organisationId],
    );
    expect(organisation).toEqual({ name: AWKWARD, is_active: true, version: 1 });
    const [user] = await database.query<{ display_name: string; roles: string[]; admin: string | null; on: boolean }>(
      `select display_name, roles, admin_department_code as admin, is_active as "on" from users where id = $1`,
      [userId],
    );
    expect(user).toEqual({ display_name: AWKWARD, roles: ["association_worker", AWKWARD, ""], admin: null, on: false });
  });

  it("commits nothing when a later table fails, and the database stays usable", async () => {
    const organisationId = randomUUID();
    const failing = inBulkTransaction(database, async (_tx, write) => {
      await write(organisations, [
        { id: organisationId, name: "Rolled back", type: "association", departmentCode: "93" },
      ]);
      // No such organisation: the foreign key refuses the row.
      await write(users, [
        { organisationId: randomUUID(), email: "orphan@example.test", displayName: "x", passwordHash: "x", roles: [] },
      ]);
    });
    await expect(failing).rejects.toThrow();
    const rows = await database.query("select 1 from organisations where id = $1", [organisationId]);
    expect(rows).toEqual([]);
    const again = await inBulkTransaction(database, async (tx) => (await tx.select().from(organisations)).length);
    expect(again).toBeGreaterThan(0);
  });
});
