import { createHash } from "node:crypto";
import { and, asc, desc, eq, gt, inArray, isNull, lt, ne, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../db/connection.ts";
import {
  caseBlindIndex,
  caseCounters,
  caseEmergencyAccesses,
  caseIdentities,
  caseLinkProposals,
  caseShares,
  cases,
  caseTimelineEntries,
  caseVictimStatuses,
  organisations,
  users,
} from "../db/schema.ts";
import { asPlaceholder, type Bind, type ScopeValues } from "../policy/scopes.ts";
import type { Sealed } from "./sealed.ts";

export type CaseInsert = typeof cases.$inferInsert;
export type CaseRowValues = Partial<CaseInsert>;

/** Moves the (département, year) counter forward in one statement: concurrent creations never share a number. */
export async function nextCaseSequence(db: Executor, departmentCode: string, year: number): Promise<number> {
  const [row] = await db
    .insert(caseCounters)
    .values({ departmentCode, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [caseCounters.departmentCode, caseCounters.year],
      set: { lastValue: sql`${caseCounters.lastValue} + 1` },
    })
    .returning({ lastValue: caseCounters.lastValue });
  if (!row) throw new Error("case counter not moved");
  return row.lastValue;
}

export async function insertCase(db: Executor, values: CaseInsert) {
  const [row] = await db.insert(cases).values(values).returning({ id: cases.id });
  if (!row) throw new Error("case not inserted");
  return row;
}

export async function findCaseIdByIdempotencyKey(db: Executor, userId: string, key: string) {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.createdByUserId, userId), eq(cases.idempotencyKey, key)));
  return row?.id;
}

const owner = alias(organisations, "owner");
const placement = alias(organisations, "placement");
const assignee = alias(users, "assignee");

const caseColumns = {
  case: cases,
  owner: { id: owner.id, name: owner.name, type: owner.type, departmentCode: owner.departmentCode },
  placement: { id: placement.id, name: placement.name, type: placement.type, departmentCode: placement.departmentCode },
  assignee: { id: assignee.id, displayName: assignee.displayName },
};

export type CaseRecord = Awaited<ReturnType<typeof findCaseRecord>> & {};

/**
 * What a line of the case list shows and its access check reads, with the case's active shares and emergency
 * accesses: one statement per page. The list does not carry the profile's JSON (exploitations, places) nor any other
 * column, which made most of each row's bytes and of its decoding.
 */
function summaryColumns(now: SQLWrapper) {
  return {
    id: cases.id,
    number: cases.number,
    status: cases.status,
    departmentCode: cases.departmentCode,
    ownerOrganisationId: cases.ownerOrganisationId,
    placementOrganisationId: cases.placementOrganisationId,
    assignedUserId: cases.assignedUserId,
    gender: cases.gender,
    birthYear: cases.birthYear,
    birthMonth: cases.birthMonth,
    exploitationFamilies: cases.exploitationFamilies,
    victimStatus: cases.victimStatus,
    createdAt: cases.createdAt,
    updatedAt: cases.updatedAt,
    ownerName: owner.name,
    ownerType: owner.type,
    ownerDepartmentCode: owner.departmentCode,
    assigneeDisplayName: assignee.displayName,
    // The access facts policy.ts needs (listAccessFacts' conditions), in the same round trip as the page.
    activeShares: sql`coalesce((
      select json_agg(json_build_object('organisationId', ${caseShares.organisationId}, 'userId', ${caseShares.userId}, 'sections', ${caseShares.sections}))
      from ${caseShares}
      where ${caseShares.caseId} = ${cases.id} and ${caseShares.revokedAt} is null and ${caseShares.expiresAt} > ${now}
    ), '[]'::json)`,
    activeEmergencyUserIds: sql`coalesce((
      select json_agg(${caseEmergencyAccesses.userId})
      from ${caseEmergencyAccesses}
      where ${caseEmergencyAccesses.caseId} = ${cases.id} and ${caseEmergencyAccesses.expiresAt} > ${now}
    ), '[]'::json)`,
  } satisfies Record<keyof SummaryRow, SQLWrapper>;
}

type CaseRow = typeof cases.$inferSelect;

