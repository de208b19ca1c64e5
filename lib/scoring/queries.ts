import "server-only";
// Scoring reads → plain DTOs, scoped by the viewer: the period overview (who scored what,
// classification distribution, missing scores, anomaly flags, sealed snapshots), the group grid,
// one member's sheet, and a member's own sheets.
import type { ScoreStageKind } from "../generated/prisma/enums";
import { can, type Viewer } from "../authz/permissions";
import { memberScope, schoolScope } from "../authz/scope";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { findPeriod, findSheet, periodSheets, sheetTarget, stageDataOf, type PeriodRow } from "./load";
import { detectAnomalies } from "./anomalies";
import { groupRowsInOrder, NO_GROUP_NAME } from "./period-rules";
import { computeStage, type StageData, type StageResult } from "./rules";
import { verifySnapshot } from "./snapshot";
import { decidePeriod, selfScoringRefusal } from "./workflow";
import { decide } from "../authz/decide";

const STAGES: ScoreStageKind[] = ["SELF", "GROUP", "COUNCIL"];

/** Periods of a school's campaigns the viewer may see. */
export async function listPeriods(viewer: Viewer, schoolId: string) {
  const db = await getDb();
  return db.scorePeriod.findMany({
    where: { schoolId, school: schoolScope(viewer, "scoring.read") },
    orderBy: [{ startsOn: "desc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true, state: true, startsOn: true, endsOn: true, campaign: { select: { id: true, name: true } }, _count: { select: { sheets: true } } },
  });
}

function userNames(ids: (string | null | undefined)[]) {
  return getDb().then(async (db) => {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    const users = await db.user.findMany({ where: { id: { in: list } }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  });
}

/** What the viewer may do on a period, for buttons (the mutations check again). */
function periodAbilities(viewer: Viewer, period: Pick<PeriodRow, "state" | "schoolId" | "school">) {
  const target = { schoolId: period.schoolId, unitId: period.school.unionUnitId };
  const may = (cap: Parameters<typeof can>[1]) => can(viewer, cap, target);
  return {
    manage: may("scoring.manage"),
    seal: decidePeriod(period.state, period.state === "SELF_ASSESSMENT" ? "sealSelf" : period.state === "GROUP_SCORING" ? "sealGroup" : "sealCouncil", may).ok,
    close: decidePeriod(period.state, "close", may).ok,
    council: decidePeriod(period.state, "enterCouncil", may).ok,
    resolve: decidePeriod(period.state, "resolveAppeal", may).ok,
    amend: decidePeriod(period.state, "amend", may).ok,
    // A group leader exports their group's sheets: the period is the place, the rows are scoped.
    export: decide(viewer, "scoring.export", { ...target, within: true }),
  };
}

/** Sheets per page of the period overview (issue 9: a school of 3,000 members is paged). */
export const PERIOD_PAGE_SIZE = 50;
/** Up to this many visible sheets the flags cover the whole period; above it, the chosen union group. */
export const ANOMALIES_WHOLE_PERIOD_MAX = 400;

/**
 * The period as the viewer may see it: the distribution per union group and the group list over
 * every visible sheet (totals only, no stage data), then one page of sheets (of the chosen union
 * group, or of all) with each stage's total and classification and who entered it, the anomaly
 * flags (whole period when small, else the chosen group), the sealed snapshots (verified) and the
 * appeals. Throws NOT_FOUND.
 */
export async function getPeriodOverview(viewer: Viewer, schoolId: string, periodId: string, opts: { groupId?: string; page?: number } = {}) {
  const db = await getDb();
  const period = await findPeriod(db, viewer, periodId);
  if (period.schoolId !== schoolId) throw notFound();
  const visible = memberScope(viewer, "scoring.read");
  // Totals over every visible sheet: a few columns per stage, no JSON.
  const all = await db.scoreSheet.findMany({
    where: { periodId: period.id, member: visible },
    select: { id: true, member: { select: { unionGroupId: true, unionGroup: { select: { name: true } } } }, stages: { select: { stage: true, complete: true, classification: true } } },
  });
  const groups = [...new Map(all.filter((s) => s.member.unionGroupId).map((s) => [s.member.unionGroupId!, s.member.unionGroup?.name ?? ""])).entries()]
    .map(([id, name]) => ({ id, name, sheets: all.filter((s) => s.member.unionGroupId === id).length }))
    .sort((x, y) => x.name.localeCompare(y.name, "vi"));
  const groupId = opts.groupId && groups.some((g) => g.id === opts.groupId) ? opts.groupId : undefined;
  const inScope = groupId ? all.filter((s) => s.member.unionGroupId === groupId).length : all.length;
  const pages = Math.max(1, Math.ceil(inScope / PERIOD_PAGE_SIZE));
  const page = Math.min(Math.max(1, opts.page ?? 1), pages);
  // The flags need the stage data of a whole group (they compare a group's sheets with each other).
  const anomaliesShown = !!groupId || all.length <= ANOMALIES_WHOLE_PERIOD_MAX;
  const scope = { periodId: period.id, member: groupId ? { AND: [visible, { unionGroupId: groupId }] } : visible };
  const sheets = await db.scoreSheet.findMany({
    where: scope,
    orderBy: [{ member: { sortKey: "asc" } }, { id: "asc" }],
    ...(anomaliesShown ? {} : { skip: (page - 1) * PERIOD_PAGE_SIZE, take: PERIOD_PAGE_SIZE }),
    select: {
      id: true,
      memberId: true,
      member: { select: { fullName: true, sortKey: true, unionGroupId: true, unionGroup: { select: { name: true } } } },
      stages: { select: { stage: true, data: true, totalTenths: true, complete: true, classification: true, enteredById: true, updatedAt: true } },
      appeals: { select: { state: true } },
      _count: { select: { evidence: true, recusals: true } },
    },
  });
  const shown = anomaliesShown ? sheets.slice((page - 1) * PERIOD_PAGE_SIZE, page * PERIOD_PAGE_SIZE) : sheets;
  const names = await userNames(shown.flatMap((s) => s.stages.map((x) => x.enteredById)));
  const results = new Map<string, Partial<Record<ScoreStageKind, { result: StageResult; data: StageData }>>>();
  if (anomaliesShown) {
    for (const s of sheets) {
      const m: Partial<Record<ScoreStageKind, { result: StageResult; data: StageData }>> = {};
      for (const st of s.stages) {
        const data = stageDataOf(st.data);
        m[st.stage] = { result: computeStage(period.scale, data), data };
      }
      results.set(s.id, m);
    }
  }
  const rows = shown.map((s) => ({
    sheetId: s.id,
    memberId: s.memberId,
    memberName: s.member.fullName,
    groupId: s.member.unionGroupId,
    groupName: s.member.unionGroup?.name ?? NO_GROUP_NAME,
    evidence: s._count.evidence,
    recusals: s._count.recusals,
    openAppeals: s.appeals.filter((a) => a.state === "OPEN").length,
    stages: Object.fromEntries(
      s.stages.map((st) => [st.stage, { total: st.totalTenths, complete: st.complete, classification: st.classification, enteredBy: names.get(st.enteredById) ?? "", updatedAt: st.updatedAt }]),
    ) as Partial<Record<ScoreStageKind, { total: number; complete: boolean; classification: string | null; enteredBy: string; updatedAt: Date }>>,
  }));

  const stageForReport: ScoreStageKind = period.state === "SELF_ASSESSMENT" ? "SELF" : period.state === "GROUP_SCORING" ? "GROUP" : "COUNCIL";
  const labels = [...period.scale.bands.map((b) => b.label), period.scale.unrankedLabel];
  const byGroup = new Map<string, { groupName: string; total: number; missing: number; counts: Record<string, number> }>();
  for (const r of all) {
    const groupName = r.member.unionGroup?.name ?? NO_GROUP_NAME;
    const g = byGroup.get(groupName) ?? { groupName, total: 0, missing: 0, counts: Object.fromEntries(labels.map((l) => [l, 0])) };
    g.total++;
    const st = r.stages.find((x) => x.stage === stageForReport);
    if (!st?.complete || !st.classification) g.missing++;
    else g.counts[st.classification] = (g.counts[st.classification] ?? 0) + 1;
    byGroup.set(groupName, g);
  }
  const reviewStage: ScoreStageKind = stageForReport === "SELF" ? "GROUP" : stageForReport;
  const anomalies = anomaliesShown
    ? detectAnomalies(
        sheets.map((s) => ({
          sheetId: s.id,
          memberName: s.member.fullName,
          groupId: s.member.unionGroupId,
          groupName: s.member.unionGroup?.name ?? NO_GROUP_NAME,
          self: results.get(s.id)?.SELF?.result ?? null,
          stage: results.get(s.id)?.[reviewStage]?.result ?? null,
          stageData: results.get(s.id)?.[reviewStage]?.data ?? null,
        })),
      )
    : [];
  const canSeeAll = can(viewer, "scoring.read", { schoolId: period.schoolId, unitId: period.school.unionUnitId });
  const snapshots = canSeeAll
    ? (await db.sealedSnapshot.findMany({ where: { periodId: period.id }, orderBy: { sealedAt: "asc" }, select: { id: true, stage: true, checksum: true, sealedAt: true, sealedById: true, payload: true } })).map((s) => ({
        id: s.id,
        stage: s.stage,
        checksum: s.checksum,
        sealedAt: s.sealedAt,
        intact: verifySnapshot(s),
      }))
    : [];
  // Appeals are few: all of the visible ones, whatever the page.
  const appeals = (
    await db.appeal.findMany({
      where: { sheet: { periodId: period.id, member: visible } },
      orderBy: { createdAt: "asc" },
      select: { id: true, text: true, state: true, resolution: true, version: true, createdAt: true, resolvedAt: true, sheetId: true, sheet: { select: { member: { select: { fullName: true } } } } },
    })
  ).map(({ sheet, ...a }) => ({ ...a, memberName: sheet.member.fullName }));
  return {
    period: { id: period.id, name: period.name, kind: period.kind, state: period.state, version: period.version, startsOn: period.startsOn, endsOn: period.endsOn, appealDeadline: period.appealDeadline, closedAt: period.closedAt, campaign: period.campaign, scaleName: period.scaleVersion.scale.name, scaleNumber: period.scaleVersion.number, schoolName: period.school.name },
    labels,
    stageForReport,
    rows,
    distribution: groupRowsInOrder([...byGroup.values()]),
    anomalies,
    snapshots,
    appeals,
    groups,
    /** The sheet list: the chosen union group (or all), one page of it. */
    list: { groupId, page, pageSize: PERIOD_PAGE_SIZE, total: inScope, anomaliesShown },
    can: periodAbilities(viewer, period),
  };
}

export type PeriodOverview = Awaited<ReturnType<typeof getPeriodOverview>>;

/**
 * The grid of one union group at one stage (GROUP or COUNCIL) for the viewer: the rows they may
 * score, with their current numbers and version, and the self/group numbers beside them.
 */
export async function getGrid(viewer: Viewer, schoolId: string, periodId: string, groupId: string, stage: "GROUP" | "COUNCIL") {
  const db = await getDb();
  const period = await findPeriod(db, viewer, periodId);
  if (period.schoolId !== schoolId) throw notFound();
  const cap = stage === "GROUP" ? "scoring.group" : "scoring.council";
  const group = await db.unionGroup.findFirst({ where: { id: groupId, schoolId: period.schoolId }, select: { id: true, name: true } });
  if (!group) throw notFound();
  const sheets = await db.scoreSheet.findMany({
    where: { periodId: period.id, member: { ...memberScope(viewer, cap), unionGroupId: group.id } },
    select: { id: true, memberId: true, member: { select: { fullName: true, sortKey: true, position: true, status: true, schoolId: true, unionGroupId: true, id: true } }, stages: { select: { stage: true, data: true, version: true, totalTenths: true, explanation: true } }, recusals: { where: { userId: viewer.userId }, select: { stage: true } } },
  });
  sheets.sort((a, b) => a.member.sortKey.localeCompare(b.member.sortKey));
  const editable = decidePeriod(period.state, stage === "GROUP" ? "enterGroup" : "enterCouncil", (c) => can(viewer, c, { schoolId: period.schoolId, unionGroupId: group.id, unitId: period.school.unionUnitId })).ok && period.campaign.state === "SCORING";
  return {
    period: { id: period.id, name: period.name, state: period.state, campaignName: period.campaign.name },
    group,
    stage,
    scale: period.scale,
    editable,
    rows: sheets.map((s) => {
      const own = s.stages.find((x) => x.stage === stage);
      const blocked = selfScoringRefusal(stage, viewer.memberId, s.memberId) ?? (s.recusals.some((r) => r.stage === stage) ? "Bạn đã xin không chấm phiếu này." : null);
      const data = own ? stageDataOf(own.data) : null;
      return {
        sheetId: s.id,
        memberName: s.member.fullName,
        position: s.member.position,
        memberStatus: s.member.status,
        version: own?.version ?? 0,
        entries: data?.entries ?? {},
        bonus: data?.bonus ?? {},
        deductions: data?.deductions ?? [],
        disqualifiers: data?.disqualifiers ?? [],
        self: s.stages.find((x) => x.stage === "SELF") ? stageDataOf(s.stages.find((x) => x.stage === "SELF")!.data) : null,
        group: stage === "COUNCIL" && s.stages.find((x) => x.stage === "GROUP") ? stageDataOf(s.stages.find((x) => x.stage === "GROUP")!.data) : null,
        blocked,
      };
    }),
  };
}

export type GridView = Awaited<ReturnType<typeof getGrid>>;

/** One sheet with every stage's numbers and reasons, evidence, appeals, amendments; and what the viewer may do on it. */
export async function getSheetDetail(viewer: Viewer, sheetId: string, schoolId?: string) {
  const db = await getDb();
  const sheet = await findSheet(db, viewer, sheetId);
  if (schoolId && sheet.period.schoolId !== schoolId) throw notFound();
  const [evidence, appeals, amendments] = await Promise.all([
    db.evidence.findMany({ where: { sheetId: sheet.id }, orderBy: { createdAt: "asc" }, select: { id: true, criterionKey: true, fileName: true, sizeBytes: true, createdAt: true, uploadedById: true } }),
    db.appeal.findMany({ where: { sheetId: sheet.id }, orderBy: { createdAt: "asc" }, select: { id: true, text: true, state: true, resolution: true, resolvedAt: true, createdAt: true, version: true } }),
    db.scoreAmendment.findMany({ where: { sheetId: sheet.id }, orderBy: { createdAt: "asc" }, select: { id: true, stage: true, reason: true, createdAt: true, amendedById: true, after: true } }),
  ]);
  const names = await userNames([...sheet.stages.map((s) => s.enteredById), ...amendments.map((a) => a.amendedById), ...evidence.map((e) => e.uploadedById)]);
  const target = sheetTarget(sheet, sheet.period.school.unionUnitId);
  const may = (c: Parameters<typeof can>[1]) => can(viewer, c, target);
  const editableStage = STAGES.find((st) => {
    const action = st === "SELF" ? "enterSelf" : st === "GROUP" ? "enterGroup" : "enterCouncil";
    return decidePeriod(sheet.period.state, action, may).ok && !selfScoringRefusal(st, viewer.memberId, sheet.memberId) && !sheet.recusals.some((r) => r.userId === viewer.userId && r.stage === st);
  });
  return {
    sheet: { id: sheet.id, memberId: sheet.memberId, memberName: sheet.member.fullName, position: sheet.member.position, groupName: sheet.member.unionGroup?.name ?? "" },
    period: { id: sheet.period.id, name: sheet.period.name, state: sheet.period.state, appealDeadline: sheet.period.appealDeadline, campaignName: sheet.period.campaign.name, campaignState: sheet.period.campaign.state, schoolId: sheet.period.schoolId },
    scale: sheet.period.scale,
    stages: Object.fromEntries(
      sheet.stages.map((st) => {
        const data = stageDataOf(st.data);
        return [st.stage, { data, result: computeStage(sheet.period.scale, data), explanation: st.explanation, version: st.version, enteredBy: names.get(st.enteredById) ?? "", updatedAt: st.updatedAt }];
      }),
    ) as Partial<Record<ScoreStageKind, { data: StageData; result: StageResult; explanation: string | null; version: number; enteredBy: string; updatedAt: Date }>>,
    recusals: sheet.recusals.map((r) => ({ stage: r.stage, reason: r.reason, mine: r.userId === viewer.userId })),
    evidence: evidence.map((e) => ({ ...e, uploadedBy: names.get(e.uploadedById) ?? "", mine: e.uploadedById === viewer.userId })),
    appeals,
    amendments: amendments.map((a) => ({ id: a.id, stage: a.stage, reason: a.reason, createdAt: a.createdAt, amendedBy: names.get(a.amendedById) ?? "" })),
    can: {
      editStage: sheet.period.campaign.state === "SCORING" ? (editableStage ?? null) : null,
      upload: decidePeriod(sheet.period.state, "uploadEvidence", may).ok,
      recuse: (["GROUP", "COUNCIL"] as const).filter((st) => decidePeriod(sheet.period.state, "recuse", may).ok && may(st === "GROUP" ? "scoring.group" : "scoring.council") && !sheet.recusals.some((r) => r.userId === viewer.userId && r.stage === st)),
      appeal: viewer.memberId === sheet.memberId && decidePeriod(sheet.period.state, "appeal", may).ok && !!sheet.period.appealDeadline && sheet.period.appealDeadline.getTime() >= Date.now() && !appeals.some((a) => a.state === "OPEN"),
      resolve: viewer.memberId !== sheet.memberId && decidePeriod(sheet.period.state, "resolveAppeal", may).ok,
      amend: viewer.memberId !== sheet.memberId && decidePeriod(sheet.period.state, "amend", may).ok,
    },
  };
}

export type SheetDetail = Awaited<ReturnType<typeof getSheetDetail>>;

/** A member's own sheets across periods (their page /ca-nhan/thi-dua). */
export async function listMySheets(viewer: Viewer) {
  if (!viewer.memberId) return [];
  const db = await getDb();
  return db.scoreSheet.findMany({
    where: { memberId: viewer.memberId, member: memberScope(viewer, "scoring.read") },
    orderBy: { period: { startsOn: "desc" } },
    select: { id: true, period: { select: { id: true, name: true, state: true, appealDeadline: true, schoolId: true, campaign: { select: { name: true } } } }, stages: { select: { stage: true, totalTenths: true, complete: true, classification: true } } },
  });
}

/**
 * Everything the Excel export needs for the sheets the viewer may export (scoring.export: chair,
 * principal, upper unit; a group leader their group). Throws NOT_FOUND.
 */
export async function getPeriodExport(viewer: Viewer, schoolId: string, periodId: string) {
  const db = await getDb();
  const period = await findPeriod(db, viewer, periodId);
  if (period.schoolId !== schoolId) throw notFound();
  const sheets = await periodSheets(db, period.id, memberScope(viewer, "scoring.export"));
  return {
    schoolName: period.school.name,
    periodName: period.name,
    campaignName: period.campaign.name,
    scale: period.scale,
    sheets: sheets.map((s) => ({ ...s, stages: Object.fromEntries(s.stages.map((st) => [st.stage, { data: st.data, explanation: st.explanation }])) })),
  };
}
