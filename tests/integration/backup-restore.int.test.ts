// npm run db:backup → npm run db:restore into a FRESH database (scripts/backup.ts, restore.ts), run
// as the operator would (child processes): every table's row count equal, the uploaded files
// identical, the audit chain intact (verified against the checkpoint the backup wrote), and the
// immutability triggers still firing. PostgreSQL (pg_dump -Fc / pg_restore) when DATABASE_URL is
// set, else PGlite (dumpDataDir / loadDataDir). A missing pg_dump fails the test, never skips it.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyAnchoredChain } from "@/lib/audit/anchor";
import { record } from "@/lib/audit/record";
import { storeFile } from "@/lib/evidence/storage";
import { openPglite, pgliteConn, postgresConn, prismaForPglite, prismaForUrl, type SqlConn } from "@/lib/server/database";
import { migrate } from "@/lib/server/migrate";
import { DEMO, seedDemo } from "@/lib/seed/demo";
import { seedScoringDemo } from "@/lib/seed/scoring-demo";
import { seedAwardsDemo } from "@/lib/seed/awards-demo";
import { findTool, tableCounts } from "../../scripts/backup-common";
import { createTestDb, withDatabase, type TestDb } from "./harness";

// One backend per run: the other backend's block is not registered (no skipped test shows as a pass).
const onBackend = (on: boolean): ((name: string, fn: () => void) => void) => (on ? describe : () => {});

const PG = Boolean(process.env.DATABASE_URL);
const work = mkdtempSync(path.join(tmpdir(), "thidua-backup-test-"));
const dirs = { srcUploads: path.join(work, "uploads-src"), dstUploads: path.join(work, "uploads-dst"), pgSrc: path.join(work, "pglite-src"), pgDst: path.join(work, "pglite-dst") };
const archive = path.join(work, "backup.tar.gz");
const env: Record<string, string> = {
  AUDIT_HMAC_KEY: randomBytes(32).toString("base64url"),
  AUDIT_CHECKPOINT_FILE: path.join(work, "audit-checkpoints.jsonl"),
};

