import "server-only";
// The school dashboard (issue 9) for the principal and the union chair, and what the others of the
// school may see of it: the coordination plan's targets against live actuals, each union group's
// scoring progress, the council's results, the awards, and "Việc chờ tôi" (what waits for the
// viewer), computed from capabilities (lib/authz), never role names. A fixed number of queries,
// whatever the size of the school, read through getReadDb(): the school and the years, then the
// plans beside ONE statement with every figure (issue 9 "Scale and speed": fewer round trips).
import { Prisma } from "../generated/prisma/client";
import type { PeriodState } from "../generated/prisma/enums";
import { getReadDb } from "../server/db";
import { preparedAs } from "../server/database";
import { capsAt, decide } from "../authz/decide";
import { readablePlans } from "../authz/scope";
import { schoolFor } from "../authz/load";
import type { Capability, Viewer } from "../authz/permissions";
import { dashboardYears } from "./years";
import { allowedActions, planRolesOf, planState, PLAN_STATE_LABELS } from "../plans/rules";
import { formatTarget, targetActual, targetMet, type MeasureData } from "../plans/measures";
import { itemTransition, packageTransition } from "../awards/workflow";
import { titleName } from "../awards/catalogue";
import { distribution, share, UNRANKED, type DistributionEntry } from "./rules";

export interface WaitingItem {
  kind: "plan" | "group" | "council" | "appeal" | "package" | "record";
  text: string;
  href: string;
  count: number;
}

export interface GroupProgress {
  id: string;
  name: string;
  members: number;
  sheets: number;
  self: number;
  group: number;
  council: number;
}

type PeriodGroupRow = {
  periodId: string;
  periodName: string;
  campaignName: string;
  state: PeriodState;
  yearId: string;
  /** ISO date-time text (the rows arrive as JSON); only the SQL orders by it. */
  endsOn: string;
  groupId: string | null;
  groupName: string | null;
  members: number;
  sheets: number;
  self: number;
  grp: number;
  council: number;
  pendingGroup: number;
  pendingCouncil: number;
};

type RawMeasures = { members: number; women: number; registered: number; lddt: number; gvt: number; initiatives: number; disciplined: number };

/** Live figures of a school year for the plan's measures (lib/plans/measures.ts keys), as one JSON value. */
function measuresSql(schoolId: string, year: { id: string; startsOn: Date; endsOn: Date }): Prisma.Sql {
  return Prisma.sql`json_build_object(
      'members', (SELECT count(*)::int FROM "Member" WHERE "schoolId" = ${schoolId} AND status <> 'LEFT'),
      'women', (SELECT count(*)::int FROM "Member" WHERE "schoolId" = ${schoolId} AND status <> 'LEFT' AND gender = 'NU'),
      -- each registration's campaign year looked up by key (a join hashed every campaign of the
      -- province's year, 6,000 rows, for the school's few hundred registrations)
      'registered', (SELECT count(DISTINCT r."memberId")::int FROM "Registration" r
         JOIN "Member" m ON m.id = r."memberId" AND m.status <> 'LEFT'
         WHERE r."schoolId" = ${schoolId} AND (SELECT c."schoolYearId" FROM "Campaign" c WHERE c.id = r."campaignId") = ${year.id}),
      'lddt', (SELECT count(DISTINCT a."memberId")::int FROM "Award" a LEFT JOIN "DecisionRevocation" rv ON rv."decisionId" = a."decisionId"
         WHERE a."schoolId" = ${schoolId} AND a."schoolYearId" = ${year.id} AND a."titleCode" = 'LDTT' AND rv.id IS NULL),
      'gvt', (SELECT count(DISTINCT a."memberId")::int FROM "Award" a LEFT JOIN "DecisionRevocation" rv ON rv."decisionId" = a."decisionId"
         JOIN "Member" m ON m.id = a."memberId" AND m.gender = 'NU'
         WHERE a."schoolId" = ${schoolId} AND a."schoolYearId" = ${year.id} AND a."titleCode" = 'GVT_DVN' AND rv.id IS NULL),
      'initiatives', (SELECT count(*)::int FROM "Initiative" WHERE "schoolId" = ${schoolId} AND "schoolYearId" = ${year.id} AND "recognisedOn" IS NOT NULL),
      'disciplined', (SELECT count(DISTINCT "memberId")::int FROM "Discipline" WHERE "schoolId" = ${schoolId} AND "decidedOn" BETWEEN ${year.startsOn} AND ${year.endsOn}))`;
}

