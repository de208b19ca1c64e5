import "server-only";
// Writes to joint meetings: scoped to the schools whose meetings the viewer runs
// (meeting.manage: principal and union chair), transactional, version-checked, audited.
// Closed minutes are frozen by a database trigger as well.
import { Prisma } from "../generated/prisma/client";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import type { Viewer } from "../authz/permissions";
import { managedMeetings, memberScope } from "../authz/scope";
import { schoolFor } from "../authz/load";
import { record } from "../audit/record";
import { AppError, conflict, notFound } from "../server/errors";
import { toDateInput } from "../format";
import { todayVN } from "../time";
import { planRegime } from "./queries";
import { holidaysForUnit } from "../holidays/queries";
import { closeTooEarly, EXTRA_TOPICS, meetingAllows, nextWorkingDay, parseOtherAttendees, regularMeetings, type MeetingAction } from "./rules";
import type { AddTaskInput, CompleteTaskInput, CreateMeetingInput, FollowUpTaskInput, GenerateMeetingsInput, MeetingStateInput, SaveMinutesInput } from "./schemas";

type Tx = Prisma.TransactionClient;

const stateError = () => new AppError("STATE");

async function managedSchool(viewer: Viewer, schoolId: string) {
  return schoolFor(viewer, schoolId, "meeting.manage", await getDb(), { id: true, unionUnitId: true });
}

async function managedMeeting(tx: Tx, viewer: Viewer, meetingId: string) {
  const m = await tx.jointMeeting.findFirst({
    where: { id: meetingId, ...managedMeetings(viewer) },
    select: { id: true, schoolId: true, schoolYearId: true, status: true, version: true, title: true, scheduledOn: true, heldAt: true, school: { select: { unionUnitId: true } } },
  });
  if (!m) throw notFound();
  return m;
}

function allow(status: Parameters<typeof meetingAllows>[0], action: MeetingAction) {
  if (!meetingAllows(status, action)) throw stateError();
}

/**
 * Lập lịch họp liên tịch: the year's monthly meetings from the plan's regime (its meeting
 * day). Idempotent: months that already have their meeting are skipped.
 */
export async function generateMeetings(viewer: Viewer, input: GenerateMeetingsInput): Promise<{ created: number; moved: number }> {
  const school = await managedSchool(viewer, input.schoolId);
  const db = await getDb();
  const year = await db.schoolYear.findUnique({ where: { id: input.schoolYearId }, select: { id: true, startsOn: true, endsOn: true } });
  if (!year) throw notFound();
  const plan = await planRegime(school.id, year.id);
  if (!plan) throw new AppError("STATE", "Chưa có kế hoạch phối hợp của năm học này: hãy lập kế hoạch (chế độ họp) trước.");
  // Weekends, public holidays and the Tết break (the national calendar and the upper units' own days) are skipped.
  const holidays = await holidaysForUnit(db, school.unionUnitId, year.startsOn, year.endsOn);
  const months = regularMeetings(year.startsOn, year.endsOn, plan.meetingDay, holidays);
  return db.$transaction(async (tx) => {
    const r = await tx.jointMeeting.createMany({
      data: months.map((m) => ({
        schoolId: school.id,
        schoolYearId: year.id,
        // Only a signed plan is linked: it can never be discarded under the meetings.
        planId: plan.status === "SIGNED" ? plan.id : null,
        kind: "REGULAR" as const,
        periodMonth: m.periodMonth,
        title: m.title,
        scheduledOn: m.scheduledOn,
      })),
      skipDuplicates: true,
    });
    // Meetings generated earlier that have not taken place and now fall on a day off (a holiday
    // added, Tết corrected) move to the month's working day.
    const planned = await tx.jointMeeting.findMany({
      where: { schoolId: school.id, schoolYearId: year.id, kind: "REGULAR", status: "PLANNED", periodMonth: { in: months.map((m) => m.periodMonth) } },
      select: { id: true, periodMonth: true, scheduledOn: true },
    });
    const moved: { id: string; from: string; to: string }[] = [];
    for (const m of planned) {
      const want = months.find((x) => x.periodMonth === m.periodMonth)!.scheduledOn;
      if (nextWorkingDay(m.scheduledOn, holidays).getTime() === m.scheduledOn.getTime()) continue;
      await tx.jointMeeting.updateMany({ where: { id: m.id, status: "PLANNED" }, data: { scheduledOn: want, version: { increment: 1 } } });
      moved.push({ id: m.id, from: toDateInput(m.scheduledOn), to: toDateInput(want) });
    }
    await record(tx, viewer, {
      action: "meeting.generate",
      entity: "JointMeeting",
      entityId: `${school.id}:${year.id}`,
      schoolId: school.id,
      organisationId: school.unionUnitId,
      after: { schoolYearId: year.id, planId: plan.id, meetingDay: plan.meetingDay, created: r.count, moved },
    });
    return { created: r.count, moved: moved.length };
  });
}

