// The header bell on the demo data with real viewers: "việc đang chờ" counts per role, scoped so
// that one school's people never see another school's numbers (and one upper unit never sees
// another's); unread notices and reminders merged; mark one / all read touches only the viewer's
// own rows (another's id is NOT_FOUND, rows unchanged); submitting a package notifies the reviewers
// of the unit it goes to, and only them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { SCORING_DEMO } from "@/lib/seed/scoring-demo";
import { getNotificationSummary, getWaitingCounts, listUnreadNotifications, type WaitingItem } from "@/lib/notifications/queries";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mutations";
import { remindUnregistered } from "@/lib/campaigns/mutations";
import { createPackage, submitPackage } from "@/lib/nominations/mutations";

const M = DEMO.members;
const S = DEMO.schools;
const U = DEMO.users;
const O = DEMO.orgs;
const Y25 = DEMO.years.Y2025;

let t: TestDb;
let v: DemoViewers;

const counts = (w: WaitingItem[]) => Object.fromEntries(w.map((x) => [x.key, x.count]));
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
let k12 = 0;

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true, awards: true }));

  // ---- Work waiting, in two schools of Sơn Thủy and the Bắc Sơn school.
  const p = t.prisma;
  const stage = (sheetId: string, kind: "SELF" | "GROUP", complete: boolean) => ({ sheetId, stage: kind, data: {}, totalTenths: 0, complete, enteredById: U.STA_CHAIR });
  // A period of TH Sơn Thủy A waiting for self-assessment: the member's and the chair's sheets.
  await p.scorePeriod.create({ data: { id: "per_nt_self", campaignId: SCORING_DEMO.campaigns.STA_CURRENT, schoolId: S.STA, scaleVersionId: SCORING_DEMO.versions.STA_DRIVE, name: "Tháng 11/2026 (thử thông báo)", kind: "MONTH", startsOn: daysAgo(20), endsOn: daysAgo(-10), state: "SELF_ASSESSMENT" } });
  await p.scoreSheet.createMany({ data: [{ id: "sht_nt_self_member", periodId: "per_nt_self", memberId: M.STA_MEMBER }, { id: "sht_nt_self_chair", periodId: "per_nt_self", memberId: M.STA_CHAIR }] });
  // Appeals: the member's (open, and one decided 2 days ago) and the chair's own (open).
  await p.appeal.createMany({
    data: [
      { sheetId: "sht_nt_self_member", text: "Đề nghị xem lại tiêu chí 3.", createdById: U.STA_MEMBER },
      { sheetId: "sht_nt_self_member", text: "Đề nghị xem lại tiêu chí 1.", createdById: U.STA_MEMBER, state: "REJECTED", resolution: "Giữ nguyên.", resolvedAt: daysAgo(2), resolvedById: U.STA_CHAIR },
      { sheetId: "sht_nt_self_chair", text: "Tự khiếu nại.", createdById: U.STA_CHAIR },
    ],
  });
  // A period waiting for the groups' scores: every active member of Tổ CĐ Khối 1–2 has a sheet;
  // one is already scored by the group, one is the leader's own.
  await p.scorePeriod.create({ data: { id: "per_nt_group", campaignId: SCORING_DEMO.campaigns.STA_CURRENT, schoolId: S.STA, scaleVersionId: SCORING_DEMO.versions.STA_DRIVE, name: "Tháng 10/2026 (thử thông báo)", kind: "MONTH", startsOn: daysAgo(50), endsOn: daysAgo(20), state: "GROUP_SCORING" } });
  const group = await p.member.findMany({ where: { schoolId: S.STA, unionGroupId: DEMO.groups.STA_K12, status: { not: "LEFT" } }, select: { id: true } });
  k12 = group.length;
  await p.scoreSheet.createMany({ data: group.map((m) => ({ id: `sht_nt_g_${m.id}`, periodId: "per_nt_group", memberId: m.id })) });
  const done = group.find((m) => m.id !== M.STA_GROUP_LEADER && m.id !== M.STA_MEMBER)!;
  await p.scoreStage.create({ data: stage(`sht_nt_g_${done.id}`, "GROUP", true) });
  expect(group.some((m) => m.id === M.STA_GROUP_LEADER)).toBe(true);

  // Packages of 2025–2026: TH Sơn Thủy A submitted, TH Kim Đồng returned, the Bắc Sơn school submitted;
  // a posted list of TH Sơn Thủy A with one objection unanswered and one answered.
  const pkg = (id: string, schoolId: string, organisationId: string, status: "SUBMITTED" | "RETURNED" | "POSTED") =>
    p.nominationPackage.create({ data: { id, schoolId, schoolYearId: Y25, organisationId, title: `Hồ sơ ${id}`, status } });
  await pkg("pk_nt_sta", S.STA, O.CDGD_SONTHUY, "SUBMITTED");
  await pkg("pk_nt_kd", S.KD, O.CDGD_SONTHUY, "RETURNED");
  await pkg("pk_nt_bs", S.BS, O.CDGD_BACSON, "SUBMITTED");
  await pkg("pk_nt_sta_posted", S.STA, O.CDGD_SONTHUY, "POSTED");
  await p.nominationObjection.createMany({
    data: [
      { packageId: "pk_nt_sta_posted", memberId: M.STA_MEMBER, body: "Đề nghị làm rõ." },
      { packageId: "pk_nt_sta_posted", memberId: M.STA_MEMBER, body: "Đã rõ?", answer: "Đã trả lời.", answeredAt: daysAgo(1) },
    ],
  });
}, 300_000);
afterAll(() => t?.drop());

