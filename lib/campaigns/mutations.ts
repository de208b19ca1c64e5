import "server-only";
// Campaign writes: create/edit (owner's manager), state transitions, registration (members for
// individual titles, the chair for collective ones), withdrawal and in-app reminders.
import type { Prisma } from "../generated/prisma/client";
import { can, type Viewer } from "../authz/permissions";
import { memberScope, schoolScope } from "../authz/scope";
import { record } from "../audit/record";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { AppError, conflict, notFound } from "../server/errors";
import { findCampaignForSchool, requireCampaignAction } from "./load";
import { SCHOOL_BRIEF, schoolFor } from "../authz/load";
import { TITLES, inAudience, registrationOpen } from "./rules";
import type { CampaignInput } from "./schemas";
import { orgScope } from "../authz/scope";

type Tx = Prisma.TransactionClient;

function campaignData(input: CampaignInput) {
  return {
    name: input.name,
    movement: input.movement,
    description: input.description ?? null,
    schoolYearId: input.schoolYearId,
    audience: input.audience,
    titles: input.titles,
    registrationDeadline: input.registrationDeadline ?? null,
  };
}

/** The scale must be one of the owner school's scales (upper-unit campaigns have none). */
async function checkScale(tx: Tx, schoolId: string | null, scaleId: string | undefined): Promise<string | null> {
  if (!scaleId) return null;
  if (!schoolId) throw new AppError("INVALID", "Phong trào của cấp trên không gắn biểu điểm; mỗi trường chấm theo biểu điểm của mình.");
  const s = await tx.scoringScale.findFirst({ where: { id: scaleId, schoolId }, select: { id: true } });
  if (!s) throw new AppError("INVALID", "Biểu điểm không thuộc trường này.", { scaleId: ["Chọn biểu điểm của trường."] });
  return s.id;
}

async function checkYear(tx: Tx, schoolYearId: string) {
  if (!(await tx.schoolYear.findUnique({ where: { id: schoolYearId }, select: { id: true } }))) throw new AppError("INVALID", "Năm học không hợp lệ.", { schoolYearId: ["Chọn năm học."] });
}

/**
 * Creates a campaign for a school (its chair) or for an upper unit (its staff). The owner comes
 * from the viewer's scope, never from the form. Throws NOT_FOUND, FORBIDDEN, INVALID.
 */
export async function createCampaign(viewer: Viewer, input: CampaignInput & { schoolId?: string; unitId?: string; submissionKey?: string }) {
  const db = await getDb();
  let owner: { schoolId: string | null; organisationId: string | null; auditOrg: string };
  if (input.schoolId) {
    const school = await schoolFor(viewer, input.schoolId, "campaign.read", db, SCHOOL_BRIEF);
    if (!can(viewer, "campaign.manage", { schoolId: school.id })) throw new AppError("FORBIDDEN");
    owner = { schoolId: school.id, organisationId: null, auditOrg: school.unionUnitId };
  } else if (input.unitId) {
    if (!can(viewer, "campaign.manage", { unitId: input.unitId })) throw notFound();
    owner = { schoolId: null, organisationId: input.unitId, auditOrg: input.unitId };
  } else throw notFound();
  return createOnce(viewer, "campaign.create", input.submissionKey, async (tx) => {
    await checkYear(tx, input.schoolYearId);
    const scaleId = await checkScale(tx, owner.schoolId, input.scaleId);
    const c = await tx.campaign.create({
      data: { ...campaignData(input), schoolId: owner.schoolId, organisationId: owner.organisationId, scaleId, rounds: { create: input.rounds.map((r, i) => ({ name: r.name, startsOn: r.startsOn, endsOn: r.endsOn, position: i })) } },
      select: { id: true },
    });
    await record(tx, viewer, { action: "campaign.create", entity: "Campaign", entityId: c.id, schoolId: owner.schoolId, organisationId: owner.auditOrg, after: { ...campaignData(input), scaleId, rounds: input.rounds } });
    return c;
  });
}

/** Campaigns the viewer manages: their school's (campaign.manage) or their units' ({} for admin). */
function managedCampaigns(viewer: Viewer): Prisma.CampaignWhereInput {
  const units = orgScope(viewer, "campaign.manage");
  return units.organisationId ? { OR: [{ school: schoolScope(viewer, "campaign.manage") }, units] } : {};
}