function measures(m: RawMeasures): MeasureData & { members: number } {
  const pct = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : null);
  const live = (value: number | null, basis: string) => (value === null ? null : { value, basis });
  return {
    members: m.members,
    registered_pct: live(pct(m.registered, m.members), `${m.registered}/${m.members} đoàn viên đã đăng ký thi đua`),
    // Before the year's decisions, no LĐTT is known yet: the figure would read 0%.
    lddt_pct: m.lddt > 0 ? live(pct(m.lddt, m.members), `${m.lddt}/${m.members} đoàn viên đạt Lao động tiên tiến`) : null,
    women_gvtdvn_pct: m.gvt > 0 ? live(pct(m.gvt, m.women), `${m.gvt}/${m.women} nữ đoàn viên đạt danh hiệu`) : null,
    initiatives_count: live(m.initiatives, "sáng kiến được công nhận trong năm học"),
    disciplined_count: live(m.disciplined, "đoàn viên bị kỷ luật trong năm học"),
  };
}

type WaitingRow = { kind: "appeal" | "package" | "record"; ref: string; label: string; n: number };
type Figures = {
  live: RawMeasures | null;
  periodGroups: PeriodGroupRow[];
  waitingRows: WaitingRow[];
  cls: { label: string; n: number }[] | null;
  votes: { titleCode: string; voted: number; passed: number }[] | null;
  awards: { titleCode: string; individuals: number; collectives: number }[] | null;
};

/**
 * Everything the school's dashboard shows for a school year (default: the running one). Who: any
 * viewer with school.read at the school; each section only when the viewer holds its capability
 * there (plan.read, scoring.read per union group, council.read, award.read), and "Việc chờ tôi"
 * from the capabilities they hold. Throws NOT_FOUND for another school (as for a missing one).
 */
