// The catalogue of titles and forms (DOMAIN.md §5), the parsing of typed setting values, the
// generated papers (biên bản, tờ trình, danh sách, quyết định) and the Excel cell guard.
import { describe, expect, it } from "vitest";
import { CATALOGUE_ENTRIES, entriesFor, titleEntry } from "@/lib/awards/catalogue";
import { parseSettingInput } from "@/lib/awards/settings";
import { coverDocument, decisionDocument, listDocument, minutesDocument, placeOf } from "@/lib/awards/documents";
import { draftAchievementReport } from "@/lib/nominations/texts";

describe("catalogue", () => {
  it("every entry says individual/collective, state/union, level and who decides", () => {
    for (const e of CATALOGUE_ENTRIES) {
      expect(e.subjects.length, e.code).toBeGreaterThan(0);
      expect(["state", "union"]).toContain(e.side);
      expect(e.decidedBy.length, e.code).toBeGreaterThan(5);
    }
    expect(new Set(CATALOGUE_ENTRIES.map((e) => e.code)).size).toBe(CATALOGUE_ENTRIES.length);
  });
  it("holds DOMAIN.md §5's titles and forms", () => {
    for (const code of ["LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TOAN_QUOC", "GK_CDCS", "GK_CD_CAP_TREN", "GK_UBND_XA", "BK_UBND_TINH", "BK_BO_GD", "BK_TTCP", "BK_LDLD_TINH", "BK_TLD", "KNC_GD", "KNC_CD", "DVCD_XS", "GVT_DVN", "BANG_LDST", "TT_LDTT", "TT_LDXS", "CO_TD_TINH", "CO_TD_BO", "CO_TD_CP", "CO_TD_LDLD_TINH", "CO_TD_TLD", "CDCS_HTXS", "TO_CD_HTXS"]) {
      expect(() => titleEntry(code)).not.toThrow();
    }
  });
  it("the principal never signs a state Giấy khen; CSTĐ and above need a secret ballot", () => {
    for (const e of CATALOGUE_ENTRIES.filter((x) => x.side === "state" && x.code.startsWith("GK_"))) expect(e.decidedBy).not.toMatch(/Hiệu trưởng/);
    expect(CATALOGUE_ENTRIES.filter((e) => e.secretBallot).map((e) => e.code)).toEqual(["CSTDCS", "CSTD_TINH", "CSTD_TOAN_QUOC"]);
    expect(entriesFor("collective").some((e) => e.code === "LDTT")).toBe(false);
  });
});

describe("typed setting values", () => {
  it("reads percentages, fractions, strict shares, numbers, yes/no and codes", () => {
    expect(parseSettingInput("cap.cstdcsShare", "20%")).toEqual({ num: 20, den: 100 });
    expect(parseSettingInput("council.quorum", "2/3")).toEqual({ num: 2, den: 3 });
    expect(parseSettingInput("ttLdtt.ldttShare", "trên 50%")).toEqual({ num: 50, den: 100, strict: true });
    expect(parseSettingInput("ldtt.maxAbsenceDays", "45")).toBe(45);
    expect(parseSettingInput("cstdcs.requireHtxsnv", "có")).toBe(true);
    expect(parseSettingInput("cap.cstdcsRounding", "round")).toBe("ROUND");
    expect(parseSettingInput("ldtt.minGrade", "htxsnv")).toBe("HTXSNV");
    expect(parseSettingInput("ldtt.maxAbsenceDays", "nhiều")).toBeNull();
    expect(parseSettingInput("cap.cstdcsShare", "abc")).toBeNull();
  });
});

