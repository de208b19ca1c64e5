// Who decides what (issue 12) on the demo data, with real viewers: one school package split by
// deciding body after the council vote and the posting; the union part reviewed and decided by
// the upper union (only its own forms); the government part sent by the principal and its decision
// recorded with a scan; the awards in the registry and the member's history with the right issuer;
// scopes (another school cannot split, send or record), audit rows, immutability.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, errorMessage as message, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { getDecisionsPage, listMemberAwards, listSchoolRegistry } from "@/lib/awards/queries";
import { issueDecision } from "@/lib/awards/mutations";
import { getCouncilPage, getMeetingPage } from "@/lib/council/queries";
import { closeMeeting, openMeeting, recordListVote } from "@/lib/council/mutations";
import { addEligible, addItem, createPackage, postPackage, submitPackage } from "@/lib/nominations/mutations";
import { getPackagePage } from "@/lib/nominations/queries";
import { getReviewQueue } from "@/lib/nominations/queue";
import { bulkApprove, reviewItem } from "@/lib/nominations/review";
import { markStateSent, recordStateDecision, splitPackage } from "@/lib/awards/routes";
import { getRoutePanel } from "@/lib/awards/routes-queries";
import { getDecisionScan, getRouteDossierDocx, getStateDecisionCertificates } from "@/lib/awards/routes-documents";
import { getCoverPdf } from "@/lib/awards/export";

const S = DEMO.schools;
const M = DEMO.members;
const Y25 = DEMO.years.Y2025;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
/** A tiny valid PDF (the scan): magic bytes and extension are what the upload check reads. */
const scan = () => new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], "qd-112-ubnd.pdf", { type: "application/pdf" });

let t: TestDb;
let v: DemoViewers;
beforeAll(async () => {
  ({ t, v } = await openDemoDb({ awards: true }));
}, 240_000);
afterAll(() => t?.drop());


let packageId = "";
let statePackageId = "";
const GK = [M.STA_MEMBER, M.STA_GROUP_LEADER];

