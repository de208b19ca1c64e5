// The load half of `npm run bench` (also runnable alone: `npx tsx scripts/bench-load.ts`):
// a bounded load run against a started `next start` on a loopback port, with the demo data on
// PostgreSQL (DATABASE_URL names the server; a throwaway database thidua_load_<pid> is created
// there and dropped afterwards; without DATABASE_URL an embedded PGlite directory is used and
// the figures say so).
//
// User model (printed with the figures): a CLOSED loop of BENCH_USERS virtual users (default 50),
// each signed in once through next-auth's own endpoints as a real demo account (chairs,
// principals, a group leader, a member, upper-unit staff, the admin — only the accounts that
// may open the page under test), reusing its cookie. A user requests the page, reads the
// whole body, "thinks" for a uniform random BENCH_THINK_MS (default 500–1500 ms, i.e. a person
// clicking about every second — far busier than a real school), and repeats, for
// BENCH_SECONDS (default 30) per page. No user has more than one request in flight; every
// request is cut at BENCH_TIMEOUT_MS (default 30 s), so the run is bounded in count and time.
// BENCH_THINK_MS=0 turns it into a saturation run (each user fires again at once).
//
// Printed per page: requests, errors, throughput, p50/p95/p99/max; and the server's resident
// memory (sum of VmRSS over the next-server process tree, /proc/<pid>/status) before, at its
// peak, and after the run.
//
// Environment: BENCH_USERS, BENCH_SECONDS, BENCH_THINK_MS ("min-max" or "n"), BENCH_TIMEOUT_MS,
// BENCH_PAGES (comma list: dashboard,members,review,plan-pdf), BENCH_PORT (default: a free one),
// BENCH_BUILD (auto: build when .next is missing or older than the sources | always | never),
// BENCH_SETTLE_MS (wait before the "after" memory reading, default 10000).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHmac } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";

const ROOT = process.cwd();
const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const LOG = path.join(ROOT, "test-results", "bench-server.log");
const PASSWORD = "ThiDua@2025";
const SECRET = "bench-secret-not-for-production-0123456789";

const say = (m: string) => console.log(`[bench] ${m}`);
const envNum = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);

export interface LoadOptions {
  users: number;
  seconds: number;
  thinkMs: [number, number];
  timeoutMs: number;
  pages: string[];
  settleMs: number;
}

function options(): LoadOptions {
  const think = (process.env.BENCH_THINK_MS ?? "500-1500").split("-").map(Number);
  return {
    users: envNum("BENCH_USERS", 50),
    seconds: envNum("BENCH_SECONDS", 30),
    thinkMs: [think[0], think[1] ?? think[0]],
    timeoutMs: envNum("BENCH_TIMEOUT_MS", 30_000),
    pages: (process.env.BENCH_PAGES ?? "dashboard,members,review,plan-pdf").split(",").map((s) => s.trim()).filter(Boolean),
    settleMs: envNum("BENCH_SETTLE_MS", 10_000),
  };
}

// ---------------------------------------------------------------------------------------------
// Demo accounts and the pages each may open.

/** twoStep: the account signs in with a TOTP code (lib/auth/two-step.ts; the demo secret is published). */
type Account = { email: string; role: string; school?: string; unit?: string; twoStep?: boolean };
const ACCOUNTS: Account[] = [
  { email: "chutich.sta@thidua.test", role: "chair", school: "sch_sta" },
  { email: "chutich.kd@thidua.test", role: "chair", school: "sch_kd" },
  { email: "hieutruong.sta@thidua.test", role: "principal", school: "sch_sta" },
  { email: "hieutruong.kd@thidua.test", role: "principal", school: "sch_kd" },
  { email: "totruong.sta@thidua.test", role: "group leader", school: "sch_sta" },
  { email: "doanvien.sta@thidua.test", role: "member", school: "sch_sta" },
  { email: "congdoan@thidua.test", role: "upper staff", school: "sch_sta", unit: "org_cdgd_sonthuy", twoStep: true },
  { email: "congdoan.bs@thidua.test", role: "upper staff", school: "sch_bs", unit: "org_cdgd_bacson", twoStep: true },
  { email: "admin@thidua.test", role: "admin", school: "sch_kd", unit: "org_cdgd_sonthuy", twoStep: true },
];

