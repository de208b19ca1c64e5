// npm run db:restore -- <file.tar.gz> — restores an archive of npm run db:backup into a FRESH
// database and the upload directory:
//   PostgreSQL (DATABASE_URL): pg_restore into an empty database (createdb first); the triggers
//   come after the data, as pg_dump orders them, so the audit chain and decided rows load as they were;
//   PGlite (PGLITE_DIR, default .data/pglite): the directory must not exist or be empty.
// Uploaded files go to UPLOAD_DIR (default .data/uploads); files already there are kept.
// Then it checks every table's row count against the archive's manifest and verifies the audit
// chain (against the checkpoint file, AUDIT_CHECKPOINT_FILE, with the key AUDIT_HMAC_KEY /
// .data/audit-key of the original install). Exit code 1 when anything differs.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { verifyAnchoredChain } from "../lib/audit/anchor";
import { embeddedDir, pgliteConn, postgresConn, prismaForPglite, prismaForUrl, redact, type SqlConn } from "../lib/server/database";
import { countFiles, findTool, run, tableCounts, uploadDir } from "./backup-common";

const started = performance.now();
const archive = process.argv[2];
if (!archive || !existsSync(archive)) {
  console.error("Cách dùng: npm run db:restore -- <tệp sao lưu .tar.gz>");
  process.exit(1);
}
const url = process.env.DATABASE_URL;
const work = mkdtempSync(path.join(tmpdir(), "thidua-restore-"));

interface Manifest {
  format: number;
  kind: "postgres" | "pglite";
  createdAt: string;
  counts: Record<string, number>;
  uploads: number;
}

async function check(sql: SqlConn, prisma: Parameters<typeof verifyAnchoredChain>[0], manifest: Manifest): Promise<boolean> {
  const counts = await tableCounts(sql);
  const diff = Object.keys({ ...manifest.counts, ...counts }).filter((t) => manifest.counts[t] !== counts[t]);
  for (const t of diff) console.error(`  Bảng ${t}: bản sao lưu ${manifest.counts[t] ?? "không có"}, sau khôi phục ${counts[t] ?? "không có"}`);
  const verdict = await verifyAnchoredChain(prisma);
  if (verdict.ok) console.log(`  Chuỗi nhật ký toàn vẹn (${verdict.rows} bản ghi${verdict.checkpoint ? `, khớp mốc kiểm tra ${verdict.checkpoint.at}` : ", không có mốc kiểm tra của chuỗi này"}).`);
  else console.error(`  CẢNH BÁO: chuỗi nhật ký không toàn vẹn (${verdict.kind}): ${JSON.stringify(verdict)}`);
  if (!diff.length) console.log(`  ${Object.keys(counts).length} bảng, số dòng khớp bản sao lưu.`);
  return diff.length === 0 && verdict.ok;
}

try {
  run(findTool("tar"), ["-xzf", path.resolve(archive), "-C", work]);
  const manifest = JSON.parse(readFileSync(path.join(work, "manifest.json"), "utf8")) as Manifest;
  if (manifest.format !== 1) throw new Error(`Định dạng bản sao lưu không hỗ trợ: ${manifest.format}`);
  let ok: boolean;
  let target: string;
  if (manifest.kind === "postgres") {
    if (!url) throw new Error("Bản sao lưu của PostgreSQL: đặt DATABASE_URL trỏ tới một cơ sở dữ liệu mới, trống (createdb).");
    const sql = await postgresConn(url);
    try {
      const [r] = await sql.query<{ n: unknown }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`);
      if (Number(r.n) > 0) throw new Error(`${redact(url)} không trống. Khôi phục vào một cơ sở dữ liệu mới (createdb), không ghi đè dữ liệu đang có.`);
    } finally {
      await sql.close();
    }
    run(findTool("pg_restore"), ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`, path.join(work, "database.dump")]);
    const conn = await postgresConn(url);
    const prisma = prismaForUrl(url, 2);
    try {
      ok = await check(conn, prisma, manifest);
    } finally {
      await prisma.$disconnect();
      await conn.close();
    }
    target = redact(url);
  } else {
    if (url) throw new Error("Bản sao lưu của cơ sở dữ liệu nhúng (PGlite): bỏ DATABASE_URL, đặt PGLITE_DIR tới một thư mục mới.");
    const dir = embeddedDir();
    if (existsSync(dir) && readdirSync(dir).length) throw new Error(`${dir} không trống. Chọn thư mục mới (PGLITE_DIR) hoặc chuyển thư mục cũ đi.`);
    mkdirSync(dir, { recursive: true });
    const blob = new Blob([readFileSync(path.join(work, "pglite-datadir.tar.gz"))]);
    const db = new PGlite(dir, { loadDataDir: blob });
    await db.waitReady;
    const conn = pgliteConn(db);
    const prisma = prismaForPglite(db);
    try {
      ok = await check(conn, prisma, manifest);
    } finally {
      await prisma.$disconnect();
      await conn.close();
    }
    target = dir;
  }
  const uploads = uploadDir();
  if (existsSync(path.join(work, "uploads"))) {
    mkdirSync(uploads, { recursive: true });
    cpSync(path.join(work, "uploads"), uploads, { recursive: true, force: false, errorOnExist: false });
  }
  const files = countFiles(path.join(work, "uploads"));
  console.log(`Đã khôi phục ${path.basename(archive)} (${manifest.createdAt}) → ${target}; ${files} tệp tải lên → ${uploads}; ${Math.round(performance.now() - started)} ms`);
  if (files !== manifest.uploads) {
    console.error(`  Số tệp tải lên: bản sao lưu ${manifest.uploads}, trong tệp nén ${files}`);
    ok = false;
  }
  if (!ok) process.exitCode = 1;
} catch (e) {
  console.error(`Khôi phục thất bại: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