describe("one school package, split by deciding body", () => {
  it("the chair builds a package of LĐTT and union Giấy khen; the council votes; the list is posted", async () => {
    packageId = (await createPackage(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25 })).id;
    expect((await addEligible(v.STA_CHAIR, { packageId, titleCode: "LDTT" })).added).toBe(25);
    for (const m of GK) await addItem(v.STA_CHAIR, { packageId, nominee: `m:${m}`, titleCode: "GK_CD_CAP_TREN" });
    const council = await getCouncilPage(v.STA_PRINCIPAL, S.STA, Y25);
    const meetingId = (await openMeeting(v.STA_PRINCIPAL, { councilId: council.council!.id, heldOn: daysAgo(20), purpose: "Bình xét thi đua cuối năm học 2025–2026", presentIds: council.members.map((m) => m.id).slice(0, 5) })).id;
    await recordListVote(v.STA_CHAIR, { meetingId, packageId, issued: 5, returned: 5, valid: 5, agree: 5 });
    await closeMeeting(v.STA_CHAIR, { meetingId, version: (await getMeetingPage(v.STA_CHAIR, meetingId)).meeting.version });
    const page = await getPackagePage(v.STA_CHAIR, packageId);
    await postPackage(v.STA_CHAIR, { packageId, version: page.package.version, postedOn: daysAgo(10) });
  });

  it("a mixed package cannot go to the upper union; the panel shows the two routes and links the minutes", async () => {
    const page = await getPackagePage(v.STA_CHAIR, packageId);
    expect(await message(submitPackage(v.STA_CHAIR, { packageId, version: page.package.version }))).toContain("tách hồ sơ theo cấp quyết định");
    const panel = await getRoutePanel(v.STA_CHAIR, packageId);
    expect(panel.groups.map((g) => [g.side, g.count])).toEqual([["UNION", 2], ["STATE", 25]]);
    expect(panel.groups[1].authorityName).toBe("Chủ tịch Ủy ban nhân dân xã Sơn Thủy");
    expect(panel.can.split).toBe(true);
    expect(panel.minutes.length).toBe(1);
    expect(panel.minutes[0].href).toMatch(/\/hoi-dong\/[a-z0-9]+\/bien-ban$/);
  });

  it("another school cannot split it; the chair splits it; audit rows are written", async () => {
    const page = await getPackagePage(v.STA_CHAIR, packageId);
    expect(await code(splitPackage(v.KD_CHAIR, { packageId, version: page.package.version }))).toBe("NOT_FOUND");
    expect(await code(splitPackage(v.UPPER_SONTHUY, { packageId, version: page.package.version }))).toBe("NOT_FOUND");
    const r = await splitPackage(v.STA_CHAIR, { packageId, version: page.package.version });
    expect(r.packageIds.length).toBe(2);
    statePackageId = r.packageIds[1];
    const union = await t.prisma.nominationPackage.findUniqueOrThrow({ where: { id: packageId }, include: { items: true } });
    const state = await t.prisma.nominationPackage.findUniqueOrThrow({ where: { id: statePackageId }, include: { items: true } });
    expect(union).toMatchObject({ route: "UNION", organisationId: DEMO.orgs.CDGD_SONTHUY, status: "POSTED" });
    expect(union.items.map((i) => i.titleCode)).toEqual(["GK_CD_CAP_TREN", "GK_CD_CAP_TREN"]);
    expect(state).toMatchObject({ route: "STATE", organisationId: DEMO.orgs.UBND_SONTHUY, status: "POSTED", splitFromId: packageId, authorityName: "Chủ tịch Ủy ban nhân dân xã Sơn Thủy" });
    expect(state.items.length).toBe(25);
    expect(state.coverNote).toContain("kính đề nghị Chủ tịch Ủy ban nhân dân xã Sơn Thủy");
    expect(union.coverNote).toContain("Ban Chấp hành Công đoàn cơ sở");
    expect(await t.prisma.auditLog.count({ where: { action: "nomination.split" } })).toBe(2);
    expect(await code(splitPackage(v.STA_CHAIR, { packageId, version: union.version }))).toBe("STATE");
  });

  it("each group has its own tờ trình: the principal signs the state one; TM. BAN CHẤP HÀNH / CHỦ TỊCH the union one", async () => {
    const docx = await getRouteDossierDocx(v.STA_PRINCIPAL, statePackageId);
    expect(Buffer.from(docx.bytes.subarray(0, 2)).toString()).toBe("PK");
    expect(docx.fileName).toMatch(/\.docx$/);
    // Word wraps on its own: the heading's names are joined by non-breaking spaces, so it can never
    // print "…SƠN / THỦY A" (fflate: the zip library docx itself uses).
    const { strFromU8, unzipSync } = await import("fflate");
    const xml = strFromU8(unzipSync(docx.bytes)["word/document.xml"]);
    expect(xml).toContain("TIỂU\u00a0HỌC SƠN\u00a0THỦY\u00a0A");
    expect(xml).toContain("UBND XÃ\u00a0SƠN\u00a0THỦY");
    expect(xml).not.toMatch(/SƠN THỦY/);
    const { coverDocument } = await import("@/lib/awards/documents");
    const { packageDoc } = await import("@/lib/awards/export");
    const state = coverDocument(await packageDoc(v.STA_PRINCIPAL, statePackageId));
    expect(state.signatures[0].title).toEqual(["HIỆU TRƯỞNG"]);
    expect(state.issuer).toEqual({ parent: "UBND XÃ SƠN THỦY", name: "TRƯỜNG TIỂU HỌC SƠN THỦY A" });
    const union = coverDocument(await packageDoc(v.STA_CHAIR, packageId));
    expect(union.signatures[0].title).toEqual(["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"]);
    expect(union.blocks[0]).toMatchObject({ text: "Kính gửi: Ban Thường vụ Công đoàn Giáo dục huyện Sơn Thủy." });
    expect((await getCoverPdf(v.STA_PRINCIPAL, statePackageId)).pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await code(getRouteDossierDocx(v.KD_CHAIR, statePackageId))).toBe("NOT_FOUND");
  });
});

