import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, caseIdentities } from "../db/schema.ts";
import { listSealedValues } from "../test/sealed-values.ts";
import { type TestApp, testApp } from "../test/test-app.ts";
import { generateKeyRing, type Key } from "./key-ring.ts";
import { listStaleSealedValues, replaceSealedValue } from "./rotate.queries.ts";
import { reencryptSealedValues } from "./rotate.ts";
import { SEALED_COLUMNS, sealedColumnName } from "./sealed-columns.ts";
import { open, seal, sealedKeyId } from "./secret-box.ts";

const storedValues = (t: TestApp) => listSealedValues(t.ctx.db);

/** What users read back through the API: identities, notes and emergency-access reasons. */
async function readBack(
  t: TestApp,
  cases: Awaited<ReturnType<TestApp["make"]["case"]>>[],
  manager: Parameters<TestApp["api"]["as"]>[0],
) {
  const views = [];
  for (const caseFile of cases) {
    const owner = t.api.as(caseFile.owner);
    const identity = await owner.post(`/api/cases/${caseFile.id}/identity/reveal`);
    const timeline = await owner.get(`/api/cases/${caseFile.id}/timeline`);
    expect(identity.status).toBe(200);
    expect(timeline.status).toBe(200);
    views.push({ identity: identity.json(), notes: timeline.json().map((e: { text: string | null }) => e.text) });
  }
  const accesses = await t.api.as(manager).get("/api/cases/emergency-accesses");
  expect(accesses.status).toBe(200);
  return {
    views,
    reasons: accesses
      .json()
      .map((a: { reason: string }) => a.reason)
      .sort(),
  };
}

let fixture: {
  cases: Awaited<ReturnType<TestApp["make"]["case"]>>[];
  manager: Awaited<ReturnType<TestApp["make"]["user"]>>;
  original: Key[];
};

beforeAll(async () => {
  const t = await testApp();
  const owner = await t.make.user({ roles: ["ase_referent"], departmentCode: "93", withTotp: true });
  const manager = await t.make.user({ roles: ["ase_manager"], organisationId: owner.organisationId });
  const educator = await t.make.user({ roles: ["educator"], departmentCode: "75" });
  const cases = [];
  for (const surname of ["Zérouali-Benamar", "Okafor", "Nguyen"]) {
    const caseFile = await t.make.case({ owner, identity: { surname, phones: ["+33 6 12 34 56 78"] } });
    const note = await t.api.as(owner).post(`/api/cases/${caseFile.id}/notes`, { text: `Vue au foyer, ${surname}.` });
    expect(note.status).toBe(201);
    const reason = `Jeune retrouvée cette nuit (${surname}), référent injoignable, besoin des contacts.`;
    const access = await t.api
      .as(educator)
      .post("/api/cases/emergency-access", { caseNumber: caseFile.number, reason });
    expect(access.status).toBe(201);
    cases.push(caseFile);
  }
  fixture = { cases, manager, original: [...t.ctx.keys.data] };
});

afterEach(async () => {
  const { ctx } = await testApp();
  ctx.keys.data.splice(0, ctx.keys.data.length, ...fixture.original);
});

const newKey = (): Key => {
  const [key] = generateKeyRing().data;
  if (!key) throw new Error("no key");
  return key;
};

describe("reencryptSealedValues", () => {
  it("puts every sealed value under the new key, same plaintext, which the old key alone no longer opens", async () => {
    const t = await testApp();
    const before = await readBack(t, fixture.cases, fixture.manager);
    const stored = await storedValues(t);
    // Every kind of value the fixture wrote: TOTP secret, 7 identity fields, notes, emergency-access reasons.
    expect(new Set(stored.map((v) => sealedColumnName(v.entry))).size).toBeGreaterThanOrEqual(10);
    const old = [...t.ctx.keys.data];
    const key = newKey();
    t.ctx.keys.data.unshift(key);

    const summary = await reencryptSealedValues(t.ctx, { batchSize: 2, newKey: true });

    expect(summary).toMatchObject({
      keyId: key.id,
      found: stored.length,
      reencrypted: stored.length,
      changedMeanwhile: 0,
      unreadable: {},
      remaining: 0,
    });
    const after = await storedValues(t);
    expect(after).toHaveLength(stored.length);
    for (const { entry, value, aad } of after) {
      expect(sealedKeyId(value), sealedColumnName(entry)).toBe(key.id);
      expect(() => open(old, value, aad)).toThrow(/unknown key/);
    }
    t.ctx.keys.data.splice(0, t.ctx.keys.data.length, key);
    expect(await readBack(t, fixture.cases, fixture.manager)).toEqual(before);
    expect(before.views[0]?.identity).toMatchObject({ surname: "Zérouali-Benamar", phones: ["+33 6 12 34 56 78"] });

    const audit = await t.ctx.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.action, "system.key_rotation"));
    expect(audit).toEqual([
      { details: expect.objectContaining({ keyId: key.id, found: stored.length, newKey: true }) },
    ]);
    fixture.original = [key];
  });

  it("goes on where an interrupted run stopped", async () => {
    const t = await testApp();
    const total = (await storedValues(t)).length;
    const key = newKey();
    t.ctx.keys.data.unshift(key);
    const interrupted = reencryptSealedValues(
      t.ctx,
      { batchSize: 3, newKey: true },
      {
        onBatch: () => {
          throw new Error("interrupted");
        },
      },
    );
    await expect(interrupted).rejects.toThrow("interrupted");
    const underNewKey = (await storedValues(t)).filter((v) => sealedKeyId(v.value) === key.id);
    // The first batch committed (one TOTP secret: the first column listed), the rest waits.
    expect(underNewKey.length).toBeGreaterThan(0);
    expect(underNewKey.length).toBeLessThan(total);
    const done = underNewKey.length;

    const resumed = await reencryptSealedValues(t.ctx, { batchSize: 3, newKey: false });
    expect(resumed).toMatchObject({ found: total - done, reencrypted: total - done, remaining: 0 });
    expect((await storedValues(t)).every((v) => sealedKeyId(v.value) === key.id)).toBe(true);
    const again = await reencryptSealedValues(t.ctx, { newKey: false });
    expect(again).toMatchObject({ found: 0, reencrypted: 0 });
    fixture.original = [key];
  });

  it("leaves a value a user changed after it was read", async () => {
    const t = await testApp();
    const entry = SEALED_COLUMNS.find((e) => e.column === caseIdentities.surnameEnc);
    if (!entry) throw new Error("surname not listed");
    const key = newKey();
    t.ctx.keys.data.unshift(key);
    const [stale] = await listStaleSealedValues(t.ctx.db, entry, key.id, null, 1);
    if (!stale) throw new Error("nothing to re-encrypt");
    const edited = seal(t.ctx.keys.data, JSON.stringify("Nouveau nom"), entry.aad(stale.key));
    await t.ctx.db
      .update(caseIdentities)
      .set({ surnameEnc: edited as never })
      .where(eq(caseIdentities.caseId, stale.key[0] ?? ""));

    const resealed = seal(
      t.ctx.keys.data,
      open(t.ctx.keys.data, stale.value, entry.aad(stale.key)),
      entry.aad(stale.key),
    );
    expect(await replaceSealedValue(t.ctx.db, entry, stale, resealed)).toBe(false);
    const [row] = await t.ctx.db
      .select({ surname: caseIdentities.surnameEnc })
      .from(caseIdentities)
      .where(eq(caseIdentities.caseId, stale.key[0] ?? ""));
    expect(row?.surname).toBe(edited);
  });
});