describe("việc đang chờ: counts per role, each one scoped", () => {
  it("each role sees its own work with a Vietnamese label and a link", async () => {
    const chair = await getWaitingCounts(v.STA_CHAIR);
    // The demo drive (lib/seed/scoring-demo.ts) waits for the council.
    expect(counts(chair)).toEqual({ "plan-sign:plan.sign_union:sch_sta": 0, "returned:sch_sta": 0, "objections:sch_sta": 1, "appeals:sch_sta": 1, "council:sch_sta": 1, "closing:sch_sta": 0, self: 1, "my-appeals": 1, "my-outcomes": 0 });
    expect(chair.find((w) => w.key === "appeals:sch_sta")).toMatchObject({ label: "Khiếu nại kết quả chấm điểm chờ giải quyết", href: "/truong/sch_sta/cham-diem", placeId: S.STA });
    expect(chair.find((w) => w.key === "objections:sch_sta")?.href).toBe("/truong/sch_sta/de-nghi");

    // The principal manages nominations but does not resolve appeals.
    expect(counts(await getWaitingCounts(v.STA_PRINCIPAL))).toEqual({ "plan-sign:plan.sign_school:sch_sta": 0, "returned:sch_sta": 0, "objections:sch_sta": 1, self: 0, "my-appeals": 0, "my-outcomes": 0 });
    // The group leader: the group's sheets not yet scored by the group, without her own.
    expect(counts(await getWaitingCounts(v.STA_GROUP_LEADER))).toEqual({ [`group:${DEMO.groups.STA_K12}`]: k12 - 2, self: 0, "my-appeals": 0, "my-outcomes": 0 });
    expect(counts(await getWaitingCounts(v.STA_MEMBER))).toEqual({ self: 1, "my-appeals": 1, "my-outcomes": 1 });
    // Upper units: packages awaiting review under their own unit only.
    const upper = await getWaitingCounts(v.UPPER_SONTHUY);
    expect(counts(upper)).toEqual({ [`review:${O.CDGD_SONTHUY}`]: 1 });
    expect(upper[0]).toMatchObject({ label: "Hồ sơ đề nghị khen thưởng chờ duyệt", href: `/cap-tren/${O.CDGD_SONTHUY}/duyet` });
    expect(counts(await getWaitingCounts(v.UPPER_BACSON))).toEqual({ [`review:${O.CDGD_BACSON}`]: 1 });
    expect(await getWaitingCounts(v.ADMIN)).toEqual([]);
  });

  it("the chair of TH Kim Đồng sees only Kim Đồng's numbers, and TH Sơn Thủy A's chair none of Kim Đồng's", async () => {
    const kd = await getWaitingCounts(v.KD_CHAIR);
    expect(counts(kd)).toEqual({ "plan-sign:plan.sign_union:sch_kd": 0, "returned:sch_kd": 1, "objections:sch_kd": 0, "appeals:sch_kd": 0, "council:sch_kd": 0, "closing:sch_kd": 0, self: 0, "my-appeals": 0, "my-outcomes": 0 });
    expect(kd.every((w) => w.placeId === null || w.placeId === S.KD)).toBe(true);
    expect(kd.some((w) => w.href.includes(S.STA))).toBe(false);
    const sta = await getWaitingCounts(v.STA_CHAIR);
    expect(sta.some((w) => w.placeId === S.KD || w.href.includes(S.KD))).toBe(false);
    // A reviewer's count moves only with their own unit's packages.
    await t.prisma.nominationPackage.update({ where: { id: "pk_nt_bs" }, data: { status: "RETURNED" } });
    expect(counts(await getWaitingCounts(v.UPPER_SONTHUY))).toEqual({ [`review:${O.CDGD_SONTHUY}`]: 1 });
    expect(counts(await getWaitingCounts(v.UPPER_BACSON))).toEqual({ [`review:${O.CDGD_BACSON}`]: 0 });
    await t.prisma.nominationPackage.update({ where: { id: "pk_nt_bs" }, data: { status: "SUBMITTED" } });
  });
});