describe("the union route", () => {
  it("the union part goes to the upper union; the state part is not in its queue and cannot be reviewed there", async () => {
    // Union forms are proposed by the union chair (DOMAIN.md §5), not by the principal.
    expect(await code(submitPackage(v.STA_PRINCIPAL, { packageId, version: (await getPackagePage(v.STA_CHAIR, packageId)).package.version }))).toBe("NOT_FOUND");
    await submitPackage(v.STA_CHAIR, { packageId, version: (await getPackagePage(v.STA_CHAIR, packageId)).package.version });
    const q = await getReviewQueue(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 });
    expect(q.packages.map((p) => p.id)).toEqual([packageId]);
    expect(q.total).toBe(1);
    // A unit with few schools gets the drop-down; the search by name (diacritics ignored) or code narrows the queue.
    expect(q.schools.map((s) => s.id)).toContain(DEMO.schools.STA);
    const byName = await getReviewQueue(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25, schoolQ: "son thuy a" });
    const other = await getReviewQueue(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25, schoolQ: "Kim Đồng" });
    expect([byName.total, byName.packages.map((p) => p.id), other.total, other.packages]).toEqual([1, [packageId], 0, []]);
    // Paged on the server: a page past the last shows the last one, with the same total.
    const far = await getReviewQueue(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25, page: 99 });
    expect([far.page, far.total, far.packages.map((p) => p.id)]).toEqual([1, 1, [packageId]]);
    const stateItem = await t.prisma.nominationItem.findFirstOrThrow({ where: { packageId: statePackageId } });
    expect(await code(reviewItem(v.UPPER_SONTHUY, { itemId: stateItem.id, version: stateItem.version, decision: "approve" }))).toBe("NOT_FOUND");
  });

  it("the upper union changes a form only to a union form, approves and decides only its own forms", async () => {
    const page = await getPackagePage(v.UPPER_SONTHUY, packageId);
    const [a] = page.items;
    expect(await code(reviewItem(v.UPPER_SONTHUY, { itemId: a.id, version: a.version, decision: "approveChanged", approvedTitleCode: "LDTT" }))).toBe("INVALID");
    await bulkApprove(v.UPPER_SONTHUY, { packageId, itemIds: page.items.map((i) => i.id) });
    const d = await getDecisionsPage(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 });
    expect(d.approved.map((i) => i.titleCode)).toEqual(["GK_CD_CAP_TREN", "GK_CD_CAP_TREN"]);
    const base = { unitId: DEMO.orgs.CDGD_SONTHUY, schoolYearId: Y25, signedOn: new Date(), signerName: "Phạm Quang Vinh", signerTitle: "Chủ tịch", issuerName: "Công đoàn Giáo dục huyện Sơn Thủy", level: "DIRECT_UPPER" as const };
    const id = (await issueDecision(v.UPPER_SONTHUY, { ...base, number: "90/QĐ-CĐGD", itemIds: d.approved.map((i) => i.id), idempotencyKey: "r1" })).id;
    expect((await t.prisma.awardDecision.findUniqueOrThrow({ where: { id } })).organisationId).toBe(DEMO.orgs.CDGD_SONTHUY);
    expect((await getPackagePage(v.STA_CHAIR, packageId)).package.status).toBe("DECIDED");
  });

  it("a union decision naming a state title is refused", async () => {
    const pkg = await createPackage(v.KD_CHAIR, { schoolId: S.KD, schoolYearId: Y25 });
    const item = await t.prisma.nominationItem.create({ data: { packageId: pkg.id, schoolId: S.KD, subject: "MEMBER", memberId: M.KD_THANH_TAM, nomineeName: "Nguyễn Thị Thanh Tám", titleCode: "LDTT", level: "SCHOOL", achievementKey: "year:2025", status: "APPROVED" } });
    const before = await t.prisma.awardDecision.count();
    const msg = await message(issueDecision(v.UPPER_SONTHUY, { unitId: DEMO.orgs.CDGD_SONTHUY, schoolYearId: Y25, number: "91/QĐ-CĐGD", signedOn: new Date(), signerName: "Phạm Quang Vinh", signerTitle: "Chủ tịch", issuerName: "Công đoàn Giáo dục huyện Sơn Thủy", level: "DIRECT_UPPER", itemIds: [item.id], idempotencyKey: "r2" }));
    expect(msg).toContain("Không thuộc thẩm quyền quyết định của đơn vị");
    expect(await t.prisma.awardDecision.count()).toBe(before);
  });
});

