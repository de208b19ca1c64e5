// One submit, one record (SECURITY.md "Concurrency and resubmission", issue 10): the same create
// request sent twice — at the same moment on two connections (Promise.all; the PostgreSQL pool
// gives each its own), or again after the first answered — creates one plan comment, one
// evidence file, one dossier paper, and answers the second with the first's result. A resubmit
// leaves no stray upload on disk. A new key is a new record.
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { SCORING_DEMO } from "@/lib/seed/scoring-demo";
import { addComment, createPlan } from "@/lib/plans/mutations";
import { uploadEvidence } from "@/lib/evidence/mutations";
import { addDocument, createPackage } from "@/lib/nominations/mutations";
import { createMeeting } from "@/lib/meetings/mutations";
import { amendPlan, saveCalendarItem, saveTarget, transitionPlan } from "@/lib/plans/mutations";
import { AWARDS_DEMO } from "@/lib/seed/awards-demo";
import { createScale, importScale } from "@/lib/scoring/scale-mutations";
import { scaleToWorkbook } from "@/lib/scoring/scale-excel";
import { TEMPLATES } from "@/lib/scoring/templates";
import { importMembers } from "@/lib/members/mutations";
import { importRowSchema } from "@/lib/members/schemas";
import { addItem, postPackage } from "@/lib/nominations/mutations";
import { getPackagePage } from "@/lib/nominations/queries";
import { getCouncilPage, getMeetingPage } from "@/lib/council/queries";
import { closeMeeting, openMeeting, recordListVote } from "@/lib/council/mutations";
import { markStateSent, recordStateDecision, splitPackage } from "@/lib/awards/routes";
import { revokeSchoolDecision } from "@/lib/awards/routes-school";
import { revokeDecision } from "@/lib/awards/mutations";

const UPLOADS = mkdtempSync(path.join(tmpdir(), "thidua-once-"));
process.env.UPLOAD_DIR = UPLOADS;

const S = DEMO.schools;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const ROUNDS = 5;

let t: TestDb;
let v: DemoViewers;
/** The draft plan the first case creates (its calendar rows and targets are added below). */
let draftPlanId = "";

function storedFiles(): number {
  let n = 0;
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else n++;
    }
  };
  walk(UPLOADS);
  return n;
}

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true, awards: true }));
}, 240_000);
afterAll(() => t?.drop());

