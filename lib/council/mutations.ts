import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { bySchoolScope } from "../authz/scope";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { record } from "../audit/record";
import { AppError, conflict, notFound } from "../server/errors";
import { schoolFor } from "../authz/load";
import { periodOf } from "../awards/facts";
import { settingsFor } from "../awards/facts-loader";
import { oddMembersRule, quorumRule, tallyBallot, tallyBallotSheet } from "../awards/rules";
import { nextDocumentNumber, SYMBOLS } from "../documents/numbering";
import { titleEntry } from "../awards/catalogue";
import { agreeField } from "./schemas";
import type { AddCouncilMemberInput, CloseMeetingInput, CreateCouncilInput, OpenMeetingInput, RecordBallotSheetInput, RecordListVoteInput, RecordVoteInput, RemoveCouncilMemberInput } from "./schemas";

type Tx = Prisma.TransactionClient;
const refuse = (message: string, field?: string) => new AppError("STATE", message, field ? { [field]: [message] } : undefined);

/** A council the viewer manages (council.manage), by id and scope in one query. */
async function councilFor(tx: Tx, viewer: Viewer, councilId: string) {
  const c = await tx.council.findFirst({
    where: { id: councilId, ...bySchoolScope(viewer, "council.manage") },
    include: { school: { select: { id: true, unionUnitId: true } }, schoolYear: true, members: true },
  });
  if (!c) throw notFound();
  return c;
}

/** An open meeting of a council the viewer manages. */
async function openMeetingFor(tx: Tx, viewer: Viewer, meetingId: string) {
  const m = await tx.councilMeeting.findFirst({
    where: { id: meetingId, council: bySchoolScope(viewer, "council.manage") },
    include: { council: { include: { school: { select: { id: true, unionUnitId: true } }, schoolYear: true } } },
  });
  if (!m) throw notFound();
  if (m.status !== "OPEN") throw refuse("Phiên họp đã kết thúc; biên bản không sửa được nữa.");
  return m;
}

/** Thành lập Hội đồng for a school year (council.manage). One per school and year. Audited. */
export async function createCouncil(viewer: Viewer, input: CreateCouncilInput): Promise<{ id: string }> {
  try {
    return await createOnce(viewer, "council.create", input.submissionKey, async (tx) => {
      const school = await schoolFor(viewer, input.schoolId, "council.manage", tx);
      const year = await tx.schoolYear.findUnique({ where: { id: input.schoolYearId } });
      if (!year) throw notFound();
      const c = await tx.council.create({
        data: { schoolId: school.id, schoolYearId: year.id, name: `Hội đồng Thi đua – Khen thưởng ${school.name}`, decisionNumber: input.decisionNumber ?? null, establishedOn: input.establishedOn ?? null },
      });
      await record(tx, viewer, { action: "council.create", entity: "Council", entityId: c.id, schoolId: school.id, organisationId: school.unionUnitId, after: { schoolYearId: year.id, decisionNumber: c.decisionNumber } });
      return { id: c.id };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("DUPLICATE", "Năm học này đã có Hội đồng.");
    throw e;
  }
}

/** Adds a member of the school to the council (council.manage). Audited. */
export async function addCouncilMember(viewer: Viewer, input: AddCouncilMemberInput): Promise<{ schoolId: string }> {
  return createOnce(viewer, "council.add_member", input.submissionKey, async (tx) => {
    const c = await councilFor(tx, viewer, input.councilId);
    const member = await tx.member.findFirst({ where: { id: input.memberId, schoolId: c.schoolId, status: { not: "LEFT" } }, select: { id: true, fullName: true } });
    if (!member) throw new AppError("INVALID", undefined, { memberId: ["Thành viên phải là đoàn viên đang công tác tại trường."] });
    if (c.members.some((m) => m.memberId === member.id)) throw new AppError("DUPLICATE", `${member.fullName} đã là thành viên Hội đồng.`);
    if (input.role === "CHAIR" && c.members.some((m) => m.role === "CHAIR")) throw new AppError("INVALID", undefined, { role: ["Hội đồng đã có Chủ tịch."] });
    const row = await tx.councilMember.create({ data: { councilId: c.id, memberId: member.id, role: input.role, position: input.position ?? null } });
    await record(tx, viewer, { action: "council.member_add", entity: "CouncilMember", entityId: row.id, schoolId: c.schoolId, organisationId: c.school.unionUnitId, after: { memberId: member.id, role: input.role } });
    return { schoolId: c.schoolId };
  });
}

/** Removes a seat, unless the member already attended a meeting (the minutes name them). */
export async function removeCouncilMember(viewer: Viewer, input: RemoveCouncilMemberInput): Promise<{ schoolId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const seat = await tx.councilMember.findFirst({
      where: { id: input.councilMemberId, council: bySchoolScope(viewer, "council.manage") },
      include: { council: { include: { school: { select: { unionUnitId: true } } } }, _count: { select: { attendance: true } } },
    });
    if (!seat) throw notFound();
    if (seat._count.attendance > 0) throw refuse("Thành viên đã dự họp, biên bản có tên; không xóa được.");
    await tx.councilMember.delete({ where: { id: seat.id } });
    await record(tx, viewer, { action: "council.member_remove", entity: "CouncilMember", entityId: seat.id, schoolId: seat.council.schoolId, organisationId: seat.council.school.unionUnitId, before: { memberId: seat.memberId, role: seat.role } });
    return { schoolId: seat.council.schoolId };
  });
}