describe("the government route", () => {
  it("only the school's principal marks it sent (after the same checks); then records the decision with a scan", async () => {
    let p = await getPackagePage(v.STA_PRINCIPAL, statePackageId);
    expect(await code(markStateSent(v.STA_CHAIR, { packageId: statePackageId, version: p.package.version }))).toBe("NOT_FOUND");
    expect(await code(markStateSent(v.KD_PRINCIPAL, { packageId: statePackageId, version: p.package.version }))).toBe("NOT_FOUND");
    expect(await code(submitPackage(v.STA_CHAIR, { packageId: statePackageId, version: p.package.version }))).toBe("STATE");
    expect(await code(submitPackage(v.STA_PRINCIPAL, { packageId: statePackageId, version: p.package.version }))).toBe("NOT_FOUND");
    await markStateSent(v.STA_PRINCIPAL, { packageId: statePackageId, version: p.package.version });
    p = await getPackagePage(v.STA_PRINCIPAL, statePackageId);
    expect(p.package.status).toBe("SUBMITTED");
    const decision = { packageId: statePackageId, number: "112/QĐ-UBND", signedOn: daysAgo(1), issuerName: "UBND xã Sơn Thủy", issuerParent: "UBND tỉnh Sơn Hà", signerName: "Lương Văn Sơn", signerTitle: "Chủ tịch", summary: undefined, file: scan() };
    const decisionsBefore = await t.prisma.awardDecision.count();
    expect(await code(recordStateDecision(v.KD_PRINCIPAL, decision))).toBe("NOT_FOUND");
    expect(await code(recordStateDecision(v.STA_CHAIR, decision))).toBe("NOT_FOUND");
    expect(await code(recordStateDecision(v.UPPER_SONTHUY, decision))).toBe("NOT_FOUND");
    const bad = new File([new TextEncoder().encode("MZ not a pdf")], "qd.pdf");
    expect(await code(recordStateDecision(v.STA_PRINCIPAL, { ...decision, file: bad }))).toBe("INVALID");
    expect(await t.prisma.awardDecision.count()).toBe(decisionsBefore);
    const r = await recordStateDecision(v.STA_PRINCIPAL, decision);
    const d = await t.prisma.awardDecision.findUniqueOrThrow({ where: { id: r.decisionId }, include: { _count: { select: { awards: true } } } });
    expect(d).toMatchObject({ side: "STATE", schoolId: S.STA, organisationId: DEMO.orgs.UBND_SONTHUY, issuerName: "UBND xã Sơn Thủy", signerName: "Lương Văn Sơn", scanMime: "application/pdf" });
    expect(d._count.awards).toBe(25);
    expect((await getPackagePage(v.STA_PRINCIPAL, statePackageId)).package.status).toBe("DECIDED");
    expect(await t.prisma.auditLog.count({ where: { action: "nomination.recordState", entityId: r.decisionId } })).toBe(1);
    expect(await code(recordStateDecision(v.STA_PRINCIPAL, { ...decision, file: scan() }))).toBe("STATE");
    // Decided records stay immutable.
    await expect(t.prisma.awardDecision.update({ where: { id: r.decisionId }, data: { number: "X" } })).rejects.toThrow();
    // The scan: the school's readers, not another school.
    expect((await getDecisionScan(v.STA_PRINCIPAL, r.decisionId)).mime).toBe("application/pdf");
    expect(await code(getDecisionScan(v.KD_CHAIR, r.decisionId))).toBe("NOT_FOUND");
    // Certificates under the state issuer's heading, printed by the school.
    const certs = await getStateDecisionCertificates(v.STA_PRINCIPAL, r.decisionId);
    expect(certs.count).toBe(25);
    // Only LĐTT certificates ("GIẤY CHỨNG NHẬN"): named as such, Đ folded to D.
    expect(certs.fileName).toBe("giay-chung-nhan-112-qd-ubnd.pdf");
    expect(await code(getStateDecisionCertificates(v.KD_PRINCIPAL, r.decisionId))).toBe("NOT_FOUND");
  });

  it("the registry and the member's history show both routes, each with its issuer", async () => {
    const reg = await listSchoolRegistry(v.STA_CHAIR, S.STA, { yearId: Y25 });
    const issuers = new Set(reg.rows.map((r) => r.issuerName));
    expect(issuers).toEqual(new Set(["UBND xã Sơn Thủy", "Công đoàn Giáo dục huyện Sơn Thủy"]));
    const mine = await listMemberAwards(v.STA_MEMBER, M.STA_MEMBER);
    const y25 = mine.filter((a) => a.decisionNumber === "112/QĐ-UBND" || a.decisionNumber === "90/QĐ-CĐGD");
    expect(y25.map((a) => [a.titleCode, a.issuerName]).sort()).toEqual([["GK_CD_CAP_TREN", "Công đoàn Giáo dục huyện Sơn Thủy"], ["LDTT", "UBND xã Sơn Thủy"]]);
    // The upper unit's awards report counts both, each under its deciding level.
    const { getAwardsReport } = await import("@/lib/reports/queries");
    const { rangePeriod } = await import("@/lib/reports/period");
    const report = await getAwardsReport(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, rangePeriod(daysAgo(30), daysAgo(-1)));
    const line = (form: string, level: string) => report.table.forms.find((f) => f.form === form)?.lines.find((l) => l.level === level);
    expect(line("LDTT", "NHA_NUOC")).toMatchObject({ individuals: 25, levelLabel: "Cơ quan nhà nước (chính quyền)" });
    expect(line("GK", "CAP_TREN")).toMatchObject({ individuals: 2, levelLabel: "Công đoàn cấp trên trực tiếp cơ sở" });
    expect(report.table.forms.find((f) => f.form === "LDTT")!.lines.map((l) => l.level)).toEqual(["NHA_NUOC"]);
  });
});

