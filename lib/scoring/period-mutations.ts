import "server-only";
// A scoring period's life (chair): create it with a sheet per registered member (or the audience), seal each
// stage (snapshot + checksum, state advances), confirm group scores as council scores in bulk,
// close it (numbers frozen; later changes are amendments with a reason).
import type { Prisma } from "../generated/prisma/client";
import type { ScoreStageKind } from "../generated/prisma/enums";
import type { Viewer } from "../authz/permissions";
import { record } from "../audit/record";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { AppError, conflict } from "../server/errors";
import { findCampaignForSchool, requireCampaignAction } from "../campaigns/load";
import { inAudience } from "../campaigns/rules";
import { findPeriod, requirePeriodAction, stageDataOf } from "./load";
import { lockPeriodState } from "./mutations";
import { computeStage } from "./rules";
import { sheetsByRegistration } from "./period-rules";
import { checksumOf } from "./snapshot";
import { endOfDayVN } from "../time";
import { SEAL_ACTION, SEAL_CAPS, closeRefusal, selfScoringRefusal } from "./workflow";

type Tx = Prisma.TransactionClient;
type Db = Awaited<ReturnType<typeof getDb>>;

/**
 * The members of a school who get a sheet in a period of this campaign: those in its audience
 * who registered for one of its individual titles at this school (sheetsByRegistration), or the
 * whole audience when the campaign has no individual title to register for. Never those who left.
 */
async function scoredMembers(db: Db, campaign: { id: string; audience: Parameters<typeof inAudience>[0]; titles: string[] }, schoolId: string, extra: Prisma.MemberWhereInput = {}) {
  const registered: Prisma.MemberWhereInput = sheetsByRegistration(campaign.titles) ? { registrations: { some: { campaignId: campaign.id, schoolId } } } : {};
  const rows = await db.member.findMany({ where: { schoolId, status: { not: "LEFT" }, ...registered, ...extra }, select: { id: true, gender: true, position: true, status: true } });
  return rows.filter((m) => inAudience(campaign.audience, m));
}

/** Creates a period of a campaign for one school, scored on one adopted scale version. */
export async function createPeriod(viewer: Viewer, input: { schoolId: string; campaignId: string; name: string; kind: "MONTH" | "SEMESTER" | "YEAR" | "ROUND"; startsOn: Date; endsOn: Date; scaleVersionId: string; submissionKey?: string }) {
  const db = await getDb();
  const { campaign, school } = await findCampaignForSchool(db, viewer, input.schoolId, input.campaignId);
  requireCampaignAction(viewer, campaign, "createPeriod", { schoolId: school.id });
  if (input.endsOn < input.startsOn) throw new AppError("INVALID", "Ngày kết thúc phải sau ngày bắt đầu.", { endsOn: ["Ngày kết thúc phải sau ngày bắt đầu."] });
  const sv = await db.scaleVersion.findFirst({ where: { id: input.scaleVersionId, scale: { schoolId: school.id }, adoptedAt: { not: null } }, select: { id: true } });
  if (!sv) throw new AppError("INVALID", "Chỉ chấm theo biểu điểm đã được thông qua.", { scaleVersionId: ["Chọn biểu điểm đã thông qua của trường."] });
  const members = await scoredMembers(db, campaign, school.id);
  return createOnce(viewer, "period.create", input.submissionKey, async (tx) => {
    const exists = await tx.scorePeriod.findFirst({ where: { campaignId: campaign.id, schoolId: school.id, name: input.name }, select: { id: true } });
    if (exists) throw new AppError("DUPLICATE", "Đã có kỳ chấm cùng tên trong phong trào này.", { name: ["Tên kỳ chấm đã có."] });
    const p = await tx.scorePeriod.create({
      data: { campaignId: campaign.id, schoolId: school.id, scaleVersionId: sv.id, name: input.name, kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn },
      select: { id: true },
    });
    await tx.scoreSheet.createMany({ data: members.map((m) => ({ periodId: p.id, memberId: m.id })) });
    await record(tx, viewer, { action: "scoring.period.create", entity: "ScorePeriod", entityId: p.id, schoolId: school.id, organisationId: school.unionUnitId, after: { campaignId: campaign.id, name: input.name, kind: input.kind, scaleVersionId: sv.id, sheets: members.length } });
    return p;
  });
}

