import "server-only";
// Reads of joint meetings, scoped by the viewer: another school's meeting is not found, and
// minutes not yet closed are shown only to those who run the meetings.
import { getDb } from "../server/db";
import { can, type Viewer } from "../authz/permissions";
import { getSchoolOrThrow } from "../orgs/queries";
import { notFound } from "../server/errors";
import { pickYear } from "../plans/queries";
import { readableMeetings } from "../authz/scope";
import { isOverdue, meetingAllows, vietnamToday, type MeetingAction } from "./rules";

const taskSelect = {
  id: true,
  content: true,
  ownerName: true,
  ownerSide: true,
  dueOn: true,
  status: true,
  followUp: true,
  doneOn: true,
  version: true,
  reviewedInId: true,
  meeting: { select: { id: true, title: true, scheduledOn: true } },
} as const;

/** The regime a school's plan for the year gives (its latest signed revision, else the newest). */
export async function planRegime(schoolId: string, schoolYearId: string) {
  const db = await getDb();
  const plans = await db.coordinationPlan.findMany({
    where: { schoolId, schoolYearId },
    select: { id: true, revision: true, status: true, meetingDay: true },
    orderBy: { revision: "desc" },
  });
  return plans.find((p) => p.status === "SIGNED") ?? plans[0] ?? null;
}

/**
 * A school's joint meetings of a school year (meeting.read of the school), with the open tasks
 * past their due date, visible to both sides.
 */
export async function listMeetings(viewer: Viewer, schoolId: string, yearId?: string) {
  const school = await getSchoolOrThrow(viewer, schoolId);
  const db = await getDb();
  const { years, year } = await pickYear(yearId);
  const canManage = can(viewer, "meeting.manage", { schoolId: school.id });
  if (!year) return { school, years, year, meetings: [], overdue: [], canManage, regime: null };
  const where = { schoolId: school.id, schoolYearId: year.id, ...readableMeetings(viewer) };
  const [meetings, regime] = await Promise.all([
    db.jointMeeting.findMany({
      where,
      select: { id: true, kind: true, title: true, scheduledOn: true, heldAt: true, status: true, _count: { select: { tasks: true } } },
      orderBy: [{ scheduledOn: "asc" }, { createdAt: "asc" }],
    }),
    canManage ? planRegime(school.id, year.id) : Promise.resolve(null),
  ]);
  const overdue = await overdueTasks(viewer, school.id);
  return { school, years, year, meetings, overdue, canManage, regime };
}

/** Open tasks past due of the school's meetings the viewer may read. */
export async function overdueTasks(viewer: Viewer, schoolId: string, now = new Date()) {
  const db = await getDb();
  const today = vietnamToday(now);
  const tasks = await db.meetingTask.findMany({
    where: { status: "OPEN", dueOn: { lt: today }, meeting: { schoolId, ...readableMeetings(viewer) } },
    select: taskSelect,
    orderBy: { dueOn: "asc" },
  });
  return tasks.filter((t) => isOverdue(t, today));
}

/** One meeting with its minutes and tasks, and the earlier tasks to follow up; NOT_FOUND otherwise. */
export async function getMeetingDetail(viewer: Viewer, schoolId: string, meetingId: string) {
  const db = await getDb();
  const meeting = await db.jointMeeting.findFirst({
    where: { id: meetingId, schoolId, ...readableMeetings(viewer) },
    include: {
      attendees: { orderBy: { sortOrder: "asc" } },
      tasks: { select: taskSelect, orderBy: { createdAt: "asc" } },
      school: { select: { id: true, name: true, unionUnitId: true, address: true, govUnit: { select: { name: true } } } },
      schoolYear: { select: { id: true, label: true } },
    },
  });
  if (!meeting) throw notFound();
  const canManage = can(viewer, "meeting.manage", { schoolId });
  // Follow-up: tasks of earlier meetings still open, or already reviewed at this one.
  const carried = await db.meetingTask.findMany({
    where: {
      meeting: { schoolId, scheduledOn: { lte: meeting.scheduledOn }, id: { not: meeting.id }, ...readableMeetings(viewer) },
      OR: meeting.status === "CLOSED" ? [{ reviewedInId: meeting.id }] : [{ status: "OPEN" }, { reviewedInId: meeting.id }],
    },
    select: taskSelect,
    orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
  });
  const actions = (["record", "close", "cancel", "add_task"] as MeetingAction[]).filter((a) => canManage && meetingAllows(meeting.status, a));
  let defaults: { principal: string | null; chair: string | null } = { principal: null, chair: null };
  if (canManage && meeting.attendees.length === 0) {
    const now = new Date();
    const holders = await db.roleAssignment.findMany({
      where: { schoolId, role: { in: ["PRINCIPAL", "UNION_CHAIR"] }, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
      select: { role: true, user: { select: { displayName: true } } },
    });
    defaults = {
      principal: holders.find((h) => h.role === "PRINCIPAL")?.user.displayName ?? null,
      chair: holders.find((h) => h.role === "UNION_CHAIR")?.user.displayName ?? null,
    };
  }
  const today = vietnamToday();
  return {
    meeting,
    carried: carried.map((t) => ({ ...t, overdue: isOverdue(t, today) })),
    tasks: meeting.tasks.map((t) => ({ ...t, overdue: isOverdue(t, today) })),
    canManage,
    actions,
    defaults,
  };
}
export type MeetingDetail = Awaited<ReturnType<typeof getMeetingDetail>>;
