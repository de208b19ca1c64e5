// Certificates printed from a decision and the school's sealed scores on the upper unit's review,
// on the demo data with real viewers: the issuing unit prints every awardee or one, revoked ones
// never; another tenant (Bắc Sơn), a school's chair and a member asking for someone else's award
// find nothing; a member downloads their own. A state title recorded under a union decision (data
// from before issue 12) prints nothing and is offered nowhere. The review shows each nominee's sealed council
// score with its checksum recomputed: "intact" on the seed, a mismatch after tampering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { SCORING_DEMO } from "@/lib/seed/scoring-demo";
import { getCertificateSummary, getDecisionCertificates, getOwnCertificate, listOwnCertificateIds } from "@/lib/awards/certificate-queries";
import { addItem, createPackage } from "@/lib/nominations/mutations";
import { getPackagePage } from "@/lib/nominations/queries";
import { getPackageSealedScores, getSealedScores, readSealedSnapshot } from "@/lib/nominations/snapshots";
import { formatPoints } from "@/lib/scoring/points";

const M = DEMO.members;
const S = DEMO.schools;
const O = DEMO.orgs;
const Y25 = DEMO.years.Y2025;

let t: TestDb;
let v: DemoViewers;

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const ids = { pkg: "pk_cert", itemChair: "ni_cert_chair", itemRevoked: "ni_cert_revoked", d1: "qd_cert_1", d2: "qd_cert_revoked", chair: "aw_cert_chair", member: "aw_cert_member", revoked: "aw_cert_revoked", group: "aw_cert_group", inRevoked: "aw_cert_in_revoked", stateTitle: "aw_cert_state_title" };

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true, awards: true }));

  // A decided package whose second nominee was revoked on its own, and two decisions of the
  // Sơn Thủy education union: one in force, one revoked (decisions are insert-only rows). The
  // decision in force also names a CSTĐCS, a state title the union does not decide (issue 12).
  await t.prisma.nominationPackage.create({ data: { id: ids.pkg, schoolId: S.STA, schoolYearId: Y25, organisationId: O.CDGD_SONTHUY, title: "Hồ sơ kiểm thử giấy khen", status: "DECIDED" } });
  const item = (id: string, memberId: string, nomineeName: string, titleCode: string, status: "DECIDED" | "REVOKED") => ({ id, packageId: ids.pkg, schoolId: S.STA, subject: "MEMBER" as const, memberId, nomineeName, titleCode, level: "SCHOOL" as const, achievementKey: "year:2025", status });
  await t.prisma.nominationItem.createMany({ data: [item(ids.itemChair, M.STA_CHAIR, "Nguyễn Thị Thanh Tâm", "GVT_DVN", "DECIDED"), item(ids.itemRevoked, M.STA_GROUP_LEADER, "Trần Thị Mỹ Linh", "LDTT", "REVOKED")] });
  const decision = (id: string, number: string) => ({ id, organisationId: O.CDGD_SONTHUY, schoolYearId: Y25, number, signedOn: day("2026-06-05"), signerName: "Phạm Quang Vinh", signerTitle: "Chủ tịch", issuerName: "Công đoàn Giáo dục huyện Sơn Thủy", level: "DIRECT_UPPER" as const });
  const award = (id: string, decisionId: string, o: { memberId?: string; unionGroupId?: string; recipientName: string; titleCode: string; item?: string }) => ({
    id,
    decisionId,
    schoolId: S.STA,
    schoolYearId: Y25,
    subject: o.memberId ? ("MEMBER" as const) : ("UNION_GROUP" as const),
    memberId: o.memberId ?? null,
    unionGroupId: o.unionGroupId ?? null,
    recipientName: o.recipientName,
    titleCode: o.titleCode,
    level: "DIRECT_UPPER" as const,
    achievementKey: "year:2025",
    nominationItemId: o.item ?? null,
  });
  await t.prisma.awardDecision.create({ data: decision(ids.d1, "90/QĐ-CĐGD") });
  await t.prisma.awardDecision.create({ data: decision(ids.d2, "91/QĐ-CĐGD") });
  await t.prisma.award.createMany({
    data: [
      award(ids.chair, ids.d1, { memberId: M.STA_CHAIR, recipientName: "Nguyễn Thị Thanh Tâm", titleCode: "GVT_DVN", item: ids.itemChair }),
      award(ids.stateTitle, ids.d1, { memberId: M.STA_CHAIR, recipientName: "Nguyễn Thị Thanh Tâm", titleCode: "CSTDCS" }),
      award(ids.member, ids.d1, { memberId: M.STA_MEMBER, recipientName: "Lê Văn Tuấn", titleCode: "GK_CD_CAP_TREN" }),
      award(ids.revoked, ids.d1, { memberId: M.STA_GROUP_LEADER, recipientName: "Trần Thị Mỹ Linh", titleCode: "LDTT", item: ids.itemRevoked }),
      award(ids.group, ids.d1, { unionGroupId: DEMO.groups.STA_K3, recipientName: "Tổ CĐ Khối 3", titleCode: "TO_CD_HTXS" }),
      award(ids.inRevoked, ids.d2, { memberId: M.STA_MEMBER, recipientName: "Lê Văn Tuấn", titleCode: "DVCD_XS" }),
    ],
  });
  await t.prisma.decisionRevocation.create({ data: { decisionId: ids.d2, reason: "Hồ sơ kê khai không trung thực", revokedOn: day("2026-07-01") } });
}, 240_000);
afterAll(() => t?.drop());