/** A page row as the driver returns it, by column: timestamps in PostgreSQL's text, as drizzle's drivers leave them. */
interface SummaryRow {
  id: CaseRow["id"];
  number: CaseRow["number"];
  status: CaseRow["status"];
  departmentCode: CaseRow["departmentCode"];
  ownerOrganisationId: CaseRow["ownerOrganisationId"];
  placementOrganisationId: CaseRow["placementOrganisationId"];
  assignedUserId: CaseRow["assignedUserId"];
  gender: CaseRow["gender"];
  birthYear: CaseRow["birthYear"];
  birthMonth: CaseRow["birthMonth"];
  exploitationFamilies: CaseRow["exploitationFamilies"];
  victimStatus: CaseRow["victimStatus"];
  createdAt: string;
  updatedAt: string;
  ownerName: string;
  ownerType: string;
  ownerDepartmentCode: string | null;
  assigneeDisplayName: string | null;
  activeShares: { organisationId: string | null; userId: string | null; sections: string[] }[];
  activeEmergencyUserIds: string[];
}

/** Where each SummaryRow value sits in the driver's array, from the selection's key order. */
type SummaryIndex = Record<keyof SummaryRow, number>;

/**
 * The list's rows mapped by hand: drizzle's generic mapper walked every column's path and type for each row, a tenth
 * of the server's work per list request. Read in place from the driver's array (an object built key by key per row
 * cost as much again). Timestamps are parsed as drizzle's own timestamp columns parse them.
 */
function summaryRecord(values: unknown[], index: SummaryIndex) {
  const at = <K extends keyof SummaryRow>(key: K) => values[index[key]] as SummaryRow[K];
  return {
    case: {
      id: at("id"),
      number: at("number"),
      status: at("status"),
      departmentCode: at("departmentCode"),
      ownerOrganisationId: at("ownerOrganisationId"),
      placementOrganisationId: at("placementOrganisationId"),
      assignedUserId: at("assignedUserId"),
      gender: at("gender"),
      birthYear: at("birthYear"),
      birthMonth: at("birthMonth"),
      exploitationFamilies: at("exploitationFamilies"),
      victimStatus: at("victimStatus"),
      createdAt: new Date(at("createdAt")),
      updatedAt: new Date(at("updatedAt")),
    },
    owner: {
      id: at("ownerOrganisationId"),
      name: at("ownerName"),
      type: at("ownerType"),
      departmentCode: at("ownerDepartmentCode"),
    },
    assignee: assigneeOf(at("assignedUserId"), at("assigneeDisplayName")),
    activeShares: at("activeShares"),
    activeEmergencyUserIds: at("activeEmergencyUserIds"),
  };
}

function assigneeOf(id: string | null, displayName: string | null) {
  return id === null || displayName === null ? null : { id, displayName };
}

function selectCases(db: Executor) {
  return db
    .select(caseColumns)
    .from(cases)
    .innerJoin(owner, eq(owner.id, cases.ownerOrganisationId))
    .leftJoin(placement, eq(placement.id, cases.placementOrganisationId))
    .leftJoin(assignee, eq(assignee.id, cases.assignedUserId));
}

export async function findCaseRecord(db: Executor, id: string) {
  const [row] = await selectCases(db).where(eq(cases.id, id));
  return row;
}

export async function findCaseIdByNumber(db: Executor, number: string) {
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.number, number));
  return row?.id;
}

/** Locks the case row for the rest of the transaction, so checks and writes see the same version. */
export async function lockCase(db: Executor, id: string) {
  const [row] = await db
    .select({ id: cases.id, version: cases.version })
    .from(cases)
    .where(eq(cases.id, id))
    .for("update");
  return row;
}

/** Updates only when the version is still the one the editor saw; undefined means someone else saved first. */
export async function updateCaseVersioned(db: Executor, id: string, version: number, values: CaseRowValues, now: Date) {
  const [row] = await db
    .update(cases)
    .set({ ...values, version: sql`${cases.version} + 1`, updatedAt: now })
    .where(and(eq(cases.id, id), eq(cases.version, version)))
    .returning({ id: cases.id, version: cases.version });
  return row;
}

export async function updateCase(db: Executor, id: string, values: CaseRowValues, now: Date) {
  await db
    .update(cases)
    .set({ ...values, version: sql`${cases.version} + 1`, updatedAt: now })
    .where(eq(cases.id, id));
}

