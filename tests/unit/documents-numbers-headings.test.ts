// Issue 12 "Documents": numbers (Số: …), the place in the date line, headings that never break a
// unit's name ("…HUYỆN SƠN / THỦY"), and download names that keep Đ as D.
import { describe, expect, it } from "vitest";
import { fitHeading, headingGroups, unbreakableGroups } from "@/lib/documents/heading";
import { asciiFileName, fileSlug } from "@/lib/documents/file-name";
import { formatDocNumber, SYMBOLS, unitInitials } from "@/lib/documents/numbering";
import { coverDocument, decisionDocument, listDocument, minutesDocument, unitPlace } from "@/lib/awards/documents";
import { placeDateLine } from "@/lib/documents/types";
import { contentDisposition } from "@/lib/evidence/rules";

/** Times-like bold capitals at 12 pt are ~0.62 em wide on average. */
const measure = (t: string, size: number) => t.length * size * 0.62;
const COLUMN = 84 * (72 / 25.4); // the issuer column of lib/documents/pdf.ts

describe("headings never break a unit's name", () => {
  it("breaks before the place: CÔNG ĐOÀN GIÁO DỤC / HUYỆN SƠN THỦY", () => {
    expect(fitHeading("CÔNG ĐOÀN GIÁO DỤC HUYỆN SƠN THỦY", COLUMN, measure)).toEqual({ lines: ["CÔNG ĐOÀN GIÁO DỤC", "HUYỆN SƠN THỦY"], size: 12 });
  });
  it("a school's proper name stays together; a short name stays on one line", () => {
    expect(fitHeading("TRƯỜNG TIỂU HỌC SƠN THỦY A", COLUMN, measure).lines).toEqual(["TRƯỜNG TIỂU HỌC SƠN THỦY A"]);
    const long = fitHeading("TRƯỜNG TRUNG HỌC CƠ SỞ NGUYỄN VĂN THÀNH ĐÔNG HÒA", COLUMN, measure);
    expect(long.lines).toEqual(["TRƯỜNG TRUNG HỌC CƠ SỞ", "NGUYỄN VĂN THÀNH ĐÔNG HÒA"]);
  });
  it("no line ever ends inside a place name, at any column width (long names shrink or take 3 lines)", () => {
    const names = ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN SƠN THỦY", "LIÊN ĐOÀN LAO ĐỘNG TỈNH SƠN HÀ\nCÔNG ĐOÀN GIÁO DỤC HUYỆN SƠN THỦY", "ỦY BAN NHÂN DÂN XÃ SƠN THỦY", "CÔNG ĐOÀN GIÁO DỤC THÀNH PHỐ HỒ CHÍ MINH"];
    for (const width of [140, 180, COLUMN, 300]) {
      for (const name of names) {
        const { lines, size } = fitHeading(name, width, measure);
        expect(lines.join(" ")).toBe(name.replace(/\n/g, " "));
        for (const l of lines) expect(measure(l, size) <= width || !l.includes(" "), `${l} @${width}`).toBe(true);
        for (const place of ["SƠN THỦY", "SƠN HÀ", "HỒ CHÍ MINH"]) {
          if (!name.includes(place)) continue;
          expect(lines.some((l) => l.includes(place)), `${name} @${width}: ${JSON.stringify(lines)}`).toBe(true);
        }
      }
    }
  });
  it("shrinks the font when a place alone is wider than the column rather than splitting it", () => {
    const narrow = measure("HUYỆN SƠN THỦY", 12) - 2;
    const r = fitHeading("CÔNG ĐOÀN GIÁO DỤC HUYỆN SƠN THỦY", narrow, measure);
    expect(r.size).toBeLessThan(12);
    expect(r.lines).toContain("HUYỆN SƠN THỦY");
  });
  it("for renderers that wrap on their own (Word): non-breaking spaces inside each group", () => {
    expect(unbreakableGroups("TRƯỜNG TIỂU HỌC SƠN THỦY A")).toBe("TRƯỜNG TIỂU\u00a0HỌC SƠN\u00a0THỦY\u00a0A");
    expect(unbreakableGroups("Công đoàn Giáo dục huyện Sơn Thủy")).toBe("Công\u00a0đoàn Giáo\u00a0dục huyện\u00a0Sơn\u00a0Thủy");
  });
  it("groups: a place with its name, a school kind, word pairs", () => {
    expect(headingGroups("CÔNG ĐOÀN GIÁO DỤC HUYỆN SƠN THỦY").map((g) => g.text)).toEqual(["CÔNG ĐOÀN", "GIÁO DỤC", "HUYỆN SƠN THỦY"]);
  });
});

