import { describe, expect, it } from "vitest";
import { cleanText, compareVietnameseNames, foldVietnamese, formatDate, formatDateTime, parseDate, schoolYearLabel, schoolYearOf, vietnameseSortKey } from "@/lib/format";
import { requiredText, vnDate, email } from "@/lib/validation";

describe("search folding", () => {
  it("ignores diacritics and case", () => {
    expect(foldVietnamese("Nguyễn Thị Thanh Tâm")).toBe("nguyen thi thanh tam");
    expect(foldVietnamese("ĐẶNG VĂN HÙNG")).toBe("dang van hung");
    expect(foldVietnamese("Đỗ  Thị   Đào")).toBe("do thi dao");
  });
  it("treats decomposed (NFD) and composed (NFC) input alike", () => {
    const nfd = "Nguyễn Thủy".normalize("NFD");
    expect(foldVietnamese(nfd)).toBe(foldVietnamese("Nguyễn Thủy"));
    expect(cleanText(nfd)).toBe("Nguyễn Thủy".normalize("NFC"));
  });
});

describe("Vietnamese name order", () => {
  it("sorts by given name first", () => {
    const names = ["Nguyễn Thị Bình", "Lê Văn An", "Trần Thị Ánh", "Phạm Văn Chiến"];
    expect([...names].sort(compareVietnameseNames)).toEqual(["Lê Văn An", "Trần Thị Ánh", "Nguyễn Thị Bình", "Phạm Văn Chiến"]);
  });
  it("keeps Tâm and Tám apart but together", () => {
    expect(vietnameseSortKey("Nguyễn Thị Thanh Tâm")).not.toBe(vietnameseSortKey("Nguyễn Thị Thanh Tám"));
    // given name first: both sort before "Nguyễn Thị Thanh Thủy" and after "Trần Văn Sơn"
    expect(["Nguyễn Thị Thanh Thủy", "Nguyễn Thị Thanh Tâm", "Trần Văn Sơn", "Nguyễn Thị Thanh Tám"].sort(compareVietnameseNames)).toEqual(["Trần Văn Sơn", "Nguyễn Thị Thanh Tám", "Nguyễn Thị Thanh Tâm", "Nguyễn Thị Thanh Thủy"]);
  });
});

describe("dates", () => {
  it("formats dd/mm/yyyy", () => {
    expect(formatDate(new Date(Date.UTC(2025, 8, 5)))).toBe("05/09/2025");
    expect(formatDate(null)).toBe("");
  });
  it("shows times in Vietnam time (UTC+7)", () => {
    expect(formatDateTime(new Date(Date.UTC(2025, 0, 31, 20, 5)))).toBe("01/02/2025 03:05");
  });
  it("parses dd/mm/yyyy and ISO, refusing impossible dates", () => {
    expect(parseDate("05/09/2025")?.toISOString()).toBe("2025-09-05T00:00:00.000Z");
    expect(parseDate("2025-09-05")?.toISOString()).toBe("2025-09-05T00:00:00.000Z");
    expect(parseDate("31/02/2025")).toBeNull();
    expect(parseDate("13/13/2025")).toBeNull();
    expect(parseDate("hôm qua")).toBeNull();
  });
  it("labels school years with an en dash and knows they open on 5 September", () => {
    expect(schoolYearLabel(2025)).toBe("2025–2026");
    expect(schoolYearOf(new Date(Date.UTC(2025, 8, 4)))).toBe(2024);
    expect(schoolYearOf(new Date(Date.UTC(2025, 8, 5)))).toBe(2025);
    expect(schoolYearOf(new Date(Date.UTC(2026, 4, 31)))).toBe(2025);
  });
});

describe("validation messages are Vietnamese", () => {
  it("required text", () => {
    const r = requiredText("họ và tên").safeParse("   ");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe("Vui lòng nhập họ và tên.");
  });
  it("dates", () => {
    const r = vnDate("ngày sinh").safeParse("30/02/1990");
    expect(r.error?.issues[0].message).toBe("Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).");
    expect(vnDate("ngày sinh").parse("01/02/1990").toISOString()).toBe("1990-02-01T00:00:00.000Z");
  });
  it("email is trimmed and lower-cased", () => {
    expect(email().parse("  Chutich.STA@ThiDua.test ")).toBe("chutich.sta@thidua.test");
    expect(email().safeParse("khong-phai-email").success).toBe(false);
  });
});