describe("notifications: unread notices and reminders, mark read", () => {
  it("reminders to register and notices merge, newest first; one line per campaign", async () => {
    expect((await listUnreadNotifications(v.STA_MEMBER)).unread).toBe(0);
    await remindUnregistered(v.STA_CHAIR, { schoolId: S.STA, campaignId: SCORING_DEMO.campaigns.STA_CURRENT });
    await remindUnregistered(v.STA_CHAIR, { schoolId: S.STA, campaignId: SCORING_DEMO.campaigns.STA_CURRENT });
    const member = await listUnreadNotifications(v.STA_MEMBER);
    expect(member.unread).toBe(1);
    // The member's "waiting" list has the campaign too (from the same list, no extra query).
    expect((await getNotificationSummary(v.STA_MEMBER)).waiting.find((w) => w.key === "reminders")).toMatchObject({ count: 1, href: "/ca-nhan/thi-dua" });
    expect((await getNotificationSummary(v.UPPER_SONTHUY)).waiting.some((w) => w.key === "reminders")).toBe(false);
    expect(member.items[0]).toMatchObject({ kind: "reminder", link: "/ca-nhan/thi-dua" });
    expect(member.items[0].message).toContain("nhắc bạn đăng ký thi đua");
    // Kim Đồng's chair was not reminded (another school's campaign).
    expect((await listUnreadNotifications(v.KD_CHAIR)).unread).toBe(0);

    await t.prisma.awardNotice.createMany({
      data: [
        { userId: U.STA_CHAIR, schoolId: S.STA, message: "Hồ sơ A bị trả lại.", link: "/truong/sch_sta/de-nghi", createdAt: daysAgo(1) },
        { userId: U.STA_CHAIR, schoolId: S.STA, message: "Đã có Quyết định số 1.", link: "/truong/sch_sta/de-nghi/so-khen-thuong" },
        { userId: U.STA_PRINCIPAL, schoolId: S.STA, message: "Hồ sơ A bị trả lại.", link: "/truong/sch_sta/de-nghi" },
        // A notice of a school where the chair holds no role (any more): not shown.
        { userId: U.STA_CHAIR, schoolId: S.KD, message: "Cũ: Kim Đồng.", link: "/truong/sch_kd/de-nghi" },
        // A stored link that is not an app path is never handed to the browser as is.
        { userId: U.STA_CHAIR, schoolId: null, message: "Liên kết lạ.", link: "//example.com/x", createdAt: daysAgo(3) },
      ],
    });
    const chair = await listUnreadNotifications(v.STA_CHAIR);
    expect(chair.items.map((i) => i.message)).toEqual(["Đã có Quyết định số 1.", expect.stringContaining("nhắc bạn đăng ký thi đua"), "Hồ sơ A bị trả lại.", "Liên kết lạ."]);
    expect(chair.unread).toBe(4);
    expect(chair.items.find((i) => i.message === "Liên kết lạ.")?.link).toBe("/");
  });

  it("marks one read (own only: another's id is NOT_FOUND and changes nothing), then all", async () => {
    const principalNotice = await t.prisma.awardNotice.findFirstOrThrow({ where: { userId: U.STA_PRINCIPAL } });
    const staleKd = await t.prisma.awardNotice.findFirstOrThrow({ where: { userId: U.STA_CHAIR, schoolId: S.KD } });
    const memberReminder = await t.prisma.registrationReminder.findFirstOrThrow({ where: { memberId: M.STA_MEMBER } });
    const snapshot = async () => ({
      notices: await t.prisma.awardNotice.findMany({ where: { readAt: null }, select: { id: true }, orderBy: { id: "asc" } }),
      reminders: await t.prisma.registrationReminder.count({ where: { seenAt: null } }),
    });
    const before = await snapshot();
    expect(await code(markNotificationRead(v.STA_CHAIR, { kind: "notice", id: principalNotice.id }))).toBe("NOT_FOUND");
    expect(await code(markNotificationRead(v.STA_CHAIR, { kind: "notice", id: staleKd.id }))).toBe("NOT_FOUND");
    expect(await code(markNotificationRead(v.KD_CHAIR, { kind: "reminder", id: memberReminder.id }))).toBe("NOT_FOUND");
    expect(await code(markNotificationRead(v.STA_CHAIR, { kind: "reminder", id: memberReminder.id }))).toBe("NOT_FOUND");
    expect(await code(markNotificationRead(v.STA_CHAIR, { kind: "notice", id: "khong_ton_tai" }))).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);

    const chair = await listUnreadNotifications(v.STA_CHAIR);
    const first = chair.items.find((i) => i.kind === "notice")!;
    await markNotificationRead(v.STA_CHAIR, { kind: "notice", id: first.id });
    await markNotificationRead(v.STA_CHAIR, { kind: "notice", id: first.id }); // idempotent
    expect((await listUnreadNotifications(v.STA_CHAIR)).unread).toBe(chair.unread - 1);

    // The member's reminder: both reminder rows of the campaign are seen at once.
    await markNotificationRead(v.STA_MEMBER, { kind: "reminder", id: memberReminder.id });
    expect(await t.prisma.registrationReminder.count({ where: { memberId: M.STA_MEMBER, seenAt: null } })).toBe(0);
    expect((await listUnreadNotifications(v.STA_MEMBER)).unread).toBe(0);

    await markAllNotificationsRead(v.STA_CHAIR);
    expect((await listUnreadNotifications(v.STA_CHAIR)).unread).toBe(0);
    // Someone else's rows are untouched, and so is the chair's hidden Kim Đồng notice.
    expect((await t.prisma.awardNotice.findUniqueOrThrow({ where: { id: principalNotice.id } })).readAt).toBeNull();
    expect((await t.prisma.awardNotice.findUniqueOrThrow({ where: { id: staleKd.id } })).readAt).toBeNull();
    expect((await listUnreadNotifications(v.STA_PRINCIPAL)).unread).toBeGreaterThan(0);
  });
});

