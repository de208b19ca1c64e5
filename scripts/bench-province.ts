// The province benchmark (issue 9 "Scale and speed"), part of `npm run bench` (BENCH_ONLY=province
// runs it alone). Needs PostgreSQL (DATABASE_URL): it generates the province database when absent
// (scripts/province.ts: 3,000 schools, 150,000 members, three school years; minutes) and then
// times, with real viewers, the app's own server functions, called in this process exactly as a
// page would call them, each beside ONE hand-written SQL query computing the same aggregate on
// the same database:
//   - the upper-unit dashboard of a unit of 100 schools (lib/dashboards/upper.ts: it reads the
//     precomputed "SchoolYearFigures", one row per school and school year, kept by triggers,
//     lib/dashboards/figures.ts; UPPER_SQL beside it computes every figure live, so its ratio is
//     below 1),
//   - the province-level awards report over the federation's union term, 3,000 schools
//     (lib/reports/queries.ts getAwardsReport: it reads the precomputed "AwardTally", kept by
//     triggers, lib/reports/summary.ts; the hand-written SQL beside it counts every Award live,
//     so its ratio is below 1),
//   - a school dashboard, principal's view, of the 150-member school (lib/dashboards/school.ts),
//   - eligibility of that 150-member school (lib/awards getEligibilityPage), beside the same four
//     titles' verdicts written in SQL (ELIGIBILITY_SQL; the bench first checks that both give the
//     same counts by verdict and the same first page),
//   - the province federation's own upper-unit overview (lib/dashboards/upper.ts again, every one
//     of the 3,000 schools: totals, then page 1 of 50 sorted by name, from "SchoolYearFigures"
//     with members and principal / union chair counted live), beside UPPER_SQL over the
//     federation's whole subtree computed live (PROVINCE_UPPER_SQL).
// The hand-written SQL is sent as a one-off statement (parsed and planned on every call, as one runs
// a query by hand); the app sends its two hot statements (eligibility facts, school dashboard) as
// named prepared statements (lib/server/database.ts preparedAs). For those two lines the note also
// gives the hand SQL sent the app's way, prepared, and the app's ratio to that.
// Prints p50/p95 of each, the ratio app p50 / SQL p50, this process's RSS (it plays the server),
// and last: `bench: upper-unit dashboard p95 <N> ms, school dashboard p95 <N> ms, overhead <R>x`
// (overhead = the largest of the five ratios).
// `npm run bench` runs it in a child process (runProvinceBenchInChild): plain Node with tsx and
// scripts/bench-province-hooks.mjs, as Vitest runs the integration tests — not under the
// react-server condition of the rest of the bench, where next/navigation (imported by the gate)
// cannot load. Alone: node --import tsx --import ./scripts/bench-province-hooks.mjs scripts/bench-province.ts
import { performance } from "node:perf_hooks";
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { postgresConn, prismaForUrl, SESSION_OPTIONS, type SqlConn } from "../lib/server/database";
import * as dbModule from "../lib/server/db";
import type { Viewer } from "../lib/authz/permissions";
import { viewerFor } from "../tests/factories/viewer";
import { ensureProvince, PROVINCE } from "./province";

const RUNS = Number(process.env.BENCH_PROVINCE_RUNS ?? 20);

type Fn = (...args: never[]) => Promise<unknown>;

/** An export of a module that may not exist yet (other engineers write these): null when absent. */
async function optional(spec: string, names: string[]): Promise<{ fn: Fn | null; why: string }> {
  try {
    const mod = (await import(spec)) as Record<string, unknown>;
    for (const n of names) if (typeof mod[n] === "function") return { fn: mod[n] as Fn, why: "" };
    return { fn: null, why: `${spec} has no ${names.join(" / ")}` };
  } catch (e) {
    return { fn: null, why: `${spec}: ${(e as Error).message.split("\n")[0]}` };
  }
}

interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

/**
 * Calls before timing: pages in shared buffers, and every pooled connection a function uses (up to
 * three at once) past the five custom plans after which PostgreSQL keeps a named statement's
 * generic plan (lib/server/database.ts preparedAs), as on a server that has been running.
 */
const WARM_UP = 40;

async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  const q = (p: number) => t[Math.min(t.length - 1, Math.ceil(p * t.length) - 1)];
  return { p50: q(0.5), p95: q(0.95), runs };
}

interface Line {
  label: string;
  target: number;
  app: Timing | null;
  sql: Timing;
  note: string;
}

const ms = (n: number) => n.toFixed(1).padStart(8);

