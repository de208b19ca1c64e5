import "server-only";
// What the header bell shows the signed-in person: their unread notices (AwardNotice: packages
// submitted, returned, decisions issued or revoked) and unseen registration reminders, merged,
// newest first; and "việc đang chờ": live counts of what waits for them, one cheap count per kind
// and place, each built from the viewer's grants (never from input) with the scope fragments, so a
// person of one school never sees another school's numbers.
import type { Prisma } from "../generated/prisma/client";
import { grantsFor, type Capability, type Viewer } from "../authz/permissions";
import { memberScope, schoolScope, unitsServed, viewerPlaces } from "../authz/scope";
import { getDb } from "../server/db";
import { frameMemo } from "../server/brief-cache";
import { unitDescendants } from "../orgs/tree";
import { widestScope } from "../authz/decide";

export type NotificationKind = "notice" | "reminder";

/** One unread notification as the bell shows it. */
export interface NotificationItem {
  kind: NotificationKind;
  id: string;
  message: string;
  link: string;
  createdAt: string;
}

/** One "waiting for you" count, with where the work is. */
export interface WaitingItem {
  key: string;
  label: string;
  count: number;
  href: string;
  /** The school or upper unit it belongs to (null: the person themself). */
  placeId: string | null;
}

export interface NotificationSummary {
  items: NotificationItem[];
  /** Unread notices plus campaigns with an unseen reminder (may exceed items.length). */
  unread: number;
  waiting: WaitingItem[];
}

const SHOWN = 15;
/** A member's appeal outcome stays in "waiting" this long after the chair decided. */
const OUTCOME_DAYS = 30;

/** Stored links are app paths written by the server; anything else becomes the home page. */
function safeLink(link: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(link) ? link : "/";
}

function isAdmin(viewer: Viewer): boolean {
  return widestScope(viewer, "school.read") === "all";
}

/**
 * The viewer's own notices that still concern a place they serve: a notice of a school whose role
 * they have since lost is no longer shown (roles are read on each request). One extra query only
 * for upper-unit staff (the schools under their units).
 */
export async function noticeWhere(viewer: Viewer): Promise<Prisma.AwardNoticeWhereInput> {
  if (isAdmin(viewer)) return { userId: viewer.userId };
  const schools = new Set(viewerPlaces(viewer).schoolIds);
  if (widestScope(viewer, "school.read") === "unit") {
    const db = await getDb();
    for (const s of await db.school.findMany({ where: schoolScope(viewer, "school.read"), select: { id: true } })) schools.add(s.id);
  }
  return { userId: viewer.userId, OR: [{ schoolId: null }, { schoolId: { in: [...schools] } }] };
}

/** The viewer's own unseen reminders to register, for campaigns still open. */
export function reminderWhere(viewer: Viewer): Prisma.RegistrationReminderWhereInput {
  if (!viewer.memberId) return { id: { in: [] } };
  return { seenAt: null, memberId: viewer.memberId, member: memberScope(viewer, "registration.self"), campaign: { state: "OPEN" } };
}

/** Unread notices and reminders (one per campaign), newest first, with the unread total. */
export async function listUnreadNotifications(viewer: Viewer, take = SHOWN): Promise<{ items: NotificationItem[]; unread: number; reminders: number }> {
  const db = await getDb();
  const nWhere: Prisma.AwardNoticeWhereInput = { ...(await noticeWhere(viewer)), readAt: null };
  const rWhere = reminderWhere(viewer);
  const [notices, reminders] = await Promise.all([
    db.awardNotice.findMany({ where: nWhere, orderBy: { createdAt: "desc" }, take: take + 1, select: { id: true, message: true, link: true, createdAt: true } }),
    viewer.memberId
      ? db.registrationReminder.findMany({ where: rWhere, orderBy: { createdAt: "desc" }, distinct: ["campaignId"], take: take + 1, select: { id: true, createdAt: true, campaign: { select: { name: true } } } })
      : Promise.resolve([]),
  ]);
  // Counted only when the list overflowed: usually two queries in all.
  const noticeTotal = notices.length > take ? await db.awardNotice.count({ where: nWhere }) : notices.length;
  const reminderTotal = reminders.length > take ? (await db.registrationReminder.groupBy({ by: ["campaignId"], where: rWhere })).length : reminders.length;
  const items: NotificationItem[] = [
    ...notices.map((n) => ({ kind: "notice" as const, id: n.id, message: n.message, link: safeLink(n.link), createdAt: n.createdAt.toISOString() })),
    ...reminders.map((r) => ({ kind: "reminder" as const, id: r.id, message: `Chủ tịch công đoàn nhắc bạn đăng ký thi đua: ${r.campaign.name}.`, link: "/ca-nhan/thi-dua", createdAt: r.createdAt.toISOString() })),
  ];
  items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { items: items.slice(0, take), unread: noticeTotal + reminderTotal, reminders: reminderTotal };
}