describe("submitting a package notifies the reviewers of the unit it goes to", () => {
  it("Kim Đồng submits, then resubmits: Sơn Thủy's staff are told; Bắc Sơn's staff and the admin are not", async () => {
    const { id } = await createPackage(v.KD_CHAIR, { schoolId: S.KD, schoolYearId: Y25 });
    // An empty list posted long enough ago, with the papers the dossier needs.
    await t.prisma.nominationPackage.update({ where: { id }, data: { status: "POSTED", postedOn: daysAgo(30) } });
    await t.prisma.dossierDocument.createMany({ data: [{ packageId: id, kind: "DANH_SACH", title: "Danh sách" }, { packageId: id, kind: "BIEN_BAN_HOP", title: "Biên bản họp" }] });
    const notices = (userId: string) => t.prisma.awardNotice.findMany({ where: { userId, link: { contains: id } }, orderBy: { createdAt: "asc" } });
    const pkg = await t.prisma.nominationPackage.findUniqueOrThrow({ where: { id } });
    await submitPackage(v.KD_CHAIR, { packageId: id, version: pkg.version });

    const sent = await notices(U.UPPER_SONTHUY);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ schoolId: S.KD, link: `/cap-tren/${O.CDGD_SONTHUY}/duyet/${id}`, readAt: null });
    expect(sent[0].message).toBe(`Trường Tiểu học Kim Đồng đã gửi hồ sơ "${pkg.title}" chờ duyệt.`);
    expect(await notices(U.UPPER_BACSON)).toHaveLength(0);
    expect(await notices(U.ADMIN)).toHaveLength(0);
    expect(await notices(U.KD_CHAIR)).toHaveLength(0);
    // The reviewer's bell lists it, and the count of packages waiting moved.
    expect((await listUnreadNotifications(v.UPPER_SONTHUY)).items[0]).toMatchObject({ kind: "notice", id: sent[0].id });
    expect(counts(await getWaitingCounts(v.UPPER_SONTHUY))).toEqual({ [`review:${O.CDGD_SONTHUY}`]: 2 });
    expect((await listUnreadNotifications(v.UPPER_BACSON)).unread).toBe(0);

    // Returned and sent again: "gửi lại".
    const after = await t.prisma.nominationPackage.update({ where: { id }, data: { status: "RETURNED" } });
    await submitPackage(v.KD_CHAIR, { packageId: id, version: after.version });
    const again = await notices(U.UPPER_SONTHUY);
    expect(again).toHaveLength(2);
    expect(again[1].message).toContain("đã gửi lại hồ sơ");
  });
});
