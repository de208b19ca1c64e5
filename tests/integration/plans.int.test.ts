// Coordination plans against a real database: the whole workflow with the demo principal and
// union chair of TH Sơn Thủy A, who may read what, another school's principal finding nothing,
// the immutability trigger, concurrent edits and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/authz/permissions";
import { setDbForTests } from "@/lib/server/db";
import { seedDemo, DEMO } from "@/lib/seed/demo";
import { AppError } from "@/lib/server/errors";
import { viewerFor } from "../factories/viewer";
import { raceIt, raceDescribe } from "../factories/races";
import { createTestDb, type TestDb } from "./harness";
import {
  addComment,
  amendPlan,
  createPlan,
  createUnitPlan,
  discardDraft,
  saveCalendarItem,
  saveTarget,
  transitionPlan,
  updateHeader,
  updateSection,
} from "@/lib/plans/mutations";
import { comparePlanRevisions, getPlanDetail, listSchoolPlans, unitPlanOverview } from "@/lib/plans/queries";

let t: TestDb;
let prisma: PrismaClient;
let principal: Viewer;
let chair: Viewer;
let member: Viewer;
let leader: Viewer;
let kdPrincipal: Viewer;
let upper: Viewer;
let upperBs: Viewer;
let admin: Viewer;
let planId: string;

const STA = DEMO.schools.STA;
const Y = DEMO.years.Y2025;
const owner = { schoolId: STA };

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

async function counts() {
  const [plans, sections, items, targets, comments] = await Promise.all([
    prisma.coordinationPlan.count(),
    prisma.planSection.count(),
    prisma.planCalendarItem.count(),
    prisma.planTarget.count(),
    prisma.planComment.count(),
  ]);
  return { plans, sections, items, targets, comments };
}

async function section(key: string, id = planId) {
  return prisma.planSection.findFirstOrThrow({ where: { planId: id, key } });
}

async function version(id = planId) {
  return (await prisma.coordinationPlan.findUniqueOrThrow({ where: { id } })).version;
}

beforeAll(async () => {
  t = await createTestDb();
  prisma = t.prisma;
  await seedDemo(prisma);
  setDbForTests(prisma);
  const E = DEMO.emails;
  [principal, chair, member, leader, kdPrincipal, upper, upperBs, admin] = await Promise.all(
    [E.STA_PRINCIPAL, E.STA_CHAIR, E.STA_MEMBER, E.STA_GROUP_LEADER, E.KD_PRINCIPAL, E.UPPER_SONTHUY, E.UPPER_BACSON, E.ADMIN].map((e) => viewerFor(prisma, e)),
  );
});
afterAll(() => t?.drop());