describe("certificates of a decision (upper unit)", () => {
  it("the issuing unit prints every awardee but the revoked one and the state title, or just one", async () => {
    const all = await getDecisionCertificates(v.UPPER_SONTHUY, O.CDGD_SONTHUY, ids.d1);
    expect(all.count).toBe(3);
    expect(all.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(all.fileName).toBe("giay-khen-90-qd-cdgd.pdf");
    const one = await getDecisionCertificates(v.UPPER_SONTHUY, O.CDGD_SONTHUY, ids.d1, ids.chair);
    expect(one).toMatchObject({ count: 1, fileName: "giay-khen-90-qd-cdgd-nguyen-thi-thanh-tam.pdf" });
    expect(await code(getDecisionCertificates(v.UPPER_SONTHUY, O.CDGD_SONTHUY, ids.d1, ids.revoked))).toBe("NOT_FOUND");
    expect(await code(getDecisionCertificates(v.UPPER_SONTHUY, O.CDGD_SONTHUY, ids.d1, ids.inRevoked))).toBe("NOT_FOUND");
    // Issue 12: a union decision prints no "GIẤY CHỨNG NHẬN" for a state title (CSTĐCS).
    expect(await code(getDecisionCertificates(v.UPPER_SONTHUY, O.CDGD_SONTHUY, ids.d1, ids.stateTitle))).toBe("NOT_FOUND");
    expect((await getDecisionCertificates(v.ADMIN, O.CDGD_SONTHUY, ids.d1)).count).toBe(3);
    const summary = await getCertificateSummary(v.UPPER_SONTHUY, O.CDGD_SONTHUY, ids.d1);
    expect(summary.canPrint).toBe(true);
    expect(new Set(summary.printable)).toEqual(new Set([ids.chair, ids.member, ids.group]));
  });

  it("a revoked decision prints nothing", async () => {
    expect(await code(getDecisionCertificates(v.UPPER_SONTHUY, O.CDGD_SONTHUY, ids.d2))).toBe("NOT_FOUND");
    expect((await getCertificateSummary(v.UPPER_SONTHUY, O.CDGD_SONTHUY, ids.d2)).printable).toEqual([]);
  });

  it("another tenant (Bắc Sơn), a school's chair and a member find nothing", async () => {
    expect(await code(getDecisionCertificates(v.UPPER_BACSON, O.CDGD_SONTHUY, ids.d1))).toBe("NOT_FOUND");
    expect(await code(getDecisionCertificates(v.UPPER_BACSON, O.CDGD_BACSON, ids.d1))).toBe("NOT_FOUND");
    expect(await code(getDecisionCertificates(v.UPPER_BACSON, O.CDGD_BACSON, ids.d1, ids.chair))).toBe("NOT_FOUND");
    expect(await code(getCertificateSummary(v.UPPER_BACSON, O.CDGD_BACSON, ids.d1))).toBe("NOT_FOUND");
    expect(await code(getDecisionCertificates(v.STA_CHAIR, O.CDGD_SONTHUY, ids.d1))).toBe("NOT_FOUND");
    expect(await code(getDecisionCertificates(v.STA_MEMBER, O.CDGD_SONTHUY, ids.d1))).toBe("NOT_FOUND");
    // A decision of another issuing unit is not found under this unit's id.
    const other = await t.prisma.awardDecision.findFirstOrThrow({ where: { organisationId: O.PGD_SONTHUY } });
    expect(await code(getDecisionCertificates(v.UPPER_SONTHUY, O.CDGD_SONTHUY, other.id))).toBe("NOT_FOUND");
  });
});

describe("a member's own certificate", () => {
  it("the member downloads their own award, nothing else", async () => {
    const own = await getOwnCertificate(v.STA_MEMBER, ids.member);
    expect(own.count).toBe(1);
    expect(own.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await code(getOwnCertificate(v.STA_MEMBER, ids.chair))).toBe("NOT_FOUND");
    expect(await code(getOwnCertificate(v.STA_MEMBER, ids.group))).toBe("NOT_FOUND");
    expect(await code(getOwnCertificate(v.STA_MEMBER, ids.inRevoked))).toBe("NOT_FOUND");
    expect(await code(getOwnCertificate(v.STA_MEMBER, "khong-co"))).toBe("NOT_FOUND");
    // The school's chair reads everyone's awards, but this route serves one's own only.
    expect(await code(getOwnCertificate(v.STA_CHAIR, ids.member))).toBe("NOT_FOUND");
    expect((await getOwnCertificate(v.STA_CHAIR, ids.chair)).count).toBe(1);
    // Their CSTĐCS under the union's decision has no certificate, and no download is offered.
    expect(await code(getOwnCertificate(v.STA_CHAIR, ids.stateTitle))).toBe("NOT_FOUND");
    expect(await listOwnCertificateIds(v.STA_CHAIR)).toContain(ids.chair);
    expect(await listOwnCertificateIds(v.STA_CHAIR)).not.toContain(ids.stateTitle);
    // Individually revoked: not printed for its holder either.
    expect(await code(getOwnCertificate(v.STA_GROUP_LEADER, ids.revoked))).toBe("NOT_FOUND");
    expect(await code(getOwnCertificate(v.UPPER_SONTHUY, ids.member))).toBe("NOT_FOUND");
    expect(await code(getOwnCertificate(v.KD_CHAIR, ids.member))).toBe("NOT_FOUND");
    const list = await listOwnCertificateIds(v.STA_MEMBER);
    expect(list).toContain(ids.member);
    expect(list).not.toContain(ids.inRevoked);
    expect(await listOwnCertificateIds(v.STA_GROUP_LEADER)).not.toContain(ids.revoked);
  });
});

describe("sealed scores on the upper unit's review", () => {
  let packageId = "";

  it("each individual nominee shows the sealed council score, intact", async () => {
    packageId = (await createPackage(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25 })).id;
    await addItem(v.STA_CHAIR, { packageId, nominee: `m:${M.STA_CHAIR}`, titleCode: "DVCD_XS" });
    await addItem(v.STA_CHAIR, { packageId, nominee: `m:${M.STA_CHAIR}`, titleCode: "GVT_DVN" });
    await addItem(v.STA_CHAIR, { packageId, nominee: `m:${M.STA_MEMBER}`, titleCode: "DVCD_XS" });
    await addItem(v.STA_CHAIR, { packageId, nominee: `g:${DEMO.groups.STA_K3}`, titleCode: "TO_CD_HTXS" });
    const page = await getPackagePage(v.UPPER_SONTHUY, packageId);
    const rows = (await getPackageSealedScores(v.UPPER_SONTHUY, page))!;
    expect(rows.map((r) => r.memberId)).toEqual([M.STA_CHAIR, M.STA_MEMBER]);
    expect(rows[0].titles).toEqual(["Đoàn viên công đoàn xuất sắc", "Giỏi việc trường – Đảm việc nhà"]);
    const snap = await t.prisma.sealedSnapshot.findFirstOrThrow({ where: { periodId: SCORING_DEMO.periods.STA_LAST_YEAR, stage: "COUNCIL" } });
    const stage = await t.prisma.scoreStage.findFirstOrThrow({ where: { stage: "COUNCIL", sheet: { periodId: SCORING_DEMO.periods.STA_LAST_YEAR, memberId: M.STA_CHAIR } } });
    expect(rows[0].sealed).toMatchObject({
      snapshotId: snap.id,
      periodName: "Cả năm học 2025–2026",
      total: formatPoints(stage.totalTenths),
      classification: stage.classification,
      sealedBy: "Nguyễn Thị Thanh Tâm",
      checksum: snap.checksum,
      intact: true,
      amendments: 0,
    });
    expect(rows[0].sealed!.sealedAt).toBe(snap.sealedAt.toISOString());
    expect(rows[1].sealed?.intact).toBe(true);
  });

  it("no sealed snapshot for the year: none shown; viewers without scoring.read get nothing", async () => {
    const y26 = await getSealedScores(v.UPPER_SONTHUY, { schoolId: S.STA, unitId: O.CDGD_SONTHUY, schoolYearId: DEMO.years.Y2026 }, [{ memberId: M.STA_CHAIR, nomineeName: "Nguyễn Thị Thanh Tâm", titleName: "Lao động tiên tiến" }]);
    expect(y26).toEqual([{ memberId: M.STA_CHAIR, nomineeName: "Nguyễn Thị Thanh Tâm", titles: ["Lao động tiên tiến"], sealed: null }]);
    const target = { schoolId: S.STA, unitId: O.CDGD_SONTHUY, schoolYearId: Y25 };
    const who = [{ memberId: M.STA_CHAIR, nomineeName: "Nguyễn Thị Thanh Tâm", titleName: "Lao động tiên tiến" }];
    expect(await getSealedScores(v.UPPER_BACSON, target, who)).toBeNull();
    expect(await getSealedScores(v.KD_CHAIR, target, who)).toBeNull();
    expect(await code(getPackagePage(v.UPPER_BACSON, packageId))).toBe("NOT_FOUND");
  });

  it("the database refuses to change a sealed snapshot; a doctored copy fails the checksum", async () => {
    const snap = await t.prisma.sealedSnapshot.findFirstOrThrow({ where: { periodId: SCORING_DEMO.periods.STA_LAST_YEAR, stage: "COUNCIL" } });
    await expect(t.prisma.sealedSnapshot.update({ where: { id: snap.id }, data: { checksum: "0".repeat(64) } })).rejects.toThrow();
    await expect(t.sql.exec(`UPDATE "SealedSnapshot" SET payload = jsonb_set(payload, '{stage}', '"GROUP"') WHERE id = '${snap.id}'`)).rejects.toThrow();
    expect(readSealedSnapshot(snap).intact).toBe(true);

    // In memory: one member's total raised by a point.
    const doctored = structuredClone(snap) as typeof snap & { payload: { rows: { memberId: string; total: number }[] } };
    const row = doctored.payload.rows.find((r) => r.memberId === M.STA_CHAIR)!;
    row.total += 10;
    const read = readSealedSnapshot(doctored);
    expect(read.intact).toBe(false);
    expect(read.byMember.get(M.STA_CHAIR)!.total).toBe(row.total);
    // Key order alone (jsonb reorders keys) changes nothing.
    const reordered = { ...snap, payload: Object.fromEntries(Object.entries(snap.payload as Record<string, unknown>).reverse()) };
    expect(readSealedSnapshot(reordered).intact).toBe(true);
  });

  it("tampered in the database behind the trigger's back: the review shows the mismatch", async () => {
    // Only a table owner can switch the trigger off; the review page then catches the change.
    const snap = await t.prisma.sealedSnapshot.findFirstOrThrow({ where: { periodId: SCORING_DEMO.periods.STA_LAST_YEAR, stage: "COUNCIL" } });
    const rows = (snap.payload as { rows: { memberId: string }[] }).rows;
    const k = rows.findIndex((r) => r.memberId === M.STA_MEMBER);
    await t.sql.exec(`ALTER TABLE "SealedSnapshot" DISABLE TRIGGER USER`);
    try {
      await t.sql.exec(`UPDATE "SealedSnapshot" SET payload = jsonb_set(payload, '{rows,${k},total}', '1000') WHERE id = '${snap.id}'`);
    } finally {
      await t.sql.exec(`ALTER TABLE "SealedSnapshot" ENABLE TRIGGER USER`);
    }
    const page = await getPackagePage(v.UPPER_SONTHUY, packageId);
    const view = (await getPackageSealedScores(v.UPPER_SONTHUY, page))!;
    const member = view.find((r) => r.memberId === M.STA_MEMBER)!;
    expect(member.sealed).toMatchObject({ total: "100", intact: false, checksum: snap.checksum });
    // The whole snapshot is one sealed record: every nominee read from it is flagged.
    expect(view.every((r) => r.sealed?.intact === false)).toBe(true);
  });
});