/**
 * Opens a meeting: the council must have an odd number of members and a quorum present
 * (rule 12, settings), else refused with the reason. Audited "council.meeting_open".
 */
export async function openMeeting(viewer: Viewer, input: OpenMeetingInput): Promise<{ id: string; schoolId: string }> {
  return createOnce(viewer, "council.open_meeting", input.submissionKey, async (tx) => {
    const c = await councilFor(tx, viewer, input.councilId);
    const s = await settingsFor(tx, c.school.unionUnitId, periodOf(c.schoolYear));
    const seats = c.members.filter((m) => input.presentIds.includes(m.id));
    if (seats.length !== input.presentIds.length) throw new AppError("INVALID", undefined, { presentIds: ["Người có mặt phải là thành viên Hội đồng."] });
    const odd = oddMembersRule(c.members.length, s);
    if (!odd.passed) throw refuse(`Chưa mở được phiên bỏ phiếu: ${odd.detail}.`);
    const quorum = quorumRule(seats.length, c.members.length, s);
    if (!quorum.passed) throw refuse(`Chưa đủ túc số: ${quorum.detail}.`, "presentIds");
    const m = await tx.councilMeeting.create({
      data: {
        councilId: c.id,
        heldOn: input.heldOn,
        purpose: input.purpose,
        location: input.location ?? null,
        memberCount: c.members.length,
        presentCount: seats.length,
        attendance: { create: seats.map((x) => ({ councilMemberId: x.id })) },
      },
    });
    await record(tx, viewer, { action: "council.meeting_open", entity: "CouncilMeeting", entityId: m.id, schoolId: c.schoolId, organisationId: c.school.unionUnitId, after: { heldOn: input.heldOn, memberCount: c.members.length, presentCount: seats.length } });
    return { id: m.id, schoolId: c.schoolId };
  });
}

/** A nominee the meeting may vote on: a draft of the same school and school year. */
async function candidate(tx: Tx, schoolId: string, schoolYearId: string, itemId: string) {
  const item = await tx.nominationItem.findFirst({ where: { id: itemId, schoolId, status: "DRAFT", package: { schoolYearId, status: "DRAFT" } }, select: { id: true, titleCode: true, nomineeName: true, packageId: true } });
  if (!item) throw notFound();
  return item;
}

async function writeVote(tx: Tx, viewer: Viewer, meeting: Awaited<ReturnType<typeof openMeetingFor>>, item: { id: string; titleCode: string }, input: { issued: number; returned: number; valid: number; agree: number }) {
  const t = { issued: input.issued, returned: input.returned, valid: input.valid, agree: input.agree };
  const s = await settingsFor(tx, meeting.council.school.unionUnitId, periodOf(meeting.council.schoolYear));
  // A council whose size breaks the setting (members added or removed since the meeting opened) votes nothing.
  const size = oddMembersRule(await tx.councilMember.count({ where: { councilId: meeting.councilId } }), s);
  if (!size.passed) throw refuse(`Chưa mở được phiên bỏ phiếu: ${size.detail}.`);
  const r = tallyBallot({ titleCode: item.titleCode, ...t, present: meeting.presentCount, memberCount: meeting.memberCount }, s);
  if (!r.checks[0].passed) throw new AppError("INVALID", `Số phiếu không khớp: ${r.checks[0].detail}.`);
  const data = { titleCode: item.titleCode, secret: r.secret, ...t, baseCount: r.baseCount, required: r.required, passed: r.passed, basis: r.basis, createdById: viewer.userId };
  const vote = await tx.councilVote.upsert({
    where: { meetingId_itemId: { meetingId: meeting.id, itemId: item.id } },
    create: { meetingId: meeting.id, itemId: item.id, ...data },
    update: { ...data, version: { increment: 1 } },
  });
  await record(tx, viewer, { action: "council.vote", entity: "CouncilVote", entityId: vote.id, schoolId: meeting.council.schoolId, organisationId: meeting.council.school.unionUnitId, after: { itemId: item.id, ...t, passed: r.passed } });
  return r;
}

/** Records the secret-ballot tally of one nominee (rule 13); pass/fail by the threshold setting. */
export async function recordVote(viewer: Viewer, input: RecordVoteInput) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const meeting = await openMeetingFor(tx, viewer, input.meetingId);
    const item = await candidate(tx, meeting.council.schoolId, meeting.council.schoolYearId, input.itemId);
    const r = await writeVote(tx, viewer, meeting, item, input);
    return { schoolId: meeting.council.schoolId, passed: r.passed, detail: r.checks[1].detail, name: item.nomineeName };
  });
}