describe("every create is idempotent per form submission", () => {
  it("plan comments: two simultaneous submits of one form make one comment, both answered alike", async () => {
    const plan = await createPlan(v.STA_PRINCIPAL, { schoolId: S.STA, schoolYearId: DEMO.years.Y2026, source: "template" });
    draftPlanId = plan.id;
    for (let i = 0; i < ROUNDS; i++) {
      const input = { planId: plan.id, sectionKey: "duties" as const, body: `Góp ý lần ${i}`, submissionKey: `cmt-${i}` };
      const before = await t.prisma.planComment.count({ where: { planId: plan.id } });
      const [a, b] = await Promise.all([addComment(v.STA_CHAIR, input), addComment(v.STA_CHAIR, input)]);
      expect(await t.prisma.planComment.count({ where: { planId: plan.id } })).toBe(before + 1);
      expect(b.id).toBe(a.id);
      // A late resubmit (back and send again) is answered the same way.
      await addComment(v.STA_CHAIR, input);
      expect(await t.prisma.planComment.count({ where: { planId: plan.id } })).toBe(before + 1);
    }
    expect(await t.prisma.auditLog.count({ where: { action: "plan.comment" } })).toBe(ROUNDS);
    // The same text from a new render of the form (a new key) is a new comment.
    await addComment(v.STA_CHAIR, { planId: plan.id, sectionKey: "duties", body: "Góp ý lần 0", submissionKey: "cmt-new" });
    expect(await t.prisma.planComment.count({ where: { planId: plan.id } })).toBe(ROUNDS + 1);
    // Another user's identical key is theirs, not a duplicate of the chair's.
    await addComment(v.STA_PRINCIPAL, { planId: plan.id, sectionKey: "duties", body: "Trả lời", submissionKey: "cmt-0" });
    expect(await t.prisma.planComment.count({ where: { planId: plan.id } })).toBe(ROUNDS + 2);
  });

  it("evidence: two simultaneous uploads of one form store one file and one row", async () => {
    const sheet = await t.prisma.scoreSheet.findFirstOrThrow({ where: { periodId: SCORING_DEMO.periods.STA_DRIVE, memberId: DEMO.members.STA_MEMBER }, select: { id: true } });
    const files0 = storedFiles();
    for (let i = 0; i < ROUNDS; i++) {
      const before = await t.prisma.evidence.count({ where: { sheetId: sheet.id } });
      const send = () => uploadEvidence(v.STA_MEMBER, { sheetId: sheet.id, file: new File([PNG], `Minh chứng ${i}.png`), submissionKey: `ev-${i}` });
      const [a, b] = await Promise.all([send(), send()]);
      expect(b.id).toBe(a.id);
      await send();
      expect(await t.prisma.evidence.count({ where: { sheetId: sheet.id } })).toBe(before + 1);
    }
    // Duplicates removed the bytes they had written: one file per row.
    expect(storedFiles() - files0).toBe(ROUNDS);
  });

  it("dossier papers: two simultaneous submits of one form add one paper and one file", async () => {
    const pkg = await createPackage(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: DEMO.years.Y2025 });
    const files0 = storedFiles();
    for (let i = 0; i < ROUNDS; i++) {
      const send = () => addDocument(v.STA_CHAIR, { packageId: pkg.id, kind: "TO_TRINH", title: `Tờ trình ${i}`, file: new File([PNG], "to-trinh.png"), submissionKey: `doc-${i}` });
      const [a, b] = await Promise.all([send(), send()]);
      expect(b.documentId).toBe(a.documentId);
      await send();
      expect(await t.prisma.dossierDocument.count({ where: { packageId: pkg.id } })).toBe(i + 1);
    }
    expect(storedFiles() - files0).toBe(ROUNDS);
    expect(await t.prisma.auditLog.count({ where: { action: "nomination.document_add" } })).toBe(ROUNDS);
  });

  it("other creates answer a resubmit with the first record (a meeting)", async () => {
    const before = await t.prisma.jointMeeting.count();
    const input = { schoolId: S.STA, schoolYearId: DEMO.years.Y2026, kind: "REWARD" as const, title: "Họp bất thường về thi đua", scheduledOn: new Date(Date.UTC(2026, 10, 20)), agenda: undefined, submissionKey: "mtg-1" };
    const [a, b] = await Promise.all([createMeeting(v.STA_PRINCIPAL, input), createMeeting(v.STA_PRINCIPAL, input)]);
    expect(b.id).toBe(a.id);
    expect(await t.prisma.jointMeeting.count()).toBe(before + 1);
  });
});

/** Two submits of one form at the same moment, then a late resend: all three answered with the first result. */
async function thrice<R>(send: () => Promise<R>): Promise<[R, R, R]> {
  const [a, b] = await Promise.all([send(), send()]);
  return [a, b, await send()];
}
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const PDF = () => new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], "quyet-dinh.pdf", { type: "application/pdf" });