function printLine(l: Line) {
  const app = l.app ? `${ms(l.app.p50)} ${ms(l.app.p95)}` : "   (not available yet)";
  const ratio = l.app ? `${(l.app.p50 / l.sql.p50).toFixed(2)}x`.padStart(7) : "      –";
  const ok = l.app ? (l.app.p95 <= l.target ? "ok" : "OVER") : "";
  console.log(`${l.label.padEnd(54)} ${app}   ${ms(l.sql.p50)} ${ms(l.sql.p95)}  ${ratio}   ≤ ${String(l.target).padStart(4)} ms ${ok}`);
  if (l.note) console.log(`  ${l.note}`);
}

// ---- The hand-written SQL: the same aggregates in one query each ($1… parameters).

/** Every school of the unit, this year and last: plan, registration, scoring, classification, pipeline, awards. */
const UPPER_SQL = `
WITH sc AS (SELECT id, name, code, level FROM "School" WHERE "unionUnitId" = $1),
mem AS (SELECT "schoolId" AS sid, count(*) AS n FROM "Member" WHERE "schoolId" IN (SELECT id FROM sc) AND status <> 'LEFT' GROUP BY 1),
pl AS (SELECT "schoolId" AS sid, "schoolYearId" AS yid, max(CASE status WHEN 'SIGNED' THEN 3 WHEN 'SUBMITTED' THEN 2 ELSE 1 END) AS rank
       FROM "CoordinationPlan" WHERE "schoolId" IN (SELECT id FROM sc) AND "schoolYearId" IN ($2, $3) GROUP BY 1, 2),
rg AS (SELECT r."schoolId" AS sid, c."schoolYearId" AS yid, count(DISTINCT r."memberId") AS n
       FROM "Registration" r JOIN "Campaign" c ON c.id = r."campaignId"
       WHERE r."schoolId" IN (SELECT id FROM sc) AND c."schoolYearId" IN ($2, $3) AND r."memberId" IS NOT NULL GROUP BY 1, 2),
sh AS (SELECT p."schoolId" AS sid, c."schoolYearId" AS yid, count(*) AS sheets, count(*) FILTER (WHERE st.complete) AS scored,
              count(*) FILTER (WHERE st.classification = 'Xuất sắc') AS xs, count(*) FILTER (WHERE st.classification = 'Tốt') AS tot,
              count(*) FILTER (WHERE st.classification = 'Khá') AS kha, count(*) FILTER (WHERE st.complete AND st.classification NOT IN ('Xuất sắc', 'Tốt', 'Khá')) AS unranked
       FROM "ScoreSheet" s JOIN "ScorePeriod" p ON p.id = s."periodId" JOIN "Campaign" c ON c.id = p."campaignId"
       LEFT JOIN "ScoreStage" st ON st."sheetId" = s.id AND st.stage = 'COUNCIL'
       WHERE p."schoolId" IN (SELECT id FROM sc) AND c."schoolYearId" IN ($2, $3) GROUP BY 1, 2),
nm AS (SELECT i."schoolId" AS sid, k."schoolYearId" AS yid,
              count(*) FILTER (WHERE i.status IN ('DRAFT', 'POSTED')) AS draft, count(*) FILTER (WHERE i.status = 'SUBMITTED') AS submitted,
              count(*) FILTER (WHERE i.status = 'RETURNED') AS returned, count(*) FILTER (WHERE i.status IN ('APPROVED', 'APPROVED_CHANGED')) AS approved
       FROM "NominationItem" i JOIN "NominationPackage" k ON k.id = i."packageId"
       WHERE k."schoolId" IN (SELECT id FROM sc) AND k."schoolYearId" IN ($2, $3) GROUP BY 1, 2),
aw AS (SELECT a."schoolId" AS sid, a."schoolYearId" AS yid, count(*) AS n, count(*) FILTER (WHERE a.subject = 'MEMBER') AS individuals
       FROM "Award" a WHERE a."schoolId" IN (SELECT id FROM sc) AND a."schoolYearId" IN ($2, $3)
         AND NOT EXISTS (SELECT 1 FROM "DecisionRevocation" v WHERE v."decisionId" = a."decisionId") GROUP BY 1, 2)
SELECT sc.id, sc.name, y.yid, mem.n AS members, pl.rank, rg.n AS registered, sh.sheets, sh.scored, sh.xs, sh.tot, sh.kha, sh.unranked,
       nm.draft, nm.submitted, nm.returned, nm.approved, aw.n AS awards, aw.individuals
FROM sc CROSS JOIN (VALUES ($2), ($3)) AS y(yid)
LEFT JOIN mem ON mem.sid = sc.id
LEFT JOIN pl ON pl.sid = sc.id AND pl.yid = y.yid
LEFT JOIN rg ON rg.sid = sc.id AND rg.yid = y.yid
LEFT JOIN sh ON sh.sid = sc.id AND sh.yid = y.yid
LEFT JOIN nm ON nm.sid = sc.id AND nm.yid = y.yid
LEFT JOIN aw ON aw.sid = sc.id AND aw.yid = y.yid
ORDER BY sc.name, y.yid`;