interface Scenario {
  key: string;
  label: string;
  /** The URL this account requests, or null when the page is not for it. */
  url: (a: Account, fx: Fixture) => string | null;
  pdf?: boolean;
}

interface Fixture {
  planPdf: string;
}

const SCENARIOS: Scenario[] = [
  { key: "dashboard", label: "dashboard /", url: () => "/" },
  {
    key: "members",
    label: "member list /truong/[id]/doan-vien",
    url: (a) => (a.role === "member" || !a.school ? null : `/truong/${a.school}/doan-vien`),
  },
  { key: "review", label: "review queue /cap-tren/[id]/duyet", url: (a) => (a.unit ? `/cap-tren/${a.unit}/duyet` : null) },
  {
    key: "plan-pdf",
    label: "signed plan PDF …/ke-hoach/[id]/pdf",
    url: (a, fx) => (a.school === "sch_sta" || a.role === "admin" ? fx.planPdf : null),
    pdf: true,
  },
];

// ---------------------------------------------------------------------------------------------
// Sign-in through next-auth (csrf → credentials callback), with TOTP when the account asks.

class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  has(name: RegExp) {
    return [...this.cookies.keys()].some((k) => name.test(k));
  }
}

/** RFC 6238 (SHA-1, 30 s, 6 digits) from a base32 secret: for demo accounts with two-step sign-in. */
export function totp(base32: string, now = Date.now()): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const ch of base32.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 1000 / 30)));
  const h = createHmac("sha1", key).update(counter).digest();
  const o = h[h.length - 1] & 0xf;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** The published demo TOTP secret (lib/auth/demo-totp.ts). */
function demoTotpSecret(): string | null {
  if (process.env.BENCH_TOTP_SECRET) return process.env.BENCH_TOTP_SECRET;
  for (const f of ["lib/auth/demo-totp.ts", "lib/seed/demo.ts"]) {
    const p = path.join(ROOT, f);
    if (!existsSync(p)) continue;
    const m = readFileSync(p, "utf8").match(/DEMO_TOTP_SECRET\s*=\s*"([A-Z2-7=]{16,})"/);
    if (m) return m[1];
  }
  return null;
}

async function signIn(base: string, account: Account): Promise<string> {
  const email = account.email;
  const jar = new Jar();
  const csrfRes = await fetch(`${base}/api/auth/csrf`, { signal: AbortSignal.timeout(30_000) });
  jar.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const fields: Record<string, string> = { csrfToken, email, password: PASSWORD, callbackUrl: `${base}/`, json: "true" };
  if (account.twoStep) {
    const secret = demoTotpSecret();
    if (!secret) throw new Error(`${email} needs a two-step code and no demo TOTP secret was found`);
    fields.code = totp(secret);
  }
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header() },
    body: new URLSearchParams(fields).toString(),
    signal: AbortSignal.timeout(30_000),
  });
  jar.take(res);
  await res.arrayBuffer();
  if (!jar.has(/session-token/)) throw new Error(`sign-in failed for ${email} (HTTP ${res.status})`);
  return jar.header();
}

// ---------------------------------------------------------------------------------------------
// Memory of the server's process tree.

function children(): Map<number, number[]> {
  const kids = new Map<number, number[]>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(d)]);
    } catch {}
  }
  return kids;
}

/** pid and its descendants. */
function tree(pid: number): number[] {
  const kids = children();
  const out: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(kids.get(p) ?? []));
  }
  return out;
}