/** Active shares and emergency accesses of some cases: the facts policy.ts needs, besides the case row. */
export async function listAccessFacts(db: Executor, caseIds: readonly string[], now: Date) {
  if (caseIds.length === 0) return { shares: [], emergencies: [] };
  const shares = await db
    .select({
      caseId: caseShares.caseId,
      organisationId: caseShares.organisationId,
      userId: caseShares.userId,
      sections: caseShares.sections,
    })
    .from(caseShares)
    .where(and(inArray(caseShares.caseId, [...caseIds]), isNull(caseShares.revokedAt), gt(caseShares.expiresAt, now)));
  const emergencies = await db
    .select({ caseId: caseEmergencyAccesses.caseId, userId: caseEmergencyAccesses.userId })
    .from(caseEmergencyAccesses)
    .where(and(inArray(caseEmergencyAccesses.caseId, [...caseIds]), gt(caseEmergencyAccesses.expiresAt, now)));
  return { shares, emergencies };
}

export interface CaseListFilters {
  status?: string;
  departmentCode?: string;
  gender?: string;
  exploitationFamily?: string;
  victimStatus?: string;
  ageAssessmentStatus?: string;
  asePlacementType?: string;
  nationality?: string;
  assignedUserId?: string;
  numberPrefix?: string;
  birthYearRange?: { min: number; max: number };
  /** Every digest must be indexed for the case (all name tokens match). */
  nameDigests?: string[];
  birthDateDigest?: string;
}

export interface CaseCursor {
  at: Date;
  id: string;
}

export interface CaseListPage {
  sort: "created" | "updated";
  cursor?: CaseCursor;
  limit: number;
}

/** Which cases the caller may list: the policy's scope, built with whatever binding the statement uses. */
export interface CaseListScope {
  /** Same shape, same SQL text: `readableCasesShape`. */
  shape: string;
  build(bind: Bind): SQL;
  values: ScopeValues;
}

const EQUALITY_FILTERS = {
  status: cases.status,
  departmentCode: cases.departmentCode,
  gender: cases.gender,
  victimStatus: cases.victimStatus,
  ageAssessmentStatus: cases.ageAssessmentStatus,
  asePlacementType: cases.asePlacementType,
  assignedUserId: cases.assignedUserId,
} as const;
type EqualityFilter = keyof typeof EQUALITY_FILTERS;

/** The statement's text depends on the scope's branches, which filters are set, the sort and a cursor: not on values. */
function listShape(scope: CaseListScope, filters: CaseListFilters, page: CaseListPage): string {
  const set = Object.entries(filters)
    .filter(([key, value]) => value !== undefined && key !== "nameDigests")
    .map(([key]) => key)
    .sort();
  return [
    scope.shape,
    set.join(","),
    `names:${filters.nameDigests?.length ?? 0}`,
    page.sort,
    page.cursor ? "after" : "first",
  ].join("|");
}

/** The values a statement of that shape binds, by placeholder name. */
function listValues(scope: CaseListScope, filters: CaseListFilters, page: CaseListPage): Record<string, unknown> {
  const values: Record<string, unknown> = { ...scope.values, limit: page.limit + 1 };
  for (const key of Object.keys(EQUALITY_FILTERS) as EqualityFilter[]) {
    if (filters[key] !== undefined) values[key] = filters[key];
  }
  if (filters.exploitationFamily !== undefined) values.exploitationFamily = filters.exploitationFamily;
  if (filters.nationality !== undefined) values.nationality = filters.nationality;
  if (filters.numberPrefix !== undefined) values.numberPattern = `${filters.numberPrefix}%`;
  if (filters.birthYearRange !== undefined) {
    values.birthYearMin = filters.birthYearRange.min;
    values.birthYearMax = filters.birthYearRange.max;
  }
  filters.nameDigests?.forEach((digest, i) => {
    values[`name${i}`] = digest;
  });
  if (filters.birthDateDigest !== undefined) values.birthDateDigest = filters.birthDateDigest;
  if (page.cursor) {
    values.cursorAt = page.cursor.at;
    values.cursorId = page.cursor.id;
  }
  return values;
}

