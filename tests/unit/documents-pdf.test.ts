// The PDF layout (lib/documents) with the plan and the minutes: a real PDF whose text, read
// back with pdftotext (required: a missing tool fails), carries the Vietnamese header and diacritics.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderAdminDocumentPdf } from "@/lib/documents/pdf";
import { placeDateLine, textBlocks } from "@/lib/documents/types";
import { buildPlanTemplate } from "@/lib/plans/template";
import { planDocument, planFileName } from "@/lib/plans/document";
import { minutesDocument } from "@/lib/meetings/document";

/** pdftotext (poppler-utils, installed by .ci/run) must be there: a missing tool fails the test, it never passes it. */
function requirePdftotext(): void {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
  } catch {
    throw new Error("pdftotext is missing: install poppler-utils (apt-get install poppler-utils) to run the PDF layout tests");
  }
}

function textOf(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "thidua-pdf-"));
  try {
    const file = path.join(dir, "x.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).normalize("NFC");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const content = buildPlanTemplate({ schoolName: "Trường Tiểu học Sơn Thủy A", level: "TIEU_HOC", govUnitName: "UBND xã Sơn Thủy", upperUnionName: "Công đoàn Giáo dục huyện Sơn Thủy", address: "Thôn Trung, xã Sơn Thủy, tỉnh Sơn Hà", startYear: 2025 });
content.header.issuedOn = new Date(Date.UTC(2025, 8, 15));
const signed = new Date(Date.UTC(2025, 8, 15, 3));
const planDoc = planDocument({ content, revision: 1, amendmentReason: null, amendsNumber: null, signed: true, unitLevel: false, startYear: 2025, gov: { name: "Hoàng Văn Minh", signedAt: signed }, union: { name: "Nguyễn Thị Thanh Tâm", signedAt: signed } });

describe("administrative document helpers", () => {
  it("writes the place and date line the decree's way (leading zeros for days < 10 and months 1–2)", () => {
    expect(placeDateLine("Sơn Thủy", new Date(Date.UTC(2025, 8, 15)))).toBe("Sơn Thủy, ngày 15 tháng 9 năm 2025");
    expect(placeDateLine("Sơn Thủy", new Date(Date.UTC(2026, 1, 3)))).toBe("Sơn Thủy, ngày 03 tháng 02 năm 2026");
    expect(textBlocks("1. Mục đích\n- Một\n\nHai")).toEqual([
      { type: "subheading", text: "1. Mục đích" },
      { type: "paragraph", text: "- Một" },
      { type: "paragraph", text: "Hai" },
    ]);
    expect(planFileName(2025, 2)).toBe("ke-hoach-phoi-hop-2025-2026-sua-doi-lan-1.pdf");
  });

  it("the plan document has both signature blocks, the union's first, and Nơi nhận", () => {
    expect(planDoc.signatures).toEqual([
      { title: ["TM. BCH CÔNG ĐOÀN", "CHỦ TỊCH"], name: "Nguyễn Thị Thanh Tâm", note: "(Đã ký ngày 15/09/2025)" },
      { title: ["HIỆU TRƯỞNG"], name: "Hoàng Văn Minh", note: "(Đã ký ngày 15/09/2025)" },
    ]);
    expect(planDoc.mark).toBeNull();
    expect(planDoc.blocks.filter((b) => b.type === "heading").map((b) => (b as { text: string }).text)).toEqual([
      "I. MỤC ĐÍCH, YÊU CẦU VÀ NGUYÊN TẮC PHỐI HỢP",
      "II. TRÁCH NHIỆM CỦA MỖI BÊN",
      "III. NỘI DUNG PHỐI HỢP",
      "IV. LỊCH CÔNG VIỆC PHỐI HỢP",
      "V. CHỈ TIÊU PHỐI HỢP",
      "VI. CHẾ ĐỘ HỌP VÀ THÔNG TIN",
      "VII. TỔ CHỨC THỰC HIỆN",
    ]);
    expect(planDoc.recipients?.[0]).toBe("- Công đoàn Giáo dục huyện Sơn Thủy (để b/c);");
  });
});

describe("PDF", () => {
  it("never leaves the signature alone on a page: the last paragraph goes with it", async () => {
    requirePdftotext();
    const base = planDoc;
    for (let n = 15; n <= 23; n += 1) {
      const filler = Array.from({ length: n }, (_, i) => ({ type: "paragraph" as const, text: `Đoạn ${i + 1}: nội dung phối hợp giữa nhà trường và công đoàn trong năm học.` }));
      const doc = { ...base, blocks: [...filler, { type: "paragraph" as const, text: "Đoạn kết thúc văn bản." }], recipients: null };
      const pages = textOf(await renderAdminDocumentPdf(doc)).split("\f");
      const signed = pages.findIndex((p) => p.includes(doc.signatures[0].name!));
      expect(pages[signed], `${n} đoạn`).toContain("Đoạn kết thúc văn bản.");
    }
  }, 60_000);

  it("renders the plan as a multi-page PDF with the Vietnamese text intact", async () => {
    const pdf = await renderAdminDocumentPdf(planDoc);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20_000);
    requirePdftotext();
    const text = textOf(pdf);
    for (const s of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập – Tự do – Hạnh phúc",
      "TRƯỜNG TIỂU HỌC SƠN THỦY A",
      "Số: 01/KHPH-NT-CĐ",
      "Sơn Thủy, ngày 15 tháng 9 năm 2025",
      "KẾ HOẠCH",
      "Ngày Nhà giáo",
      "LỊCH CÔNG VIỆC PHỐI HỢP",
      "TM. BCH CÔNG ĐOÀN",
      "HIỆU TRƯỞNG",
      "Nguyễn Thị Thanh Tâm",
      "Hoàng Văn Minh",
      "Nơi nhận:",
    ]) {
      expect(text).toContain(s);
    }
  }, 30_000); // rendering and pdftotext take seconds on a loaded 2-core machine

  it("renders minutes, marked as a draft until closed", async () => {
    const doc = minutesDocument({
      school: { name: "Trường Tiểu học Sơn Thủy A", address: "Thôn Trung, xã Sơn Thủy, tỉnh Sơn Hà", govUnitName: "UBND xã Sơn Thủy" },
      meeting: {
        title: "Họp liên tịch tháng 9/2025",
        docNumber: "01/BB-LT",
        scheduledOn: new Date(Date.UTC(2025, 8, 5)),
        heldAt: new Date(Date.UTC(2025, 8, 5, 7)),
        location: "Phòng họp Hội đồng",
        chairName: "Hoàng Văn Minh",
        secretaryName: "Nguyễn Thị Thanh Tâm",
        agenda: "Triển khai nhiệm vụ tháng 9.",
        discussion: null,
        decisions: "Tổ chức Hội nghị viên chức ngày 27/9/2025.",
        status: "HELD",
      },
      attendees: [
        { role: "PRINCIPAL", name: "Hoàng Văn Minh", title: null, present: true },
        { role: "YOUTH_UNION", name: "Đinh Quang Huy", title: null, present: false },
      ],
      tasks: [{ content: "Chuẩn bị báo cáo", ownerName: "Nguyễn Thị Thanh Tâm", ownerSide: "UNION", dueOn: new Date(Date.UTC(2025, 8, 20)), status: "OPEN", followUp: null }],
      reviewed: [],
    });
    expect(doc.mark).toBe("DỰ THẢO");
    expect(doc.signatures.map((s) => s.title[0])).toEqual(["THƯ KÝ", "CHỦ TRÌ"]);
    const pdf = await renderAdminDocumentPdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    requirePdftotext();
    const text = textOf(pdf);
    for (const s of ["BIÊN BẢN", "Thời gian: 14 giờ 00, ngày 05/09/2025.", "Vắng: Đinh Quang Huy (Bí thư Chi đoàn).", "PHÂN CÔNG NHIỆM VỤ", "DỰ THẢO"]) expect(text).toContain(s);
  }, 30_000);
});
