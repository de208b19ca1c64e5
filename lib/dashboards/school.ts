import "server-only";
// The school dashboard (issue 9) for the principal and the union chair, and what the others of the
// school may see of it: the coordination plan's targets against live actuals, each union group's
// scoring progress, the council's results, the awards, and "Việc chờ tôi" (what waits for the
// viewer), computed from capabilities (lib/authz), never role names. A fixed number of queries
// (nine: two, then seven in parallel), whatever the size of the school, read through getReadDb().
import type { PeriodState } from "../generated/prisma/enums";
import { getReadDb } from "../server/db";
import { capsAt, decide } from "../authz/decide";
import { schoolScope } from "../authz/scope";
import { notFound } from "../server/errors";
import type { Capability, Viewer } from "../authz/permissions";
import { dashboardYears } from "./years";
import { readablePlans, planRolesOf } from "../plans/access";
import { allowedActions, planState, PLAN_STATE_LABELS } from "../plans/rules";
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
  endsOn: Date;
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

/** Live figures of a school year for the plan's measures (lib/plans/measures.ts keys). */
async function measures(db: Db, schoolId: string, year: { id: string; startsOn: Date; endsOn: Date }): Promise<MeasureData & { members: number }> {
  const [m] = await db.$queryRaw<{ members: number; women: number; registered: number; lddt: number; gvt: number; initiatives: number; disciplined: number }[]>`
    SELECT
      (SELECT count(*)::int FROM "Member" WHERE "schoolId" = ${schoolId} AND status <> 'LEFT') AS members,
      (SELECT count(*)::int FROM "Member" WHERE "schoolId" = ${schoolId} AND status <> 'LEFT' AND gender = 'NU') AS women,
      (SELECT count(DISTINCT r."memberId")::int FROM "Registration" r
         JOIN "Campaign" c ON c.id = r."campaignId" JOIN "Member" m ON m.id = r."memberId" AND m.status <> 'LEFT'
         WHERE r."schoolId" = ${schoolId} AND c."schoolYearId" = ${year.id}) AS registered,
      (SELECT count(DISTINCT a."memberId")::int FROM "Award" a LEFT JOIN "DecisionRevocation" rv ON rv."decisionId" = a."decisionId"
         WHERE a."schoolId" = ${schoolId} AND a."schoolYearId" = ${year.id} AND a."titleCode" = 'LDTT' AND rv.id IS NULL) AS lddt,
      (SELECT count(DISTINCT a."memberId")::int FROM "Award" a LEFT JOIN "DecisionRevocation" rv ON rv."decisionId" = a."decisionId"
         JOIN "Member" m ON m.id = a."memberId" AND m.gender = 'NU'
         WHERE a."schoolId" = ${schoolId} AND a."schoolYearId" = ${year.id} AND a."titleCode" = 'GVT_DVN' AND rv.id IS NULL) AS gvt,
      (SELECT count(*)::int FROM "Initiative" WHERE "schoolId" = ${schoolId} AND "schoolYearId" = ${year.id} AND "recognisedOn" IS NOT NULL) AS initiatives,
      (SELECT count(DISTINCT "memberId")::int FROM "Discipline" WHERE "schoolId" = ${schoolId} AND "decidedOn" BETWEEN ${year.startsOn} AND ${year.endsOn}) AS disciplined`;
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

type Db = Awaited<ReturnType<typeof getReadDb>>;

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
    db.school.findFirst({ where: { id: schoolId, ...schoolScope(viewer, "school.read") }, select: { id: true, unionUnitId: true } }),
    dashboardYears(db, opts.yearId),
  ]);
  if (!school) throw notFound();
  const sid = school.id;
  const at = { schoolId: sid, unitId: school.unionUnitId };
  const may = (cap: Capability) => decide(viewer, cap, at);
  const yid = year?.id ?? "";
  const me = viewer.memberId ?? "";

  const [plans, live, periodGroups, waitingRows, cls, votes, awards] = await Promise.all([
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
    may("plan.read") && year ? measures(db, sid, year) : Promise.resolve(null),
    // Per scoring period (of the year, or waiting for a stage) and union group: sheets and stages done.
    db.$queryRaw<PeriodGroupRow[]>`
      SELECT p.id AS "periodId", p.name AS "periodName", c.name AS "campaignName", p.state, c."schoolYearId" AS "yearId", p."endsOn",
        g.id AS "groupId", g.name AS "groupName",
        count(DISTINCT m.id)::int AS members, count(s.id)::int AS sheets,
        count(*) FILTER (WHERE a.complete)::int AS self,
        count(*) FILTER (WHERE b.complete)::int AS grp,
        count(*) FILTER (WHERE d.complete)::int AS council,
        count(s.id) FILTER (WHERE NOT coalesce(b.complete, false) AND s."memberId" <> ${me})::int AS "pendingGroup",
        count(s.id) FILTER (WHERE NOT coalesce(d.complete, false) AND s."memberId" <> ${me})::int AS "pendingCouncil"
      FROM "ScorePeriod" p
      JOIN "Campaign" c ON c.id = p."campaignId"
      JOIN "ScoreSheet" s ON s."periodId" = p.id
      JOIN "Member" m ON m.id = s."memberId"
      LEFT JOIN "UnionGroup" g ON g.id = m."unionGroupId"
      LEFT JOIN "ScoreStage" a ON a."sheetId" = s.id AND a.stage = 'SELF'
      LEFT JOIN "ScoreStage" b ON b."sheetId" = s.id AND b.stage = 'GROUP'
      LEFT JOIN "ScoreStage" d ON d."sheetId" = s.id AND d.stage = 'COUNCIL'
      WHERE p."schoolId" = ${sid} AND (c."schoolYearId" = ${yid} OR p.state IN ('GROUP_SCORING', 'COUNCIL_REVIEW'))
      GROUP BY p.id, p.name, c.name, p.state, c."schoolYearId", p."endsOn", g.id, g.name
      ORDER BY p."endsOn" DESC, p.id, g.name`,
    db.$queryRaw<{ kind: "appeal" | "package" | "record"; ref: string; label: string; n: number }[]>`
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
      GROUP BY k.id, k.title`,
    // The council's result of each member this year: the council stage of their latest period.
    may("scoring.read") && may("council.read")
      ? db.$queryRaw<{ label: string; n: number }[]>`
          SELECT label, count(*)::int AS n FROM (
            SELECT DISTINCT ON (s."memberId") coalesce(st.classification, ${UNRANKED}) AS label
            FROM "ScoreSheet" s JOIN "ScorePeriod" p ON p.id = s."periodId" JOIN "Campaign" c ON c.id = p."campaignId"
            JOIN "ScoreStage" st ON st."sheetId" = s.id AND st.stage = 'COUNCIL' AND st.complete
            WHERE p."schoolId" = ${sid} AND c."schoolYearId" = ${yid}
            ORDER BY s."memberId", p."endsOn" DESC, p.id DESC
          ) x GROUP BY label`
      : Promise.resolve([]),
    may("council.read")
      ? db.$queryRaw<{ titleCode: string; voted: number; passed: number }[]>`
          SELECT v."titleCode", count(*)::int AS voted, count(*) FILTER (WHERE v.passed)::int AS passed
          FROM "CouncilVote" v JOIN "CouncilMeeting" cm ON cm.id = v."meetingId" JOIN "Council" co ON co.id = cm."councilId"
          WHERE co."schoolId" = ${sid} AND co."schoolYearId" = ${yid}
          GROUP BY 1 ORDER BY 1`
      : Promise.resolve([]),
    may("award.read")
      ? db.$queryRaw<{ titleCode: string; individuals: number; collectives: number }[]>`
          SELECT a."titleCode", count(*) FILTER (WHERE a.subject = 'MEMBER')::int AS individuals, count(*) FILTER (WHERE a.subject <> 'MEMBER')::int AS collectives
          FROM "Award" a LEFT JOIN "DecisionRevocation" rv ON rv."decisionId" = a."decisionId"
          WHERE a."schoolId" = ${sid} AND a."schoolYearId" = ${yid} AND rv.id IS NULL
          GROUP BY 1 ORDER BY 2 DESC, 1`
      : Promise.resolve([]),
  ]);

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
