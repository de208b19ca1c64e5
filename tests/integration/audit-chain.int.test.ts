// The audit log is append-only and hash-chained by database triggers (foundation migration).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prismaForUrl } from "@/lib/server/database";
import { createTestDb, type TestDb } from "./harness";
import { raceIt } from "../factories/races";

let db: TestDb;

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.drop();
});

/** The trigger fills prevHash, hash (and id); callers pass "" for both. */
const entry = (n: number) => ({
  action: "TEST",
  entity: "Probe",
  entityId: `p${n}`,
  schoolId: "school-a",
  after: { n, name: "Nguyễn Thị Thủy" },
  prevHash: "",
  hash: "",
});

async function verify(): Promise<string | null> {
  const [row] = await db.sql.query<{ bad: unknown }>(`SELECT audit_verify() AS bad`);
  return row.bad === null || row.bad === undefined ? null : String(row.bad);
}

async function refused(statement: string): Promise<string> {
  try {
    await db.sql.exec(statement);
  } catch (e) {
    return String((e as Error).message);
  }
  return "accepted";
}

describe("audit log", () => {
  it("chains rows inserted through Prisma", async () => {
    const rows = [];
    for (let i = 1; i <= 5; i++) rows.push(await db.prisma.auditLog.create({ data: entry(i) }));
    expect(rows[0].prevHash).toBe("GENESIS");
    for (let i = 0; i < rows.length; i++) {
      expect(rows[i].hash).toMatch(/^[0-9a-f]{64}$/);
      if (i > 0) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    }
    expect(await verify()).toBeNull();
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    expect(await refused(`UPDATE "AuditLog" SET "action" = 'X'`)).toMatch(/append-only/);
    expect(await refused(`DELETE FROM "AuditLog"`)).toMatch(/append-only/);
    expect(await refused(`TRUNCATE "AuditLog"`)).toMatch(/append-only/);
    const first = await db.prisma.auditLog.findFirstOrThrow({ orderBy: { id: "asc" } });
    await expect(db.prisma.auditLog.update({ where: { id: first.id }, data: { action: "X" } })).rejects.toThrow();
    await expect(db.prisma.auditLog.deleteMany({})).rejects.toThrow();
    expect(await db.prisma.auditLog.count()).toBe(5);
    expect(await verify()).toBeNull();
  });

  raceIt("stays one chain under 20 concurrent writers", async () => {
    const pool = prismaForUrl(db.url!, 20);
    try {
      await Promise.all(Array.from({ length: 20 }, (_, i) => pool.auditLog.create({ data: entry(100 + i) })));
    } finally {
      await pool.$disconnect();
    }
    expect(await db.prisma.auditLog.count()).toBe(25);
    expect(await verify()).toBeNull();
  });

  // Last: it leaves a tampered row behind.
  it("audit_verify() names a row changed behind the trigger's back", async () => {
    const victim = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: "p3" } });
    // Only a superuser or the table owner can do this; the app's role must be neither in production.
    await db.sql.exec(`ALTER TABLE "AuditLog" DISABLE TRIGGER audit_no_update`);
    await db.sql.query(`UPDATE "AuditLog" SET "after" = '{"n": 3, "name": "đã sửa"}' WHERE "id" = $1`, [
      String(victim.id),
    ]);
    await db.sql.exec(`ALTER TABLE "AuditLog" ENABLE TRIGGER audit_no_update`);
    expect(await verify()).toBe(String(victim.id));
    expect(await refused(`UPDATE "AuditLog" SET "action" = 'X'`)).toMatch(/append-only/);
  });
});
