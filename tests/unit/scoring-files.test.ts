// Evidence uploads (allow-list by content and extension, safe names, attachment downloads) and the
// scoring Excel export (layout, Vietnamese intact, formula-looking text kept as text).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MAX_EVIDENCE_BYTES, checkEvidence, contentDisposition, safeFileName } from "@/lib/evidence/rules";
import { buildScoringWorkbook, formulaSafe } from "@/lib/scoring/excel";
import { allCriteria } from "@/lib/scoring/scale";
import { TEMPLATE_100 } from "@/lib/scoring/templates";
import type { StageData } from "@/lib/scoring/rules";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [...Buffer.from("%PDF-1.7\n")];
const ZIP = [0x50, 0x4b, 0x03, 0x04, 0, 0];

describe("evidence allow-list", () => {
  it("accepts images, PDF and Office files whose first bytes match the extension", () => {
    expect(checkEvidence("anh.png", new Uint8Array(PNG))).toMatchObject({ ok: true, mime: "image/png" });
    expect(checkEvidence("Biên bản.PDF", new Uint8Array(PDF))).toMatchObject({ ok: true, mime: "application/pdf", fileName: "Biên bản.PDF" });
    expect(checkEvidence("ke-hoach.docx", new Uint8Array(ZIP))).toMatchObject({ ok: true });
    expect(checkEvidence("anh.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ ok: true, mime: "image/jpeg" });
  });
  it("refuses other types, mismatched content, empty and oversized files", () => {
    expect(checkEvidence("x.html", new Uint8Array([0x3c]))).toMatchObject({ ok: false });
    expect(checkEvidence("x.svg", new Uint8Array([0x3c]))).toMatchObject({ ok: false });
    expect(checkEvidence("x.png", new Uint8Array([...Buffer.from("<script>")]))).toMatchObject({ ok: false });
    expect(checkEvidence("x.pdf", new Uint8Array(PNG))).toMatchObject({ ok: false });
    expect(checkEvidence("x.png", new Uint8Array())).toMatchObject({ ok: false });
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set(PNG);
    expect(checkEvidence("x.png", big)).toMatchObject({ ok: false });
    expect(checkEvidence("noext", new Uint8Array(PNG))).toMatchObject({ ok: false });
  });
  it("keeps names safe: no paths, no control characters, NFC", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\a\\minh chung.pdf")).toBe("minh chung.pdf");
    expect(safeFileName('a"b\u0000c.pdf')).toBe("a_b_c.pdf");
    expect(safeFileName("Nguye\u0302\u0303n.pdf")).toBe("Nguyễn.pdf");
  });
  it("downloads are attachments with an ASCII fallback and the UTF-8 name", () => {
    const h = contentDisposition("Biên bản dự giờ.pdf");
    expect(h.startsWith("attachment;")).toBe(true);
    expect(h).toContain('filename="Bien ban du gio.pdf"');
    expect(h).toContain("filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20d%E1%BB%B1%20gi%E1%BB%9D.pdf");
  });
});

describe("scoring export to Excel", () => {
  it("writes formula-looking text as text", () => {
    for (const s of ["=1+1", "+84", "-5", "@SUM(A1)", "\tx", "\rx"]) expect(formulaSafe(s)).toBe(`'${s}`);
    expect(formulaSafe("Nguyễn Thị Thanh Tâm")).toBe("Nguyễn Thị Thanh Tâm");
    expect(formulaSafe("−5 (đi muộn)")).toBe("−5 (đi muộn)");
  });

  it("has a summary and one sheet per member with max / self / group / council / explanation", async () => {
    const full: StageData = { entries: Object.fromEntries(allCriteria(TEMPLATE_100).map((c) => [c.key, { state: "SCORED" as const, points: c.max }])), deductions: [{ key: "di_muon", count: 1, reason: "=HYPERLINK(\"http://x\")" }], bonus: {}, disqualifiers: [] };
    const bytes = await buildScoringWorkbook({
      schoolName: "Trường Tiểu học Sơn Thủy A",
      periodName: "Học kỳ I",
      campaignName: "Thi đua “Dạy tốt – Học tốt”",
      scale: TEMPLATE_100,
      sheets: [
        { memberName: "Nguyễn Thị Thanh Tâm", groupName: "Tổ CĐ Khối 3", position: "Giáo viên", stages: { SELF: { data: full, explanation: "=cmd|' /C calc'!A0" }, COUNCIL: { data: full, explanation: null } } },
        { memberName: "Nguyễn Thị Thanh Tâm", groupName: "Tổ CĐ Khối 1–2", position: null, stages: {} },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "Nguyễn Thị Thanh Tâm", "Nguyễn Thị Thanh Tâm 2"]);
    const sum = wb.getWorksheet("Tổng hợp")!;
    expect(sum.getRow(6).getCell(2).value).toBe("Nguyễn Thị Thanh Tâm");
    expect(sum.getRow(6).getCell(4).value).toBe(98);
    expect(sum.getRow(6).getCell(6).value).toBe(98);
    expect(sum.getRow(7).getCell(7).value).toBe("Chưa chấm");
    const one = wb.getWorksheet("Nguyễn Thị Thanh Tâm")!;
    expect(one.getRow(6).values).toEqual([undefined, "TT", "Nội dung tiêu chí", "Điểm tối đa", "Tự chấm", "Tổ chấm", "Hội đồng", "Giải trình"]);
    let formulas = 0;
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
      if (c.type === ExcelJS.ValueType.Formula) formulas++;
      if (typeof c.value === "string") texts.push(c.value);
    })));
    expect(formulas).toBe(0);
    expect(texts.some((t) => t.startsWith("'=cmd"))).toBe(true);
    expect(texts.some((t) => t.includes("=HYPERLINK") && !t.startsWith("="))).toBe(true);
    expect(texts).toContain("Phẩm chất chính trị, đạo đức, lối sống");
  });
});