async function findManagedCampaign(tx: Tx, viewer: Viewer, campaignId: string) {
  const c = await tx.campaign.findFirst({
    where: { id: campaignId, ...managedCampaigns(viewer) },
    select: { id: true, state: true, version: true, schoolId: true, organisationId: true, school: { select: { unionUnitId: true } } },
  });
  if (!c) throw notFound();
  return { ...c, auditOrg: c.organisationId ?? c.school?.unionUnitId ?? null };
}

/** Edits a campaign while it is a draft or open for registration. */
export async function updateCampaign(viewer: Viewer, input: CampaignInput & { campaignId: string; version: number }) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const c = await findManagedCampaign(tx, viewer, input.campaignId);
    requireCampaignAction(viewer, c, "edit");
    await checkYear(tx, input.schoolYearId);
    const scaleId = await checkScale(tx, c.schoolId, input.scaleId);
    const updated = await tx.campaign.updateMany({ where: { id: c.id, version: input.version }, data: { ...campaignData(input), scaleId, version: { increment: 1 } } });
    if (updated.count === 0) throw conflict();
    await tx.campaignRound.deleteMany({ where: { campaignId: c.id } });
    await tx.campaignRound.createMany({ data: input.rounds.map((r, i) => ({ campaignId: c.id, name: r.name, startsOn: r.startsOn, endsOn: r.endsOn, position: i })) });
    await record(tx, viewer, { action: "campaign.update", entity: "Campaign", entityId: c.id, schoolId: c.schoolId, organisationId: c.auditOrg, after: { ...campaignData(input), scaleId, rounds: input.rounds } });
  });
}

/** draft → open → scoring → closed, by the owner's manager. Closing needs every period closed. */
export async function transitionCampaign(viewer: Viewer, input: { campaignId: string; version: number; action: "open" | "startScoring" | "close" }) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const c = await findManagedCampaign(tx, viewer, input.campaignId);
    requireCampaignAction(viewer, c, input.action);
    const next = input.action === "open" ? "OPEN" : input.action === "startScoring" ? "SCORING" : "CLOSED";
    if (input.action === "close") {
      const open = await tx.scorePeriod.count({ where: { campaignId: c.id, state: { not: "CLOSED" } } });
      if (open > 0) throw new AppError("STATE", `Còn ${open} kỳ chấm chưa khóa sổ.`);
    }
    const updated = await tx.campaign.updateMany({ where: { id: c.id, version: input.version, state: c.state }, data: { state: next, version: { increment: 1 } } });
    if (updated.count === 0) throw conflict();
    await record(tx, viewer, { action: `campaign.${input.action}`, entity: "Campaign", entityId: c.id, schoolId: c.schoolId, organisationId: c.auditOrg, before: { state: c.state }, after: { state: next } });
  });
}

/** A member registers themselves for an individual title, while registration is open. */
export async function registerSelf(viewer: Viewer, input: { schoolId: string; campaignId: string; title: keyof typeof TITLES }) {
  const db = await getDb();
  if (!viewer.memberId) throw new AppError("FORBIDDEN", "Tài khoản này không gắn với đoàn viên nào.");
  const member = await db.member.findFirst({ where: { id: viewer.memberId, schoolId: input.schoolId, ...memberScope(viewer, "registration.self") }, select: { id: true, schoolId: true, gender: true, position: true, status: true, unionGroupId: true, school: { select: { unionUnitId: true } } } });
  if (!member) throw notFound();
  const { campaign: c } = await findCampaignForSchool(db, viewer, input.schoolId, input.campaignId);
  requireCampaignAction(viewer, c, "register", { schoolId: member.schoolId, memberId: member.id });
  if (!registrationOpen(c.registrationDeadline)) throw new AppError("STATE", "Đã hết hạn đăng ký.");
  if (!inAudience(c.audience, member)) throw new AppError("FORBIDDEN", "Phong trào này không dành cho đối tượng của bạn.");
  if (!c.titles.includes(input.title) || TITLES[input.title].collective) throw new AppError("INVALID", "Danh hiệu này không mở đăng ký cá nhân trong phong trào.");
  await db.$transaction(async (tx) => {
    const made = await tx.registration.createMany({ data: [{ campaignId: c.id, schoolId: member.schoolId, subjectKey: `m:${member.id}`, memberId: member.id, title: input.title, registeredById: viewer.userId }], skipDuplicates: true });
    if (made.count === 0) throw new AppError("DUPLICATE", "Bạn đã đăng ký danh hiệu này.");
    await tx.registrationReminder.updateMany({ where: { campaignId: c.id, memberId: member.id, seenAt: null }, data: { seenAt: new Date() } });
    await record(tx, viewer, { action: "registration.create", entity: "Campaign", entityId: c.id, schoolId: member.schoolId, organisationId: member.school.unionUnitId, after: { memberId: member.id, title: input.title } });
  });
}