describe("drafting", () => {
  it("only the school's principal creates the plan; from the Vietnamese template", async () => {
    expect(await code(createPlan(chair, { schoolId: STA, schoolYearId: Y, source: "template" }))).toBe("NOT_FOUND");
    expect(await code(createPlan(member, { schoolId: STA, schoolYearId: Y, source: "template" }))).toBe("NOT_FOUND");
    expect(await code(createPlan(kdPrincipal, { schoolId: STA, schoolYearId: Y, source: "template" }))).toBe("NOT_FOUND");
    expect(await code(createPlan(principal, { schoolId: STA, schoolYearId: Y, source: "copy" }))).toBe("INVALID");
    const p = await createPlan(principal, { schoolId: STA, schoolYearId: Y, source: "template" });
    planId = p.id;
    const d = await getPlanDetail(principal, owner, planId);
    expect(d.state).toBe("DRAFT");
    expect(d.plan.sections.map((s) => s.key)).toEqual(["legal_basis", "principles", "duties", "joint_work", "meetings", "implementation"]);
    expect(d.plan.items.some((i) => i.content.includes("20/11"))).toBe(true);
    expect(d.plan.targets.map((x) => x.measureKey)).toContain("lddt_pct");
    expect(d.plan.issuerName).toContain("TRƯỜNG TIỂU HỌC SƠN THỦY A");
    expect(d.plan.place).toBe("Sơn Thủy");
    expect(d.actions).toEqual(expect.arrayContaining(["edit", "submit", "comment"]));
    expect(await code(createPlan(principal, { schoolId: STA, schoolYearId: Y, source: "template" }))).toBe("DUPLICATE");
  });

  it("members and group leaders do not see a draft; another school's principal finds nothing", async () => {
    for (const v of [member, leader, kdPrincipal, upperBs]) {
      expect(await code(getPlanDetail(v, owner, planId))).toBe("NOT_FOUND");
    }
    expect((await listSchoolPlans(member, STA, Y)).plans).toHaveLength(0);
    expect(await code(getPlanDetail(kdPrincipal, { schoolId: DEMO.schools.KD }, planId))).toBe("NOT_FOUND");
    // The upper unit reads drafts of its schools; the chair too.
    expect((await getPlanDetail(upper, owner, planId)).actions).toEqual([]);
    expect((await getPlanDetail(chair, owner, planId)).actions).toEqual(["comment"]);
  });

  it("another school's principal cannot change anything: NOT_FOUND and no row changes", async () => {
    const before = await counts();
    const s = await section("principles");
    expect(await code(updateSection(kdPrincipal, { planId, sectionId: s.id, version: s.version, title: s.title, body: "Xâm nhập" }))).toBe("NOT_FOUND");
    expect(await code(saveCalendarItem(kdPrincipal, { planId, month: 10, content: "X", leadSide: "BOTH" }))).toBe("NOT_FOUND");
    expect(await code(addComment(kdPrincipal, { planId, sectionKey: "duties", body: "X" }))).toBe("NOT_FOUND");
    expect(await code(transitionPlan(kdPrincipal, { planId, version: await version(), action: "submit" }))).toBe("NOT_FOUND");
    expect(await counts()).toEqual(before);
    expect((await section("principles")).body).toBe(s.body);
  });

  it("the chair comments on a section but cannot edit; the principal answers", async () => {
    const s = await section("duties");
    expect(await code(updateSection(chair, { planId, sectionId: s.id, version: s.version, title: s.title, body: "Sửa" }))).toBe("FORBIDDEN");
    await addComment(chair, { planId, sectionKey: "duties", body: "Đề nghị bổ sung trách nhiệm tổ chức Hội nghị viên chức." });
    await addComment(principal, { planId, sectionKey: "duties", body: "Nhà trường đồng ý, sẽ bổ sung." });
    expect(await code(addComment(upper, { planId, sectionKey: "duties", body: "X" }))).toBe("FORBIDDEN");
    const d = await getPlanDetail(principal, owner, planId);
    expect(d.plan.comments.filter((c) => c.sectionKey === "duties").map((c) => c.author.displayName)).toEqual(["Nguyễn Thị Thanh Tâm", "Hoàng Văn Minh"]);
  });

  it("two stale saves of the same section: the second gets CONFLICT, nothing is overwritten silently", async () => {
    const s = await section("duties");
    await updateSection(principal, { planId, sectionId: s.id, version: s.version, title: s.title, body: `${s.body}\n- Phối hợp tổ chức Hội nghị viên chức.` });
    expect(await code(updateSection(principal, { planId, sectionId: s.id, version: s.version, title: s.title, body: "Bản cũ" }))).toBe("CONFLICT");
    expect((await section("duties")).body).toContain("Phối hợp tổ chức Hội nghị viên chức.");

    // At the same moment, on two calls: exactly one wins.
    const fresh = await section("joint_work");
    const results = await Promise.all(
      ["Bản của người thứ nhất", "Bản của người thứ hai"].map((body) => code(updateSection(principal, { planId, sectionId: fresh.id, version: fresh.version, title: fresh.title, body }))),
    );
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    expect((await section("joint_work")).version).toBe(fresh.version + 1);
  });

  it("edits the header, calendar and targets; a stale header save is a CONFLICT", async () => {
    const v = await version();
    const header = {
      planId,
      version: v,
      issuerParent: "UBND XÃ SƠN THỦY",
      issuerName: "TRƯỜNG TIỂU HỌC SƠN THỦY A\nBCH CÔNG ĐOÀN CƠ SỞ",
      docNumber: "05/KHPH-NT-CĐ",
      place: "Sơn Thủy",
      issuedOn: undefined,
      title: "Phối hợp hoạt động giữa Nhà trường và Ban Chấp hành Công đoàn cơ sở năm học 2025–2026",
      recipients: "- Như trên;\n- Lưu: VT, CĐ.",
      govSignerTitle: "HIỆU TRƯỞNG",
      unionSignerTitle: "TM. BCH CÔNG ĐOÀN\nCHỦ TỊCH",
      meetingDay: 6,
    };
    await updateHeader(principal, header);
    expect(await code(updateHeader(principal, { ...header, docNumber: "99/X" }))).toBe("CONFLICT");
    await saveCalendarItem(principal, { planId, month: 12, content: "Hội thi \"Giáo viên dạy giỏi\" cấp trường.", leadSide: "GOV" });
    expect(await code(saveCalendarItem(principal, { planId, month: 12, onDate: new Date(Date.UTC(2025, 10, 3)), content: "Sai tháng", leadSide: "GOV" }))).toBe("INVALID");
    await saveTarget(principal, { planId, label: "Giáo viên dạy giỏi cấp trường", measureKey: "manual", unit: "COUNT", comparator: "AT_LEAST", targetValue: 8, manualActual: undefined });
    const d = await getPlanDetail(principal, owner, planId);
    expect(d.plan.docNumber).toBe("05/KHPH-NT-CĐ");
    expect(d.plan.meetingDay).toBe(6);
    expect(d.plan.items).toHaveLength(13);
    expect(d.plan.targets).toHaveLength(7);
  });
});

