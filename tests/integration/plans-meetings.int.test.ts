// Joint meetings against a real database: generated from the plan's regime, extraordinary
// ones, minutes with attendees and tasks, follow-up at the next meeting, overdue tasks for
// both sides, who reads what, closed minutes frozen by the database, audit rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/authz/permissions";
import { setDbForTests } from "@/lib/server/db";
import { seedDemo, DEMO } from "@/lib/seed/demo";
import { AppError } from "@/lib/server/errors";
import { viewerFor } from "../factories/viewer";
import { createTestDb, type TestDb } from "./harness";
import { createPlan } from "@/lib/plans/mutations";
import { addTask, changeMeetingState, createMeeting, followUpTask, generateMeetings, saveMinutes } from "@/lib/meetings/mutations";
import { getMeetingDetail, listMeetings, overdueTasks } from "@/lib/meetings/queries";
import type { SaveMinutesInput } from "@/lib/meetings/schemas";

let t: TestDb;
let prisma: PrismaClient;
let principal: Viewer;
let chair: Viewer;
let member: Viewer;
let kdPrincipal: Viewer;
let kdChair: Viewer;
let upper: Viewer;

const STA = DEMO.schools.STA;
const Y = DEMO.years.Y2025;

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

const minutes = (meetingId: string, version: number, extra: Partial<SaveMinutesInput> = {}): SaveMinutesInput => ({
  meetingId,
  version,
  heldOn: new Date(Date.UTC(2025, 8, 8)),
  heldTime: "14:00",
  location: "Phòng họp Hội đồng",
  docNumber: "01/BB-LT",
  chairName: "Hoàng Văn Minh",
  secretaryName: "Nguyễn Thị Thanh Tâm",
  principalName: "Hoàng Văn Minh",
  principalPresent: true,
  partySecretaryName: "Hoàng Văn Minh",
  partySecretaryPresent: true,
  unionChairName: "Nguyễn Thị Thanh Tâm",
  unionChairPresent: true,
  youthUnionName: "Đinh Quang Huy",
  youthUnionPresent: false,
  pioneerLeaderName: "Lương Thị Hà",
  pioneerLeaderPresent: true,
  others: "Phạm Thị Lan – Phó hiệu trưởng",
  agenda: "1. Triển khai kế hoạch tháng 9.\n2. Chuẩn bị Hội nghị viên chức.",
  discussion: undefined,
  decisions: "Thống nhất tổ chức Hội nghị viên chức ngày 27/9/2025.",
  ...extra,
});

beforeAll(async () => {
  t = await createTestDb();
  prisma = t.prisma;
  await seedDemo(prisma);
  setDbForTests(prisma);
  const E = DEMO.emails;
  [principal, chair, member, kdPrincipal, kdChair, upper] = await Promise.all(
    [E.STA_PRINCIPAL, E.STA_CHAIR, E.STA_MEMBER, E.KD_PRINCIPAL, E.KD_CHAIR, E.UPPER_SONTHUY].map((e) => viewerFor(prisma, e)),
  );
});
afterAll(() => t?.drop());

