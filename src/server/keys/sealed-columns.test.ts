import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "../db/schema.ts";
import { SEALED_COLUMNS, sealedColumnName } from "./sealed-columns.ts";

const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

describe("SEALED_COLUMNS", () => {
  it("names every _enc column of the schema, once", () => {
    const inSchema = tables.flatMap((table) => {
      const config = getTableConfig(table);
      return config.columns.filter((c) => c.name.endsWith("_enc")).map((c) => `${config.name}.${c.name}`);
    });
    const listed = SEALED_COLUMNS.map(sealedColumnName);
    expect(inSchema.length).toBeGreaterThan(20);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...inSchema].sort());
  });

  it("keys each column by its table's whole primary key", () => {
    for (const entry of SEALED_COLUMNS) {
      const config = getTableConfig(entry.table);
      const primary = [
        ...config.columns.filter((c) => c.primary).map((c) => c.name),
        ...config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)),
      ];
      expect(entry.key.map((c) => c.name).sort(), sealedColumnName(entry)).toEqual(primary.sort());
      expect(getTableConfig(entry.table).columns, sealedColumnName(entry)).toContain(entry.column);
    }
  });
});
