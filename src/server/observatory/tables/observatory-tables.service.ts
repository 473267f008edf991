import {
  categoriesOf,
  OBSERVATORY_FIRST_YEAR,
  type ObservatoryDimension,
  type ObservatoryTable,
  ObservatoryTableQuery,
} from "@shared/observatory.ts";
import type { AppContext } from "../../context.ts";
import type { Executor } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import type { Actor } from "../../policy/actor.ts";
import { can } from "../../policy/policy.ts";
import { DifferencingGuard, type DifferencingGuardState, type PublishedBox } from "../disclosure/differencing-guard.ts";
import { listIndicators } from "../reference/indicators.queries.ts";
import { currentSnapshot, describeSnapshot } from "../snapshot/observatory-snapshot.ts";
import type { SnapshotRow } from "../snapshot/snapshot.queries.ts";
import { buildProtectedTable, frameTable, type PersonCounter } from "./build-protected-table.ts";
import {
  findCachedTable,
  findGuardStateForUpdate,
  insertCachedTable,
  isQueryAccepted,
  saveGuardState,
} from "./table-cache.queries.ts";
import { denominatorsFrom } from "./table-measures.ts";
import { countPersons } from "./tables.queries.ts";
import { yearsOf } from "./years.ts";

/** A département for an ASE manager, null for the national view. */
export type ObservatoryScope = { departmentCode: string | null };

/**
 * National analysts see the country; others see their own département (policy `observatory.read`). A scoped
 * query is pinned to that département, and asking for another one is refused.
 */
export function resolveScope(
  actor: Actor,
  query: ObservatoryTableQuery,
  action: "observatory.read" | "observatory.export" = "observatory.read",
): {
  scope: ObservatoryScope;
  query: ObservatoryTableQuery;
} {
  if (can(actor, action, { kind: "observatory_scope", departmentCode: null })) {
    return { scope: { departmentCode: null }, query };
  }
  const departmentCode = actor.kind === "user" ? actor.departmentCode : null;
  if (departmentCode === null) throw new AppError("forbidden", 403);
  if (!can(actor, action, { kind: "observatory_scope", departmentCode })) throw new AppError("forbidden", 403);
  const asked = query.filters.department;
  if (asked?.some((code) => code !== departmentCode)) throw new AppError("out_of_scope", 403);
  if (query.filters.region) throw new AppError("out_of_scope", 403);
  return {
    scope: { departmentCode },
    query: { ...query, filters: { ...query.filters, department: [departmentCode] } },
  };
}

/** A stable key of a query: same question, same key, whatever the order of its JSON fields. */
export function queryKeyOf(query: ObservatoryTableQuery): string {
  const filters = Object.fromEntries(
    Object.entries(query.filters)
      .filter(([, values]) => values && values.length > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, values]) => [name, [...(values ?? [])].sort()]),
  );
  return JSON.stringify({
    d: query.dimensions,
    f: query.from,
    t: query.to,
    b: query.basis,
    m: query.measure,
    x: filters,
  });
}

interface CachedTable {
  view: ObservatoryTable;
  boxes: PublishedBox[];
}

/**
 * The protected table for a query on the current snapshot: computed once per (query, snapshot) and stored, so
 * repeated dashboard loads read a row instead of re-running the protection search.
 */
export async function loadProtectedTable(
  ctx: AppContext,
  query: ObservatoryTableQuery,
  snapshot?: SnapshotRow,
): Promise<CachedTable> {
  const current = snapshot ?? (await currentSnapshot(ctx));
  const queryKey = queryKeyOf(query);
  const cached = (await findCachedTable(ctx.db, current.id, queryKey)) as CachedTable | undefined;
  if (cached) return cached;
  const counter: PersonCounter = (dimensions, filters) =>
    countPersons(ctx.db, {
      snapshotId: current.id,
      basis: query.basis,
      from: query.from,
      to: query.to,
      dimensions,
      filters,
    });
  const built = await buildProtectedTable(query, counter, {
    snapshot: describeSnapshot(current),
    denominators: denominatorsFrom(await listIndicators(ctx.db, query.from, query.to)),
    queryKey,
    now: ctx.now(),
  });
  const entry: CachedTable = { view: built.view, boxes: built.boxes };
  await insertCachedTable(ctx.db, current.id, queryKey, entry as unknown as Record<string, unknown>);
  return entry;
}