/** UPPER_SQL over every school of the unit's subtree (the province federation: all 3,000 schools). */
const PROVINCE_UPPER_SQL = UPPER_SQL.replace(
  `WITH sc AS (SELECT id, name, code, level FROM "School" WHERE "unionUnitId" = $1),`,
  `WITH RECURSIVE tree AS (
  SELECT id, 0 AS depth FROM "Organisation" WHERE id = $1
  UNION ALL SELECT o.id, tree.depth + 1 FROM "Organisation" o JOIN tree ON o."parentId" = tree.id WHERE tree.depth < 32
),
sc AS (SELECT id, name, code, level FROM "School" WHERE "unionUnitId" IN (SELECT id FROM tree)),`,
);
if (PROVINCE_UPPER_SQL === UPPER_SQL) throw new Error("PROVINCE_UPPER_SQL: UPPER_SQL's first CTE changed; update the replacement");

/** Awards of every school under the unit's subtree decided in the period: by form, level, side and kind of recipient. */
const TERM_SQL = `
WITH RECURSIVE tree AS (
  SELECT id, 0 AS depth FROM "Organisation" WHERE id = $1
  UNION ALL SELECT o.id, tree.depth + 1 FROM "Organisation" o JOIN tree ON o."parentId" = tree.id WHERE tree.depth < 32
)
SELECT a."titleCode", d.level, coalesce(d.side::text, 'UNION') AS side, (d."organisationId" = s."unionUnitId") AS direct_upper,
       count(*) FILTER (WHERE a.subject <> 'MEMBER') AS collectives,
       count(*) FILTER (WHERE a.subject = 'MEMBER') AS individuals,
       count(*) FILTER (WHERE m.position IN ('Hiệu trưởng', 'Phó hiệu trưởng', 'Tổ trưởng chuyên môn')) AS leaders,
       count(*) FILTER (WHERE a.subject = 'MEMBER' AND m.position NOT IN ('Hiệu trưởng', 'Phó hiệu trưởng', 'Tổ trưởng chuyên môn')) AS direct_workers,
       count(*) FILTER (WHERE m.gender = 'NU') AS women
FROM "Award" a
JOIN "AwardDecision" d ON d.id = a."decisionId"
JOIN "School" s ON s.id = a."schoolId"
LEFT JOIN "Member" m ON m.id = a."memberId"
WHERE s."unionUnitId" IN (SELECT id FROM tree) AND d."signedOn" BETWEEN $2::date AND $3::date
  AND NOT EXISTS (SELECT 1 FROM "DecisionRevocation" v WHERE v."decisionId" = d.id)
GROUP BY 1, 2, 3, 4`;

