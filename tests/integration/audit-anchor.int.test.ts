// The audit anchor (lib/audit/anchor.ts): per-row HMAC seals and checkpoints kept outside the
// database catch what the bare hash chain misses when the table owner doctors the log with the
// triggers off: rows cut off the end ("truncated") and a row changed with the chain recomputed by
// the public hash function ("rechained"). Each case checks first that audit_verify() alone is
// fooled, then that the anchored verdict is not.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointAuditChain, readCheckpoints, verifyAnchoredChain } from "@/lib/audit/anchor";
import { verifyAuditChain } from "@/lib/audit/queries";
import { record } from "@/lib/audit/record";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import { createTestDb, type TestDb } from "./harness";

const dir = mkdtempSync(path.join(tmpdir(), "thidua-anchor-"));
const file = (name: string) => path.join(dir, `${name}.jsonl`);

beforeAll(() => {
  // This test's own key and checkpoint file: never the developer's .data/.
  process.env.AUDIT_HMAC_KEY = randomBytes(32).toString("base64url");
  process.env.AUDIT_CHECKPOINT_FILE = file("page");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function write(db: TestDb, n: number, from = 1) {
  for (let i = from; i < from + n; i++) {
    await db.prisma.$transaction((tx) => record(tx, null, { action: "member.update", entity: "Member", entityId: `mem_${i}`, schoolId: "sch_sta", after: { n: i, fullName: "Nguyễn Thị Thủy" } }));
  }
}

async function bareVerify(db: TestDb): Promise<string | null> {
  const [r] = await db.sql.query<{ bad: unknown }>(`SELECT audit_verify() AS bad`);
  return r.bad === null || r.bad === undefined ? null : String(r.bad);
}

async function ids(db: TestDb): Promise<string[]> {
  return (await db.sql.query<{ id: unknown }>(`SELECT "id" FROM "AuditLog" ORDER BY "id"`)).map((r) => String(r.id));
}

/** What an owner can do: switch the append-only triggers off, run SQL, switch them on again. */
async function asOwner(db: TestDb, sql: string) {
  await db.sql.exec(`ALTER TABLE "AuditLog" DISABLE TRIGGER audit_no_update; ALTER TABLE "AuditSeal" DISABLE TRIGGER audit_seal_no_update`);
  try {
    await db.sql.exec(sql);
  } finally {
    await db.sql.exec(`ALTER TABLE "AuditLog" ENABLE TRIGGER audit_no_update; ALTER TABLE "AuditSeal" ENABLE TRIGGER audit_seal_no_update`);
  }
}

/** Changes row `fromId` and recomputes the chain from there with the public audit_row_hash(). */
function rechainFrom(fromId: string): string {
  return `DO $$
  DECLARE r RECORD; prev TEXT;
  BEGIN
    SELECT "hash" INTO prev FROM "AuditLog" WHERE "id" < ${fromId} ORDER BY "id" DESC LIMIT 1;
    UPDATE "AuditLog" SET "after" = '{"n": 0, "fullName": "Đã sửa"}' WHERE "id" = ${fromId};
    FOR r IN SELECT "id" FROM "AuditLog" WHERE "id" >= ${fromId} ORDER BY "id" LOOP
      UPDATE "AuditLog" a SET "prevHash" = coalesce(prev, 'GENESIS') WHERE a."id" = r."id";
      UPDATE "AuditLog" a SET "hash" = audit_row_hash(a."prevHash", a) WHERE a."id" = r."id" RETURNING a."hash" INTO prev;
    END LOOP;
  END $$`;
}

describe("seals and checkpoints on an intact log (the audit page)", () => {
  let t: TestDb;
  let v: DemoViewers;
  beforeAll(async () => {
    ({ t, v } = await openDemoDb());
    await write(t, 6);
  }, 240_000);
  afterAll(() => t?.drop());

  it("record() seals every row in its transaction; the seals are append-only", async () => {
    const [r] = await t.sql.query<{ rows: unknown; seals: unknown }>(`SELECT (SELECT count(*) FROM "AuditLog") AS rows, (SELECT count(*) FROM "AuditSeal") AS seals`);
    expect(Number(r.seals)).toBe(Number(r.rows));
    await expect(t.sql.exec(`UPDATE "AuditSeal" SET "mac" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.sql.exec(`DELETE FROM "AuditSeal"`)).rejects.toThrow(/append-only/);
    await expect(t.sql.exec(`TRUNCATE "AuditSeal"`)).rejects.toThrow(/append-only/);
  });

  it("the page verdict is ok, and it writes a checkpoint (then at most one every AUDIT_CHECKPOINT_MINUTES)", async () => {
    const first = await verifyAuditChain(v.ADMIN, { checkpoint: true });
    expect(first).toMatchObject({ ok: true, rows: 6, checkpoint: null, unsealed: 0 });
    let cps = readCheckpoints(file("page")).checkpoints;
    expect(cps).toHaveLength(1);
    expect(cps[0]).toMatchObject({ count: 6, lastId: (await ids(t)).at(-1) });
    expect(await verifyAuditChain(v.UPPER_SONTHUY, { checkpoint: true })).toMatchObject({ ok: true, checkpoint: { count: 6 } });
    await write(t, 2, 7);
    await verifyAuditChain(v.ADMIN, { checkpoint: true });
    expect(readCheckpoints(file("page")).checkpoints).toHaveLength(1); // less than 15 minutes ago
    const later = new Date(Date.now() + 16 * 60_000);
    expect((await checkpointAuditChain(t.prisma, { now: later })).written).toMatchObject({ count: 8 });
    cps = readCheckpoints(file("page")).checkpoints;
    expect(cps).toHaveLength(2);
    expect(await verifyAuditChain(v.STA_CHAIR, { checkpoint: true })).toBeNull();
  });

  it("an edited checkpoint line is not trusted, and counted", async () => {
    const lines = readFileSync(file("page"), "utf8").trim().split("\n");
    const forged = { ...JSON.parse(lines[1]), count: 999 };
    writeFileSync(file("page"), [...lines, JSON.stringify(forged)].join("\n") + "\n");
    expect(await verifyAnchoredChain(t.prisma)).toMatchObject({ ok: true, checkpoint: { count: 8 }, forgedCheckpoints: 1 });
  });

  it("checkpoints of another key (another install, another test) are ignored", async () => {
    expect(await verifyAnchoredChain(t.prisma, { key: randomBytes(32) })).toMatchObject({ ok: false, kind: "rechained", reason: "seal" });
    expect(readCheckpoints(file("page"), randomBytes(32)).checkpoints).toEqual([]);
  });
});

describe("truncated: the last rows deleted by the table owner", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await write(t, 8);
  }, 240_000);
  afterAll(() => t?.drop());

  it("is reported against the checkpoint although the bare chain still verifies", async () => {
    const f = file("truncated");
    expect((await checkpointAuditChain(t.prisma, { file: f, force: true })).written).toMatchObject({ count: 8 });
    const all = await ids(t);
    await asOwner(t, `DELETE FROM "AuditLog" WHERE "id" >= ${all[5]}; DELETE FROM "AuditSeal" WHERE "auditId" >= ${all[5]}`);
    expect(await bareVerify(t)).toBeNull(); // what the bare chain says
    expect(await verifyAnchoredChain(t.prisma, { file: f })).toEqual({ ok: false, kind: "truncated", checkpointAt: expect.any(String), lastId: all[7], expectedCount: 8, foundCount: 5 });
  });

  it("rows cut off after the last checkpoint are noticed by the seals they leave behind", async () => {
    const f = file("truncated-2");
    await write(t, 3, 100);
    expect((await checkpointAuditChain(t.prisma, { file: f, force: true })).verdict).toMatchObject({ ok: true });
    await write(t, 2, 200);
    const last = (await ids(t)).at(-1)!;
    await asOwner(t, `DELETE FROM "AuditLog" WHERE "id" = ${last}`);
    expect(await bareVerify(t)).toBeNull();
    expect(await verifyAnchoredChain(t.prisma, { file: f })).toMatchObject({ ok: false, kind: "truncated", lastId: last, expectedCount: null });
  });
});

describe("rechained: a row changed and the chain recomputed with the public hash function", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await write(t, 8);
  }, 240_000);
  afterAll(() => t?.drop());

  it("before the checkpoint: the head hash differs from the checkpoint's", async () => {
    const f = file("rechained");
    await checkpointAuditChain(t.prisma, { file: f, force: true });
    const all = await ids(t);
    // Seals recomputed too would need the key; leave them: the checkpoint alone must catch it.
    await asOwner(t, rechainFrom(all[3]));
    expect(await bareVerify(t)).toBeNull();
    expect(await verifyAnchoredChain(t.prisma, { file: f })).toEqual({ ok: false, kind: "rechained", checkpointAt: expect.any(String), firstBadId: null, reason: "head" });
  });

  it("without a checkpoint (or after it): the row's HMAC seal does not match", async () => {
    const all = await ids(t);
    expect(await verifyAnchoredChain(t.prisma, { file: file("none") })).toEqual({ ok: false, kind: "rechained", checkpointAt: null, firstBadId: all[3], reason: "seal" });
  });

  it("a row slipped in without the app (no key, no seal) is reported too", async () => {
    const other = await createTestDb();
    try {
      await write(other, 3);
      await other.prisma.auditLog.create({ data: { action: "member.update", entity: "Member", entityId: "forged", prevHash: "", hash: "" } });
      expect(await bareVerify(other)).toBeNull();
      const forged = (await ids(other)).at(-1);
      expect(await verifyAnchoredChain(other.prisma, { file: file("none") })).toMatchObject({ ok: false, kind: "rechained", firstBadId: forged, reason: "seal" });
    } finally {
      await other.drop();
    }
  });
});
