// Issue 5 gaps, on the full demo data (seedDemo + scoring + awards):
// 1. files in a nomination dossier: real PNG/PDF bytes through the action and the mutation, a
//    renamed .exe or an oversized file refused in Vietnamese with no row and no file left, the
//    file removed again when the transaction fails, papers frozen once the package is sent,
//    removal audited; the two download routes (school, upper unit) hand out the same bytes with
//    attachment/nosniff headers, and another tenant, another school or a plain member get 404.
// 2. "registered" (rule 1) comes from campaign registrations as well as the chair's tick, and
//    the verdict says which.
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { current, form } from "../factories/action-env";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { SCORING_DEMO } from "@/lib/seed/scoring-demo";
import { AppError } from "@/lib/server/errors";
import { MAX_EVIDENCE_BYTES } from "@/lib/evidence/rules";
import { addDocument, addItem, createPackage, deleteDocument } from "@/lib/nominations/mutations";
import { getDossierFile, getDossierFileForUnit, getPackagePage } from "@/lib/nominations/queries";
import { getEligibilityPage } from "@/lib/awards/queries";
import { loadMemberFacts } from "@/lib/awards/facts-loader";
import { periodOf } from "@/lib/awards/facts";

const UPLOADS = mkdtempSync(path.join(tmpdir(), "thidua-dossier-"));
process.env.UPLOAD_DIR = UPLOADS;

const { addDocumentAction, deleteDocumentAction } = await import("@/lib/nominations/actions");
const schoolRoute = await import("@/app/(app)/truong/[schoolId]/de-nghi/[packageId]/tai-lieu/[documentId]/route");
const unitRoute = await import("@/app/(app)/cap-tren/[unitId]/duyet/[packageId]/tai-lieu/[documentId]/route");

const S = DEMO.schools;
const O = DEMO.orgs;
const Y25 = DEMO.years.Y2025;

let t: TestDb;
let v: DemoViewers;
let packageId = "";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);

function storedFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(UPLOADS);
  return out;
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}
const audits = (action: string, entityId?: string) => t.prisma.auditLog.findMany({ where: { action, ...(entityId ? { entityId } : {}) } });
const schoolGet = (p: { schoolId: string; packageId: string; documentId: string }) => schoolRoute.GET(new Request(`http://localhost/truong/${p.schoolId}/de-nghi/${p.packageId}/tai-lieu/${p.documentId}`), { params: Promise.resolve(p) });
const unitGet = (p: { unitId: string; packageId: string; documentId: string }) => unitRoute.GET(new Request(`http://localhost/cap-tren/${p.unitId}/duyet/${p.packageId}/tai-lieu/${p.documentId}`), { params: Promise.resolve(p) });

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true, awards: true }));
  packageId = (await createPackage(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25 })).id;
}, 240_000);
afterAll(() => t?.drop());

