// Shared by scripts/backup.ts and scripts/restore.ts.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { SqlConn } from "../lib/server/database";

/** pg_dump / pg_restore / tar: on PATH, else the newest /usr/lib/postgresql/<v>/bin. Throws when missing. */
export function findTool(name: string): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(path.join(base, v, "bin", name))) return path.join(base, v, "bin", name);
  }
  throw new Error(`Không tìm thấy ${name}. Cài gói postgresql-client (cùng phiên bản với máy chủ hoặc mới hơn) rồi chạy lại.`);
}

export function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} thất bại (mã ${r.status}).`);
}

/** Row count of every table of the public schema (Prisma's bookkeeping included). */
export async function tableCounts(sql: SqlConn): Promise<Record<string, number>> {
  const tables = await sql.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const counts: Record<string, number> = {};
  for (const { t } of tables) {
    const [r] = await sql.query<{ n: unknown }>(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`);
    counts[t] = Number(r.n);
  }
  return counts;
}

export function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
  return n;
}

export function uploadDir(): string {
  return path.resolve(process.env.UPLOAD_DIR ?? path.join(process.cwd(), ".data", "uploads"));
}
