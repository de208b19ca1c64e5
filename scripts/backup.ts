// npm run db:backup [-- <file.tar.gz>] — one archive holding the database and the uploaded files.
//   PostgreSQL (DATABASE_URL): pg_dump -Fc (custom format, restored by pg_restore);
//   embedded PGlite (PGLITE_DIR, default .data/pglite): PGlite's dumpDataDir() tarball — stop the
//   app first, PGlite is single-process.
// Plus uploads/ (UPLOAD_DIR, default .data/uploads: evidence and dossier files) and manifest.json
// (row count of every table, the audit verdict). The audit chain is checkpointed first
// (lib/audit/anchor.ts), so the restored copy verifies against it. The HMAC key (AUDIT_HMAC_KEY /
// .data/audit-key) is NOT in the archive: keep it apart, as the checkpoint file.
// Default output: .data/backups/thidua-<date>-<time>.tar.gz. Restore: npm run db:restore -- <file>.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkpointAuditChain, type AnchorVerdict, type Checkpoint } from "../lib/audit/anchor";
import { embeddedDir, openPglite, pgliteConn, postgresConn, prismaForPglite, prismaForUrl, redact } from "../lib/server/database";
import { countFiles, findTool, run, tableCounts, uploadDir } from "./backup-common";

const started = performance.now();
const url = process.env.DATABASE_URL;
const uploads = uploadDir();
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
const out = path.resolve(process.argv[2] ?? path.join(process.cwd(), ".data", "backups", `thidua-${stamp}.tar.gz`));

if (existsSync(out)) {
  console.error(`Tệp ${out} đã có; chọn tên khác.`);
  process.exit(1);
}
const work = mkdtempSync(path.join(tmpdir(), "thidua-backup-"));
try {
  const tar = findTool("tar");
  let counts: Record<string, number>;
  let verdict: AnchorVerdict;
  let written: Checkpoint | null;
  let source: string;
  if (url) {
    const pgDump = findTool("pg_dump");
    const sql = await postgresConn(url);
    const prisma = prismaForUrl(url, 2);
    try {
      ({ verdict, written } = await checkpointAuditChain(prisma, { force: true }));
      // The counts and the dump see the same snapshot: pg_dump joins this transaction's.
      await sql.exec("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      const [{ snapshot }] = await sql.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
      counts = await tableCounts(sql);
      run(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, `--file=${path.join(work, "database.dump")}`, `--dbname=${url}`]);
      await sql.exec("COMMIT");
    } finally {
      await prisma.$disconnect();
      await sql.close();
    }
    source = redact(url);
  } else {
    const dir = embeddedDir();
    if (!existsSync(dir)) throw new Error(`Không có cơ sở dữ liệu nhúng tại ${dir}.`);
    const db = await openPglite(dir);
    const sql = pgliteConn(db);
    const prisma = prismaForPglite(db);
    try {
      ({ verdict, written } = await checkpointAuditChain(prisma, { force: true }));
      counts = await tableCounts(sql);
      const dump = await db.dumpDataDir("gzip");
      writeFileSync(path.join(work, "pglite-datadir.tar.gz"), Buffer.from(await dump.arrayBuffer()));
    } finally {
      await prisma.$disconnect();
      await sql.close();
    }
    source = dir;
  }
  const files = countFiles(uploads);
  if (files) cpSync(uploads, path.join(work, "uploads"), { recursive: true });
  else mkdirSync(path.join(work, "uploads"));
  const manifest = { format: 1, app: "thi-dua", createdAt: new Date().toISOString(), kind: url ? "postgres" : "pglite", source, counts, uploads: files, audit: verdict };
  writeFileSync(path.join(work, "manifest.json"), JSON.stringify(manifest, null, 2));
  mkdirSync(path.dirname(out), { recursive: true });
  run(tar, ["-czf", out, "-C", work, "."]);
  const ms = Math.round(performance.now() - started);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`Đã sao lưu ${source} → ${out}`);
  console.log(`  ${Object.keys(counts).length} bảng, ${rows} dòng, ${files} tệp tải lên; ${(statSync(out).size / 1024).toFixed(0)} KB; ${ms} ms`);
  if (!verdict.ok) console.log(`  CẢNH BÁO: chuỗi nhật ký không toàn vẹn: ${JSON.stringify(verdict)}`);
  else console.log(`  Chuỗi nhật ký toàn vẹn (${verdict.rows} bản ghi)${written ? `; đã ghi mốc kiểm tra đến #${written.lastId}` : ""}.`);
} catch (e) {
  console.error(`Sao lưu thất bại: ${(e as Error).message}`);
  rmSync(out, { force: true });
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
