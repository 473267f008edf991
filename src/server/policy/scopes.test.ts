import type { Role } from "@shared/roles.ts";
import { is, Placeholder } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import type { UserActor } from "./actor.ts";
import { asPlaceholder, readableCases, readableCasesShape } from "./scopes.ts";

const dialect = new PgDialect();
const now = new Date("2026-03-01T10:00:00Z");

function actor(
  roles: Role[],
  organisationType: UserActor["organisationType"],
  departmentCode: string | null,
  n: number,
) {
  return {
    kind: "user",
    userId: `00000000-0000-4000-8000-00000000000${n}`,
    organisationId: `00000000-0000-4000-9000-00000000000${n}`,
    organisationType,
    departmentCode,
    roles,
    adminDepartmentCode: null,
    isActive: true,
    sessionId: null,
    requestId: null,
  } satisfies UserActor;
}

describe("the readable-cases scope as a prepared statement", () => {
  const actors = [
    actor(["ase_referent"], "ase_service", "93", 1),
    actor(["ase_referent"], "ase_service", "75", 2),
    actor(["ase_manager"], "ase_service", "93", 3),
    actor(["ase_manager"], "ase_service", "13", 4),
    actor(["ase_manager"], "establishment", "93", 5),
    actor(["educator"], "establishment", "93", 6),
    actor(["educator", "ase_referent"], "establishment", "93", 7),
    actor(["police_liaison"], "police_unit", "75", 8),
    actor(["national_analyst"], "national_coordination", null, 9),
  ];

  it("gives the same text to every actor of the same shape, a different one otherwise, and binds no actor's value", () => {
    const rendered = actors.map((a) => ({
      a,
      shape: readableCasesShape(a),
      query: dialect.sqlToQuery(readableCases(a, now, asPlaceholder)),
    }));
    for (const x of rendered) {
      for (const y of rendered) {
        expect(x.query.sql === y.query.sql, `${x.shape} / ${y.shape}`).toBe(x.shape === y.shape);
      }
      // Every value is a placeholder filled at execution: a statement kept for one actor cannot leak into another's.
      expect(x.query.params.every((param) => is(param, Placeholder))).toBe(true);
      expect(x.query.sql).not.toContain(x.a.organisationId);
    }
    expect(new Set(rendered.map((r) => r.shape))).toEqual(
      new Set(["owner+assigned", "owner+department", "owner", "owner+placement", "owner+placement+assigned", "none"]),
    );
  });

  it("binds the actor's values inline by default, as before", () => {
    const query = dialect.sqlToQuery(readableCases(actors[0] as UserActor, now));
    expect(query.params).toContain(actors[0]?.organisationId);
    expect(query.params.some((param) => is(param, Placeholder))).toBe(false);
  });
});