describe("files in the nomination dossier", () => {
  let pdfId = "";

  it("the chair uploads a PDF through the action (multipart FormData); the row, the file and the audit agree", async () => {
    current.viewer = v.STA_CHAIR;
    const state = await addDocumentAction(null, form({ packageId, kind: "BIEN_BAN_HOP", title: "Biên bản họp Hội đồng (bản ký)", reference: "05/BB-HĐTĐKT", file: new File([PDF], "Biên bản họp HĐ.pdf", { type: "application/pdf" }) }));
    expect(state).toMatchObject({ ok: true, message: "Đã bổ sung tài liệu." });
    const doc = await t.prisma.dossierDocument.findFirstOrThrow({ where: { packageId, title: "Biên bản họp Hội đồng (bản ký)" } });
    pdfId = doc.id;
    expect(doc).toMatchObject({ kind: "BIEN_BAN_HOP", reference: "05/BB-HĐTĐKT", fileName: "Biên bản họp HĐ.pdf", mime: "application/pdf", sizeBytes: PDF.length });
    expect(doc.storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(storedFiles().some((f) => f.endsWith(doc.storageKey!))).toBe(true);
    expect(UPLOADS.startsWith(path.join(process.cwd(), "public"))).toBe(false);
    const [a] = await audits("nomination.document_add", doc.id);
    expect(a.after).toMatchObject({ kind: "BIEN_BAN_HOP", fileName: "Biên bản họp HĐ.pdf", sizeBytes: PDF.length, sha256: doc.sha256 });
    expect(a.schoolId).toBe(S.STA);
  });

  it("a paper may be a reference only (the file input left empty) or a PNG for one nominee", async () => {
    current.viewer = v.STA_CHAIR;
    // What an empty file input becomes after React encodes the form and Next decodes it.
    const empty = new File([], "blob", { type: "application/octet-stream" });
    expect(await addDocumentAction(null, form({ packageId, kind: "TO_TRINH", title: "Tờ trình số 12/TTr-CĐCS", file: empty }))).toMatchObject({ ok: true });
    const refOnly = await t.prisma.dossierDocument.findFirstOrThrow({ where: { packageId, kind: "TO_TRINH" } });
    expect(refOnly).toMatchObject({ storageKey: null, fileName: null, sizeBytes: null });

    await addItem(v.STA_CHAIR, { packageId, nominee: `m:${DEMO.members.STA_GROUP_LEADER}`, titleCode: "LDTT" });
    const item = await t.prisma.nominationItem.findFirstOrThrow({ where: { packageId } });
    const r = await addDocument(v.STA_CHAIR, { packageId, itemId: item.id, kind: "MINH_CHUNG", title: "Giấy chứng nhận giáo viên dạy giỏi", file: new File([PNG], "giay-chung-nhan.png") });
    const page = await getPackagePage(v.STA_CHAIR, packageId);
    const paper = page.items.find((i) => i.id === item.id)!.uploaded.find((d) => d.id === r.documentId)!;
    expect(paper).toMatchObject({ title: "Giấy chứng nhận giáo viên dạy giỏi", file: { name: "giay-chung-nhan.png", sizeBytes: PNG.length } });
    expect(JSON.stringify(page)).not.toMatch(/storageKey|[0-9a-f]{32}"/);
    expect(page.documents.map((d) => d.file?.name ?? null)).toEqual(["Biên bản họp HĐ.pdf", null]);
    expect(page.can.papers).toBe(true);
  });

  it("a renamed .exe is refused in Vietnamese; no row, no file left", async () => {
    current.viewer = v.STA_CHAIR;
    const rows = await t.prisma.dossierDocument.count();
    const files = storedFiles().length;
    const state = await addDocumentAction(null, form({ packageId, kind: "MINH_CHUNG", title: "Minh chứng", file: new File([EXE], "minh-chung.pdf", { type: "application/pdf" }) }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { file: ["Nội dung tệp không đúng định dạng .pdf."] } });
    const exe = await refusal(addDocument(v.STA_CHAIR, { packageId, kind: "MINH_CHUNG", title: "Minh chứng", file: new File([EXE], "setup.exe") }));
    expect(exe.fieldErrors?.file).toEqual(["Chỉ nhận ảnh (JPG, PNG), PDF và tệp Word, Excel, PowerPoint."]);
    expect(await t.prisma.dossierDocument.count()).toBe(rows);
    expect(storedFiles().length).toBe(files);
  });

  it("a file over the limit is refused; nothing is stored", async () => {
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set(PDF.subarray(0, 8));
    const rows = await t.prisma.dossierDocument.count();
    const files = storedFiles().length;
    const e = await refusal(addDocument(v.STA_CHAIR, { packageId, kind: "MINH_CHUNG", title: "Quá lớn", file: new File([big], "lon.pdf") }));
    expect(e).toMatchObject({ code: "INVALID", fieldErrors: { file: ["Tệp lớn quá 4 MB."] } });
    expect(await t.prisma.dossierDocument.count()).toBe(rows);
    expect(storedFiles().length).toBe(files);
  });

  it("the file written before the transaction is removed when the transaction fails", async () => {
    const files = storedFiles().length;
    const rows = await t.prisma.dossierDocument.count();
    await expect(addDocument(v.STA_CHAIR, { packageId, kind: "KHONG_CO" as never, title: "Sai loại", file: new File([PDF], "a.pdf") })).rejects.toThrow();
    expect(storedFiles().length).toBe(files);
    expect(await t.prisma.dossierDocument.count()).toBe(rows);
  });

  it("out of scope: another school's chair, a plain member and the upper unit cannot add or remove papers", async () => {
    const rows = await t.prisma.dossierDocument.count();
    const files = storedFiles().length;
    for (const who of [v.KD_CHAIR, v.STA_MEMBER, v.UPPER_SONTHUY, v.UPPER_BACSON]) {
      expect(await code(addDocument(who, { packageId, kind: "MINH_CHUNG", title: "x", file: new File([PDF], "x.pdf") }))).toBe("NOT_FOUND");
      expect(await code(deleteDocument(who, { documentId: pdfId }))).toBe("NOT_FOUND");
    }
    expect(await t.prisma.dossierDocument.count()).toBe(rows);
    expect(storedFiles().length).toBe(files);
  });

  it("the school's route: the chair and the principal download the same bytes, as an attachment", async () => {
    for (const who of [v.STA_CHAIR, v.STA_PRINCIPAL, v.UPPER_SONTHUY]) {
      current.viewer = who;
      const res = await schoolGet({ schoolId: S.STA, packageId, documentId: pdfId });
      expect(res.status).toBe(200);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="Bien ban hop HD.pdf"; filename*=UTF-8''${encodeURIComponent("Biên bản họp HĐ.pdf")}`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  it("the upper unit's route: Sơn Thủy downloads; Bắc Sơn (another tenant) gets 404 whichever unit it names", async () => {
    current.viewer = v.UPPER_SONTHUY;
    const ok = await unitGet({ unitId: O.CDGD_SONTHUY, packageId, documentId: pdfId });
    expect(ok.status).toBe(200);
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(PDF);
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect((await getDossierFileForUnit(v.UPPER_SONTHUY, { unitId: O.CDGD_SONTHUY, packageId, documentId: pdfId })).fileName).toBe("Biên bản họp HĐ.pdf");

    current.viewer = v.UPPER_BACSON;
    for (const unitId of [O.CDGD_BACSON, O.CDGD_SONTHUY]) {
      const res = await unitGet({ unitId, packageId, documentId: pdfId });
      expect(res.status).toBe(404);
      expect(await res.text()).toBe("Không tìm thấy dữ liệu này, hoặc bạn không có quyền xem.");
      expect(await code(getDossierFileForUnit(v.UPPER_BACSON, { unitId, packageId, documentId: pdfId }))).toBe("NOT_FOUND");
    }
    expect(await code(getDossierFile(v.UPPER_BACSON, { schoolId: S.STA, packageId, documentId: pdfId }))).toBe("NOT_FOUND");
  });

  it("another school's chair, a plain member, a wrong package or a paper without a file: the same 404", async () => {
    const missing = async (p: Promise<Response>) => {
      const res = await p;
      return [res.status, await res.text()];
    };
    const notFound = [404, "Không tìm thấy dữ liệu này, hoặc bạn không có quyền xem."];
    current.viewer = v.KD_CHAIR;
    expect(await missing(schoolGet({ schoolId: S.STA, packageId, documentId: pdfId }))).toEqual(notFound);
    expect(await missing(schoolGet({ schoolId: S.KD, packageId, documentId: pdfId }))).toEqual(notFound);
    expect(await code(getDossierFile(v.KD_CHAIR, { schoolId: S.STA, packageId, documentId: pdfId }))).toBe("NOT_FOUND");
    expect(await code(getDossierFileForUnit(v.KD_CHAIR, { unitId: O.CDGD_SONTHUY, packageId, documentId: pdfId }))).toBe("NOT_FOUND");
    current.viewer = v.STA_MEMBER;
    expect(await missing(schoolGet({ schoolId: S.STA, packageId, documentId: pdfId }))).toEqual(notFound);
    current.viewer = v.STA_CHAIR;
    const refOnly = await t.prisma.dossierDocument.findFirstOrThrow({ where: { packageId, kind: "TO_TRINH" } });
    expect(await missing(schoolGet({ schoolId: S.STA, packageId, documentId: refOnly.id }))).toEqual(notFound);
    expect(await missing(schoolGet({ schoolId: S.STA, packageId: "khong_co", documentId: pdfId }))).toEqual(notFound);
    expect(await missing(schoolGet({ schoolId: S.STA, packageId, documentId: "../../etc/passwd" }))).toEqual(notFound);
    current.viewer = null;
    const anon = await schoolGet({ schoolId: S.STA, packageId, documentId: pdfId });
    expect(anon.status).toBe(307);
    expect(anon.headers.get("location")).toMatch(/\/dang-nhap$/);
  });

  it("the chair removes a paper while the package is editable (audited, file gone); once sent, papers are frozen", async () => {
    current.viewer = v.STA_CHAIR;
    const png = await t.prisma.dossierDocument.findFirstOrThrow({ where: { packageId, fileName: "giay-chung-nhan.png" } });
    expect(await deleteDocumentAction(null, form({ documentId: png.id }))).toMatchObject({ ok: true, message: "Đã gỡ tài liệu." });
    expect(await t.prisma.dossierDocument.count({ where: { id: png.id } })).toBe(0);
    expect(storedFiles().some((f) => f.endsWith(png.storageKey!))).toBe(false);
    const [a] = await audits("nomination.document_delete", png.id);
    expect(a.before).toMatchObject({ fileName: "giay-chung-nhan.png", sha256: png.sha256, sizeBytes: PNG.length });

    await t.prisma.nominationPackage.update({ where: { id: packageId }, data: { status: "SUBMITTED" } });
    try {
      const rows = await t.prisma.dossierDocument.count();
      const files = storedFiles().length;
      expect(await code(addDocument(v.STA_CHAIR, { packageId, kind: "MINH_CHUNG", title: "Muộn", file: new File([PDF], "muon.pdf") }))).toBe("STATE");
      expect(await code(deleteDocument(v.STA_CHAIR, { documentId: pdfId }))).toBe("STATE");
      expect(await t.prisma.dossierDocument.count()).toBe(rows);
      expect(storedFiles().length).toBe(files);
      expect((await getPackagePage(v.STA_CHAIR, packageId)).can.papers).toBe(false);
      // The upper unit still downloads what was sent.
      current.viewer = v.UPPER_SONTHUY;
      expect((await unitGet({ unitId: O.CDGD_SONTHUY, packageId, documentId: pdfId })).status).toBe(200);
    } finally {
      await t.prisma.nominationPackage.update({ where: { id: packageId }, data: { status: "DRAFT" } });
    }
  });
});

describe("đăng ký thi đua comes from campaign registrations too (rule 1)", () => {
  const registered = async (memberId: string, yearId = Y25) => {
    const page = await getEligibilityPage(v.STA_CHAIR, S.STA, yearId);
    return page.rows.find((r) => r.id === memberId)!.verdicts.find((x) => x.title === "LDTT")!.reasons.find((r) => r.rule === "registered")!;
  };

  it("a member the chair did not tick but who registered in the school's campaign counts, naming the campaign", async () => {
    // mem_sta_034: no tick on the 2025–2026 evaluation and (in the demo) no registration: not registered.
    const ev = await t.prisma.memberEvaluation.findFirstOrThrow({ where: { memberId: "mem_sta_034", schoolYearId: Y25 } });
    expect(ev.registered).toBe(false);
    expect(await registered("mem_sta_034")).toMatchObject({ passed: false, detail: "Chưa đăng ký thi đua" });
    // With every demo seed loaded the figures the awards journey expects hold: 25 LĐTT, 4 CSTĐCS.
    const before = (await getEligibilityPage(v.STA_CHAIR, S.STA, Y25)).counts;
    expect(before).toMatchObject({ ldtt: 25, cstdcs: 4 });
    // Registered in "Dạy tốt – Học tốt" 2025–2026 (the row the campaign's registration writes).
    const campaign = await t.prisma.campaign.findUniqueOrThrow({ where: { id: SCORING_DEMO.campaigns.STA_LAST } });
    await t.prisma.registration.create({ data: { campaignId: campaign.id, schoolId: S.STA, subjectKey: "m:mem_sta_034", memberId: "mem_sta_034", title: "LDTT", registeredById: DEMO.users.STA_CHAIR } });
    expect(await registered("mem_sta_034")).toMatchObject({ passed: true, detail: `Đã đăng ký thi đua (phong trào ${campaign.name})` });
    expect((await getEligibilityPage(v.STA_CHAIR, S.STA, Y25)).counts.ldtt).toBe(26);
  });


  it("the chair's tick alone still counts, and says so; neither → not registered", async () => {
    const regs = new Set((await t.prisma.registration.findMany({ where: { campaign: { schoolYearId: Y25 }, memberId: { not: null } }, select: { memberId: true } })).map((r) => r.memberId));
    const ticked = await t.prisma.memberEvaluation.findFirstOrThrow({ where: { schoolId: S.STA, schoolYearId: Y25, registered: true, memberId: { notIn: [...regs] as string[] } } });
    expect(await registered(ticked.memberId)).toMatchObject({ passed: true, detail: "Đã đăng ký (đánh dấu của chủ tịch)" });
    expect(await registered("mem_sta_019")).toMatchObject({ passed: false, detail: "Chưa đăng ký thi đua" });
  });

  it("a registration in another year or for a collective title does not count; one in the upper unit's campaign does", async () => {
    const period = periodOf(await t.prisma.schoolYear.findUniqueOrThrow({ where: { id: Y25 } }));
    await t.prisma.registration.create({ data: { campaignId: SCORING_DEMO.campaigns.STA_CURRENT, schoolId: S.STA, subjectKey: "m:mem_sta_019", memberId: "mem_sta_019", title: "LDTT", registeredById: DEMO.users.STA_CHAIR } });
    await t.prisma.registration.create({ data: { campaignId: SCORING_DEMO.campaigns.STA_LAST, schoolId: S.STA, subjectKey: "m:mem_sta_019", memberId: "mem_sta_019", title: "TT_LDTT", registeredById: DEMO.users.STA_CHAIR } });
    const [f] = await loadMemberFacts(t.prisma, S.STA, period, ["mem_sta_019"]);
    expect(f.facts).toMatchObject({ registered: false, registeredIn: [] });

    // Next year, the Sơn Thủy union's "Giỏi việc trường – Đảm việc nhà" campaign reaches the school.
    const gvt = await t.prisma.campaign.findUniqueOrThrow({ where: { id: SCORING_DEMO.campaigns.SONTHUY_GVT } });
    expect(gvt.schoolId).toBeNull();
    const next = periodOf(await t.prisma.schoolYear.findUniqueOrThrow({ where: { id: gvt.schoolYearId } }));
    await t.prisma.registration.create({ data: { campaignId: gvt.id, schoolId: S.STA, subjectKey: "m:mem_sta_035", memberId: "mem_sta_035", title: "GVT_DVN", registeredById: DEMO.users.STA_CHAIR } });
    const [g] = await loadMemberFacts(t.prisma, S.STA, next, ["mem_sta_035"]);
    expect(g.facts).toMatchObject({ registered: true, registeredIn: [gvt.name] });
    // Kim Đồng's members are not registered by Sơn Thủy A's campaigns.
    const kd = await loadMemberFacts(t.prisma, S.KD, next);
    expect(kd.length).toBeGreaterThan(0);
    expect(kd.every((r) => (r.facts.registeredIn ?? []).length === 0)).toBe(true);
  });
});