describe("the demo (npm run db:seed) shows both routes", () => {
  it("Kim Đồng: the union part decided by 87/QĐ-CĐGD, the government part sent and waiting for its decision", async () => {
    const { seedRoutesDemo } = await import("@/lib/seed/routes-demo");
    expect((await seedRoutesDemo(t.prisma)).created).toBe(true);
    expect((await seedRoutesDemo(t.prisma)).created).toBe(false);
    const panel = await getRoutePanel(v.KD_PRINCIPAL, "hs_kd_2025_nn");
    expect(panel.package).toMatchObject({ route: "STATE", status: "SUBMITTED", authorityName: "Chủ tịch Ủy ban nhân dân xã Sơn Thủy" });
    expect(panel.can.record).toBe(true);
    expect(panel.siblings.map((s) => s.id)).toEqual(["hs_kd_2025_cd"]);
    const union = await getRoutePanel(v.KD_CHAIR, "hs_kd_2025_cd");
    expect(union.package).toMatchObject({ route: "UNION", status: "DECIDED" });
    const reg = await listSchoolRegistry(v.KD_CHAIR, S.KD, { yearId: Y25 });
    expect(reg.rows.map((r) => r.decisionNumber)).toEqual(["87/QĐ-CĐGD", "87/QĐ-CĐGD"]);
    expect(await code(getRoutePanel(v.STA_CHAIR, "hs_kd_2025_nn"))).toBe("NOT_FOUND");
  });
});