/** Adds sheets for members who joined the audience after the period was created. */
export async function syncSheets(viewer: Viewer, input: { periodId: string }) {
  const db = await getDb();
  const period = await findPeriod(db, viewer, input.periodId, "scoring.manage");
  requirePeriodAction(viewer, period.state, "sealSelf", { schoolId: period.schoolId });
  const members = await scoredMembers(db, period.campaign, period.schoolId, { scoreSheets: { none: { periodId: period.id } } });
  if (members.length === 0) return 0;
  await db.$transaction(async (tx) => {
    await tx.scoreSheet.createMany({ data: members.map((m) => ({ periodId: period.id, memberId: m.id })), skipDuplicates: true });
    await record(tx, viewer, { action: "scoring.period.sync", entity: "ScorePeriod", entityId: period.id, schoolId: period.schoolId, organisationId: period.school.unionUnitId, after: { added: members.map((m) => m.id) } });
  });
  return members.length;
}

/** What a sealed stage holds: every sheet's numbers at that stage, in a fixed order. */
async function snapshotPayload(tx: Tx, period: { id: string; scaleVersionId: string; scaleVersion: { checksum: string | null } }, stage: ScoreStageKind) {
  const sheets = await tx.scoreSheet.findMany({
    where: { periodId: period.id },
    orderBy: { id: "asc" },
    select: { id: true, memberId: true, member: { select: { fullName: true, unionGroupId: true } }, stages: { where: { stage }, select: { data: true, explanation: true, totalTenths: true, complete: true, classification: true, enteredById: true, version: true } } },
  });
  return {
    periodId: period.id,
    stage,
    scaleVersionId: period.scaleVersionId,
    scaleChecksum: period.scaleVersion.checksum,
    rows: sheets.map((s) => {
      const st = s.stages[0];
      return {
        sheetId: s.id,
        memberId: s.memberId,
        memberName: s.member.fullName,
        unionGroupId: s.member.unionGroupId,
        entered: !!st,
        data: st ? stageDataOf(st.data) : null,
        explanation: st?.explanation ?? null,
        total: st?.totalTenths ?? null,
        complete: st?.complete ?? false,
        classification: st?.classification ?? null,
        enteredById: st?.enteredById ?? null,
        version: st?.version ?? 0,
      };
    }),
  };
}

/**
 * Confirms the current stage: writes its sealed snapshot (sha-256 of the canonical JSON) and
 * moves the period on. The council stage needs every sheet settled and an appeal deadline.
 * Throws NOT_FOUND, FORBIDDEN, STATE, INVALID, CONFLICT.
 */
export async function sealStage(viewer: Viewer, input: { periodId: string; version: number; appealDeadline?: Date }) {
  const db = await getDb();
  // Whoever may seal some stage finds the period (the chair; the principal, who chairs the
  // council); the state machine then decides whether this viewer may seal the current stage.
  const period = await findPeriod(db, viewer, input.periodId, SEAL_CAPS);
  const seal = SEAL_ACTION[period.state];
  if (!seal) throw new AppError("STATE");
  requirePeriodAction(viewer, period.state, seal.action, { schoolId: period.schoolId });
  let appealDeadline: Date | null = null;
  if (seal.stage === "COUNCIL") {
    if (!input.appealDeadline) throw new AppError("INVALID", "Cần hạn nhận khiếu nại.", { appealDeadline: ["Nhập hạn nhận khiếu nại."] });
    // The deadline is a calendar day: appeals are taken until 23:59 that day, Vietnam time.
    appealDeadline = endOfDayVN(input.appealDeadline);
    if (appealDeadline.getTime() < Date.now()) throw new AppError("INVALID", "Hạn khiếu nại phải ở tương lai.", { appealDeadline: ["Hạn khiếu nại phải ở tương lai."] });
    const unsettled = await db.scoreSheet.count({ where: { periodId: period.id, stages: { none: { stage: "COUNCIL", complete: true } } } });
    if (unsettled > 0) throw new AppError("INVALID", `Còn ${unsettled} phiếu hội đồng chưa chấm đủ.`);
  }
  return db.$transaction(async (tx) => {
    const u = await tx.scorePeriod.updateMany({ where: { id: period.id, version: input.version, state: period.state }, data: { state: seal.next, version: { increment: 1 }, ...(appealDeadline ? { appealDeadline } : {}) } });
    if (u.count === 0) throw conflict();
    const payload = await snapshotPayload(tx, period, seal.stage);
    const checksum = checksumOf(payload);
    const snap = await tx.sealedSnapshot.create({ data: { periodId: period.id, stage: seal.stage, payload: payload as unknown as Prisma.InputJsonValue, checksum, sealedById: viewer.userId }, select: { id: true } });
    await record(tx, viewer, { action: "scoring.period.seal", entity: "ScorePeriod", entityId: period.id, schoolId: period.schoolId, organisationId: period.school.unionUnitId, before: { state: period.state }, after: { state: seal.next, stage: seal.stage, snapshotId: snap.id, checksum, appealDeadline } });
    return { snapshotId: snap.id, checksum };
  });
}