/**
 * An interactive table: scoped, protected, and shown only if, with everything this user saw in the same snapshot,
 * no small group can be narrowed down (D8). Exports of a table go through the same door.
 */
export async function getObservatoryTable(
  ctx: AppContext,
  actor: Actor,
  input: unknown,
  action: "observatory.read" | "observatory.export" = "observatory.read",
): Promise<ObservatoryTable> {
  const parsed = ObservatoryTableQuery.parse(input);
  const { scope, query } = resolveScope(actor, parsed, action);
  const snapshot = await currentSnapshot(ctx);
  const table = await loadProtectedTable(ctx, query, snapshot);
  if (actor.kind === "user") await reviewWithGuard(ctx, actor.userId, snapshot, scope, query, table.boxes);
  return table.view;
}

/** Frame dimensions: the period's years, the table's dimensions and the filtered ones; a scope's département is fixed. */
function frameDimensionsOf(query: ObservatoryTableQuery, scope: ObservatoryScope): ObservatoryDimension[] {
  const filtered = Object.entries(query.filters)
    .filter(([, values]) => values && values.length > 0)
    .map(([name]) => name as ObservatoryDimension);
  const all = new Set<ObservatoryDimension>(["year", ...query.dimensions, ...filtered]);
  if (scope.departmentCode !== null) all.delete("department");
  return [...all].sort();
}

async function reviewWithGuard(
  ctx: AppContext,
  userId: string,
  snapshot: SnapshotRow,
  scope: ObservatoryScope,
  query: ObservatoryTableQuery,
  boxes: readonly PublishedBox[],
): Promise<void> {
  const names = frameDimensionsOf(query, scope);
  if (names.length > 3) {
    throw new AppError(
      "invalid_input",
      400,
      "Un tableau interactif croise au plus trois dimensions, filtres et années compris.",
    );
  }
  const lastYear = Math.max(ctx.now().getUTCFullYear(), query.to);
  const dimensions = names.map((name) => ({
    name,
    categories: name === "year" ? yearsOf(OBSERVATORY_FIRST_YEAR, lastYear) : categoriesOf(name),
  }));
  const frameKey = `${names.join("×")}|${scope.departmentCode ?? "national"}|${lastYear}|${query.basis}`;
  const queryKey = queryKeyOf(query);
  // A dashboard reloads the same queries: those already accepted skip the locked review (the guard only grows).
  if (await isQueryAccepted(ctx.db, { userId, snapshotId: snapshot.id, frameKey }, queryKey)) return;
  const frameBoxes = boxes.map((box) => ({
    ...box,
    where: Object.fromEntries(
      Object.entries(box.where).filter(([name]) => names.includes(name as ObservatoryDimension)),
    ),
  }));

  // Every count of the frame, for the guard's search over what the user has seen.
  const frameOf = async (tx: Executor) => {
    const rows = await countPersons(tx, {
      snapshotId: snapshot.id,
      basis: query.basis,
      from: OBSERVATORY_FIRST_YEAR,
      to: lastYear,
      dimensions: names,
      filters: scope.departmentCode ? { department: [scope.departmentCode] } : {},
    });
    return frameTable(dimensions, rows);
  };
  await ctx.db.transaction(async (tx) => {
    const saved = (await findGuardStateForUpdate(tx, userId, snapshot.id, frameKey)) as
      | { guard: DifferencingGuardState; accepted: string[] }
      | undefined;
    if (saved?.accepted.includes(queryKey)) return;
    const guard = saved ? DifferencingGuard.fromJSON(saved.guard) : DifferencingGuard.create(snapshot.id, dimensions);
    const decision = saved
      ? guard.review(snapshot.id, await frameOf(tx), frameBoxes)
      : // The user's first table in this frame: loadProtectedTable protected it on this snapshot, which is the proof.
        guard.acceptFirstProtectedTable(snapshot.id, frameBoxes);
    if (!decision.accepted) {
      ctx.log.info(
        { module: "observatory", reason: decision.reason, groups: decision.exposedGroups.length },
        "query refused",
      );
      throw new AppError("query_refused_differencing", 409);
    }
    await saveGuardState(tx, { userId, snapshotId: snapshot.id, frameKey }, {
      guard: guard.toJSON(),
      accepted: [...(saved?.accepted ?? []), queryKey],
    } as unknown as Record<string, unknown>);
  });
}