beforeAll(() => {
  Object.assign(process.env, env);
  process.env.UPLOAD_DIR = dirs.srcUploads;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm run db:backup` / `db:restore` with the given environment (DATABASE_URL only when given). */
function script(name: "backup" | "restore", args: string[], extra: Record<string, string>): { status: number | null; out: string } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, ...extra };
  if (!extra.DATABASE_URL) delete childEnv.DATABASE_URL;
  const r = spawnSync(process.execPath, [path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs"), `scripts/${name}.ts`, ...args], { env: childEnv, encoding: "utf8", timeout: 300_000 });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

const SIGNED = "bk_plan_signed";

/** What a school does in a day: audited changes, a signed plan, two uploaded files. */
async function activity(prisma: PrismaClient): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await prisma.$transaction((tx) => record(tx, null, { action: "member.update", entity: "Member", entityId: `mem_${i}`, schoolId: DEMO.schools.STA, after: { position: `Tổ phó ${i}`, fullName: "Nguyễn Thị Thủy" } }));
  }
  await prisma.coordinationPlan.create({
    data: { id: SIGNED, schoolId: DEMO.schools.STA, schoolYearId: DEMO.years.Y2025, revision: 77, issuerParent: "PHÒNG GD&ĐT", issuerName: "TRƯỜNG TH SƠN THỦY A", docNumber: "77/KHPH", place: "Sơn Thủy", title: "Kế hoạch phối hợp", recipients: "Lưu VT", govSignerTitle: "Hiệu trưởng", unionSignerTitle: "Chủ tịch CĐ", sections: { create: [{ key: "a", title: "Căn cứ", body: "Luật Công đoàn", sortOrder: 1 }] } },
  });
  await prisma.coordinationPlan.update({ where: { id: SIGNED }, data: { status: "SIGNED", signedAt: new Date() } });
  await storeFile(new TextEncoder().encode("%PDF-1.4 minh chứng"));
  await storeFile(randomBytes(50_000));
}

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const sub of readdirSync(dir)) for (const f of readdirSync(path.join(dir, sub))) out[`${sub}/${f}`] = readFileSync(path.join(dir, sub, f)).toString("base64");
  return out;
}

/** The checks on the restored copy, the same for both engines. */
async function expectRestored(sql: SqlConn, prisma: PrismaClient, source: Record<string, number>) {
  const counts = await tableCounts(sql);
  expect(Object.keys(counts).length).toBeGreaterThan(40);
  expect(counts).toEqual(source);
  expect(counts.AuditLog).toBeGreaterThanOrEqual(5);
  expect(counts.AuditSeal).toBe(counts.AuditLog);
  expect(await verifyAnchoredChain(prisma)).toMatchObject({ ok: true, rows: counts.AuditLog, checkpoint: { count: counts.AuditLog } });
  await expect(sql.exec(`UPDATE "CoordinationPlan" SET "title" = 'Sửa lén' WHERE "id" = '${SIGNED}'`)).rejects.toThrow(/signed/);
  await expect(sql.exec(`TRUNCATE "CoordinationPlan" CASCADE`)).rejects.toThrow(/refused/);
  await expect(sql.exec(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
  // New audit rows still chain and seal on the restored copy.
  await prisma.$transaction((tx) => record(tx, null, { action: "member.update", entity: "Member", entityId: "after-restore" }));
  expect(await verifyAnchoredChain(prisma)).toMatchObject({ ok: true, rows: counts.AuditLog + 1 });
  expect(files(dirs.dstUploads)).toEqual(files(dirs.srcUploads));
  expect(Object.keys(files(dirs.dstUploads))).toHaveLength(2);
}

onBackend(PG)("PostgreSQL: pg_dump -Fc → pg_restore into a fresh database", () => {
  let t: TestDb;
  let source: Record<string, number>;
  const freshName = `thidua_t_${process.pid}_${randomBytes(4).toString("hex")}_restored`;
  let admin: SqlConn;

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemo(t.prisma);
    await seedScoringDemo(t.prisma);
    await seedAwardsDemo(t.prisma);
    await activity(t.prisma);
    admin = await postgresConn(process.env.DATABASE_URL!);
    await admin.exec(`CREATE DATABASE "${freshName}"`);
  }, 240_000);
  afterAll(async () => {
    await admin?.exec(`DROP DATABASE IF EXISTS "${freshName}" WITH (FORCE)`);
    await admin?.close();
    await t?.drop();
  });

  it("pg_dump and pg_restore are installed (a missing tool fails here, it is never skipped)", () => {
    expect(findTool("pg_dump")).toMatch(/pg_dump$/);
    expect(findTool("pg_restore")).toMatch(/pg_restore$/);
  });

  it("npm run db:backup writes one archive with the dump, the uploads and a manifest", async () => {
    source = await tableCounts(t.sql);
    const r = script("backup", [archive], { DATABASE_URL: t.url!, UPLOAD_DIR: dirs.srcUploads });
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/Đã sao lưu/);
    const list = spawnSync("tar", ["-tzf", archive], { encoding: "utf8" }).stdout;
    expect(list).toMatch(/database\.dump/);
    expect(list).toMatch(/manifest\.json/);
    expect(list.split("\n").filter((l) => l.includes("uploads/") && !l.endsWith("/"))).toHaveLength(2);
  }, 180_000);

  it("npm run db:restore into a fresh database: counts, audit chain, triggers and files as before", async () => {
    const url = withDatabase(process.env.DATABASE_URL!, freshName);
    const r = script("restore", [archive], { DATABASE_URL: url, UPLOAD_DIR: dirs.dstUploads });
    expect(r.status, r.out).toBe(0);
    const sql = await postgresConn(url);
    const prisma = prismaForUrl(url, 2);
    try {
      await expectRestored(sql, prisma, source);
    } finally {
      await prisma.$disconnect();
      await sql.close();
    }
  }, 180_000);

  it("refuses to restore over a database that has data", () => {
    const r = script("restore", [archive], { DATABASE_URL: t.url!, UPLOAD_DIR: dirs.dstUploads });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/không trống/);
  });
});

onBackend(!PG)("PGlite: dumpDataDir → loadDataDir into a fresh directory", () => {
  let source: Record<string, number>;

  beforeAll(async () => {
    const db = await openPglite(dirs.pgSrc);
    const sql = pgliteConn(db);
    await migrate(sql);
    const prisma = prismaForPglite(db);
    try {
      await seedDemo(prisma);
      await seedScoringDemo(prisma);
      await seedAwardsDemo(prisma);
      await activity(prisma);
      source = await tableCounts(sql);
    } finally {
      await prisma.$disconnect();
      await sql.close();
    }
  }, 240_000);

  it("npm run db:backup, then npm run db:restore into a new PGLITE_DIR: counts, audit chain, triggers and files as before", async () => {
    const b = script("backup", [archive], { PGLITE_DIR: dirs.pgSrc, UPLOAD_DIR: dirs.srcUploads });
    expect(b.status, b.out).toBe(0);
    expect(spawnSync("tar", ["-tzf", archive], { encoding: "utf8" }).stdout).toMatch(/pglite-datadir\.tar\.gz/);
    const r = script("restore", [archive], { PGLITE_DIR: dirs.pgDst, UPLOAD_DIR: dirs.dstUploads });
    expect(r.status, r.out).toBe(0);
    const db = await openPglite(dirs.pgDst);
    const sql = pgliteConn(db);
    const prisma = prismaForPglite(db);
    try {
      await expectRestored(sql, prisma, source);
    } finally {
      await prisma.$disconnect();
      await sql.close();
    }
  }, 300_000);

  it("refuses to restore into a directory that is in use", () => {
    const r = script("restore", [archive], { PGLITE_DIR: dirs.pgSrc, UPLOAD_DIR: dirs.dstUploads });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/không trống/);
  });
});