/**
 * The council confirms the group's numbers: every sheet without a council entry gets the group's
 * entries as its council entry (not the chair's own sheet, nor sheets the viewer recused from).
 * Returns how many were copied and how many were left for someone else.
 */
export async function confirmGroupScores(viewer: Viewer, input: { periodId: string }) {
  const db = await getDb();
  const period = await findPeriod(db, viewer, input.periodId, "scoring.council");
  requirePeriodAction(viewer, period.state, "enterCouncil", { schoolId: period.schoolId });
  if (period.campaign.state !== "SCORING") throw new AppError("STATE");
  const sheets = await db.scoreSheet.findMany({
    where: { periodId: period.id, stages: { none: { stage: "COUNCIL" } } },
    select: { id: true, memberId: true, stages: { where: { stage: "GROUP" }, select: { data: true } }, recusals: { where: { userId: viewer.userId, stage: "COUNCIL" }, select: { id: true } } },
  });
  const mayCopy = sheets.filter((s) => s.stages[0] && !s.recusals.length && !selfScoringRefusal("COUNCIL", viewer.memberId, s.memberId));
  await db.$transaction(async (tx) => {
    await lockPeriodState(tx, period.id, ["COUNCIL_REVIEW"]);
    const rows = mayCopy.map((s) => {
      const data = stageDataOf(s.stages[0].data);
      const r = computeStage(period.scale, data);
      return { sheetId: s.id, stage: "COUNCIL" as const, data: data as unknown as Prisma.InputJsonValue, explanation: "Hội đồng thống nhất điểm tổ chấm.", totalTenths: r.total, complete: r.complete, classification: r.classification?.label ?? null, enteredById: viewer.userId };
    });
    await tx.scoreStage.createMany({ data: rows, skipDuplicates: true });
    await record(tx, viewer, { action: "scoring.council.confirm_group", entity: "ScorePeriod", entityId: period.id, schoolId: period.schoolId, organisationId: period.school.unionUnitId, after: { copied: rows.map((r) => r.sheetId) } });
  });
  return { copied: mayCopy.length, left: sheets.length - mayCopy.length };
}

/** Closes the period: numbers frozen. Needs every appeal resolved and the appeal window over (closeRefusal). */
export async function closePeriod(viewer: Viewer, input: { periodId: string; version: number }) {
  const db = await getDb();
  const period = await findPeriod(db, viewer, input.periodId, "scoring.manage");
  requirePeriodAction(viewer, period.state, "close", { schoolId: period.schoolId });
  const open = await db.appeal.count({ where: { state: "OPEN", sheet: { periodId: period.id } } });
  const refusal = closeRefusal(period.appealDeadline, open);
  if (refusal) throw new AppError("STATE", refusal);
  await db.$transaction(async (tx) => {
    const u = await tx.scorePeriod.updateMany({ where: { id: period.id, version: input.version, state: "APPEALS" }, data: { state: "CLOSED", closedAt: new Date(), version: { increment: 1 } } });
    if (u.count === 0) throw conflict();
    await record(tx, viewer, { action: "scoring.period.close", entity: "ScorePeriod", entityId: period.id, schoolId: period.schoolId, organisationId: period.school.unionUnitId, before: { state: "APPEALS" }, after: { state: "CLOSED" } });
  });
}