describe("the authority table is data the administrator edits (last: it changes who decides)", () => {
  it("seeded with the July 2025 change; only the administrator edits it, version-checked and audited; the routes follow it", async () => {
    const { listAuthorities, saveAuthority } = await import("@/lib/awards/routes-authority");
    const { loadAuthorities, routeGroups } = await import("@/lib/awards/routes");
    const { decidingBody } = await import("@/lib/awards/authority");
    const table = await listAuthorities(v.ADMIN);
    expect(table).toMatchObject({ editable: true, seeded: true });
    // LĐTT: the district office until 30/06/2025, the commune from 01/07/2025 (rows end by date).
    const ldtt = table.rows.filter((r) => r.titleCode === "LDTT").map((r) => [r.bodyKind, r.validFrom, r.validTo]);
    expect(ldtt).toEqual(expect.arrayContaining([["PHONG_GD", "2022-01-01", "2025-06-30"], ["UBND_XA", "2025-07-01", null]]));
    expect((await listAuthorities(v.STA_CHAIR)).editable).toBe(false);

    const row = table.rows.find((r) => r.titleCode === "GK_CDCS" && r.bodyKind === "BCH_CDCS")!;
    const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
    const edit = { unitId: DEMO.orgs.CDGD_SONTHUY, authorityId: row.id, version: row.version, titleCode: "GK_CDCS" as const, side: "UNION" as const, bodyKind: "BCH_CDCS" as const, bodyName: row.bodyName, level: "SCHOOL" as const, basis: row.basis, source: "PRACTICE" as const, validFrom: new Date(`${row.validFrom}T00:00:00Z`), validTo: new Date(today.getTime() - 86_400_000) };
    const rowsBefore = await t.prisma.awardAuthority.count();
    for (const who of [v.STA_CHAIR, v.STA_PRINCIPAL, v.UPPER_SONTHUY]) expect(await code(saveAuthority(who, edit))).toBe("FORBIDDEN");
    expect(await t.prisma.awardAuthority.count()).toBe(rowsBefore);

    // The BCH's Giấy khen ends yesterday; from today the upper union decides it (a new row).
    await saveAuthority(v.ADMIN, edit);
    expect(await code(saveAuthority(v.ADMIN, edit))).toBe("CONFLICT");
    await saveAuthority(v.ADMIN, { ...edit, authorityId: undefined, version: 0, bodyKind: "CD_CAP_TREN", bodyName: "Ban Thường vụ Công đoàn cấp trên trực tiếp cơ sở", level: "DIRECT_UPPER", validFrom: today, validTo: undefined });
    expect(await t.prisma.awardAuthority.count()).toBe(rowsBefore + 1);
    expect(await t.prisma.auditLog.count({ where: { action: { in: ["authority.update", "authority.create"] }, entity: "AwardAuthority" } })).toBe(2);
    const rows = await loadAuthorities(t.prisma);
    const iso = today.toISOString().slice(0, 10);
    expect(decidingBody("GK_CDCS", { manager: "UBND_XA" }, iso, rows)).toMatchObject({ side: "UNION", bodyKind: "CD_CAP_TREN" });
    // A past day keeps the basis it was decided on.
    expect(decidingBody("GK_CDCS", { manager: "UBND_XA" }, "2026-01-15", rows)).toMatchObject({ bodyKind: "BCH_CDCS" });
    // A new package's split follows the table.
    const pkg = (await createPackage(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: DEMO.years.Y2026 })).id;
    await addItem(v.STA_CHAIR, { packageId: pkg, nominee: `m:${M.STA_MEMBER}`, titleCode: "GK_CDCS" });
    const split = await routeGroups(t.prisma, pkg);
    expect(split.groups.map((g) => [g.key, g.authorityName])).toEqual([["UNION", "Ban Thường vụ Công đoàn Giáo dục huyện Sơn Thủy"]]);
  });
});