describe("file names keep Đ as D", () => {
  it('"86/QĐ-CĐGD" → "86-QD-CDGD", not "86-Q-C-GD"', () => {
    expect(fileSlug("86/QĐ-CĐGD")).toBe("86-QD-CDGD");
    expect(`quyet-dinh-${fileSlug("86/QĐ-CĐGD")}.pdf`).toBe("quyet-dinh-86-QD-CDGD.pdf");
    expect(fileSlug("12/TTr-CĐCS")).toBe("12-TTr-CDCS");
  });
  it("the ASCII fallback of Content-Disposition folds diacritics and Đ, the UTF-8 name stays whole", () => {
    expect(asciiFileName("Quyết định 86-QĐ-CĐGD.pdf")).toBe("Quyet dinh 86-QD-CDGD.pdf");
    const cd = contentDisposition("Giấy khen – Đỗ Thị Đào.pdf");
    expect(cd).toContain('filename="Giay khen _ Do Thi Dao.pdf"');
    expect(cd).toContain("filename*=UTF-8''Gi%E1%BA%A5y");
  });
});

describe("numbers and symbols", () => {
  it("numbers take a leading zero below 10, then the symbol", () => {
    expect(formatDocNumber(1, SYMBOLS.unionCover)).toBe("01/TTr-CĐCS");
    expect(formatDocNumber(12, SYMBOLS.councilMinutes)).toBe("12/BB-HĐTĐKT");
    expect(SYMBOLS.schoolCover("Tiểu học Sơn Thủy A")).toBe("TTr-THSTA");
    expect(unitInitials("THCS Lê Quý Đôn")).toBe("THCSLQĐ");
  });
});

describe("generated documents carry their number and place", () => {
  const pkg = {
    schoolName: "Tiểu học Sơn Thủy A",
    schoolAddress: "Thôn Đông, xã Sơn Thủy, tỉnh Sơn Hà",
    unitName: "Công đoàn Giáo dục huyện Sơn Thủy",
    yearLabel: "2025–2026",
    title: "Hồ sơ",
    number: "03/TTr-CĐCS",
    coverNote: "Nội dung",
    submittedAt: new Date("2026-06-10T03:00:00Z"),
    status: "SUBMITTED",
    principalName: "Nguyễn Văn A",
    items: [],
  };
  it("tờ trình and list: Số 03/TTr-CĐCS, Sơn Thủy in the date line", () => {
    const c = coverDocument(pkg);
    expect(c.number).toBe("03/TTr-CĐCS");
    expect(placeDateLine(c.place, c.date)).toBe("Sơn Thủy, ngày 10 tháng 6 năm 2026");
    const l = listDocument(pkg);
    expect(l.number).toBe("03/TTr-CĐCS");
    expect(l.blocks[0]).toMatchObject({ text: "(Kèm theo Tờ trình số 03/TTr-CĐCS ngày 10/06/2026 của Tiểu học Sơn Thủy A)" });
  });
  it("minutes: the number given when the meeting closed", () => {
    const m = minutesDocument({
      school: { name: "Tiểu học Sơn Thủy A", unionName: "CĐCS", address: "xã Sơn Thủy" },
      yearLabel: "2025–2026",
      councilName: "HĐ",
      councilDecision: null,
      number: "02/BB-HĐTĐKT",
      heldOn: new Date("2026-05-28T00:00:00Z"),
      location: null,
      purpose: "Xét",
      status: "CLOSED",
      memberCount: 7,
      presentCount: 7,
      minutesNote: null,
      present: [],
      absent: [],
      chair: null,
      secretary: null,
      votes: [],
    });
    expect(m.number).toBe("02/BB-HĐTĐKT");
    expect(m.place).toBe("Sơn Thủy");
  });
  it("a decision's date line names the issuing unit's place", () => {
    const d = decisionDocument({ number: "86/QĐ-CĐGD", signedOn: "2026-06-20", signerName: "X", signerTitle: "Chủ tịch", issuerName: "Công đoàn Giáo dục huyện Sơn Thủy", yearLabel: "2025–2026", summary: null, revocation: null, awards: [] });
    expect(d.place).toBe("Sơn Thủy");
    expect(unitPlace({ name: "Liên đoàn Lao động tỉnh Sơn Hà", place: null })).toBe("Sơn Hà");
    expect(unitPlace({ name: "Công đoàn Giáo dục", place: "Sơn Thủy" })).toBe("Sơn Thủy");
  });
});