/** One school's year: plan targets with live actuals, scoring progress per group, council results, awards, what waits. */
const SCHOOL_SQL = `
WITH y AS (SELECT id, "startsOn", "endsOn" FROM "SchoolYear" WHERE id = $2),
live AS (
  SELECT (SELECT count(*) FROM "Member" WHERE "schoolId" = $1 AND status <> 'LEFT') AS members,
         (SELECT count(DISTINCT r."memberId") FROM "Registration" r JOIN "Campaign" c ON c.id = r."campaignId"
           WHERE r."schoolId" = $1 AND c."schoolYearId" = $2 AND r."memberId" IS NOT NULL) AS registered,
         (SELECT count(DISTINCT a."memberId") FROM "Award" a WHERE a."schoolId" = $1 AND a."schoolYearId" = $2 AND a."titleCode" = 'LDTT'
           AND NOT EXISTS (SELECT 1 FROM "DecisionRevocation" v WHERE v."decisionId" = a."decisionId")) AS ldtt,
         (SELECT count(*) FROM "Initiative" WHERE "schoolId" = $1 AND "schoolYearId" = $2 AND "recognisedOn" IS NOT NULL) AS initiatives,
         (SELECT count(DISTINCT d."memberId") FROM "Discipline" d, y WHERE d."schoolId" = $1 AND d."decidedOn" BETWEEN y."startsOn" AND y."endsOn") AS disciplined
),
targets AS (
  SELECT json_agg(json_build_object('label', t.label, 'target', t."targetValue", 'measure', t."measureKey") ORDER BY t."sortOrder") AS j
  FROM "CoordinationPlan" p JOIN "PlanTarget" t ON t."planId" = p.id WHERE p."schoolId" = $1 AND p."schoolYearId" = $2
),
groups AS (
  SELECT json_agg(g) AS j FROM (
    SELECT p.id AS period, p.state, m."unionGroupId" AS grp, count(*) AS sheets,
           count(a.id) FILTER (WHERE a.complete) AS self, count(b.id) FILTER (WHERE b.complete) AS grp_done, count(d.id) FILTER (WHERE d.complete) AS council
    FROM "ScorePeriod" p JOIN "Campaign" c ON c.id = p."campaignId" JOIN "ScoreSheet" s ON s."periodId" = p.id JOIN "Member" m ON m.id = s."memberId"
    LEFT JOIN "ScoreStage" a ON a."sheetId" = s.id AND a.stage = 'SELF'
    LEFT JOIN "ScoreStage" b ON b."sheetId" = s.id AND b.stage = 'GROUP'
    LEFT JOIN "ScoreStage" d ON d."sheetId" = s.id AND d.stage = 'COUNCIL'
    WHERE p."schoolId" = $1 AND (c."schoolYearId" = $2 OR p.state IN ('GROUP_SCORING', 'COUNCIL_REVIEW'))
    GROUP BY 1, 2, 3) g
),
council AS (
  SELECT json_object_agg(label, n) AS j FROM (
    SELECT coalesce(st.classification, 'Không xếp loại') AS label, count(*) AS n
    FROM "ScoreSheet" s JOIN "ScorePeriod" p ON p.id = s."periodId" JOIN "Campaign" c ON c.id = p."campaignId"
    JOIN "ScoreStage" st ON st."sheetId" = s.id AND st.stage = 'COUNCIL' AND st.complete
    WHERE p."schoolId" = $1 AND c."schoolYearId" = $2 GROUP BY 1) x
),
awards AS (
  SELECT json_object_agg("titleCode", n) AS j FROM (
    SELECT a."titleCode", count(*) AS n FROM "Award" a WHERE a."schoolId" = $1 AND a."schoolYearId" = $2
      AND NOT EXISTS (SELECT 1 FROM "DecisionRevocation" v WHERE v."decisionId" = a."decisionId") GROUP BY 1) x
),
waiting AS (
  SELECT (SELECT count(*) FROM "Appeal" ap JOIN "ScoreSheet" s ON s.id = ap."sheetId" JOIN "ScorePeriod" p ON p.id = s."periodId" WHERE p."schoolId" = $1 AND ap.state = 'OPEN') AS appeals,
         (SELECT count(*) FROM "NominationPackage" WHERE "schoolId" = $1 AND status = 'RETURNED') AS returned,
         (SELECT count(*) FROM "CoordinationPlan" WHERE "schoolId" = $1 AND status = 'SUBMITTED') AS to_sign
)
SELECT live.*, targets.j AS targets, groups.j AS groups, council.j AS council, awards.j AS awards, waiting.*
FROM live, targets, groups, council, awards, waiting`;

/**
 * Eligibility of one school and year, hand-written: the verdicts for the four titles the page shows
 * (LĐTT, CSTĐCS, CSTĐ cấp tỉnh, BK Tổng LĐ; lib/awards/rules-individual.ts, the default thresholds
 * of lib/awards/settings.ts), the counts by verdict over the whole school and the first page of 50
 * members — what getEligibilityPage returns. $1 school, $2 school year, $3 the catalogue's forms
 * (one achievement, one award), $4 its thematic titles, $5 today, $6 the individual titles one
 * registers for. The bench checks that its counts and page equal the app's before timing either.
 */
