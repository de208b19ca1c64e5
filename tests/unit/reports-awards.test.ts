import { describe, expect, it } from "vitest";
import { awardsSummary, buildAwardsTable, buildStatForm, isLeaderPosition, issuerLevel, type AwardGroupRow } from "../../lib/reports/awards-rules";
import { buildMovementRows, buildTitleRows } from "../../lib/reports/school-rules";
import { reportDocument } from "../../lib/reports/document";
import { cellText } from "../../lib/reports/table";

const row = (o: Partial<AwardGroupRow>): AwardGroupRow => ({ titleCode: "GK_CD_CAP_TREN", level: "DIRECT_UPPER", subject: "MEMBER", side: "UNION", orgType: "CONG_DOAN_NGANH_GD", directUpper: true, gender: "NAM", position: "Giáo viên", n: 1, ...o });

describe("issuerLevel", () => {
  it("puts each decision at the level federations count", () => {
    expect(issuerLevel(row({ side: "STATE", level: "SCHOOL", orgType: "UBND_XA" }))).toBe("NHA_NUOC");
    expect(issuerLevel(row({ level: "NATIONAL", orgType: "LIEN_DOAN_LAO_DONG", directUpper: false }))).toBe("TLD");
    expect(issuerLevel(row({ level: "SCHOOL" }))).toBe("CDCS");
    expect(issuerLevel(row({}))).toBe("CAP_TREN");
    expect(issuerLevel(row({ level: "PROVINCE", orgType: "LIEN_DOAN_LAO_DONG", directUpper: false }))).toBe("LDLD");
    expect(issuerLevel(row({ level: "PROVINCE", orgType: "CONG_DOAN_NGANH_GD", directUpper: false }))).toBe("NGANH");
  });
});

describe("isLeaderPosition", () => {
  it("counts the school's leadership as leaders, everyone else as working directly", () => {
    for (const p of ["Hiệu trưởng", "Phó hiệu trưởng", "PHÓ HIỆU TRƯỞNG", "Phó Giám đốc"]) expect(isLeaderPosition(p), p).toBe(true);
    for (const p of ["Tổ trưởng chuyên môn", "Giáo viên", "Kế toán", "Giáo viên chủ nhiệm", "", null]) expect(isLeaderPosition(p), String(p)).toBe(false);
  });
});

describe("buildAwardsTable and awardsSummary", () => {
  const rows = [
    row({ n: 90, gender: "NU" }),
    row({ n: 4, position: "Phó hiệu trưởng" }),
    row({ n: 2, position: "Hiệu trưởng", gender: "NU" }),
    row({ subject: "UNION_GROUP", gender: null, position: null, n: 46 }),
    row({ titleCode: "LDTT", level: "SCHOOL", side: "STATE", orgType: "UBND_XA", directUpper: false, n: 120, gender: "NU" }),
    row({ titleCode: "BK_LDLD_TINH", level: "PROVINCE", orgType: "LIEN_DOAN_LAO_DONG", directUpper: false, n: 1, position: "Hiệu trưởng" }),
  ];
  const table = buildAwardsTable(rows);

  it("counts collectives, individuals, leaders, people working directly and women per form and level", () => {
    const gk = table.forms.find((f) => f.form === "GK")!;
    expect(gk).toMatchObject({ collectives: 46, individuals: 96, leaders: 6, direct: 90, women: 92 });
    expect(gk.lines.map((l) => l.level)).toEqual(["CAP_TREN"]);
    expect(table.total).toEqual({ collectives: 46, individuals: 217, leaders: 7, direct: 210, women: 212 });
    expect(table.forms.map((f) => f.form)).toEqual(["LDTT", "BK", "GK"]);
    expect(table.byLevel.find((l) => l.level === "NHA_NUOC")!.individuals).toBe(120);
  });

  it("writes the federations' sentence", () => {
    expect(awardsSummary("Công đoàn Giáo dục huyện Sơn Thủy", "Năm học 2025–2026", table)).toBe(
      "Năm học 2025–2026, Công đoàn Giáo dục huyện Sơn Thủy và các đơn vị trực thuộc có 120 cá nhân được công nhận danh hiệu Lao động tiên tiến; 1 cá nhân được tặng Bằng khen; 46 tập thể và 96 cá nhân được tặng Giấy khen.",
    );
    expect(awardsSummary("Công đoàn X", "Năm 2026", buildAwardsTable([]))).toBe("Năm 2026, Công đoàn X và các đơn vị trực thuộc chưa có tập thể, cá nhân nào được khen thưởng.");
    expect(awardsSummary("CĐ", "Năm 2026", buildAwardsTable([row({ n: 1234 })]))).toContain("1.234 cá nhân được tặng Giấy khen");
  });

  it("lays the statistical form out by form, with the movements and a total", () => {
    const f = buildStatForm(table, 7);
    expect(f.movements).toBe(7);
    expect(f.titles.find((t) => t.label === "Lao động tiên tiến")).toMatchObject({ total: 120, individuals: 120 });
    expect(f.forms.find((t) => t.label === "Giấy khen")).toMatchObject({ total: 142, collectives: 46, leaders: 6, direct: 90 });
    expect(f.total).toMatchObject({ total: 263, collectives: 46, individuals: 217 });
  });
});