describe("generated papers", () => {
  const minutes = {
    school: { name: "Trường Tiểu học Sơn Thủy A", unionName: "CĐCS", address: "Thôn Trung, xã Sơn Thủy, tỉnh Sơn Hà" },
    yearLabel: "2025–2026",
    councilName: "Hội đồng",
    councilDecision: "05/QĐ-THSTA",
    heldOn: new Date("2026-05-25T00:00:00Z"),
    location: "Phòng họp",
    purpose: "Bình xét",
    status: "CLOSED",
    memberCount: 7,
    presentCount: 5,
    minutesNote: null,
    present: [{ fullName: "Hoàng Văn Minh", position: "Hiệu trưởng" }],
    absent: ["Trần Thanh Hằng", "Nguyễn Thị Thúy"],
    chair: "Hoàng Văn Minh",
    secretary: "Trần Thanh Hằng",
    votes: [
      { nomineeName: "Nguyễn Thị Thanh Tâm", titleCode: "CSTDCS", secret: true, issued: 5, returned: 5, valid: 5, agree: 4, baseCount: 5, required: 4, passed: true },
      { nomineeName: "Lê Văn Tuấn", titleCode: "LDTT", secret: false, issued: 5, returned: 5, valid: 5, agree: 5, baseCount: 5, required: 3, passed: true },
    ],
  };
  it("biên bản lists attendance and the secret-ballot tally with the percentage", () => {
    const d = minutesDocument(minutes);
    expect(d.kind).toBe("BIÊN BẢN");
    expect(d.place).toBe("Sơn Thủy");
    const tables = d.blocks.filter((b) => b.type === "table");
    expect(JSON.stringify(tables)).toContain("Nguyễn Thị Thanh Tâm");
    expect(JSON.stringify(tables)).toContain("80%");
    expect(JSON.stringify(d.blocks)).toContain("Có mặt 5/7");
    expect(d.mark).toBeNull();
    expect(minutesDocument({ ...minutes, status: "OPEN" }).mark).toBe("DỰ THẢO");
  });
  it("tờ trình and danh sách; a revoked quyết định is marked", () => {
    const p = { schoolName: "Trường Tiểu học Sơn Thủy A", schoolAddress: null, unitName: "Công đoàn Giáo dục huyện Sơn Thủy", yearLabel: "2025–2026", title: "Hồ sơ", coverNote: "Kính đề nghị…", submittedAt: null, status: "DRAFT", principalName: "Hoàng Văn Minh", items: [{ nomineeName: "Lê Văn Tuấn", position: "Giáo viên", group: "Tổ CĐ Khối 1–2", titleCode: "LDTT", level: "SCHOOL" as const, vote: { agree: 5, baseCount: 5 } }] };
    expect(coverDocument(p).blocks[0]).toMatchObject({ text: "Kính gửi: Công đoàn Giáo dục huyện Sơn Thủy." });
    expect(JSON.stringify(listDocument(p).blocks)).toContain("Lao động tiên tiến (1)");
    const dec = { number: "88/QĐ-CĐGD", signedOn: "2026-06-20", signerName: "Phạm Quang Vinh", signerTitle: "Chủ tịch", issuerName: "Công đoàn Giáo dục huyện Sơn Thủy", yearLabel: "2025–2026", summary: null, revocation: null, awards: [{ recipientName: "Lê Văn Tuấn", schoolName: "TH Sơn Thủy A", titleCode: "LDTT", level: "Cơ sở" }] };
    expect(decisionDocument(dec).mark).toBeNull();
    expect(decisionDocument({ ...dec, revocation: { reason: "Hồ sơ sai", number: null, revokedOn: "2026-07-01" } }).mark).toBe("ĐÃ THU HỒI");
    expect(placeOf("Thôn Bắc, phường Hòa Bình, tỉnh X")).toBe("Hòa Bình");
  });
  it("the achievement report is drafted from grade, initiatives and earlier awards", () => {
    const text = draftAchievementReport(
      { memberId: "m", fullName: "Nguyễn Thị Thanh Tâm", grade: "HTXSNV", registered: true, absenceWorkingDays: 0, maternityLeaveDays: 0, employedFrom: "2001-09-01", disciplines: [], openCases: [], initiatives: [{ id: "i", title: "Rèn đọc hiểu", startYear: 2025, level: "SCHOOL", recognisedOn: "2026-04-20", decisionNumber: "25/QĐ-HĐSK", applied: true }], awards: [{ titleCode: "CSTDCS", startYear: 2024, revoked: false, decisionNumber: "245/QĐ-PGDĐT", decidedOn: "2025-06-25" }] },
      "CSTDCS",
      { startYear: 2025, label: "2025–2026", startsOn: "2025-09-05", endsOn: "2026-05-31" },
      "Giáo viên chủ nhiệm",
    );
    expect(text).toContain("Hoàn thành xuất sắc nhiệm vụ");
    expect(text).toContain('Sáng kiến "Rèn đọc hiểu"');
    expect(text).toContain("25/QĐ-HĐSK");
    expect(text).toContain("Năm học 2024–2025: Chiến sĩ thi đua cơ sở (Quyết định số 245/QĐ-PGDĐT ngày 25/06/2025)");
  });
});