/** One show-of-hands tally for every nominee of a package whose title needs no secret ballot. */
export async function recordListVote(viewer: Viewer, input: RecordListVoteInput) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const meeting = await openMeetingFor(tx, viewer, input.meetingId);
    const items = await tx.nominationItem.findMany({
      where: { packageId: input.packageId, schoolId: meeting.council.schoolId, status: "DRAFT", package: { schoolYearId: meeting.council.schoolYearId, status: "DRAFT" } },
      select: { id: true, titleCode: true },
    });
    const open = items.filter((i) => !titleEntry(i.titleCode).secretBallot);
    if (!open.length) throw notFound();
    let passed = 0;
    for (const i of open) if ((await writeVote(tx, viewer, meeting, i, input)).passed) passed++;
    return { schoolId: meeting.council.schoolId, count: open.length, passed };
  });
}

/**
 * A ballot sheet that lists every nominee of a package (council.manage, open meeting): the
 * shared counts (issued, returned, valid) and each nominee's "agree" count; rule 13 is judged for
 * each person. Nothing is written unless the whole sheet is consistent: refusals come back per
 * field (the form keeps what was typed). `kind` "secret" covers the titles voted by secret ballot,
 * "open" the others. Throws NOT_FOUND (meeting, package), STATE (closed), INVALID.
 */
export async function recordBallotSheet(viewer: Viewer, input: RecordBallotSheetInput) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const meeting = await openMeetingFor(tx, viewer, input.meetingId);
    const all = await tx.nominationItem.findMany({
      where: { packageId: input.packageId, schoolId: meeting.council.schoolId, status: "DRAFT", package: { schoolYearId: meeting.council.schoolYearId, status: "DRAFT" } },
      select: { id: true, titleCode: true, nomineeName: true },
      orderBy: [{ titleCode: "asc" }, { nomineeSortKey: "asc" }],
    });
    const items = all.filter((i) => titleEntry(i.titleCode).secretBallot === (input.kind === "secret"));
    if (!items.length) throw notFound();
    const s = await settingsFor(tx, meeting.council.school.unionUnitId, periodOf(meeting.council.schoolYear));
    const fieldErrors: Record<string, string[]> = {};
    for (const i of items) if (input.agree[i.id] === undefined) fieldErrors[agreeField(i.id)] = [`Nhập số phiếu đồng ý cho ${i.nomineeName}.`];
    const sheet = tallyBallotSheet(
      { issued: input.issued, returned: input.returned, valid: input.valid, present: meeting.presentCount, memberCount: meeting.memberCount, nominees: items.filter((i) => input.agree[i.id] !== undefined).map((i) => ({ itemId: i.id, titleCode: i.titleCode, agree: input.agree[i.id] })) },
      s,
    );
    for (const [itemId, problem] of Object.entries(sheet.problems)) fieldErrors[agreeField(itemId)] = [problem];
    if (!sheet.consistent.passed) {
      const problems = sheet.consistent.detail.split("; ");
      for (const [field, word] of [["issued", "phát ra"], ["returned", "thu về"], ["valid", "hợp lệ"]] as const) {
        const hit = problems.filter((p) => p.toLowerCase().includes(`phiếu ${word}`));
        if (hit.length) fieldErrors[field] = hit;
      }
      if (!fieldErrors.issued && !fieldErrors.returned && !fieldErrors.valid) fieldErrors.issued = problems;
    }
    if (Object.keys(fieldErrors).length) throw new AppError("INVALID", `Phiếu không khớp, chưa ghi: ${Object.values(fieldErrors).flat().join("; ")}.`, fieldErrors);
    let passed = 0;
    for (const i of items) if ((await writeVote(tx, viewer, meeting, i, { issued: input.issued, returned: input.returned, valid: input.valid, agree: input.agree[i.id] })).passed) passed++;
    return { schoolId: meeting.council.schoolId, count: items.length, passed };
  });
}

/** Closes the meeting: its minutes, attendance and ballots become immutable (DB trigger). */
export async function closeMeeting(viewer: Viewer, input: CloseMeetingInput) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const meeting = await openMeetingFor(tx, viewer, input.meetingId);
    // Số biên bản: the council's own series, per calendar year (Nghị định 30/2020).
    const now = new Date();
    const num = await nextDocumentNumber(tx, { issuerKey: `hdtdkt:${meeting.council.schoolId}`, year: now.getUTCFullYear(), symbol: SYMBOLS.councilMinutes });
    const { count } = await tx.councilMeeting.updateMany({
      where: { id: meeting.id, version: input.version, status: "OPEN" },
      data: { status: "CLOSED", closedAt: now, minutesNote: input.minutesNote ?? null, number: num.number, numberYear: num.year, version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    await record(tx, viewer, { action: "council.meeting_close", entity: "CouncilMeeting", entityId: meeting.id, schoolId: meeting.council.schoolId, organisationId: meeting.council.school.unionUnitId, after: { status: "CLOSED", number: num.number } });
    return { schoolId: meeting.council.schoolId };
  });
}