/** Schools where the viewer holds `cap` through a school-wide grant (not an upper unit's). */
function schoolsWith(viewer: Viewer, cap: Capability): string[] {
  return [...new Set(grantsFor(viewer, cap).filter((x) => x.scope === "school" && x.grant.schoolId).map((x) => x.grant.schoolId!))];
}

/** Each upper unit the viewer serves with `cap` (a root of their grants) and the unit ids under it. */
async function unitsWith(viewer: Viewer, cap: Capability): Promise<{ unitId: string; tree: string[] }[]> {
  const roots = [...new Set(grantsFor(viewer, cap).filter((x) => x.scope === "unit" && x.grant.organisationId).map((x) => x.grant.organisationId!))];
  const served = unitsServed(viewer);
  if (roots.length <= 1) return roots.map((unitId) => ({ unitId, tree: [...served] }));
  // Several roots (rare): split the units served by root with one read of the small tree.
  const db = await getDb();
  const trees = await Promise.all(roots.map((unitId) => unitDescendants(db, unitId)));
  return roots.map((unitId, i) => ({ unitId, tree: trees[i].filter((id) => served.includes(id)) }));
}

/**
 * "Việc đang chờ" for the viewer, each count one `count` with a scoped `where`:
 *  - upper-unit reviewers (nomination.review): packages submitted or resubmitted, awaiting review;
 *  - chair and principal (nomination.manage): packages returned to fix, objections not answered;
 *  - principal (plan.sign_school) and chair (plan.sign_union): the school's plan sent for signing
 *    and not yet signed by their side ("Kế hoạch phối hợp chờ bạn ký");
 *  - chair (appeal.resolve): open appeals (not their own);
 *  - chair (scoring.manage): periods waiting for the council, periods past the appeal deadline;
 *  - group leader (scoring.group over a group): sheets of the group awaiting the group's score in
 *    periods at that stage (not their own, not those they stepped aside from);
 *  - member: sheets awaiting their self-assessment, their appeals waiting, outcomes of the last 30 days.
 * Reminders to register are counted by getNotificationSummary from the list it already loads.
 */