const ELIGIBILITY_SQL = `
WITH RECURSIVE
y AS (SELECT id, "startsOn"::date AS s, "endsOn"::date AS e, extract(year FROM "startsOn")::int AS sy FROM "SchoolYear" WHERE id = $2),
chain AS (
  SELECT o.id, o."parentId", 0 AS depth FROM "Organisation" o WHERE o.id = (SELECT "unionUnitId" FROM "School" WHERE id = $1)
  UNION ALL SELECT p.id, p."parentId", chain.depth + 1 FROM "Organisation" p JOIN chain ON p.id = chain."parentId" WHERE chain.depth < 10
),
m AS MATERIALIZED (SELECT id, "sortKey", "contractStartAt"::date AS cs FROM "Member" WHERE "schoolId" = $1 AND status <> 'LEFT'),
yr AS (SELECT id, extract(year FROM "startsOn")::int AS n FROM "SchoolYear"),
-- per member: years of merit awards (not revoked, not thematic) by title, and the achievements forms used
aw AS (
  SELECT a."memberId",
    array_agg(yr.n) FILTER (WHERE a."titleCode" = 'LDTT' AND NOT (a.thematic OR a."titleCode" = ANY($4::text[]))) AS ldtt,
    array_agg(yr.n) FILTER (WHERE a."titleCode" = 'CSTDCS' AND NOT (a.thematic OR a."titleCode" = ANY($4::text[]))) AS cstdcs,
    array_agg(yr.n) FILTER (WHERE a."titleCode" = 'BK_LDLD_TINH' AND NOT (a.thematic OR a."titleCode" = ANY($4::text[]))) AS bk_tinh,
    array_agg(coalesce(a."achievementKey", 'year:' || yr.n)) FILTER (WHERE a."titleCode" = ANY($3::text[])) AS used
  FROM "Award" a JOIN yr ON yr.id = a."schoolYearId"
  WHERE a."memberId" IN (SELECT id FROM m) AND NOT EXISTS (SELECT 1 FROM "DecisionRevocation" v WHERE v."decisionId" = a."decisionId")
  GROUP BY 1
),
-- per member: years of recognised initiatives (applied, and all)
ini AS (
  SELECT m.id AS "memberId", x.applied, x.recognised
  FROM m CROSS JOIN LATERAL (
    SELECT array_agg(yr.n) FILTER (WHERE i.applied) AS applied, array_agg(yr.n) AS recognised
    FROM "InitiativeAuthor" a JOIN "Initiative" i ON i.id = a."initiativeId" JOIN yr ON yr.id = i."schoolYearId"
    WHERE a."memberId" = m.id AND i."recognisedOn" IS NOT NULL) x
),
ev AS (
  SELECT e."memberId", array_agg(yr.n) FILTER (WHERE e.grade = 'HTXSNV') AS htxs
  FROM "MemberEvaluation" e JOIN yr ON yr.id = e."schoolYearId" WHERE e."memberId" IN (SELECT id FROM m) GROUP BY 1
),
f AS (
  SELECT m.id, m."sortKey", y.sy, cur.grade,
    coalesce(cur.registered, false) OR EXISTS (
      SELECT 1 FROM "Registration" r JOIN "Campaign" c ON c.id = r."campaignId"
      WHERE r."memberId" = m.id AND r."schoolId" = $1 AND c."schoolYearId" = $2 AND r.title = ANY($6::text[])
        AND (c."schoolId" = $1 OR c."organisationId" IN (SELECT id FROM chain))) AS registered,
    coalesce(cur."absenceWorkingDays", 0) < 40 AS absence_ok,
    -- ≥ 10 whole months employed in the 12 months ending on the year's last day
    coalesce(greatest(m.cs, (y.e - interval '12 months' + interval '1 day')::date) + interval '10 months' <= y.e + 1, false) AS months_ok,
    NOT EXISTS (SELECT 1 FROM "Discipline" d WHERE d."memberId" = m.id AND d."decidedOn"::date <= y.e
      AND coalesce(d."effectiveTo"::date, (d."decidedOn" + interval '12 months' - interval '1 day')::date) >= y.s) AS no_discipline,
    NOT EXISTS (SELECT 1 FROM "OpenCase" o WHERE o."memberId" = m.id AND o."openedOn"::date <= $5::date AND (o."closedOn" IS NULL OR o."closedOn"::date > $5::date)) AS no_case,
    coalesce(y.sy = ANY(aw.ldtt), false) AS had_ldtt,
    coalesce(y.sy = ANY(ini.applied), false) AS init_now,
    coalesce(aw.cstdcs, '{}') AS cstdcs_years,
    coalesce(y.sy - 1 = ANY(aw.bk_tinh), false) AS prior_bk,
    coalesce('year:' || y.sy = ANY(aw.used), false) AS achievement_used,
    coalesce(ini.recognised, '{}') AS inits,
    -- consecutive HTXSNV years ending this year
    y.sy - (SELECT max(g) FROM generate_series(y.sy - 30, y.sy) g WHERE NOT coalesce(g = ANY(ev.htxs), false)) AS htxs_run
  FROM m CROSS JOIN y
  LEFT JOIN "MemberEvaluation" cur ON cur."memberId" = m.id AND cur."schoolYearId" = $2
  LEFT JOIN aw ON aw."memberId" = m.id LEFT JOIN ini ON ini."memberId" = m.id LEFT JOIN ev ON ev."memberId" = m.id
),
v AS (SELECT f.*, coalesce(grade IN ('HTXSNV', 'HTTNV'), false) AND registered AND absence_ok AND months_ok AND no_discipline AND no_case AS ldtt FROM f),
v2 AS (SELECT v.*, (ldtt OR had_ldtt) AND init_now AND no_case AS cstdcs FROM v),
v3 AS (
  SELECT id, "sortKey", ldtt, cstdcs,
    -- CSTĐ cấp tỉnh: 3 consecutive CSTĐCS years (this one counts when eligible now), ending this year or the last
    no_case AND (SELECT count(DISTINCT g) FROM generate_series(last - 2, last) g WHERE g = ANY(cy)) = 3 AS cstd_tinh,
    -- BK Tổng LĐ: 2 consecutive HTXSNV years, 2 initiatives recognised in those years, BK LĐLĐ tỉnh last year, achievement unused
    htxs_run >= 2 AND no_case AND prior_bk AND NOT achievement_used
      AND (SELECT count(*) FROM unnest(inits) g WHERE g > sy - greatest(htxs_run, 2) AND g <= sy) >= 2 AS bk_tld
  FROM (SELECT v2.*, cstdcs_years || CASE WHEN cstdcs THEN sy END AS cy,
          CASE WHEN cstdcs OR sy = ANY(cstdcs_years) THEN sy ELSE sy - 1 END AS last FROM v2) w
)
SELECT
  (SELECT json_build_object('members', count(*), 'LDTT', count(*) FILTER (WHERE ldtt), 'CSTDCS', count(*) FILTER (WHERE cstdcs),
     'CSTD_TINH', count(*) FILTER (WHERE cstd_tinh), 'BK_TLD', count(*) FILTER (WHERE bk_tld),
     'KHONG', count(*) FILTER (WHERE NOT (ldtt OR cstdcs OR cstd_tinh OR bk_tld))) FROM v3) AS counts,
  (SELECT json_agg(x ORDER BY x."sortKey", x.id) FROM (SELECT id, "sortKey", ldtt, cstdcs, cstd_tinh, bk_tld FROM v3 ORDER BY "sortKey", id LIMIT 50) x) AS page`;

