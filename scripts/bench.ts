// npm run bench — prints measured figures (not a test): member list/search on a school of
// 10,000 members, password hashing, audit writes. Uses DATABASE_URL's server (a throwaway
// database) or an in-memory PGlite.
// Then the load run (scripts/bench-load.ts): 50 signed-in users against `next start` on a
// loopback port, p50/p95/p99, throughput, errors and the server's RSS. Last, the province bench
// (scripts/bench-province.ts: 3,000 schools, 150,000 members; PostgreSQL only, generated when
// absent). BENCH_ONLY=micro, BENCH_ONLY=load or BENCH_ONLY=province runs one part.
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import { openPglite, pgliteConn, postgresConn, prismaForPglite, prismaForUrl } from "../lib/server/database";
import { migrate } from "../lib/server/migrate";
import { setDbForTests } from "../lib/server/db";
import { seedDemo } from "../lib/seed/demo";
import { buildDemoMembers } from "../lib/seed/demo";
import { listMembers } from "../lib/members/queries";
import { hashPassword, verifyPassword } from "../lib/auth/password";
import { viewerFor } from "../tests/factories/viewer";
import { foldVietnamese, vietnameseSortKey } from "../lib/format";
import { seedScoringDemo } from "../lib/seed/scoring-demo";
import { seedAwardsDemo } from "../lib/seed/awards-demo";
import { getNotificationSummary } from "../lib/notifications/queries";

const N = Number(process.env.BENCH_MEMBERS ?? 10_000);
const base = process.env.DATABASE_URL;
const dbName = `thidua_bench_${process.pid}`;

async function open() {
  if (!base) {
    const db = await openPglite(null);
    return { prisma: prismaForPglite(db), sql: pgliteConn(db), label: "PGlite (in memory)", done: async () => db.close() };
  }
  const admin = await postgresConn(base);
  await admin.exec(`CREATE DATABASE "${dbName}"`);
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  const sql = await postgresConn(u.toString());
  const prisma = prismaForUrl(u.toString());
  return {
    prisma,
    sql,
    label: "PostgreSQL 15 (local)",
    done: async () => {
      await prisma.$disconnect();
      await sql.close();
      await admin.exec(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.close();
    },
  };
}

async function time(label: string, runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  const p = (q: number) => t[Math.min(t.length - 1, Math.floor(q * t.length))].toFixed(1);
  console.log(`${label.padEnd(58)} p50 ${p(0.5).padStart(7)} ms   p95 ${p(0.95).padStart(7)} ms   (${runs} runs)`);
}

const only = process.env.BENCH_ONLY;
if (!only || only === "micro") await micro();
if (!only || only === "load") {
  const { runLoadBench } = await import("./bench-load");
  await runLoadBench();
}
if (!only || only === "province") {
  const { runProvinceBenchInChild } = await import("./bench-province");
  if ((await runProvinceBenchInChild()) !== 0) process.exitCode = 1;
}

async function micro() {
  const { prisma, sql, label, done } = await open();
  try {
    setDbForTests(prisma);
    await migrate(sql);
    await seedDemo(prisma);
    await seedScoringDemo(prisma);
    await seedAwardsDemo(prisma);
    // N extra members in TH Sơn Thủy A, with realistic names from the demo generator.
    const names = buildDemoMembers().map((m) => m.fullName);
    const groups = await prisma.unionGroup.findMany({ where: { schoolId: "sch_sta" }, select: { id: true } });
    const s0 = performance.now();
    for (let i = 0; i < N; i += 1000) {
      await prisma.member.createMany({
        data: Array.from({ length: Math.min(1000, N - i) }, (_, k) => {
          const fullName = names[(i + k) % names.length];
          return {
            id: `bench_${i + k}_${randomBytes(3).toString("hex")}`,
            schoolId: "sch_sta",
            unionGroupId: groups[(i + k) % groups.length].id,
            fullName,
            nameSearch: foldVietnamese(fullName),
            sortKey: vietnameseSortKey(fullName),
            gender: (i + k) % 4 === 0 ? ("NAM" as const) : ("NU" as const),
          };
        }),
      });
    }
    console.log(`\nDatabase: ${label}; inserted ${N.toLocaleString("vi-VN")} members in ${(performance.now() - s0).toFixed(0)} ms`);
    console.log(`School sch_sta now has ${(await prisma.member.count({ where: { schoolId: "sch_sta" } })).toLocaleString("vi-VN")} members\n`);

    const chair = await viewerFor(prisma, "chutich.sta@thidua.test");
    const leader = await viewerFor(prisma, "totruong.sta@thidua.test");
    await time("member list, page 1 (count + 50 rows, Vietnamese order)", 30, () => listMembers(chair, "sch_sta", {}, 1));
    await time("member list, page 100 (offset 4,950)", 30, () => listMembers(chair, "sch_sta", {}, 100));
    await time('search "nguyen thi" without diacritics', 30, () => listMembers(chair, "sch_sta", { q: "nguyen thi" }, 1));
    await time('search "thanh tam" (rare)', 30, () => listMembers(chair, "sch_sta", { q: "thanh tam" }, 1));
    await time("group leader's list (own group only)", 30, () => listMembers(leader, "sch_sta", {}, 1));

    // The header's bell and "việc đang chờ" counts run on every page load.
    for (const [who, email] of [["chair", "chutich.sta@thidua.test"], ["group leader", "totruong.sta@thidua.test"], ["member", "doanvien.sta@thidua.test"], ["upper-unit staff", "congdoan@thidua.test"]] as const) {
      const viewer = await viewerFor(prisma, email);
      await time(`header notifications + waiting counts (${who})`, 20, () => getNotificationSummary(viewer));
    }

    let stored = "";
    await time("argon2id hash (m 19 MiB, t 2, p 1)", 10, async () => (stored = await hashPassword("ThiDua@2025")));
    await time("argon2id verify", 10, () => verifyPassword(stored, "ThiDua@2025"));
    let n = 0;
    await time("audit row insert (hash chain computed in the database)", 50, () =>
      prisma.auditLog.create({ data: { action: "bench", entity: "Bench", entityId: String(n++), prevHash: "", hash: "" } }),
    );
    const v = performance.now();
    const broken = await sql.query<{ audit_verify: string | null }>("SELECT audit_verify()");
    console.log(`audit chain verify over ${n + 1} rows: ${(performance.now() - v).toFixed(1)} ms, first broken row: ${broken[0].audit_verify ?? "none"}`);
  } finally {
    await done();
  }
}