export async function getWaitingCounts(viewer: Viewer): Promise<WaitingItem[]> {
  const db = await getDb();
  const jobs: Promise<WaitingItem>[] = [];
  const add = (key: string, label: string, href: string, placeId: string | null, count: Promise<number>) =>
    jobs.push(count.then((n) => ({ key, label, count: n, href, placeId })));

  for (const u of await unitsWith(viewer, "nomination.review")) {
    add(`review:${u.unitId}`, "Hồ sơ đề nghị khen thưởng chờ duyệt", `/cap-tren/${u.unitId}/duyet`, u.unitId, db.nominationPackage.count({ where: { status: "SUBMITTED", route: "UNION", AND: [{ school: { unionUnitId: { in: u.tree } } }, { school: schoolScope(viewer, "nomination.review") }] } }));
  }
  for (const s of schoolsWith(viewer, "nomination.manage")) {
    const pkg = { schoolId: s, school: schoolScope(viewer, "nomination.manage") };
    add(`returned:${s}`, "Hồ sơ bị cấp trên trả lại cần bổ sung", `/truong/${s}/de-nghi`, s, db.nominationPackage.count({ where: { ...pkg, status: "RETURNED" } }));
    add(`objections:${s}`, "Ý kiến phản ánh danh sách công khai chưa trả lời", `/truong/${s}/de-nghi`, s, db.nominationObjection.count({ where: { answer: null, package: pkg } }));
  }
  // A school's plan sent for signing and not yet signed by the viewer's side.
  for (const [cap, unsigned] of [["plan.sign_school", { govSignedAt: null }], ["plan.sign_union", { unionSignedAt: null }]] as const) {
    for (const s of schoolsWith(viewer, cap)) {
      add(`plan-sign:${cap}:${s}`, "Kế hoạch phối hợp chờ bạn ký", `/truong/${s}/ke-hoach`, s, db.coordinationPlan.count({ where: { schoolId: s, school: schoolScope(viewer, cap), status: "SUBMITTED", ...unsigned } }));
    }
  }
  for (const s of schoolsWith(viewer, "appeal.resolve")) {
    add(`appeals:${s}`, "Khiếu nại kết quả chấm điểm chờ giải quyết", `/truong/${s}/cham-diem`, s, db.appeal.count({ where: { state: "OPEN", sheet: { ...(viewer.memberId ? { memberId: { not: viewer.memberId } } : {}), period: { schoolId: s, school: schoolScope(viewer, "appeal.resolve") } } } }));
  }
  for (const s of schoolsWith(viewer, "scoring.manage")) {
    const period = { schoolId: s, school: schoolScope(viewer, "scoring.manage") };
    add(`council:${s}`, "Kỳ chấm điểm chờ hội đồng xác nhận", `/truong/${s}/cham-diem`, s, db.scorePeriod.count({ where: { ...period, state: "COUNCIL_REVIEW" } }));
    add(`closing:${s}`, "Kỳ chấm điểm đã hết hạn khiếu nại, chờ khóa sổ", `/truong/${s}/cham-diem`, s, db.scorePeriod.count({ where: { ...period, state: "APPEALS", appealDeadline: { lt: new Date() } } }));
  }
  const groups = grantsFor(viewer, "scoring.group").filter((x) => x.scope === "group" && x.grant.schoolId && x.grant.unionGroupId);
  for (const { grant } of groups) {
    const s = grant.schoolId!;
    add(`group:${grant.unionGroupId}`, "Phiếu chờ tổ công đoàn chấm điểm", `/truong/${s}/cham-diem`, s, db.scoreSheet.count({
      where: {
        period: { schoolId: s, state: "GROUP_SCORING" },
        member: { AND: [{ schoolId: s, unionGroupId: grant.unionGroupId }, memberScope(viewer, "scoring.group")] },
        ...(viewer.memberId ? { memberId: { not: viewer.memberId } } : {}),
        stages: { none: { stage: "GROUP", complete: true } },
        recusals: { none: { userId: viewer.userId, stage: "GROUP" } },
      },
    }));
  }
  if (viewer.memberId && grantsFor(viewer, "scoring.self").length) {
    const own = { memberId: viewer.memberId, member: memberScope(viewer, "scoring.self") };
    add("self", "Phiếu chấm điểm chờ bạn tự đánh giá", "/ca-nhan/thi-dua", null, db.scoreSheet.count({ where: { ...own, period: { state: "SELF_ASSESSMENT" }, stages: { none: { stage: "SELF", complete: true } } } }));
    add("my-appeals", "Khiếu nại của bạn đang chờ giải quyết", "/ca-nhan/thi-dua", null, db.appeal.count({ where: { state: "OPEN", sheet: own } }));
    add("my-outcomes", `Khiếu nại của bạn đã có kết quả (${OUTCOME_DAYS} ngày qua)`, "/ca-nhan/thi-dua", null, db.appeal.count({ where: { state: { not: "OPEN" }, resolvedAt: { gte: new Date(Date.now() - OUTCOME_DAYS * 86_400_000) }, sheet: own } }));
  }
  return Promise.all(jobs);
}

/**
 * Everything the header needs, in one call (the dashboard reuses it within the same request):
 * the unread list, and the waiting counts with, for a member, the campaigns whose reminder to
 * register they have not seen (from the list already loaded: no extra query).
 */
export async function getNotificationSummary(viewer: Viewer): Promise<NotificationSummary> {
  const [list, waiting] = await Promise.all([listUnreadNotifications(viewer), getWaitingCounts(viewer)]);
  if (viewer.memberId && grantsFor(viewer, "registration.self").length) {
    waiting.push({ key: "reminders", label: "Phong trào được nhắc đăng ký thi đua", count: list.reminders, href: "/ca-nhan/thi-dua", placeId: null });
  }
  return { items: list.items, unread: list.unread, waiting };
}

/** The bell's summary for the layout and the dashboard (a page-frame memo, lib/server/brief-cache.ts). */
export const loadNotificationSummary = frameMemo("bell", getNotificationSummary);
