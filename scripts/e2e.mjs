// npm run test:e2e [-- playwright args] — build, fresh seeded database, `next start` on
// port 3100, Playwright, then tear everything down. Exits with Playwright's code.
//   SKIP_BUILD=1   reuse .next when a build exists
//   DATABASE_URL   a PostgreSQL server: a database thidua_e2e_<pid> is created there and dropped
//                  afterwards; without it a fresh embedded (PGlite) directory is used.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PORT = 3100;
const BASE = `http://127.0.0.1:${PORT}`;
const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const PLAYWRIGHT = path.join(ROOT, "node_modules", "@playwright", "test", "cli.js");
const LOG = path.join(ROOT, "test-results", "e2e-server.log");

const say = (m) => console.error(`[e2e] ${m}`);
const node = (args, env = process.env) =>
  spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env }).status ?? 1;

let server = null;
let dbName = null;
let pgliteDir = null;

async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function prepareDatabase() {
  const env = { ...process.env };
  if (process.env.DATABASE_URL) {
    dbName = `thidua_e2e_${process.pid}`;
    await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE "${dbName}"`);
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${dbName}`;
    env.DATABASE_URL = u.toString();
    say(`database ${dbName}`);
  } else {
    pgliteDir = mkdtempSync(path.join(tmpdir(), "thidua-e2e-"));
    env.PGLITE_DIR = pgliteDir;
    say(`embedded database in ${pgliteDir}`);
  }
  if (!existsSync(path.join(ROOT, "scripts", "seed.ts"))) throw new Error("scripts/seed.ts is missing");
  // seed.ts migrates first, then loads the demo data.
  if (node([TSX, "scripts/seed.ts"], env) !== 0) throw new Error("seeding failed");
  return env;
}

async function answers(url) {
  try {
    const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

async function startServer(env) {
  if (await answers(BASE)) throw new Error(`something already answers on ${BASE}; stop it first`);
  mkdirSync(path.dirname(LOG), { recursive: true });
  const log = createWriteStream(LOG);
  server = spawn(process.execPath, [NEXT, "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...env,
      AUTH_SECRET: "e2e-test-secret-not-for-production-0123456789",
      NEXTAUTH_SECRET: "e2e-test-secret-not-for-production-0123456789",
      NEXTAUTH_URL: BASE,
    },
    detached: true, // own process group, so stopServer() ends next's children too
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  let exited = false;
  server.on("exit", () => (exited = true));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`next start exited early; see ${path.relative(ROOT, LOG)}`);
    if (await answers(`${BASE}/dang-nhap`)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`next start did not answer within 90 s; see ${path.relative(ROOT, LOG)}`);
}

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const gone = new Promise((r) => server.once("exit", r));
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {}
  const timer = setTimeout(() => {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {}
  }, 10_000);
  await gone;
  clearTimeout(timer);
}

async function cleanup() {
  await stopServer();
  if (dbName) {
    await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((e) =>
      say(`could not drop ${dbName}: ${e.message}`),
    );
    dbName = null;
  }
  if (pgliteDir) {
    rmSync(pgliteDir, { recursive: true, force: true });
    pgliteDir = null;
  }
}

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => cleanup().finally(() => process.exit(130)));
}

// One e2e run at a time per checkout: two builds in one .next, or two servers on one port,
// would break each other (several engineers share a machine).
const LOCK = path.join(ROOT, ".next-e2e.lock");
async function acquireLock() {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, "pid"), String(process.pid));
      return;
    } catch {
      let holder = 0;
      try {
        holder = Number(readFileSync(path.join(LOCK, "pid"), "utf8").trim());
      } catch {}
      let alive = !holder; // no pid yet: the holder is still writing it
      try {
        if (holder) {
          process.kill(holder, 0);
          alive = true;
        }
      } catch {}
      if (!alive) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error("another e2e run holds the lock for 30 minutes");
      else await new Promise((r) => setTimeout(r, 2000));
    }
  }
}
process.on("exit", () => {
  try {
    if (readFileSync(path.join(LOCK, "pid"), "utf8").trim() === String(process.pid)) rmSync(LOCK, { recursive: true, force: true });
  } catch {}
});

/** Specs that run on a database of their own in a whole run (see below). */
const ISOLATED = ["awards.spec.ts", "awards-routes.spec.ts", "council-votes.spec.ts", "double-submit.spec.ts"];

/** One e2e.json whose stats add up every pass (scripts/test.mjs reads the stats). */
function mergeReports(files) {
  const reports = files.filter((f) => existsSync(f)).map((f) => JSON.parse(readFileSync(f, "utf8")));
  if (reports.length < files.length) say(`only ${reports.length} of ${files.length} pass reports were written`);
  if (!reports.length) return;
  const stats = { ...reports[0].stats };
  for (const k of ["expected", "unexpected", "flaky", "skipped"]) stats[k] = reports.reduce((n, r) => n + (r.stats?.[k] ?? 0), 0);
  // A pass that wrote no report failed without tests: count it as one failure.
  stats.unexpected += files.length - reports.length;
  writeFileSync(files[0], JSON.stringify({ ...reports[0], stats, passes: reports.map((r) => r.stats) }, null, 2));
}

let code = 1;
try {
  await acquireLock();
  const built = existsSync(path.join(ROOT, ".next", "BUILD_ID"));
  if (process.env.SKIP_BUILD === "1" && built) say("SKIP_BUILD=1: reusing .next");
  else if (node([NEXT, "build"]) !== 0) throw new Error("next build failed");
  const args = process.argv.slice(2);
  // A whole run (no spec named): the journeys that build the same school's nomination package
  // from the same demo year each get a fresh database of their own, after the main pass;
  // sharing one would make each see the others' nominees.
  const whole = !args.some((a) => a.endsWith(".spec.ts"));
  const passes = whole
    ? [{ args, json: "e2e.json", env: { E2E_SKIP_ISOLATED: "1" } }, ...ISOLATED.map((f, i) => ({ args: [`tests/e2e/${f}`, ...args], json: `e2e-iso-${i}.json`, env: {} }))]
    : [{ args, json: "e2e.json", env: {} }];
  let first = true;
  for (const pass of passes) {
    if (!first) {
      await cleanup();
      say(`fresh database for ${pass.args[0]}`);
    }
    first = false;
    const env = await prepareDatabase();
    await startServer(env);
    say(`server answers on ${BASE}`);
    const result = spawnSync(process.execPath, [PLAYWRIGHT, "test", ...pass.args], {
      cwd: ROOT,
      stdio: "inherit",
      // The test process may count rows in the server's database (PostgreSQL only; PGlite is
      // held by the server process).
      // react-server: the security sweep builds its payloads with the app's own server-only
      // modules (tests/factories/action-fixtures.ts), as `npm run bench` does.
      env: { ...env, ...pass.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim(), E2E_JSON: path.join("test-results", pass.json), E2E_BASE_URL: BASE, ...(env.DATABASE_URL ? { E2E_DATABASE_URL: env.DATABASE_URL } : {}) },
    });
    if ((result.status ?? 1) !== 0) code = result.status ?? 1;
    else if (code === 1 && pass === passes[0]) code = 0;
  }
  if (whole) mergeReports(passes.map((p) => path.join(ROOT, "test-results", p.json)));
} catch (e) {
  say(e instanceof Error ? e.message : String(e));
  if (server && existsSync(LOG)) {
    say("last lines of the server log:");
    console.error(readFileSync(LOG, "utf8").split("\n").slice(-30).join("\n"));
  }
  code = 1;
} finally {
  await cleanup();
}
process.exit(code);
