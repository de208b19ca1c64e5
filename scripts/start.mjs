// npm start — the first command on a fresh machine: prepares the database (embedded PGlite
// under .data/ unless DATABASE_URL is set), seeds demo data on first run, builds if needed,
// and serves on PORT (default 3000).
import { spawnSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

const root = process.cwd();
const env = { ...process.env };
const dataDir = path.join(root, ".data");
mkdirSync(dataDir, { recursive: true });

if (!env.NEXTAUTH_SECRET && !env.AUTH_SECRET) {
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}
const port = env.PORT ?? "3000";
env.NEXTAUTH_URL ??= `http://localhost:${port}`;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
if (env.DATABASE_URL) {
  run(process.execPath, [tsx, "scripts/migrate.ts"]);
  console.log("Dùng PostgreSQL từ DATABASE_URL. Dữ liệu mẫu chỉ được nạp khi chạy: npm run db:seed");
} else {
  env.PGLITE_DIR ??= path.join(dataDir, "pglite");
  env.SHOW_DEMO_ACCOUNTS ??= "1";
  run(process.execPath, [tsx, "scripts/seed.ts"]);
}

const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
// V8 sizes its heap limit from the machine's memory (GBs) and, under load, lets the heap grow
// toward it instead of collecting, then keeps the pages: RSS went from 403 MB to 1.48 GB in a
// 50-user run and stayed at 1.31 GB. The server's live data is ~100 MB; the largest single job,
// a 20,000-row Excel export, needs ~180 MB of heap on its own, so 384 MB of old generation keeps
// the server near its working set with room for that. `npm run bench` uses these same flags.
const NODE_FLAGS = ["--max-old-space-size=384"];
if (!existsSync(path.join(root, ".next", "BUILD_ID")) || env.REBUILD === "1") {
  console.log("Đang build ứng dụng (lần đầu mất khoảng 1–2 phút)…");
  run(process.execPath, [next, "build"]);
}
console.log(`\nThi đua đang chạy tại http://localhost:${port}`);
console.log("Đăng nhập thử: chutich.sta@thidua.test / ThiDua@2025 (các tài khoản khác: README)\n");
const child = spawn(process.execPath, [...NODE_FLAGS, next, "start", "-p", port], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