/** Thêm cuộc họp bất thường (kỷ luật, khen thưởng, đời sống, phong trào, khác). */
export async function createMeeting(viewer: Viewer, input: CreateMeetingInput): Promise<{ id: string; schoolId: string }> {
  const school = await managedSchool(viewer, input.schoolId);
  const db = await getDb();
  const year = await db.schoolYear.findUnique({ where: { id: input.schoolYearId }, select: { id: true } });
  if (!year) throw notFound();
  const d = input.scheduledOn;
  const title = input.title ?? `Họp liên tịch bất thường ${EXTRA_TOPICS[input.kind]} ngày ${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
  return createOnce(viewer, "meeting.create", input.submissionKey, async (tx) => {
    const m = await tx.jointMeeting.create({
      data: { schoolId: school.id, schoolYearId: year.id, kind: input.kind, title, scheduledOn: d, agenda: input.agenda ?? null },
      select: { id: true },
    });
    await record(tx, viewer, {
      action: "meeting.create",
      entity: "JointMeeting",
      entityId: m.id,
      schoolId: school.id,
      organisationId: school.unionUnitId,
      after: { kind: input.kind, title, scheduledOn: toDateInput(d), agenda: input.agenda ?? null },
    });
    return { id: m.id, schoolId: school.id };
  });
}

/** Ghi biên bản: date, attendees, agenda, discussion, conclusions. Version-checked. */
export async function saveMinutes(viewer: Viewer, input: SaveMinutesInput) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const m = await managedMeeting(tx, viewer, input.meetingId);
    allow(m.status, "record");
    let heldAt = input.heldOn;
    if (input.heldTime) {
      const [h, min] = input.heldTime.split(":").map(Number);
      // Typed in Vietnam time (UTC+7).
      heldAt = new Date(input.heldOn.getTime() + (h * 60 + min) * 60_000 - 7 * 3600_000);
    }
    const data = {
      heldAt,
      location: input.location ?? null,
      docNumber: input.docNumber ?? null,
      chairName: input.chairName ?? null,
      secretaryName: input.secretaryName ?? null,
      agenda: input.agenda ?? null,
      discussion: input.discussion ?? null,
      decisions: input.decisions ?? null,
    };
    const r = await tx.jointMeeting.updateMany({
      where: { id: m.id, version: input.version, status: { in: ["PLANNED", "HELD"] } },
      data: { ...data, status: "HELD", version: { increment: 1 } },
    });
    if (r.count === 0) throw conflict();
    const fixed = [
      { role: "PRINCIPAL" as const, name: input.principalName, present: input.principalPresent },
      { role: "PARTY_SECRETARY" as const, name: input.partySecretaryName, present: input.partySecretaryPresent },
      { role: "UNION_CHAIR" as const, name: input.unionChairName, present: input.unionChairPresent },
      { role: "YOUTH_UNION" as const, name: input.youthUnionName, present: input.youthUnionPresent },
      { role: "PIONEER_LEADER" as const, name: input.pioneerLeaderName, present: input.pioneerLeaderPresent },
    ].filter((a): a is typeof a & { name: string } => !!a.name);
    const attendees = [
      ...fixed.map((a) => ({ role: a.role, name: a.name, title: null as string | null, present: a.present })),
      ...parseOtherAttendees(input.others).map((o) => ({ role: "OTHER" as const, name: o.name, title: o.title, present: true })),
    ];
    await tx.meetingAttendee.deleteMany({ where: { meetingId: m.id } });
    if (attendees.length) {
      await tx.meetingAttendee.createMany({
        data: attendees.map((a, i) => ({ meetingId: m.id, role: a.role, name: a.name, title: a.title, present: a.present, sortOrder: i + 1 })),
      });
    }
    await record(tx, viewer, {
      action: "meeting.minutes",
      entity: "JointMeeting",
      entityId: m.id,
      schoolId: m.schoolId,
      organisationId: m.school.unionUnitId,
      before: { status: m.status, version: m.version },
      after: { ...data, heldAt: heldAt.toISOString(), attendees, version: m.version + 1 },
    });
    return m;
  });
}

/** Chốt biên bản (frozen afterwards) or hủy a meeting that has not taken place. */
export async function changeMeetingState(viewer: Viewer, input: MeetingStateInput) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const m = await managedMeeting(tx, viewer, input.meetingId);
    allow(m.status, input.action);
    if (input.action === "close") {
      const early = closeTooEarly(m);
      if (early) throw new AppError("STATE", early);
    }
    const data =
      input.action === "close"
        ? { status: "CLOSED" as const, closedAt: new Date() }
        : { status: "CANCELLED" as const };
    const r = await tx.jointMeeting.updateMany({
      where: { id: m.id, version: input.version, status: m.status },
      data: { ...data, version: { increment: 1 } },
    });
    if (r.count === 0) throw conflict();
    await record(tx, viewer, {
      action: `meeting.${input.action}`,
      entity: "JointMeeting",
      entityId: m.id,
      schoolId: m.schoolId,
      organisationId: m.school.unionUnitId,
      before: { status: m.status },
      after: { status: data.status },
    });
    return m;
  });
}

/** Giao nhiệm vụ at a meeting whose minutes are open. */
export async function addTask(viewer: Viewer, input: AddTaskInput) {
  return createOnce(viewer, "meeting.add_task", input.submissionKey, async (tx) => {
    const m = await managedMeeting(tx, viewer, input.meetingId);
    allow(m.status, "add_task");
    const data = { content: input.content, ownerName: input.ownerName, ownerSide: input.ownerSide, dueOn: input.dueOn ?? null };
    // The member responsible, when the name is exactly one current member of the school.
    const named = await tx.member.findMany({ where: { schoolId: m.schoolId, status: { not: "LEFT" }, fullName: { equals: input.ownerName, mode: "insensitive" } }, select: { id: true }, take: 2 });
    const ownerMemberId = named.length === 1 ? named[0].id : null;
    const t = await tx.meetingTask.create({ data: { meetingId: m.id, ...data, ownerMemberId }, select: { id: true } });
    await record(tx, viewer, {
      action: "meeting.add_task",
      entity: "MeetingTask",
      entityId: t.id,
      schoolId: m.schoolId,
      organisationId: m.school.unionUnitId,
      after: { meetingId: m.id, ...data, ownerMemberId, dueOn: toDateInput(data.dueOn) || null },
    });
    return m;
  });
}

/**
 * Kiểm điểm nhiệm vụ at a later meeting of the same school: status and result, recorded with
 * the meeting where it was reviewed. Version-checked.
 */
export async function followUpTask(viewer: Viewer, input: FollowUpTaskInput) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const at = await managedMeeting(tx, viewer, input.meetingId);
    allow(at.status, "record");
    const task = await tx.meetingTask.findFirst({
      where: { id: input.taskId, meeting: { schoolId: at.schoolId, ...managedMeetings(viewer) } },
      select: { id: true, status: true, followUp: true, version: true, meetingId: true },
    });
    if (!task) throw notFound();
    const done = input.status === "DONE";
    const r = await tx.meetingTask.updateMany({
      where: { id: task.id, version: input.version },
      data: {
        status: input.status,
        followUp: input.followUp ?? null,
        reviewedInId: task.meetingId === at.id ? null : at.id,
        doneOn: done ? todayVN() : null,
        version: { increment: 1 },
      },
    });
    if (r.count === 0) throw conflict();
    await record(tx, viewer, {
      action: "meeting.follow_up",
      entity: "MeetingTask",
      entityId: task.id,
      schoolId: at.schoolId,
      organisationId: at.school.unionUnitId,
      before: { status: task.status, followUp: task.followUp },
      after: { status: input.status, followUp: input.followUp ?? null, reviewedInId: at.id },
    });
    return at;
  });
}

/**
 * Đánh dấu hoàn thành a task when it is done, without waiting for a later meeting: the member it
 * names (task.complete at self scope) or those who run the school's meetings (meeting.manage).
 * Another person's task, or another school's, is NOT_FOUND; a task no longer open is STATE.
 * Version-checked, audited.
 */
export async function completeTask(viewer: Viewer, input: CompleteTaskInput): Promise<{ schoolId: string; meetingId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const own = viewer.memberId ? [{ ownerMemberId: viewer.memberId, ownerMember: memberScope(viewer, "task.complete") }] : [];
    const task = await tx.meetingTask.findFirst({
      where: { id: input.taskId, OR: [{ meeting: managedMeetings(viewer) }, ...own] },
      select: { id: true, status: true, followUp: true, meeting: { select: { id: true, schoolId: true, school: { select: { unionUnitId: true } } } } },
    });
    if (!task) throw notFound();
    if (task.status !== "OPEN") throw new AppError("STATE", "Nhiệm vụ này đã được ghi kết quả.");
    const followUp = input.followUp ?? null;
    const r = await tx.meetingTask.updateMany({
      where: { id: task.id, version: input.version, status: "OPEN" },
      data: { status: "DONE", doneOn: todayVN(), followUp, version: { increment: 1 } },
    });
    if (r.count === 0) throw conflict();
    await record(tx, viewer, {
      action: "meeting.complete_task",
      entity: "MeetingTask",
      entityId: task.id,
      schoolId: task.meeting.schoolId,
      organisationId: task.meeting.school.unionUnitId,
      before: { status: task.status, followUp: task.followUp },
      after: { status: "DONE", followUp },
    });
    return { schoolId: task.meeting.schoolId, meetingId: task.meeting.id };
  });
}