describe("issue 10: the remaining creates are idempotent per form submission (one row per key)", () => {
  it("plan calendar rows", async () => {
    const before = await t.prisma.planCalendarItem.count({ where: { planId: draftPlanId } });
    const input = { planId: draftPlanId, month: 10, onDate: undefined, content: "Tổ chức Hội nghị cán bộ, công chức, viên chức", leadSide: "BOTH" as const, submissionKey: "row-1" };
    await thrice(() => saveCalendarItem(v.STA_PRINCIPAL, input));
    expect(await t.prisma.planCalendarItem.count({ where: { planId: draftPlanId } })).toBe(before + 1);
    expect(await t.prisma.auditLog.count({ where: { action: "plan.add_item", after: { path: ["content"], equals: input.content } } })).toBe(1);
    await saveCalendarItem(v.STA_PRINCIPAL, { ...input, submissionKey: "row-2" });
    expect(await t.prisma.planCalendarItem.count({ where: { planId: draftPlanId } })).toBe(before + 2);
  });

  it("plan targets", async () => {
    const before = await t.prisma.planTarget.count({ where: { planId: draftPlanId } });
    const input = { planId: draftPlanId, label: "Tỷ lệ đoàn viên đăng ký thi đua", measureKey: "manual" as const, unit: "PERCENT" as const, comparator: "AT_LEAST" as const, targetValue: 95, manualActual: undefined, submissionKey: "tgt-1" };
    await thrice(() => saveTarget(v.STA_PRINCIPAL, input as Parameters<typeof saveTarget>[1]));
    expect(await t.prisma.planTarget.count({ where: { planId: draftPlanId } })).toBe(before + 1);
  });

  it("amending a signed plan: one revision, every resend answered with it", async () => {
    // The draft above, signed by both sides.
    const version = async () => (await t.prisma.coordinationPlan.findUniqueOrThrow({ where: { id: draftPlanId } })).version;
    await transitionPlan(v.STA_PRINCIPAL, { planId: draftPlanId, version: await version(), action: "submit" });
    await transitionPlan(v.STA_CHAIR, { planId: draftPlanId, version: await version(), action: "sign_union" });
    await transitionPlan(v.STA_PRINCIPAL, { planId: draftPlanId, version: await version(), action: "sign_gov" });
    const signed = await t.prisma.coordinationPlan.findFirstOrThrow({ where: { id: draftPlanId, status: "SIGNED" }, select: { id: true } });
    const [a, b, c] = await thrice(() => amendPlan(v.STA_PRINCIPAL, { planId: signed.id, reason: "Bổ sung lịch công việc học kỳ II", submissionKey: "amend-1" }));
    expect(b.id).toBe(a.id);
    expect(c.id).toBe(a.id);
    expect(await t.prisma.coordinationPlan.count({ where: { amendsId: signed.id } })).toBe(1);
  });

  it("scales: created from a template, and imported from Excel", async () => {
    const before = await t.prisma.scoringScale.count({ where: { schoolId: S.STA } });
    const [a, b] = await thrice(() => createScale(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: DEMO.years.Y2026, name: "Biểu điểm thử (một lần)", source: "template:100", submissionKey: "scale-1" }));
    expect(b.id).toBe(a.id);
    expect(await t.prisma.scoringScale.count({ where: { schoolId: S.STA } })).toBe(before + 1);
    const bytes = await scaleToWorkbook(TEMPLATES["100"].definition, { name: "Biểu điểm nhập từ Excel" });
    const [c, d] = await thrice(() => importScale(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: DEMO.years.Y2026, name: "Biểu điểm nhập (một lần)", fileName: "bieu-diem.xlsx", bytes, submissionKey: "scale-2" }));
    expect(d.id).toBe(c.id);
    expect(await t.prisma.scoringScale.count({ where: { schoolId: S.STA } })).toBe(before + 2);
  });

  it("member import: one import of the file per submission", async () => {
    const before = await t.prisma.member.count({ where: { schoolId: S.STA } });
    const rows = [
      { row: 2, data: importRowSchema.parse({ fullName: "Đặng Thị Nhập Một", gender: "NU" }) },
      { row: 3, data: importRowSchema.parse({ fullName: "Phan Văn Nhập Hai", gender: "NAM" }) },
    ];
    const [a, b, c] = await thrice(() => importMembers(v.STA_CHAIR, S.STA, rows, { fileName: "doan-vien.xlsx", skippedRows: [], submissionKey: "imp-1" }));
    expect([a.imported, b.imported, c.imported]).toEqual([2, 2, 2]);
    expect(await t.prisma.member.count({ where: { schoolId: S.STA } })).toBe(before + 2);
    expect(await t.prisma.auditLog.count({ where: { action: "member.import", schoolId: S.STA } })).toBe(1);
  });

  let packageId = "";
  let statePackageId = "";
  it("package split by deciding body: one split", async () => {
    packageId = (await createPackage(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: DEMO.years.Y2025 })).id;
    await addItem(v.STA_CHAIR, { packageId, nominee: `m:${DEMO.members.STA_MEMBER}`, titleCode: "LDTT" });
    await addItem(v.STA_CHAIR, { packageId, nominee: `m:${DEMO.members.STA_GROUP_LEADER}`, titleCode: "GK_CD_CAP_TREN" });
    const council = await getCouncilPage(v.STA_PRINCIPAL, S.STA, DEMO.years.Y2025);
    const meetingId = (await openMeeting(v.STA_PRINCIPAL, { councilId: council.council!.id, heldOn: daysAgo(20), purpose: "Bình xét thi đua", presentIds: council.members.map((m) => m.id).slice(0, 5) })).id;
    await recordListVote(v.STA_CHAIR, { meetingId, packageId, issued: 5, returned: 5, valid: 5, agree: 5 });
    await closeMeeting(v.STA_CHAIR, { meetingId, version: (await getMeetingPage(v.STA_CHAIR, meetingId)).meeting.version });
    await postPackage(v.STA_CHAIR, { packageId, version: (await getPackagePage(v.STA_CHAIR, packageId)).package.version, postedOn: daysAgo(10) });
    const version = (await getPackagePage(v.STA_CHAIR, packageId)).package.version;
    const [a, b, c] = await thrice(() => splitPackage(v.STA_CHAIR, { packageId, version, submissionKey: "split-1" }));
    expect(b.packageIds).toEqual(a.packageIds);
    expect(c.packageIds).toEqual(a.packageIds);
    expect(await t.prisma.nominationPackage.count({ where: { splitFromId: packageId } })).toBe(1);
    statePackageId = a.packageIds[1];
  });

  let stateDecisionId = "";
  it("recording the government decision: one decision, one stored scan", async () => {
    await markStateSent(v.STA_PRINCIPAL, { packageId: statePackageId, version: (await getPackagePage(v.STA_PRINCIPAL, statePackageId)).package.version });
    const files0 = storedFiles();
    const send = () => recordStateDecision(v.STA_PRINCIPAL, { packageId: statePackageId, number: "140/QĐ-UBND", signedOn: daysAgo(1), issuerName: "UBND xã Sơn Thủy", issuerParent: undefined, signerName: "Lương Văn Sơn", signerTitle: "Chủ tịch", summary: undefined, file: PDF(), submissionKey: "rec-1" });
    const [a, b, c] = await thrice(send);
    expect(b.decisionId).toBe(a.decisionId);
    expect(c.decisionId).toBe(a.decisionId);
    expect(await t.prisma.awardDecision.count({ where: { schoolId: S.STA, side: "STATE" } })).toBe(1);
    expect(storedFiles() - files0).toBe(1);
    stateDecisionId = a.decisionId;
  });

  it("revocations: of a decision kept by the school, and of the upper union's: one revocation each", async () => {
    const rev = { reason: "Cơ quan ban hành đã thu hồi quyết định.", number: "150/QĐ-UBND", revokedOn: new Date() };
    const [a, b, c] = await thrice(() => revokeSchoolDecision(v.STA_PRINCIPAL, { ...rev, schoolId: S.STA, decisionId: stateDecisionId, submissionKey: "rev-1" }));
    expect([b, c]).toEqual([a, a]);
    expect(await t.prisma.decisionRevocation.count({ where: { decisionId: stateDecisionId } })).toBe(1);
    // A union body's decision (the provincial federation's Bằng khen), revoked through the unit screen.
    const union = { id: AWARDS_DEMO.decisions.BK_LDLD_2024 };
    const before = await t.prisma.decisionRevocation.count();
    const [d, e] = await thrice(() => revokeDecision(v.ADMIN, { ...rev, number: "99/QĐ-LĐLĐ", decisionId: union.id, submissionKey: "rev-2" }));
    expect(e).toEqual(d);
    expect(await t.prisma.decisionRevocation.count()).toBe(before + 1);
    expect(await t.prisma.auditLog.count({ where: { action: "decision.revoke", entityId: union.id } })).toBe(1);
  });
});