/** The chair registers the school or one of its union groups for a collective title. */
export async function registerCollective(viewer: Viewer, input: { schoolId: string; campaignId: string; title: keyof typeof TITLES; subject: string }) {
  const db = await getDb();
  const { campaign: c, school } = await findCampaignForSchool(db, viewer, input.schoolId, input.campaignId);
  requireCampaignAction(viewer, c, "registerCollective", { schoolId: school.id });
  if (!c.titles.includes(input.title) || !TITLES[input.title].collective) throw new AppError("INVALID", "Danh hiệu này không mở đăng ký tập thể trong phong trào.");
  let unionGroupId: string | null = null;
  if (input.subject !== "school") {
    const g = await db.unionGroup.findFirst({ where: { id: input.subject, schoolId: school.id }, select: { id: true } });
    if (!g) throw notFound();
    unionGroupId = g.id;
  }
  const subjectKey = unionGroupId ? `g:${unionGroupId}` : `s:${school.id}`;
  await db.$transaction(async (tx) => {
    const made = await tx.registration.createMany({ data: [{ campaignId: c.id, schoolId: school.id, subjectKey, unionGroupId, title: input.title, registeredById: viewer.userId }], skipDuplicates: true });
    if (made.count === 0) throw new AppError("DUPLICATE", "Đã đăng ký danh hiệu này cho tập thể đó.");
    await record(tx, viewer, { action: "registration.create", entity: "Campaign", entityId: c.id, schoolId: school.id, organisationId: school.unionUnitId, after: { subjectKey, title: input.title } });
  });
}

/** Withdraws a registration: one's own while registration is open; the chair any of the school's. */
export async function withdrawRegistration(viewer: Viewer, input: { registrationId: string }) {
  const db = await getDb();
  const r = await db.registration.findFirst({
    where: { id: input.registrationId, OR: [{ member: memberScope(viewer, "registration.self") }, { school: schoolScope(viewer, "registration.manage") }] },
    select: { id: true, schoolId: true, memberId: true, subjectKey: true, title: true, campaign: { select: { id: true, state: true, registrationDeadline: true } }, school: { select: { unionUnitId: true } } },
  });
  if (!r) throw notFound();
  const chair = can(viewer, "registration.manage", { schoolId: r.schoolId });
  if (r.campaign.state !== "OPEN" || (!chair && !registrationOpen(r.campaign.registrationDeadline))) throw new AppError("STATE", "Đã hết thời gian đăng ký.");
  await db.$transaction(async (tx) => {
    await tx.registration.delete({ where: { id: r.id } });
    await record(tx, viewer, { action: "registration.delete", entity: "Campaign", entityId: r.campaign.id, schoolId: r.schoolId, organisationId: r.school.unionUnitId, before: { subjectKey: r.subjectKey, title: r.title } });
  });
}

/** In-app reminders to every member of the audience who has not registered yet. Returns how many. */
export async function remindUnregistered(viewer: Viewer, input: { schoolId: string; campaignId: string; submissionKey?: string }): Promise<number> {
  const db = await getDb();
  const { campaign: c, school } = await findCampaignForSchool(db, viewer, input.schoolId, input.campaignId);
  requireCampaignAction(viewer, c, "remind", { schoolId: school.id });
  const members = await db.member.findMany({ where: { schoolId: school.id, status: { not: "LEFT" }, registrations: { none: { campaignId: c.id } } }, select: { id: true, gender: true, position: true, status: true } });
  const targets = members.filter((m) => inAudience(c.audience, m));
  // Once per click (lib/server/submission.ts): a double click sends one reminder each.
  return createOnce(viewer, "registration.remind", input.submissionKey, async (tx) => {
    await tx.registrationReminder.createMany({ data: targets.map((m) => ({ campaignId: c.id, memberId: m.id, sentById: viewer.userId })) });
    await record(tx, viewer, { action: "registration.remind", entity: "Campaign", entityId: c.id, schoolId: school.id, organisationId: school.unionUnitId, after: { reminded: targets.length } });
    return targets.length;
  });
}

