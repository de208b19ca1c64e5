// The migration runner: idempotent, and it refuses a migration edited after it was applied.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, migrate, migrationsDir } from "@/lib/server/migrate";
import { createTestDb, type TestDb } from "./harness";

let db: TestDb;
let dir: string;

beforeAll(async () => {
  db = await createTestDb();
  dir = mkdtempSync(path.join(tmpdir(), "thidua-migrations-"));
  cpSync(migrationsDir(), dir, { recursive: true });
});
afterAll(async () => {
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const bookkeeping = () =>
  db.sql.query<{ migration_name: string; checksum: string; finished_at: unknown }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
  );

describe("migrate()", () => {
  it("records every migration with its checksum, and a second run is a no-op", async () => {
    const before = await bookkeeping();
    expect(before.map((r) => [r.migration_name, r.checksum])).toEqual(
      listMigrations().map((m) => [m.name, m.checksum]),
    );
    expect(before.every((r) => r.finished_at !== null)).toBe(true);
    expect(await migrate(db.sql)).toEqual([]);
    expect(await migrate(db.sql)).toEqual([]);
    expect(await bookkeeping()).toEqual(before);
  });

  it("applies a new migration once", async () => {
    const name = "29991231000000_probe";
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), `CREATE TABLE "MigrateProbe" ("id" INTEGER PRIMARY KEY);\n`);
    expect(await migrate(db.sql, dir)).toEqual([name]);
    expect(await migrate(db.sql, dir)).toEqual([]);
    const [row] = await db.sql.query<{ n: unknown }>(`SELECT count(*) AS n FROM "MigrateProbe"`);
    expect(Number(row.n)).toBe(0);
  });

  it("refuses an applied migration that was edited afterwards", async () => {
    const first = listMigrations(dir)[0];
    appendFileSync(path.join(dir, first.name, "migration.sql"), "\n-- edited later\n");
    await expect(migrate(db.sql, dir)).rejects.toThrow(/edited after it was applied/);
  });

  it("rolls back a failing migration and keeps refusing until fixed by hand", async () => {
    const fresh = await createTestDb();
    try {
      const broken = mkdtempSync(path.join(tmpdir(), "thidua-migrations-"));
      cpSync(migrationsDir(), broken, { recursive: true });
      const name = "29991231000001_broken";
      mkdirSync(path.join(broken, name));
      writeFileSync(
        path.join(broken, name, "migration.sql"),
        `CREATE TABLE "HalfDone" ("id" INTEGER);\nSELECT no_such_function();\n`,
      );
      await expect(migrate(fresh.sql, broken)).rejects.toThrow();
      const [t] = await fresh.sql.query<{ t: unknown }>(`SELECT to_regclass('"HalfDone"')::text AS t`);
      expect(t.t).toBeNull();
      await expect(migrate(fresh.sql, broken)).rejects.toThrow(/failed earlier/);
      rmSync(broken, { recursive: true, force: true });
    } finally {
      await fresh.drop();
    }
  });
});