describe("joint meetings", () => {
  let first: string;
  let second: string;
  let taskId: string;

  it("needs a plan; then the year's monthly meetings follow its regime, once", async () => {
    expect(await code(generateMeetings(principal, { schoolId: STA, schoolYearId: Y }))).toBe("STATE");
    await createPlan(principal, { schoolId: STA, schoolYearId: Y, source: "template" });
    expect(await code(generateMeetings(kdPrincipal, { schoolId: STA, schoolYearId: Y }))).toBe("NOT_FOUND");
    expect(await code(generateMeetings(member, { schoolId: STA, schoolYearId: Y }))).toBe("NOT_FOUND");
    expect((await generateMeetings(chair, { schoolId: STA, schoolYearId: Y })).created).toBe(9);
    expect((await generateMeetings(principal, { schoolId: STA, schoolYearId: Y })).created).toBe(0);
    const list = await listMeetings(principal, STA, Y);
    expect(list.meetings.map((m) => m.title)).toEqual([
      "Họp liên tịch tháng 9/2025",
      "Họp liên tịch tháng 10/2025",
      "Họp liên tịch tháng 11/2025",
      "Họp liên tịch tháng 12/2025",
      "Họp liên tịch tháng 1/2026",
      "Họp liên tịch tháng 2/2026",
      "Họp liên tịch tháng 3/2026",
      "Họp liên tịch tháng 4/2026",
      "Họp liên tịch tháng 5/2026",
    ]);
    // 5 October 2025 is a Sunday: moved to Monday 6 October.
    expect(list.meetings[1].scheduledOn.toISOString().slice(0, 10)).toBe("2025-10-06");
    first = list.meetings[0].id;
    second = list.meetings[1].id;
  });

  it("adds an extraordinary meeting", async () => {
    const m = await createMeeting(chair, { schoolId: STA, schoolYearId: Y, kind: "WELFARE", scheduledOn: new Date(Date.UTC(2025, 11, 15)), title: undefined, agenda: "Hỗ trợ đoàn viên có hoàn cảnh khó khăn." });
    const d = await getMeetingDetail(principal, STA, m.id);
    expect(d.meeting.title).toBe("Họp liên tịch bất thường bàn công tác chăm lo đời sống ngày 15/12/2025");
    expect(await code(createMeeting(kdChair, { schoolId: STA, schoolYearId: Y, kind: "REWARD", scheduledOn: new Date(), title: undefined, agenda: undefined }))).toBe("NOT_FOUND");
  });

  it("records minutes with attendees and tasks; two stale saves give one CONFLICT", async () => {
    await saveMinutes(principal, minutes(first, 1));
    expect(await code(saveMinutes(chair, minutes(first, 1, { decisions: "Bản cũ" })))).toBe("CONFLICT");
    await addTask(chair, { meetingId: first, content: "Chuẩn bị báo cáo Hội nghị viên chức", ownerName: "Nguyễn Thị Thanh Tâm", ownerSide: "UNION", dueOn: new Date(Date.UTC(2025, 8, 20)) });
    await addTask(principal, { meetingId: first, content: "Rà soát quy chế chi tiêu nội bộ", ownerName: "Hoàng Văn Minh", ownerSide: "GOV", dueOn: new Date(Date.UTC(2099, 0, 1)) });
    const d = await getMeetingDetail(chair, STA, first);
    expect(d.meeting.status).toBe("HELD");
    expect(d.meeting.attendees.map((a) => [a.role, a.present])).toEqual([
      ["PRINCIPAL", true],
      ["PARTY_SECRETARY", true],
      ["UNION_CHAIR", true],
      ["YOUTH_UNION", false],
      ["PIONEER_LEADER", true],
      ["OTHER", true],
    ]);
    expect(d.meeting.attendees[5]).toMatchObject({ name: "Phạm Thị Lan", title: "Phó hiệu trưởng" });
    expect(d.tasks).toHaveLength(2);
    taskId = d.tasks[0].id;
  });

  it("members read only closed minutes; another school finds nothing", async () => {
    expect(await code(getMeetingDetail(member, STA, first))).toBe("NOT_FOUND");
    expect((await listMeetings(member, STA, Y)).meetings).toHaveLength(0);
    await changeMeetingState(principal, { meetingId: first, version: (await prisma.jointMeeting.findUniqueOrThrow({ where: { id: first } })).version, action: "close" });
    expect((await getMeetingDetail(member, STA, first)).meeting.status).toBe("CLOSED");
    expect((await getMeetingDetail(upper, STA, first)).canManage).toBe(false);
    expect(await code(getMeetingDetail(kdPrincipal, STA, first))).toBe("NOT_FOUND");
    expect(await code(getMeetingDetail(kdPrincipal, DEMO.schools.KD, first))).toBe("NOT_FOUND");
  });

  it("closed minutes are frozen, in the application and in the database", async () => {
    const v = (await prisma.jointMeeting.findUniqueOrThrow({ where: { id: first } })).version;
    expect(await code(saveMinutes(principal, minutes(first, v)))).toBe("STATE");
    expect(await code(addTask(principal, { meetingId: first, content: "X", ownerName: "X", ownerSide: "GOV", dueOn: undefined }))).toBe("STATE");
    await expect(t.sql.query(`UPDATE "JointMeeting" SET "decisions" = 'Sửa lén' WHERE "id" = '${first}'`)).rejects.toThrow(/closed/);
    await expect(t.sql.query(`DELETE FROM "MeetingAttendee" WHERE "meetingId" = '${first}'`)).rejects.toThrow(/closed/);
  });

  it("overdue tasks show to both sides; the next meeting follows them up", async () => {
    const now = new Date(Date.UTC(2025, 9, 1));
    for (const v of [principal, chair]) {
      const overdue = await overdueTasks(v, STA, now);
      expect(overdue.map((x) => x.content)).toEqual(["Chuẩn bị báo cáo Hội nghị viên chức"]);
    }
    expect(await overdueTasks(kdPrincipal, STA, now)).toEqual([]);
    const next = await getMeetingDetail(principal, STA, second);
    expect(next.carried.map((x) => x.content).sort()).toEqual(["Chuẩn bị báo cáo Hội nghị viên chức", "Rà soát quy chế chi tiêu nội bộ"]);
    // The follow-up is recorded at the next meeting (tasks of closed minutes stay open to it).
    const task = await prisma.meetingTask.findUniqueOrThrow({ where: { id: taskId } });
    await saveMinutes(chair, minutes(second, 1, { heldOn: new Date(Date.UTC(2025, 9, 6)) }));
    await followUpTask(chair, { taskId, version: task.version, meetingId: second, status: "DONE", followUp: "Đã hoàn thành báo cáo, trình Hội nghị ngày 27/9." });
    expect(await code(followUpTask(principal, { taskId, version: task.version, meetingId: second, status: "OPEN", followUp: undefined }))).toBe("CONFLICT");
    const after = await prisma.meetingTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(after).toMatchObject({ status: "DONE", reviewedInId: second });
    expect(await overdueTasks(principal, STA, now)).toEqual([]);
    expect((await getMeetingDetail(principal, STA, second)).carried.find((x) => x.id === taskId)?.status).toBe("DONE");
  });

  it("audits every change", async () => {
    const rows = await prisma.auditLog.findMany({ where: { schoolId: STA, action: { startsWith: "meeting." } } });
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(["meeting.generate", "meeting.create", "meeting.minutes", "meeting.add_task", "meeting.close", "meeting.follow_up"]));
    expect(rows.every((r) => r.organisationId === DEMO.orgs.CDGD_SONTHUY)).toBe(true);
  });
});