export async function getSchoolDashboard(viewer: Viewer, schoolId: string, opts: { yearId?: string } = {}) {
  const db = await getReadDb();
  // By id AND scope in one query: another school's id looks exactly like a missing one.
  const [school, { years, year }] = await Promise.all([
    schoolFor(viewer, schoolId, "school.read", db, { id: true, unionUnitId: true }),
    dashboardYears(db, opts.yearId),
  ]);
  const sid = school.id;
  const at = { schoolId: sid, unitId: school.unionUnitId };
  const may = (cap: Capability) => decide(viewer, cap, at);
  const yid = year?.id ?? "";
  const me = viewer.memberId ?? "";

  // Two queries in parallel: the plans (a Prisma read with the viewer's plan filter) and every
  // figure of the dashboard in ONE statement (each section a JSON value; a section the viewer may
  // not see is NULL and its subquery never runs), instead of six round trips.
  const wantLive = may("plan.read") && !!year;
  const wantCls = may("scoring.read") && may("council.read");
  const wantVotes = may("council.read");
  const wantAwards = may("award.read");
  const [plans, [fig]] = await Promise.all([
    may("plan.read") && year
      ? db.coordinationPlan.findMany({
          where: { schoolId: sid, schoolYearId: yid, ...readablePlans(viewer) },
          orderBy: { revision: "desc" },
          select: {
            id: true,
            revision: true,
            title: true,
            status: true,
            govSignedAt: true,
            unionSignedAt: true,
            organisationId: true,
            schoolId: true,
            targets: { orderBy: { sortOrder: "asc" }, select: { id: true, label: true, measureKey: true, unit: true, comparator: true, targetValue: true, manualActual: true } },
          },
        })
      : Promise.resolve([]),
    db.$queryRaw<Figures[]>`${preparedAs("school_dashboard")}
      SELECT
        ${wantLive && year ? measuresSql(sid, year) : Prisma.sql`NULL::json`} AS live,
        -- Per scoring period (of the year, or waiting for a stage) and union group: sheets and stages done.
        -- Each sheet's three stages in one LATERAL read (not three joins: planning the eight-way join
        -- cost more than running it), the group's name after the counts.
        (SELECT coalesce(json_agg(x ORDER BY x."endsOn" DESC, x."periodId", x."groupName"), '[]'::json) FROM (
          -- the group's name by its key (a join read every school's groups, 12,000 rows, for a few)
          SELECT y.*, (SELECT g.name FROM "UnionGroup" g WHERE g.id = y."groupId") AS "groupName" FROM (
            SELECT p.id AS "periodId", p.name AS "periodName", c.name AS "campaignName", p.state, c."schoolYearId" AS "yearId", p."endsOn",
              m."unionGroupId" AS "groupId",
              count(DISTINCT m.id)::int AS members, count(s.id)::int AS sheets,
              count(*) FILTER (WHERE st.self)::int AS self,
              count(*) FILTER (WHERE st.grp)::int AS grp,
              count(*) FILTER (WHERE st.council)::int AS council,
              count(s.id) FILTER (WHERE NOT st.grp AND s."memberId" <> ${me})::int AS "pendingGroup",
              count(s.id) FILTER (WHERE NOT st.council AND s."memberId" <> ${me})::int AS "pendingCouncil"
            FROM "ScorePeriod" p
            JOIN "Campaign" c ON c.id = p."campaignId"
            JOIN "ScoreSheet" s ON s."periodId" = p.id
            JOIN "Member" m ON m.id = s."memberId"
            CROSS JOIN LATERAL (
              SELECT coalesce(bool_or(z.complete) FILTER (WHERE z.stage = 'SELF'), false) AS self,
                coalesce(bool_or(z.complete) FILTER (WHERE z.stage = 'GROUP'), false) AS grp,
                coalesce(bool_or(z.complete) FILTER (WHERE z.stage = 'COUNCIL'), false) AS council
              FROM "ScoreStage" z WHERE z."sheetId" = s.id
            ) st
            WHERE p."schoolId" = ${sid} AND (c."schoolYearId" = ${yid} OR p.state IN ('GROUP_SCORING', 'COUNCIL_REVIEW'))
            GROUP BY p.id, p.name, c.name, p.state, c."schoolYearId", p."endsOn", m."unionGroupId"
          ) y) x) AS "periodGroups",
        (SELECT coalesce(json_agg(x), '[]'::json) FROM (
          SELECT 'appeal' AS kind, p.id AS ref, p.name AS label, count(*)::int AS n
          FROM "Appeal" ap JOIN "ScoreSheet" s ON s.id = ap."sheetId" JOIN "ScorePeriod" p ON p.id = s."periodId"
          WHERE p."schoolId" = ${sid} AND ap.state = 'OPEN'
          GROUP BY p.id, p.name
          UNION ALL
          SELECT 'package', k.id, k.title, count(i.id) FILTER (WHERE i.status = 'RETURNED')::int
          FROM "NominationPackage" k LEFT JOIN "NominationItem" i ON i."packageId" = k.id
          WHERE k."schoolId" = ${sid} AND k.status = 'RETURNED'
          GROUP BY k.id, k.title
          UNION ALL
          SELECT 'record', k.id, k.title, count(i.id) FILTER (WHERE i.status = 'SUBMITTED')::int
          FROM "NominationPackage" k LEFT JOIN "NominationItem" i ON i."packageId" = k.id
          WHERE k."schoolId" = ${sid} AND k.route = 'STATE' AND k.status = 'SUBMITTED'
          GROUP BY k.id, k.title) x) AS "waitingRows",
        -- The council's result of each member this year: the council stage of their latest period.
        CASE WHEN ${wantCls} THEN (SELECT coalesce(json_agg(x), '[]'::json) FROM (
          SELECT label, count(*)::int AS n FROM (
            SELECT DISTINCT ON (s."memberId") coalesce(st.classification, ${UNRANKED}) AS label
            FROM "ScoreSheet" s JOIN "ScorePeriod" p ON p.id = s."periodId" JOIN "Campaign" c ON c.id = p."campaignId"
            JOIN "ScoreStage" st ON st."sheetId" = s.id AND st.stage = 'COUNCIL' AND st.complete
            WHERE p."schoolId" = ${sid} AND c."schoolYearId" = ${yid}
            ORDER BY s."memberId", p."endsOn" DESC, p.id DESC
          ) y GROUP BY label) x) END AS cls,
        CASE WHEN ${wantVotes} THEN (SELECT coalesce(json_agg(x ORDER BY x."titleCode"), '[]'::json) FROM (
          SELECT v."titleCode", count(*)::int AS voted, count(*) FILTER (WHERE v.passed)::int AS passed
          FROM "CouncilVote" v JOIN "CouncilMeeting" cm ON cm.id = v."meetingId" JOIN "Council" co ON co.id = cm."councilId"
          WHERE co."schoolId" = ${sid} AND co."schoolYearId" = ${yid}
          GROUP BY 1) x) END AS votes,
        CASE WHEN ${wantAwards} THEN (SELECT coalesce(json_agg(x ORDER BY x.individuals DESC, x."titleCode"), '[]'::json) FROM (
          SELECT a."titleCode", count(*) FILTER (WHERE a.subject = 'MEMBER')::int AS individuals, count(*) FILTER (WHERE a.subject <> 'MEMBER')::int AS collectives
          FROM "Award" a LEFT JOIN "DecisionRevocation" rv ON rv."decisionId" = a."decisionId"
          WHERE a."schoolId" = ${sid} AND a."schoolYearId" = ${yid} AND rv.id IS NULL
          GROUP BY 1) x) END AS awards`,
  ]);
  const live = wantLive && fig.live ? measures(fig.live) : null;
  const periodGroups = fig.periodGroups;
  const waitingRows = fig.waitingRows;
  const cls = fig.cls ?? [];
  const votes = fig.votes ?? [];
  const awards = fig.awards ?? [];

  // ---- The plan: the newest revision the viewer may read, its targets against the live figures.
  const plan = plans[0] ?? null;
  const targets = (plan?.targets ?? []).map((t) => {
    const actual = targetActual(t, live ?? {});
    return { id: t.id, label: t.label, target: formatTarget(t), unit: t.unit, actual: actual.value, live: actual.live, basis: actual.basis ?? null, met: targetMet(t, actual.value) };
  });

  // ---- Scoring progress by union group, in the year's current period (the latest not closed, else the latest).
  const groupVisible = (groupId: string | null) => decide(viewer, "scoring.read", { ...at, unionGroupId: groupId });
  const yearRows = periodGroups.filter((r) => r.yearId === yid);
  const periodIds = [...new Set(yearRows.map((r) => r.periodId))];
  const currentId = periodIds.find((id) => yearRows.find((r) => r.periodId === id)!.state !== "CLOSED") ?? periodIds[0] ?? null;
  const current = currentId ? yearRows.find((r) => r.periodId === currentId)! : null;
  const groups: GroupProgress[] = yearRows
    .filter((r) => r.periodId === currentId && groupVisible(r.groupId))
    .map((r) => ({ id: r.groupId ?? "", name: r.groupName ?? "Chưa xếp tổ", members: r.members, sheets: r.sheets, self: r.self, group: r.grp, council: r.council }));

  // ---- Việc chờ tôi.
  const waiting: WaitingItem[] = [];
  const base = `/truong/${sid}`;
  for (const p of plans) {
    const actions = allowedActions(planState(p), planRolesOf(viewer, p));
    if (actions.includes("sign_gov") || actions.includes("sign_union")) {
      waiting.push({ kind: "plan", text: `Kế hoạch chờ bạn ký: kế hoạch phối hợp lần ${p.revision} (${PLAN_STATE_LABELS[planState(p)].toLowerCase()})`, href: `${base}/ke-hoach/${p.id}`, count: 1 });
    }
  }
  const pending = new Map<string, WaitingItem>();
  for (const r of periodGroups) {
    const stage = r.state === "GROUP_SCORING" ? { kind: "group" as const, cap: "scoring.group" as const, n: r.pendingGroup, verb: "Tổ chấm" } : r.state === "COUNCIL_REVIEW" ? { kind: "council" as const, cap: "scoring.council" as const, n: r.pendingCouncil, verb: "Hội đồng chấm" } : null;
    if (!stage || stage.n === 0 || !decide(viewer, stage.cap, { ...at, unionGroupId: r.groupId })) continue;
    const key = `${stage.kind}:${r.periodId}`;
    const item = pending.get(key) ?? { kind: stage.kind, text: `${stage.verb}: ${r.periodName} – ${r.campaignName}`, href: `${base}/cham-diem/${r.periodId}`, count: 0 };
    item.count += stage.n;
    pending.set(key, item);
  }
  waiting.push(...pending.values());
  const caps = capsAt(viewer, at);
  for (const w of waitingRows) {
    if (w.kind === "appeal" && caps.includes("appeal.resolve")) waiting.push({ kind: "appeal", text: `Trả lời khiếu nại: ${w.label}`, href: `${base}/cham-diem/${w.ref}`, count: w.n });
    if (w.kind === "package" && (packageTransition("RETURNED", "edit", caps).ok || packageTransition("RETURNED", "resubmit", caps).ok)) {
      waiting.push({ kind: "package", text: `Hồ sơ bị trả lại: ${w.label}`, href: `${base}/de-nghi/${w.ref}`, count: Math.max(1, w.n) });
    }
    // A dossier sent to a state authority: its decision, when it comes back, is recorded by the proposer.
    if (w.kind === "record" && w.n > 0 && itemTransition("SUBMITTED", "recordState", caps).ok) {
      waiting.push({ kind: "record", text: `Ghi nhận quyết định của cơ quan nhà nước: ${w.label}`, href: `${base}/de-nghi/${w.ref}`, count: w.n });
    }
  }

  const classified = cls.reduce((s, r) => s + r.n, 0);
  return {
    schoolId: sid,
    years: years.map((y) => ({ id: y.id, label: y.label })),
    year: year ? { id: year.id, label: year.label } : null,
    plan: plan ? { id: plan.id, title: plan.title, revision: plan.revision, state: planState(plan), members: live?.members ?? 0 } : null,
    showPlan: may("plan.read"),
    targets,
    period: current ? { id: current.periodId, name: current.periodName, campaignName: current.campaignName, state: current.state } : null,
    groups,
    council: may("council.read")
      ? {
          classified,
          distribution: distribution(Object.fromEntries(cls.map((r) => [r.label, r.n]))) as DistributionEntry[],
          votes: votes.map((v) => ({ titleCode: v.titleCode, title: titleName(v.titleCode), voted: v.voted, passed: v.passed, share: share(v.passed, v.voted) })),
        }
      : null,
    awards: may("award.read")
      ? { rows: awards.map((a) => ({ titleCode: a.titleCode, title: titleName(a.titleCode), individuals: a.individuals, collectives: a.collectives })), total: awards.reduce((s, a) => s + a.individuals + a.collectives, 0) }
      : null,
    waiting,
  };
}
export type SchoolDashboard = Awaited<ReturnType<typeof getSchoolDashboard>>;