/**
 * CPU time (ms, user + system) the server's process tree has used: the work per request,
 * which unlike latency does not depend on what else the machine is running.
 */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of tree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
    } catch {}
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** Sum of VmRSS (MB) over pid and its descendants. */
export function treeRssMb(pid: number): number {
  const kids = children();
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = readFileSync(`/proc/${p}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
      if (m) kb += Number(m[1]);
    } catch {}
    stack.push(...(kids.get(p) ?? []));
  }
  return kb / 1024;
}

// ---------------------------------------------------------------------------------------------
// The closed loop.

interface Result {
  key: string;
  label: string;
  users: number;
  mix: string;
  requests: number;
  errors: number;
  errorKinds: Record<string, number>;
  seconds: number;
  latencies: number[];
  rssEndMb: number;
  cpuMsPerRequest: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function runScenario(base: string, s: Scenario, vus: { account: Account; cookie: string; url: string }[], o: LoadOptions, serverPid: number): Promise<Result> {
  // Warm-up (not measured): each distinct URL twice.
  for (const u of [...new Map(vus.map((v) => [v.url + v.account.email, v])).values()]) {
    for (let i = 0; i < 2; i++) await (await fetch(base + u.url, { headers: { Cookie: u.cookie }, redirect: "manual" })).arrayBuffer();
  }
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  let errors = 0;
  const think = () => o.thinkMs[0] + Math.random() * (o.thinkMs[1] - o.thinkMs[0]);
  const cpu0 = treeCpuMs(serverPid);
  const started = performance.now();
  const end = started + o.seconds * 1000;
  const user = async (v: (typeof vus)[number]) => {
    await sleep(Math.random() * Math.max(o.thinkMs[1], 1)); // users do not all arrive in the same millisecond
    while (performance.now() < end) {
      const t0 = performance.now();
      let err: string | null = null;
      try {
        const res = await fetch(base + v.url, { headers: { Cookie: v.cookie }, redirect: "manual", signal: AbortSignal.timeout(o.timeoutMs) });
        const body = await res.arrayBuffer();
        if (res.status !== 200) err = `HTTP ${res.status}`;
        else if (s.pdf && !(res.headers.get("content-type") ?? "").includes("pdf")) err = "not a PDF";
        else if (s.pdf && body.byteLength < 1000) err = "short PDF";
      } catch (e) {
        err = e instanceof Error ? e.name : "error";
      }
      latencies.push(performance.now() - t0);
      if (err) {
        errors++;
        errorKinds[err] = (errorKinds[err] ?? 0) + 1;
      }
      const wait = think();
      if (wait > 0) await sleep(Math.min(wait, Math.max(0, end - performance.now())));
    }
  };
  await Promise.all(vus.map(user));
  const seconds = (performance.now() - started) / 1000;
  const mix = Object.entries(vus.reduce<Record<string, number>>((m, v) => ((m[v.account.role] = (m[v.account.role] ?? 0) + 1), m), {}))
    .map(([r, n]) => `${n} ${r}`)
    .join(", ");
  const cpuMsPerRequest = (treeCpuMs(serverPid) - cpu0) / Math.max(1, latencies.length);
  return { key: s.key, label: s.label, users: vus.length, mix, requests: latencies.length, errors, errorKinds, seconds, latencies: latencies.sort((a, b) => a - b), rssEndMb: treeRssMb(serverPid), cpuMsPerRequest };
}

// ---------------------------------------------------------------------------------------------
// Build, database, server.

function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const d of readdirSync(p)) if (d !== "node_modules" && !d.startsWith(".")) walk(path.join(p, d));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ["app", "lib", "components", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package.json"]) walk(path.join(ROOT, p));
  return newest;
}

/** The e2e runner's lock (scripts/e2e.mjs): one build or server per checkout at a time. */
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
      let alive = !holder;
      try {
        if (holder) {
          process.kill(holder, 0);
          alive = true;
        }
      } catch {}
      if (!alive) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error("another e2e/bench run holds .next-e2e.lock for 30 minutes");
      else await sleep(2000);
    }
  }
}
function releaseLock() {
  try {
    if (readFileSync(path.join(LOCK, "pid"), "utf8").trim() === String(process.pid)) rmSync(LOCK, { recursive: true, force: true });
  } catch {}
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function runLoadBench(o: LoadOptions = options()): Promise<{ results: Result[]; rss: { before: number; peak: number; after: number } }> {
  let server: ChildProcess | null = null;
  let dbName: string | null = null;
  let pgliteDir: string | null = null;
  const base0 = process.env.DATABASE_URL;
  const cleanup = async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const gone = new Promise((r) => server!.once("exit", r));
      try {
        process.kill(-server.pid!, "SIGTERM");
      } catch {}
      const t = setTimeout(() => {
        try {
          process.kill(-server!.pid!, "SIGKILL");
        } catch {}
      }, 10_000);
      await gone;
      clearTimeout(t);
    }
    if (dbName && base0) await adminQuery(base0, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    releaseLock();
  };
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await acquireLock();
    const buildId = path.join(ROOT, ".next", "BUILD_ID");
    const mode = process.env.BENCH_BUILD ?? "auto";
    const stale = !existsSync(buildId) || statSync(buildId).mtimeMs < newestSource();
    if (mode === "always" || (mode === "auto" && stale)) {
      say(existsSync(buildId) ? "sources are newer than .next: building" : "no build in .next: building");
      if (spawnSync(process.execPath, [NEXT, "build"], { cwd: ROOT, stdio: "inherit" }).status !== 0) throw new Error("next build failed");
    } else if (!existsSync(buildId)) throw new Error("no build in .next and BENCH_BUILD=never");

    // A fresh database with the demo data, plus a signed plan to download.
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", SEED_DEMO: "1" };
    let dbLabel: string;
    if (base0) {
      dbName = `thidua_load_${process.pid}`;
      await adminQuery(base0, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await adminQuery(base0, `CREATE DATABASE "${dbName}"`);
      const u = new URL(base0);
      u.pathname = `/${dbName}`;
      env.DATABASE_URL = u.toString();
      dbLabel = `PostgreSQL (${u.host}, database ${dbName})`;
    } else {
      pgliteDir = mkdtempSync(path.join(tmpdir(), "thidua-load-"));
      env.PGLITE_DIR = pgliteDir;
      dbLabel = "embedded PGlite (DATABASE_URL not set: the figures are not PostgreSQL's)";
    }
    const docDir = mkdtempSync(path.join(tmpdir(), "thidua-load-docs-"));
    env.DOCUMENT_CACHE_DIR = docDir;
    say(`database: ${dbLabel}`);
    const seed = spawnSync(process.execPath, [TSX, "scripts/seed.ts"], { cwd: ROOT, env, encoding: "utf8" });
    if (seed.status !== 0) throw new Error(`seeding failed:\n${seed.stdout}\n${seed.stderr}`);
    const fx = spawnSync(process.execPath, [TSX, "--conditions=react-server", "scripts/bench-fixture.ts"], { cwd: ROOT, env, encoding: "utf8" });
    if (fx.status !== 0) throw new Error(`bench fixture failed:\n${fx.stdout}\n${fx.stderr}`);
    const fixture = JSON.parse(fx.stdout.trim().split("\n").pop()!) as Fixture;

    const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
    const base = `http://127.0.0.1:${port}`;
    mkdirSync(path.dirname(LOG), { recursive: true });
    const { createWriteStream } = await import("node:fs");
    const log = createWriteStream(LOG);
    // Started as `npm start` does (scripts/start.mjs passes the same node flags, see there).
    server = spawn(process.execPath, [...startNodeFlags(), ...(process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean), NEXT, "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...env, NEXTAUTH_SECRET: SECRET, AUTH_SECRET: SECRET, NEXTAUTH_URL: base, PORT: String(port) },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.pipe(log);
    server.stderr!.pipe(log);
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`next start exited; see ${path.relative(ROOT, LOG)}`);
      try {
        const r = await fetch(`${base}/dang-nhap`, { signal: AbortSignal.timeout(5000) });
        await r.arrayBuffer();
        if (r.ok) break;
      } catch {}
      if (Date.now() > deadline) throw new Error("next start did not answer within 90 s");
      await sleep(300);
    }
    const pid = server.pid!;
    say(`server: next start on ${base} (pid ${pid}), ${treeRssMb(pid).toFixed(0)} MB at start`);

    // Sessions: one sign-in per virtual user; a user keeps its cookie for every page.
    const scenarios = SCENARIOS.filter((s) => o.pages.includes(s.key));
    const need = new Map<string, number>();
    const plan = scenarios.map((s) => {
      const eligible = ACCOUNTS.filter((a) => s.url(a, fixture));
      // A two-step code is single-use (one sign-in per account per 30-s step): the users of such
      // an account share its one session, like tabs of one browser. Everyone else signs in alone.
      const vus = Array.from({ length: o.users }, (_, i) => {
        const account = eligible[i % eligible.length];
        return { account, n: account.twoStep ? 0 : Math.floor(i / eligible.length) };
      });
      for (const v of vus) need.set(v.account.email, Math.max(need.get(v.account.email) ?? 0, v.n + 1));
      return { s, vus };
    });
    const sessions = new Map<string, string[]>();
    const jobs = [...need].flatMap(([email, n]) => Array.from({ length: n }, () => email));
    const t0 = performance.now();
    for (let i = 0; i < jobs.length; i += 4) {
      const batch = await Promise.all(jobs.slice(i, i + 4).map(async (e) => [e, await signIn(base, ACCOUNTS.find((a) => a.email === e)!)] as const));
      for (const [e, c] of batch) sessions.set(e, [...(sessions.get(e) ?? []), c]);
    }
    say(`signed in ${jobs.length} sessions for ${need.size} demo accounts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const before = treeRssMb(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(pid))), 500);
    const results: Result[] = [];
    for (const { s, vus } of plan) {
      const r = await runScenario(base, s, vus.map((v) => ({ account: v.account, cookie: sessions.get(v.account.email)![v.n], url: s.url(v.account, fixture)! })), o, pid);
      results.push(r);
      say(`${s.key}: ${r.requests} requests, p95 ${quantile(r.latencies, 0.95).toFixed(0)} ms, RSS ${r.rssEndMb.toFixed(0)} MB`);
    }
    clearInterval(sampler);
    peak = Math.max(peak, treeRssMb(pid));
    await sleep(o.settleMs);
    const after = treeRssMb(pid);
    rmSync(docDir, { recursive: true, force: true });

    // The report.
    const think = o.thinkMs[1] > 0 ? `think time uniform ${o.thinkMs[0]}–${o.thinkMs[1]} ms between requests` : "no think time (saturation)";
    console.log(`\nLoad run — ${dbLabel}; next start on loopback, ${(await import("node:os")).cpus().length} CPUs`);
    console.log(`User model: closed loop, ${o.users} signed-in users per page, one request in flight per user, ${think}, ${o.seconds} s per page, requests cut at ${o.timeoutMs / 1000} s.`);
    console.log(`Sessions: one sign-in (next-auth csrf + credentials) per user; upper staff and admin sign in with a TOTP code, single-use, so each such account has one session shared by its users.`);
    console.log(`${"page".padEnd(38)} ${"users (accounts)".padEnd(52)} ${"reqs".padStart(6)} ${"err".padStart(4)} ${"req/s".padStart(7)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)} ${"max".padStart(7)} ${"cpu/req".padStart(8)}  RSS`);
    const ms = (x: number) => `${x.toFixed(0)}`.padStart(7);
    for (const r of results) {
      const L = r.latencies;
      console.log(
        `${r.label.padEnd(38)} ${`${r.users} (${r.mix})`.padEnd(52)} ${String(r.requests).padStart(6)} ${String(r.errors).padStart(4)} ${(r.requests / r.seconds).toFixed(1).padStart(7)} ${ms(quantile(L, 0.5))} ${ms(quantile(L, 0.95))} ${ms(quantile(L, 0.99))} ${ms(L[L.length - 1] ?? NaN)} ${ms(r.cpuMsPerRequest)} ms  ${r.rssEndMb.toFixed(0)} MB` +
          (r.errors ? `   errors: ${JSON.stringify(r.errorKinds)}` : ""),
      );
    }
    console.log(`(latencies in ms, request sent → whole body read; cpu/req: the server's CPU time per request)`);
    console.log(`Machine load average during the run: ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" / ")} (1/5/15 min) — latency figures are only comparable at similar load.`);
    console.log(`Server RSS (VmRSS, next-server process tree): before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, after ${after.toFixed(0)} MB (${o.settleMs / 1000} s after the run)`);
    const pages = results.filter((r) => r.key !== "plan-pdf");
    const worst = Math.max(...pages.map((r) => quantile(r.latencies, 0.95)));
    console.log(`Targets: page p95 ≤ 300 ms: ${pages.length ? (worst <= 300 ? "met" : "NOT met") + ` (worst ${worst.toFixed(0)} ms)` : "n/a"}; RSS after ≤ 512 MB: ${after <= 512 ? "met" : "NOT met"}; errors: ${results.reduce((n, r) => n + r.errors, 0)}`);
    return { results, rss: { before, peak, after } };
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanup();
  }
}

/** The node flags scripts/start.mjs gives the server (kept in step with it). */
function startNodeFlags(): string[] {
  try {
    const m = readFileSync(path.join(ROOT, "scripts", "start.mjs"), "utf8").match(/const NODE_FLAGS = (\[[^\]]*\])/);
    return m ? (JSON.parse(m[1].replaceAll("'", '"')) as string[]) : [];
  } catch {
    return [];
  }
}

if (process.argv[1] && /bench-load\.ts$/.test(process.argv[1])) {
  await runLoadBench();
}
