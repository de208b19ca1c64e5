// Applies prisma/migrations/*/migration.sql in order, keeping Prisma's own bookkeeping table
// (_prisma_migrations) so that `prisma migrate status` elsewhere agrees with us.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { SqlConn } from "./database";

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function migrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

export function listMigrations(dir = migrationsDir()): { name: string; sql: string; checksum: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies pending migrations; refuses to go on when an applied file was edited. */
export async function migrate(conn: SqlConn, dir = migrationsDir()): Promise<string[]> {
  await conn.exec(BOOKKEEPING);
  const done = await conn.query<{ migration_name: string; checksum: string; finished_at: unknown }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const byName = new Map(done.map((r) => [r.migration_name, r]));
  const applied: string[] = [];
  for (const m of listMigrations(dir)) {
    const prev = byName.get(m.name);
    if (prev) {
      if (!prev.finished_at) throw new Error(`Migration ${m.name} failed earlier; fix the database by hand.`);
      if (prev.checksum !== m.checksum) throw new Error(`Migration ${m.name} was edited after it was applied.`);
      continue;
    }
    const id = randomUUID();
    await conn.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
      [id, m.checksum, m.name],
    );
    await conn.exec(`BEGIN;\n${m.sql}\nCOMMIT;`).catch(async (e) => {
      await conn.exec("ROLLBACK").catch(() => {});
      await conn.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String(e)]);
      throw e;
    });
    await conn.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    applied.push(m.name);
  }
  return applied;
}