/** The list statement of one shape, every value a placeholder. */
function prepareList(db: Executor, scope: CaseListScope, filters: CaseListFilters, page: CaseListPage, name?: string) {
  const p = (key: string) => sql.placeholder(key);
  const sortColumn = page.sort === "created" ? cases.createdAt : cases.updatedAt;
  const hasDigest = (kind: string, digest: SQLWrapper) =>
    sql`exists (select 1 from ${caseBlindIndex} where ${and(eq(caseBlindIndex.caseId, cases.id), eq(caseBlindIndex.kind, kind), eq(caseBlindIndex.digest, digest))})`;
  const where = and(
    scope.build(asPlaceholder),
    ...(Object.keys(EQUALITY_FILTERS) as EqualityFilter[]).map((key) =>
      filters[key] !== undefined ? eq(EQUALITY_FILTERS[key], p(key)) : undefined,
    ),
    filters.exploitationFamily !== undefined
      ? sql`${cases.exploitationFamilies} @> array[${p("exploitationFamily")}]::text[]`
      : undefined,
    filters.nationality !== undefined ? sql`${cases.nationalities} @> array[${p("nationality")}]::text[]` : undefined,
    filters.numberPrefix !== undefined ? sql`${cases.number} like ${p("numberPattern")}` : undefined,
    filters.birthYearRange !== undefined
      ? and(sql`${cases.birthYear} >= ${p("birthYearMin")}`, sql`${cases.birthYear} <= ${p("birthYearMax")}`)
      : undefined,
    ...(filters.nameDigests ?? []).map((_, i) => hasDigest("name", p(`name${i}`))),
    filters.birthDateDigest !== undefined ? hasDigest("birth_date", p("birthDateDigest")) : undefined,
    // Newest first: the next page starts strictly after the last row seen, ties broken by id.
    page.cursor
      ? or(lt(sortColumn, p("cursorAt")), and(eq(sortColumn, p("cursorAt")), lt(cases.id, p("cursorId"))))
      : undefined,
  );
  const columns = summaryColumns(p("now"));
  const query = db
    .select(columns)
    .from(cases)
    .innerJoin(owner, eq(owner.id, cases.ownerOrganisationId))
    .leftJoin(assignee, eq(assignee.id, cases.assignedUserId))
    .where(where)
    .orderBy(desc(sortColumn), desc(cases.id))
    .limit(p("limit"))
    .toSQL();
  // Drizzle's selects come back as arrays in the selection's key order.
  const index = Object.fromEntries(Object.keys(columns).map((key, i) => [key, i])) as SummaryIndex;
  return db._.session.prepareQuery<{ execute: CaseSummaryRecord[]; all: unknown; values: unknown }>(
    query,
    undefined,
    name,
    true,
    (rows) => rows.map((values) => summaryRecord(values, index)),
  );
}

type PreparedList = ReturnType<typeof prepareList>;

/**
 * Statements prepared once per shape and kept, named, on each connection: building the SQL was a sixth of the
 * server's work per list request, and PostgreSQL parses a named statement once per connection. Bounded, because
 * every named statement stays on every connection that ran it: past the bound, shapes run unnamed, built each time.
 */
const PREPARED_SHAPES_PER_DATABASE = 64;
const preparedLists = new WeakMap<Executor, Map<string, PreparedList>>();

function listStatement(db: Executor, scope: CaseListScope, filters: CaseListFilters, page: CaseListPage) {
  const shape = listShape(scope, filters, page);
  let prepared = preparedLists.get(db);
  if (!prepared) {
    prepared = new Map();
    preparedLists.set(db, prepared);
  }
  const known = prepared.get(shape);
  if (known) return known;
  if (prepared.size >= PREPARED_SHAPES_PER_DATABASE) return prepareList(db, scope, filters, page);
  const name = `case_list_${createHash("sha256").update(shape).digest("hex").slice(0, 16)}`;
  const statement = prepareList(db, scope, filters, page, name);
  prepared.set(shape, statement);
  return statement;
}

export async function listCaseRecords(
  db: Executor,
  scope: CaseListScope,
  filters: CaseListFilters,
  page: CaseListPage,
): Promise<CaseSummaryRecord[]> {
  return listStatement(db, scope, filters, page).execute(listValues(scope, filters, page));
}

export type CaseSummaryRecord = ReturnType<typeof summaryRecord>;

export interface SealedIdentity {
  surnameEnc: Sealed;
  firstNamesEnc: Sealed;
  aliasesEnc: Sealed;
  birthDateEnc: Sealed;
  ageEstimateEnc: Sealed;
  phonesEnc: Sealed;
  placementAddressEnc: Sealed;
}

export async function upsertIdentity(db: Executor, caseId: string, sealed: SealedIdentity, now: Date) {
  await db
    .insert(caseIdentities)
    .values({ caseId, ...sealed, updatedAt: now })
    .onConflictDoUpdate({ target: caseIdentities.caseId, set: { ...sealed, updatedAt: now } });
}

export async function findSealedIdentity(db: Executor, caseId: string) {
  const [row] = await db.select().from(caseIdentities).where(eq(caseIdentities.caseId, caseId));
  return row;
}

