import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * Bulk rows through PostgreSQL's COPY … FROM STDIN in its text format: PostgreSQL's own fastest way in, which skips
 * the per-statement parsing and the jsonb_populate_recordset unpacking of a JSON batch. PostgreSQL only: PGlite has
 * no COPY from a client stream.
 */

// Text format: a backslash starts an escape, tab separates columns, newline ends the row; \N is NULL.
const COPY_SPECIALS = /[\\\t\n\r]/;
const COPY_SPECIALS_ALL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
// Most values have nothing to escape: testing first spares building a new string for each.
const copyEscape = (text: string) =>
  COPY_SPECIALS.test(text) ? text.replace(COPY_SPECIALS_ALL, (c) => COPY_ESCAPES[c] ?? c) : text;

// Inside an array literal, elements are double-quoted with " and \ backslash-escaped.
const arrayElement = (value: unknown) =>
  value === null || value === undefined ? "NULL" : `"${String(value).replace(/["\\]/g, (c) => `\\${c}`)}"`;

type Encode = (value: unknown) => string;

function scalar(name: string): Encode {
  return (value) => {
    if (typeof value === "string") return copyEscape(value);
    if (value instanceof Date) return value.toISOString();
    if (typeof value === "number" || typeof value === "bigint") return String(value);
    if (typeof value === "boolean") return value ? "t" : "f";
    throw new TypeError(`${name}: no COPY text form for ${typeof value}`);
  };
}

/** How a column's values are written in COPY's text format: a JS array is a jsonb array or a text[] by the column. */
export function copyEncoder(column: PgColumn): Encode {
  let encode: Encode;
  if (column.columnType === "PgJsonb" || column.columnType === "PgJson") {
    encode = (value) => copyEscape(JSON.stringify(value));
  } else if (column.columnType === "PgArray") {
    encode = (value) => {
      if (!Array.isArray(value)) throw new TypeError(`${column.name}: an array is expected`);
      return copyEscape(`{${value.map(arrayElement).join(",")}}`);
    };
  } else {
    encode = scalar(column.name);
  }
  return (value) => (value === null || value === undefined ? "\\N" : encode(value));
}

/**
 * The rows as COPY text, with the column list they fill. Keys are drizzle property names and every row carries the
 * same keys, as for insertJsonRows; columns left out take their defaults.
 */
export function encodeCopyRows<T extends PgTable>(table: T, rows: readonly T["$inferInsert"][]) {
  const [first] = rows;
  if (!first) return null;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(first);
  const picked = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`unknown column ${key}`);
    return column;
  });
  const encoders = picked.map(copyEncoder);
  let text = "";
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    for (let j = 0; j < keys.length; j++) {
      text += (encoders[j] as Encode)(record[keys[j] as string]);
      text += j === keys.length - 1 ? "\n" : "\t";
    }
  }
  return { columnNames: picked.map((column) => column.name), text };
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Streams the rows into the table on this client, inside whatever transaction the client has open. */
export async function copyRows<T extends PgTable>(client: pg.PoolClient, table: T, rows: readonly T["$inferInsert"][]) {
  const encoded = encodeCopyRows(table, rows);
  if (!encoded) return;
  const target = `${quoteIdentifier(getTableName(table))} (${encoded.columnNames.map(quoteIdentifier).join(", ")})`;
  const stream = client.query(copyFrom(`copy ${target} from stdin`));
  await pipeline(Readable.from([encoded.text]), stream);
}