describe("signing", () => {
  it("locks the draft for signing; each side signs with who and when; then it is signed", async () => {
    expect(await code(transitionPlan(chair, { planId, version: await version(), action: "submit" }))).toBe("FORBIDDEN");
    await transitionPlan(principal, { planId, version: await version(), action: "submit" });
    const s = await section("principles");
    expect(await code(updateSection(principal, { planId, sectionId: s.id, version: s.version, title: s.title, body: "Sửa khi đang trình ký" }))).toBe("STATE");
    expect(await code(transitionPlan(principal, { planId, version: await version(), action: "sign_union" }))).toBe("FORBIDDEN");
    expect(await code(transitionPlan(upper, { planId, version: await version(), action: "sign_gov" }))).toBe("FORBIDDEN");
    expect(await code(transitionPlan(admin, { planId, version: await version(), action: "sign_gov" }))).toBe("FORBIDDEN");

    // Returned for changes, then sent again.
    await transitionPlan(chair, { planId, version: await version(), action: "return" });
    expect((await getPlanDetail(principal, owner, planId)).state).toBe("DRAFT");
    await transitionPlan(principal, { planId, version: await version(), action: "submit" });

    const r1 = await transitionPlan(chair, { planId, version: await version(), action: "sign_union" });
    expect(r1.to).toBe("SIGNED_UNION");
    expect(await code(transitionPlan(chair, { planId, version: await version(), action: "sign_union" }))).toBe("STATE");
    const r2 = await transitionPlan(principal, { planId, version: await version(), action: "sign_gov" });
    expect(r2.to).toBe("SIGNED");
    const p = await prisma.coordinationPlan.findUniqueOrThrow({ where: { id: planId } });
    expect(p.status).toBe("SIGNED");
    expect(p.unionSignerName).toBe("Nguyễn Thị Thanh Tâm");
    expect(p.govSignerName).toBe("Hoàng Văn Minh");
    expect(p.unionSignedAt && p.govSignedAt && p.signedAt).toBeTruthy();
    expect(p.issuedOn).not.toBeNull();
  });

  it("members and group leaders now read the signed plan; the upper unit too; Bắc Sơn does not", async () => {
    for (const v of [member, leader, upper, admin]) expect((await getPlanDetail(v, owner, planId)).state).toBe("SIGNED");
    // The working comments stay between the two sides (and the upper unit).
    expect((await getPlanDetail(member, owner, planId)).plan.comments).toEqual([]);
    expect((await getPlanDetail(upper, owner, planId)).plan.comments.length).toBeGreaterThan(0);
    expect((await listSchoolPlans(member, STA, Y)).plans).toHaveLength(1);
    expect(await code(getPlanDetail(upperBs, owner, planId))).toBe("NOT_FOUND");
    expect(await code(getPlanDetail(kdPrincipal, owner, planId))).toBe("NOT_FOUND");
    expect(await code(addComment(chair, { planId, sectionKey: "duties", body: "Muộn" }))).toBe("STATE");
  });

  it("the database refuses any change to a signed plan or its content, whoever asks", async () => {
    const s = await section("principles");
    const attempts = [
      `UPDATE "CoordinationPlan" SET "title" = 'Sửa lén' WHERE "id" = '${planId}'`,
      `UPDATE "CoordinationPlan" SET "status" = 'DRAFT' WHERE "id" = '${planId}'`,
      `DELETE FROM "CoordinationPlan" WHERE "id" = '${planId}'`,
      `UPDATE "PlanSection" SET "body" = 'Sửa lén' WHERE "id" = '${s.id}'`,
      `DELETE FROM "PlanSection" WHERE "id" = '${s.id}'`,
      `INSERT INTO "PlanSection" ("id", "planId", "key", "title", "body", "sortOrder") VALUES ('x1', '${planId}', 'extra', 'Thêm', 'Thêm lén', 99)`,
      `UPDATE "PlanCalendarItem" SET "content" = 'Sửa lén' WHERE "planId" = '${planId}'`,
      `UPDATE "PlanTarget" SET "targetValue" = 1 WHERE "planId" = '${planId}'`,
      `DELETE FROM "PlanComment" WHERE "planId" = '${planId}'`,
    ];
    for (const sql of attempts) await expect(t.sql.query(sql), sql).rejects.toThrow(/signed/);
    // Through Prisma as well.
    await expect(prisma.coordinationPlan.update({ where: { id: planId }, data: { title: "Sửa lén" } })).rejects.toThrow();
    expect((await section("principles")).body).toBe(s.body);
  });

  it("audits every step", async () => {
    const rows = await prisma.auditLog.findMany({ where: { OR: [{ entityId: planId }, { after: { path: ["planId"], equals: planId } }] }, orderBy: { id: "asc" } });
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(["plan.create", "plan.comment", "plan.update_section", "plan.update_header", "plan.add_item", "plan.add_target", "plan.submit", "plan.return", "plan.sign_union", "plan.sign_gov"]),
    );
    expect(rows.every((r) => r.schoolId === STA && r.organisationId === DEMO.orgs.CDGD_SONTHUY)).toBe(true);
    expect(rows.find((r) => r.action === "plan.sign_union")?.actorUserId).toBe(chair.userId);
  });
});