export async function replaceBlindIndex(
  db: Executor,
  caseId: string,
  entries: readonly { kind: string; digest: string }[],
) {
  await db.delete(caseBlindIndex).where(eq(caseBlindIndex.caseId, caseId));
  if (entries.length > 0) await db.insert(caseBlindIndex).values(entries.map((e) => ({ caseId, ...e })));
}

/** Other organisations' cases sharing blind-index digests with this one, counted per kind. */
export async function listSharedDigestCounts(db: Executor, caseId: string, ownerOrganisationId: string) {
  const mine = alias(caseBlindIndex, "mine");
  return db
    .select({ caseId: caseBlindIndex.caseId, kind: caseBlindIndex.kind, shared: sql<number>`count(*)::int` })
    .from(caseBlindIndex)
    .innerJoin(mine, and(eq(mine.kind, caseBlindIndex.kind), eq(mine.digest, caseBlindIndex.digest)))
    .innerJoin(cases, eq(cases.id, caseBlindIndex.caseId))
    .where(
      and(
        eq(mine.caseId, caseId),
        ne(caseBlindIndex.caseId, caseId),
        ne(cases.ownerOrganisationId, ownerOrganisationId),
        isNull(cases.anonymisedAt),
      ),
    )
    .groupBy(caseBlindIndex.caseId, caseBlindIndex.kind);
}

export async function insertLinkProposal(db: Executor, values: typeof caseLinkProposals.$inferInsert) {
  const rows = await db
    .insert(caseLinkProposals)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: caseLinkProposals.id });
  return rows.length > 0;
}

export async function insertTimelineEntry(db: Executor, values: typeof caseTimelineEntries.$inferInsert) {
  await db.insert(caseTimelineEntries).values(values);
}

export async function listTimelineEntries(db: Executor, caseId: string) {
  return db
    .select({
      entry: caseTimelineEntries,
      author: { id: users.id, displayName: users.displayName },
      organisation: {
        id: organisations.id,
        name: organisations.name,
        type: organisations.type,
        departmentCode: organisations.departmentCode,
      },
    })
    .from(caseTimelineEntries)
    .leftJoin(users, eq(users.id, caseTimelineEntries.authorUserId))
    .leftJoin(organisations, eq(organisations.id, caseTimelineEntries.authorOrganisationId))
    .where(eq(caseTimelineEntries.caseId, caseId))
    .orderBy(asc(caseTimelineEntries.occurredAt), asc(caseTimelineEntries.id));
}

export async function insertVictimStatus(db: Executor, values: typeof caseVictimStatuses.$inferInsert) {
  await db.insert(caseVictimStatuses).values(values);
}

export async function listVictimStatuses(db: Executor, caseId: string) {
  return db
    .select({ status: caseVictimStatuses, recordedBy: { id: users.id, displayName: users.displayName } })
    .from(caseVictimStatuses)
    .leftJoin(users, eq(users.id, caseVictimStatuses.recordedByUserId))
    .where(eq(caseVictimStatuses.caseId, caseId))
    .orderBy(asc(caseVictimStatuses.recordedAt), asc(caseVictimStatuses.id));
}

export async function findOrganisationRef(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      type: organisations.type,
      departmentCode: organisations.departmentCode,
      isActive: organisations.isActive,
    })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row;
}

export async function findUserRef(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      roles: users.roles,
      isActive: users.isActive,
      organisationId: users.organisationId,
      organisationType: organisations.type,
      organisationName: organisations.name,
      departmentCode: organisations.departmentCode,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id));
  return row;
}

/** The roles a referent holds; only these may be named on a case. */
const REFERENT_ROLES = ["ase_referent", "ase_manager"];

/**
 * Who may be named referent of a case: active ASE referents and managers of the owning organisation, or of an ASE
 * service of the case's département. With `userId`, that person only (empty when they may not).
 */
export async function listAssigneeCandidates(
  db: Executor,
  caseFile: { ownerOrganisationId: string; departmentCode: string },
  userId?: string,
) {
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      roles: users.roles,
      organisationName: organisations.name,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(users.isActive, true),
        sql`${users.roles} && ${sql.param(REFERENT_ROLES)}::text[]`,
        or(
          eq(users.organisationId, caseFile.ownerOrganisationId),
          and(eq(organisations.type, "ase_service"), eq(organisations.departmentCode, caseFile.departmentCode)),
        ),
        userId ? eq(users.id, userId) : undefined,
      ),
    )
    .orderBy(
      desc(eq(users.organisationId, caseFile.ownerOrganisationId)),
      asc(organisations.name),
      asc(users.displayName),
    )
    .limit(500);
}