interface EligibilityResult {
  counts: { members: number; byVerdict: Record<string, number> };
  rows: { id: string; verdicts: { eligible: boolean }[] }[];
}

/** $3–$6 of ELIGIBILITY_SQL, from the catalogue and the campaign titles (not hand-copied lists). */
async function eligibilityParams(): Promise<unknown[]> {
  const [{ CATALOGUE_ENTRIES }, { TITLE_CODES, TITLES }, { todayIsoVN }] = await Promise.all([import("../lib/awards/catalogue"), import("../lib/campaigns/rules"), import("../lib/time")]);
  return [
    CATALOGUE_ENTRIES.filter((e) => e.kind === "form").map((e) => e.code),
    CATALOGUE_ENTRIES.filter((e) => e.thematic).map((e) => e.code),
    todayIsoVN(),
    TITLE_CODES.filter((c) => !TITLES[c].collective),
  ];
}

export async function runProvinceBench(): Promise<void> {
  const base = process.env.DATABASE_URL;
  console.log("\n== Province benchmark (issue 9): 3,000 schools, 150,000 members, three school years ==");
  if (!base) {
    console.log("The province bench needs PostgreSQL: set DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres). Skipped on PGlite.");
    console.log("bench: province bench skipped (needs PostgreSQL: set DATABASE_URL)");
    return;
  }
  const t0 = performance.now();
  const info = await ensureProvince(base);
  console.log(
    info.created
      ? `Generated the province database ${info.dbName} in ${info.seconds.toFixed(1)} s.`
      : `Reusing the province database ${info.dbName} (generated earlier in ${info.seconds.toFixed(1)} s; checked in ${((performance.now() - t0) / 1000).toFixed(1)} s). PROVINCE_FORCE=1 npx tsx scripts/province.ts rebuilds it.`,
  );
  console.log(`  ${Object.entries(info.counts).filter(([t]) => ["School", "Member", "ScoreSheet", "ScoreStage", "Registration", "NominationItem", "Award"].includes(t)).map(([t, n]) => `${t} ${n.toLocaleString("vi-VN")}`).join(", ")}`);

  const prisma = prismaForUrl(info.url);
  const sql: SqlConn = await postgresConn(info.url);
  // The same hand-written SQL sent as a named prepared statement (parsed and planned once, as the
  // app sends its two hot statements): printed beside lines 3 and 4, not used for the ratio.
  const preparedSql = new pg.Client({ connectionString: info.url, options: SESSION_OPTIONS });
  await preparedSql.connect();
  const prepared = (name: string, text: string, values: unknown[]) => () => preparedSql.query({ name, text, values });
  const previous = { db: (globalThis as { __thiduaDb?: unknown }).__thiduaDb };
  try {
    dbModule.setDbForTests(prisma);
    const setRead = (dbModule as Record<string, unknown>).setReadDbForTests;
    if (typeof setRead === "function") (setRead as (c: unknown) => void)(prisma);

    const [upperViewer, provinceViewer, principal] = await Promise.all([
      viewerFor(prisma, PROVINCE.emails.benchUnit),
      viewerFor(prisma, PROVINCE.emails.province),
      viewerFor(prisma, PROVINCE.emails.benchPrincipal),
    ]);
    const chair = await viewerFor(prisma, PROVINCE.emails.benchChair);
    const term = await prisma.unionTerm.findUniqueOrThrow({ where: { id: PROVINCE.termId } });
    const school = PROVINCE.benchSchool;
    const q = (text: string, params: unknown[]) => () => sql.query(text, params);

    const [upper, report, schoolDash, eligibility, periods] = await Promise.all([
      optional("../lib/dashboards/upper", ["getUpperDashboard"]),
      optional("../lib/reports/queries", ["getAwardsReport", "getAwardsByFormReport", "awardsByForm"]),
      optional("../lib/dashboards/school", ["getSchoolDashboard"]),
      optional("../lib/awards/eligibility-queries", ["getEligibilityPage"]).then((r) => (r.fn ? r : optional("../lib/awards/queries", ["getEligibilityPage"]))),
      optional("../lib/reports/period", ["unionTermPeriod"]),
    ]);

    console.log(`\n${"".padEnd(54)}   app p50  app p95    SQL p50  SQL p95  app/SQL   target (p95)`);
    const lines: Line[] = [];

    // 1. Upper-unit dashboard (unit of 100 schools; default year = the running one, beside the year before).
    {
      let yearIds: string[] = [PROVINCE.years.Y3, PROVINCE.years.Y2];
      let app: Timing | null = null;
      let note = upper.why;
      if (upper.fn) {
        const fn = upper.fn as unknown as (v: Viewer, unitId: string, o: object) => Promise<{ year: { id: string } | null; prevYear: { id: string } | null; totals: { schools: number } }>;
        const first = await fn(upperViewer, PROVINCE.benchUnit, {});
        yearIds = [first.year?.id ?? yearIds[0], first.prevYear?.id ?? yearIds[1]];
        app = await time(() => fn(upperViewer, PROVINCE.benchUnit, {}));
        note = `${first.totals.schools} schools, years ${yearIds.join(" / ")}, page 1 of 50 rows`;
      }
      const s = await time(q(UPPER_SQL, [PROVINCE.benchUnit, ...yearIds]));
      lines.push({ label: "upper-unit dashboard (100 schools, 2 years)", target: 300, app, sql: s, note });
    }
    printLine(lines[lines.length - 1]);

    // 2. The federation's awards report over its union term (every school of the province).
    {
      let app: Timing | null = null;
      let note = report.why || periods.why;
      if (report.fn && periods.fn) {
        const period = (periods.fn as unknown as (t: object) => { from: Date; to: Date })(term);
        const fn = report.fn as unknown as (v: Viewer, unitId: string, p: object) => Promise<{ unit: { schools: unknown[] }; summary: string }>;
        const first = await fn(provinceViewer, PROVINCE.root, period);
        app = await time(() => fn(provinceViewer, PROVINCE.root, period), Math.min(RUNS, 10));
        note = `${first.unit.schools.length} schools, term ${term.label}: “${first.summary.slice(0, 110)}…”`;
      }
      const s = await time(q(TERM_SQL, [PROVINCE.root, term.startsOn, term.endsOn]), Math.min(RUNS, 10));
      lines.push({ label: "province awards report, union term (3,000 schools)", target: 1000, app, sql: s, note });
    }
    printLine(lines[lines.length - 1]);

    // 3. School dashboard of the 150-member school (principal), the running year.
    {
      let yearId: string = PROVINCE.years.Y3;
      let app: Timing | null = null;
      let note = schoolDash.why;
      if (schoolDash.fn) {
        const fn = schoolDash.fn as unknown as (v: Viewer, schoolId: string, o: object) => Promise<{ year: { id: string } | null; waiting: unknown[] }>;
        const first = await fn(principal, school, {});
        yearId = first.year?.id ?? yearId;
        app = await time(() => fn(principal, school, {}));
        note = `principal of ${school}, year ${yearId}, ${first.waiting.length} waiting item(s)`;
      }
      const s = await time(q(SCHOOL_SQL, [school, yearId]));
      const p = await time(prepared("bench_school", SCHOOL_SQL, [school, yearId]));
      note += `; hand SQL as a prepared statement: p50 ${p.p50.toFixed(1)} ms${app ? ` (app ${(app.p50 / p.p50).toFixed(2)}x that)` : ""}`;
      lines.push({ label: "school dashboard (150 members)", target: 100, app, sql: s, note });
    }
    printLine(lines[lines.length - 1]);

    // 4. Eligibility of the 150-member school for 2025–2026 (the union chair), beside the same
    // verdicts written in SQL; the two must agree (counts by verdict and the first page) first.
    {
      let app: Timing | null = null;
      let note = eligibility.why;
      const params = [school, PROVINCE.years.Y2, ...(await eligibilityParams())];
      if (eligibility.fn) {
        const fn = eligibility.fn as unknown as (v: Viewer, schoolId: string, o: object) => Promise<EligibilityResult>;
        const first = await fn(chair, school, { yearId: PROVINCE.years.Y2 });
        const [hand] = await sql.query<{ counts: Record<string, number>; page: { id: string; ldtt: boolean; cstdcs: boolean; cstd_tinh: boolean; bk_tld: boolean }[] }>(ELIGIBILITY_SQL, params);
        const appCounts = JSON.stringify({ members: first.counts.members, ...first.counts.byVerdict });
        const appPage = JSON.stringify(first.rows.map((r) => [r.id, ...r.verdicts.map((v) => v.eligible)]));
        const handPage = JSON.stringify(hand.page.map((r) => [r.id, r.ldtt, r.cstdcs, r.cstd_tinh, r.bk_tld]));
        if (appCounts !== JSON.stringify(hand.counts) || appPage !== handPage) {
          throw new Error(`eligibility: the app and the hand-written SQL disagree: app ${appCounts}, SQL ${JSON.stringify(hand.counts)}, same first page: ${appPage === handPage}`);
        }
        app = await time(() => fn(chair, school, { yearId: PROVINCE.years.Y2 }));
        note = `${first.counts.members} members (year ${PROVINCE.years.Y2}); app and SQL agree: ${appCounts}`;
      }
      const s = await time(q(ELIGIBILITY_SQL, params));
      const p = await time(prepared("bench_eligibility", ELIGIBILITY_SQL, params));
      note += `; hand SQL as a prepared statement: p50 ${p.p50.toFixed(1)} ms${app ? ` (app ${(app.p50 / p.p50).toFixed(2)}x that)` : ""}`;
      lines.push({ label: "eligibility of a 150-member school", target: 150, app, sql: s, note });
    }
    printLine(lines[lines.length - 1]);

    // 5. The province federation's overview of all its schools (page 1 of 50 by name, with the totals).
    {
      let yearIds: string[] = [PROVINCE.years.Y3, PROVINCE.years.Y2];
      let app: Timing | null = null;
      let note = upper.why;
      const runs = Math.min(RUNS, 5);
      if (upper.fn) {
        const fn = upper.fn as unknown as (v: Viewer, unitId: string, o: object) => Promise<{ year: { id: string } | null; prevYear: { id: string } | null; totals: { schools: number }; matched: number }>;
        const first = await fn(provinceViewer, PROVINCE.root, { sort: "name" });
        yearIds = [first.year?.id ?? yearIds[0], first.prevYear?.id ?? yearIds[1]];
        app = await time(() => fn(provinceViewer, PROVINCE.root, { sort: "name" }), runs);
        note = `${first.totals.schools} schools, years ${yearIds.join(" / ")}, page 1 of ${Math.ceil(first.matched / 50)} sorted by name`;
      }
      const s = await time(q(PROVINCE_UPPER_SQL, [PROVINCE.root, ...yearIds]), runs);
      lines.push({ label: "province overview (3,000 schools, 2 years)", target: 1000, app, sql: s, note });
    }
    printLine(lines[lines.length - 1]);

    const rss = process.memoryUsage().rss / 2 ** 20;
    const peak = process.resourceUsage().maxRSS / 1024;
    console.log(`\nServer RSS (this process runs the app's code): ${rss.toFixed(0)} MB now, peak ${peak.toFixed(0)} MB (target ≤ 512 MB${peak <= 512 ? ", ok" : ""})`);
    const measured = lines.filter((l) => l.app);
    const overhead = measured.length ? Math.max(...measured.map((l) => l.app!.p50 / l.sql.p50)) : NaN;
    console.log(`Overhead = the largest app p50 / SQL p50 above (target ≤ 1.5x); ${measured.length} of ${lines.length} app functions measured.`);
    const p95 = (l: Line) => (l.app ? l.app.p95.toFixed(0) : "n/a");
    console.log(`bench: upper-unit dashboard p95 ${p95(lines[0])} ms, school dashboard p95 ${p95(lines[2])} ms, overhead ${Number.isFinite(overhead) ? overhead.toFixed(2) : "n/a"}x`);
  } finally {
    await prisma.$disconnect();
    await sql.close();
    await preparedSql.end();
    (globalThis as { __thiduaDb?: unknown }).__thiduaDb = previous.db;
  }
}

/** Runs this file in a child Node process (see the header); resolves with its exit code. */
export function runProvinceBenchInChild(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/bench-province-hooks.mjs", "scripts/bench-province.ts"], { stdio: "inherit", env: process.env });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runProvinceBench();
}
