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

const UPLOADS = mkdtempSync(path.join(tmpdir(), "thidua-once-"));
process.env.UPLOAD_DIR = UPLOADS;

const S = DEMO.schools;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const ROUNDS = 5;

let t: TestDb;
let v: DemoViewers;

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