describe("amendments", () => {
  let rev2: string;

  it("a signed plan is amended by a new revision with a reason; the signed one stays", async () => {
    expect(await code(amendPlan(chair, { planId, reason: "X" }))).toBe("FORBIDDEN");
    const a = await amendPlan(principal, { planId, reason: "Bổ sung hoạt động chào mừng 26/3 theo hướng dẫn của Công đoàn cấp trên." });
    rev2 = a.id;
    expect(await code(amendPlan(principal, { planId, reason: "Lần nữa" }))).toBe("STATE");
    const d = await getPlanDetail(principal, owner, rev2);
    expect(d.plan.revision).toBe(2);
    expect(d.plan.amends?.id).toBe(planId);
    expect(d.state).toBe("DRAFT");
    // Members still see only the signed revision.
    expect((await listSchoolPlans(member, STA, Y)).plans.map((p) => p.id)).toEqual([planId]);
    expect(await code(getPlanDetail(member, owner, rev2))).toBe("NOT_FOUND");
  });

  it("shows what changed between the versions, field by field", async () => {
    const s = await section("joint_work", rev2);
    await updateSection(principal, { planId: rev2, sectionId: s.id, version: s.version, title: s.title, body: `${s.body}\n- Phối hợp tổ chức hoạt động chào mừng Ngày thành lập Đoàn 26/3.` });
    const target = await prisma.planTarget.findFirstOrThrow({ where: { planId: rev2, measureKey: "lddt_pct" } });
    await saveTarget(principal, {
      planId: rev2,
      targetId: target.id,
      version: target.version,
      label: target.label,
      measureKey: "lddt_pct",
      unit: "PERCENT",
      comparator: "AT_LEAST",
      targetValue: 85,
      manualActual: undefined,
    });
    const cmp = await comparePlanRevisions(principal, owner, planId, rev2);
    const body = cmp.changes.find((c) => c.area === "section" && c.key === "joint_work");
    expect(body?.lines?.filter((l) => l.op === "add").map((l) => l.text)).toEqual(["- Phối hợp tổ chức hoạt động chào mừng Ngày thành lập Đoàn 26/3."]);
    expect(cmp.changes).toContainEqual(expect.objectContaining({ area: "target", field: "targetValue", before: "80", after: "85" }));
    expect(cmp.to.amendmentReason).toContain("26/3");
  });

  it("the amendment is signed again; both versions stay readable", async () => {
    await transitionPlan(principal, { planId: rev2, version: await version(rev2), action: "submit" });
    await transitionPlan(principal, { planId: rev2, version: await version(rev2), action: "sign_gov" });
    await transitionPlan(chair, { planId: rev2, version: await version(rev2), action: "sign_union" });
    const revisions = (await getPlanDetail(member, owner, rev2)).revisions;
    expect(revisions.map((r) => [r.revision, r.state])).toEqual([
      [1, "SIGNED"],
      [2, "SIGNED"],
    ]);
  });

  it("a stale signature (the plan was withdrawn and sent again meanwhile) is a CONFLICT", async () => {
    const a = await amendPlan(principal, { planId: rev2, reason: "Điều chỉnh lịch họp." });
    await transitionPlan(principal, { planId: a.id, version: await version(a.id), action: "submit" });
    const seen = await version(a.id);
    await transitionPlan(principal, { planId: a.id, version: seen, action: "withdraw" });
    await transitionPlan(principal, { planId: a.id, version: await version(a.id), action: "submit" });
    expect(await code(transitionPlan(chair, { planId: a.id, version: seen, action: "sign_union" }))).toBe("CONFLICT");
    // Signing at the same moment from both sides completes the plan exactly once.
    const v = await version(a.id);
    const both = await Promise.all([
      code(transitionPlan(chair, { planId: a.id, version: v, action: "sign_union" })),
      code(transitionPlan(principal, { planId: a.id, version: v, action: "sign_gov" })),
    ]);
    expect(both).toEqual(["OK", "OK"]);
    expect((await prisma.coordinationPlan.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("SIGNED");
  });

  it("a draft can be discarded; a signed plan cannot", async () => {
    expect(await code(discardDraft(principal, { planId, version: await version() }))).toBe("STATE");
    const upperOwn = await createUnitPlan(upper, { unitId: DEMO.orgs.CDGD_SONTHUY, schoolYearId: Y });
    expect(await code(discardDraft(principal, { planId: upperOwn.id, version: 1 }))).toBe("NOT_FOUND");
    await discardDraft(upper, { planId: upperOwn.id, version: 1 });
    expect(await prisma.coordinationPlan.count({ where: { id: upperOwn.id } })).toBe(0);
  });
});

describe("upper units", () => {
  it("see every school of the unit with its plan status, late after the deadline", async () => {
    const o = await unitPlanOverview(upper, DEMO.orgs.CDGD_SONTHUY, Y, new Date(Date.UTC(2025, 10, 15)));
    expect(o.schools).toHaveLength(5);
    const sta = o.schools.find((s) => s.id === STA)!;
    expect(sta.status).toBe("SIGNED");
    const kd = o.schools.find((s) => s.id === DEMO.schools.KD)!;
    expect(kd).toMatchObject({ status: "NONE", late: true });
    expect(await code(unitPlanOverview(upperBs, DEMO.orgs.CDGD_SONTHUY, Y))).toBe("NOT_FOUND");
    expect(await code(unitPlanOverview(principal, DEMO.orgs.CDGD_SONTHUY, Y))).toBe("NOT_FOUND");
  });

  it("keep their own plan with the government counterpart, signing for both sides", async () => {
    const p = await createUnitPlan(upper, { unitId: DEMO.orgs.CDGD_SONTHUY, schoolYearId: Y });
    const uo = { organisationId: DEMO.orgs.CDGD_SONTHUY };
    const d = await getPlanDetail(upper, uo, p.id);
    expect(d.plan.title).toContain("UBND xã Sơn Thủy");
    expect(d.roles).toEqual(["UNIT_STAFF"]);
    expect(await code(getPlanDetail(principal, uo, p.id))).toBe("NOT_FOUND");
    expect(await code(getPlanDetail(upperBs, uo, p.id))).toBe("NOT_FOUND");
    await transitionPlan(upper, { planId: p.id, version: await version(p.id), action: "submit" });
    expect(await code(transitionPlan(upper, { planId: p.id, version: await version(p.id), action: "sign_gov" }))).toBe("INVALID");
    await transitionPlan(upper, { planId: p.id, version: await version(p.id), action: "sign_gov", signerName: "Trần Văn Bình" });
    const r = await transitionPlan(upper, { planId: p.id, version: await version(p.id), action: "sign_union" });
    expect(r.to).toBe("SIGNED");
    expect(r.govSignerName).toBe("Trần Văn Bình");
    expect(r.unionSignerName).toBe("Phạm Quang Vinh");
  });
});

raceDescribe("races (SECURITY.md: state changes as conditional updates)", () => {
  raceIt("signing from both sides while the principal withdraws: always one consistent outcome, one audit row per success", async () => {
    const [kdP, kdC] = await Promise.all([viewerFor(prisma, DEMO.emails.KD_PRINCIPAL), viewerFor(prisma, DEMO.emails.KD_CHAIR)]);
    const owner = { schoolId: DEMO.schools.KD };
    let id = (await createPlan(kdP, { schoolId: DEMO.schools.KD, schoolYearId: DEMO.years.Y2024, source: "template" })).id;
    for (let round = 0; round < 10; round++) {
      await transitionPlan(kdP, { planId: id, version: await version(id), action: "submit" });
      const v = await version(id);
      const auditBefore = await prisma.auditLog.count({ where: { entityId: id } });
      const results = await Promise.all([
        code(transitionPlan(kdC, { planId: id, version: v, action: "sign_union" })),
        code(transitionPlan(kdP, { planId: id, version: v, action: "sign_gov" })),
        code(transitionPlan(kdP, { planId: id, version: v, action: round % 2 ? "withdraw" : "sign_gov" })),
      ]);
      const p = await prisma.coordinationPlan.findUniqueOrThrow({ where: { id } });
      if (p.status === "SIGNED") expect(p.govSignedAt && p.unionSignedAt && p.signedAt).toBeTruthy();
      if (p.status === "DRAFT") expect([p.govSignedAt, p.unionSignedAt, p.submittedAt]).toEqual([null, null, null]);
      // Never "being signed" with both signatures: the second signature always completes it.
      if (p.status === "SUBMITTED") expect(p.govSignedAt && p.unionSignedAt).toBeFalsy();
      expect(results.every((r) => ["OK", "CONFLICT", "STATE"].includes(r))).toBe(true);
      expect(await prisma.auditLog.count({ where: { entityId: id } })).toBe(auditBefore + results.filter((r) => r === "OK").length);
      if (p.status === "SIGNED") id = (await amendPlan(kdP, { planId: id, reason: `Vòng ${round}` })).id;
      else if (p.status === "SUBMITTED") await transitionPlan(kdP, { planId: id, version: await version(id), action: "withdraw" });
    }
    expect((await getPlanDetail(kdP, owner, id)).state).toBe("DRAFT");
  });
});
