// Certificates printed from a decision (lib/awards/certificate.ts): the wording per form, one
// A4 landscape page per awardee, revoked awards and revoked decisions never printed; the PDF's
// text, read back with pdftotext (required: a missing tool fails the test), carries the Vietnamese names.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { certificatePages, certificateWording, placeOfUnit, renderCertificatesPdf, signerLines, type CertificateAward, type CertificateDecision } from "@/lib/awards/certificate";

/**
 * pdftotext and pdfinfo (poppler-utils, installed by .ci/run) must be there: a missing tool fails
 * the test with this message, it never passes or skips it (issue 10).
 */
function requirePoppler(): void {
  for (const tool of ["pdftotext", "pdfinfo"]) {
    try {
      execFileSync(tool, ["-v"], { stdio: "ignore" });
    } catch {
      throw new Error(`${tool} is missing: install poppler-utils (apt-get install poppler-utils) to run the certificate PDF tests`);
    }
  }
}

function readBack(pdf: Buffer): { text: string; info: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "thidua-cert-"));
  try {
    const file = path.join(dir, "x.pdf");
    writeFileSync(file, pdf);
    return {
      text: execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).normalize("NFC"),
      info: execFileSync("pdfinfo", [file], { encoding: "utf8" }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const decision: CertificateDecision = {
  number: "88/QĐ-CĐGD",
  signedOn: "2026-06-05",
  signerName: "Phạm Quang Vinh",
  signerTitle: "Chủ tịch",
  issuerName: "Công đoàn Giáo dục huyện Sơn Thủy",
  issuerParent: "Liên đoàn Lao động tỉnh Sơn Hà",
  unionSide: true,
  yearLabel: "2025–2026",
  revoked: false,
};
const base = { schoolName: "Trường Tiểu học Sơn Thủy A", unionName: "Công đoàn cơ sở Trường Tiểu học Sơn Thủy A", achievementKey: "year:2025", revoked: false, gender: null, position: null };
const awards: CertificateAward[] = [
  { ...base, id: "a1", subject: "MEMBER", recipientName: "Nguyễn Thị Thanh Tâm", gender: "NU", position: "Chủ tịch Công đoàn", titleCode: "DVCD_XS", registerNo: 1 },
  { ...base, id: "a2", subject: "MEMBER", recipientName: "Hoàng Văn Minh", gender: "NAM", position: "Hiệu trưởng", titleCode: "GK_CD_CAP_TREN", registerNo: 2 },
  { ...base, id: "a3", subject: "MEMBER", recipientName: "Đỗ Văn Thu Hồi", gender: "NAM", position: "Giáo viên", titleCode: "LDTT", registerNo: 3, revoked: true },
  { ...base, id: "a4", subject: "UNION_GROUP", recipientName: "Tổ CĐ Khối 3", titleCode: "TO_CD_HTXS", registerNo: 4 },
];

describe("certificate wording", () => {
  it("names the form by the catalogue: giấy khen, bằng khen, giấy chứng nhận for titles", () => {
    expect(certificateWording("GK_CD_CAP_TREN", "year:2025", "2025–2026")).toEqual({ heading: "GIẤY KHEN", subheading: null, verb: "Tặng", achievement: "Đã có thành tích xuất sắc trong năm học 2025–2026" });
    expect(certificateWording("BK_LDLD_TINH", "year:2025", "2025–2026")).toMatchObject({ heading: "BẰNG KHEN", verb: "Tặng" });
    expect(certificateWording("CSTDCS", "year:2025", "2025–2026")).toEqual({ heading: "GIẤY CHỨNG NHẬN", subheading: "CHIẾN SĨ THI ĐUA CƠ SỞ", verb: "Công nhận", achievement: "Đạt danh hiệu “Chiến sĩ thi đua cơ sở” năm học 2025–2026" });
    expect(certificateWording("TT_LDTT", "year:2025", "2025–2026")).toMatchObject({ heading: "GIẤY CHỨNG NHẬN", subheading: "TẬP THỂ LAO ĐỘNG TIÊN TIẾN", verb: "Công nhận" });
    expect(certificateWording("KNC_GD", "theme:x", "2025–2026")).toMatchObject({ heading: "GIẤY CHỨNG NHẬN", subheading: "KỶ NIỆM CHƯƠNG VÌ SỰ NGHIỆP GIÁO DỤC", achievement: "Đã có nhiều đóng góp cho sự nghiệp giáo dục" });
    expect(certificateWording("CO_TD_LDLD_TINH", "year:2025", "2025–2026")).toMatchObject({ verb: "Tặng", achievement: "Đơn vị dẫn đầu phong trào thi đua năm học 2025–2026" });
    expect(certificateWording("BK_TLD_CHUYEN_DE", "theme:An toàn vệ sinh lao động", "2025–2026").achievement).toBe("Đã có thành tích xuất sắc trong chuyên đề “An toàn vệ sinh lao động”, năm học 2025–2026");
  });

  it("takes the place from the issuing unit's name and signs for a union's standing committee", () => {
    expect(placeOfUnit("Công đoàn Giáo dục huyện Sơn Thủy")).toBe("Sơn Thủy");
    expect(placeOfUnit("Liên đoàn Lao động tỉnh Sơn Hà")).toBe("Sơn Hà");
    expect(placeOfUnit("UBND xã Bắc Sơn")).toBe("Bắc Sơn");
    expect(placeOfUnit("Tổng Liên đoàn Lao động Việt Nam")).toBe("");
    expect(signerLines("Chủ tịch", true)).toEqual(["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]);
    expect(signerLines("Trưởng phòng", false)).toEqual(["TRƯỞNG PHÒNG"]);
    // The school union's BCH signs for its executive committee, not the standing committee (issue 12).
    expect(signerLines("TM. BAN CHẤP HÀNH / CHỦ TỊCH", true)).toEqual(["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"]);
  });

  it("one page per awardee, revoked awards skipped; a revoked decision prints nothing", () => {
    const pages = certificatePages(decision, awards);
    expect(pages.map((p) => p.awardId)).toEqual(["a1", "a2", "a4"]);
    expect(pages[0]).toMatchObject({
      issuer: { parent: "LIÊN ĐOÀN LAO ĐỘNG TỈNH SƠN HÀ", name: "CÔNG ĐOÀN GIÁO DỤC HUYỆN SƠN THỦY" },
      recipient: "Bà Nguyễn Thị Thanh Tâm",
      detail: "Chủ tịch Công đoàn, Trường Tiểu học Sơn Thủy A",
      placeDate: "Sơn Thủy, ngày 05 tháng 6 năm 2026",
      signerTitle: ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"],
      footer: "Số quyết định: 88/QĐ-CĐGD ngày 05/06/2026; Số vào sổ: 001",
    });
    expect(pages[1].recipient).toBe("Ông Hoàng Văn Minh");
    expect(pages[2]).toMatchObject({ recipient: "Tổ CĐ Khối 3", detail: "Công đoàn cơ sở Trường Tiểu học Sơn Thủy A", footer: expect.stringContaining("Số vào sổ: 004") });
    expect(certificatePages({ ...decision, revoked: true }, awards)).toEqual([]);
  });

  it("a state title is printed only under a state issuer's heading (issue 12)", () => {
    const ldtt: CertificateAward = { ...base, id: "s1", subject: "MEMBER", recipientName: "Lê Thị Hoa", gender: "NU", position: "Giáo viên", titleCode: "LDTT", registerNo: 1 };
    expect(certificatePages(decision, [ldtt])).toEqual([]);
    const state: CertificateDecision = { ...decision, number: "112/QĐ-UBND", issuerName: "UBND xã Sơn Thủy", issuerParent: "UBND tỉnh Sơn Hà", signerTitle: "Chủ tịch", signerName: "Lương Văn Sơn", unionSide: false };
    const [page] = certificatePages(state, [ldtt]);
    expect(page).toMatchObject({ heading: "GIẤY CHỨNG NHẬN", subheading: "LAO ĐỘNG TIÊN TIẾN", issuer: { parent: "UBND TỈNH SƠN HÀ", name: "UBND XÃ SƠN THỦY" }, signerTitle: ["CHỦ TỊCH"] });
  });

  it("refuses to render an empty set", async () => {
    await expect(renderCertificatesPdf([], { title: "x" })).rejects.toThrow();
  });
});

// A missing poppler fails this block everywhere (CI or not): no skip hides it.
describe("certificate PDF", () => {
  it("is A4 landscape, a page per printable awardee, with the Vietnamese text", async () => {
    requirePoppler();
    const pdf = await renderCertificatesPdf(certificatePages(decision, awards), { title: "Giấy khen – Quyết định số 88/QĐ-CĐGD" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text, info } = readBack(pdf);
    expect(info).toMatch(/Pages:\s+3\b/);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const pages = text.split("\f").filter((p) => p.trim());
    expect(pages.length).toBe(3);
    expect(pages[0]).toContain("GIẤY CHỨNG NHẬN");
    expect(pages[0]).toContain("ĐOÀN VIÊN CÔNG ĐOÀN XUẤT SẮC");
    expect(pages[0]).toContain("Bà Nguyễn Thị Thanh Tâm");
    expect(pages[0]).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(pages[0]).toContain("Độc lập – Tự do – Hạnh phúc");
    expect(pages[0]).toContain("CÔNG ĐOÀN GIÁO DỤC HUYỆN SƠN THỦY");
    expect(pages[0]).toContain("Sơn Thủy, ngày 05 tháng 6 năm 2026");
    expect(pages[0]).toContain("Phạm Quang Vinh");
    expect(pages[0]).toContain("Số quyết định: 88/QĐ-CĐGD ngày 05/06/2026; Số vào sổ: 001");
    expect(pages[1]).toContain("GIẤY KHEN");
    expect(pages[1]).toContain("Ông Hoàng Văn Minh");
    expect(pages[1]).toContain("Đã có thành tích xuất sắc trong năm học 2025–2026");
    expect(pages[2]).toContain("Tổ CĐ Khối 3");
    expect(text).not.toContain("Thu Hồi");
  });
});