describe("per-school rows", () => {
  it("computes title shares of members and the women's share; empty bases are null", () => {
    const { schools, total } = buildTitleRows(
      [{ id: "a", name: "A" }, { id: "b", name: "B" }],
      [
        { schoolId: "a", titleCode: "LDTT", subject: "MEMBER", gender: "NU", n: 6 },
        { schoolId: "a", titleCode: "LDTT", subject: "MEMBER", gender: "NAM", n: 2 },
        { schoolId: "a", titleCode: "CSTDCS", subject: "MEMBER", gender: "NU", n: 1 },
        { schoolId: "a", titleCode: "GK_CD_CAP_TREN", subject: "MEMBER", gender: "NU", n: 5 },
        { schoolId: "a", titleCode: "TT_LDTT", subject: "UNION_GROUP", gender: null, n: 2 },
      ],
      [{ schoolId: "a", members: 10 }],
      [{ schoolId: "a", level: "SCHOOL", n: 3 }, { schoolId: "b", level: "PROVINCE", n: 1 }],
    );
    expect(schools[0]).toMatchObject({ ldtt: 8, ldttShare: 0.8, cstdcs: 1, cstdcsShare: 0.1, collectiveTitles: 2, individualTitles: 9, womenTitles: 7 });
    expect(schools[0].womenShare).toBeCloseTo(7 / 9);
    expect(schools[1]).toMatchObject({ members: 0, ldttShare: null, womenShare: null, initiatives: { PROVINCE: 1 } });
    expect(total).toMatchObject({ members: 10, ldtt: 8, initiatives: { SCHOOL: 3, PROVINCE: 1 } });
  });

  it("computes registration and scoring rates", () => {
    const { schools, total } = buildMovementRows([{ id: "a", name: "A" }, { id: "b", name: "B" }], {
      campaigns: [{ schoolId: "a", n: 2 }],
      registered: [{ schoolId: "a", n: 3 }],
      members: [{ schoolId: "a", n: 4 }, { schoolId: "b", n: 6 }],
      sheets: [{ schoolId: "a", sheets: 8, done: 2 }],
    });
    expect(schools[0]).toMatchObject({ campaigns: 2, registrationRate: 0.75, scoringRate: 0.25 });
    expect(schools[1]).toMatchObject({ campaigns: 0, registrationRate: 0, scoringRate: null });
    expect(total).toMatchObject({ members: 10, registered: 3, registrationRate: 0.3, sheets: 8, sheetsDone: 2 });
  });
});

describe("print and screen share the rows", () => {
  it("prints every cell as the screen shows it", () => {
    const doc = reportDocument(
      { title: "T", unit: { name: "Công đoàn Giáo dục huyện Sơn Thủy", place: null, parentName: "LĐLĐ tỉnh Sơn Hà" }, period: { label: "Năm 2026" }, summary: "S", notes: ["N"], tables: [{ title: "B", columns: [{ header: "a", width: 1 }, { header: "b", width: 1 }, { header: "c", width: 2 }], rows: [["x", 1234, { pct: 0.5556 }], ["y", 0, { pct: null }]] }] },
      new Date(Date.UTC(2026, 11, 2)),
    );
    const t = doc.blocks.find((b) => b.type === "table");
    expect(t && t.type === "table" && t.rows).toEqual([["x", "1.234", "55,6%"], ["y", "0", "—"]]);
    expect(cellText({ pct: 1 })).toBe("100%");
    expect(doc.title).toBe("T – Năm 2026");
  });
});
