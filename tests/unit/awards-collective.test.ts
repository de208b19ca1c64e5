// DOMAIN.md §6 rules 7–11: collective titles, caps (with the 30 LĐTT → 4 CSTĐCS case and the
// refused 16% package), HTXSNV share, quotas; and the settings they read.
import { describe, expect, it } from "vitest";
import { cstdcsCap, cstdcsCapRule, evaluateTtLdtt, evaluateTtLdxs, htxsnvCap, htxsnvCapRule, quotaRule, type CollectiveMemberFacts, type PeriodInfo } from "@/lib/awards/rules";
import { DEFAULT_SETTING_ROWS, SETTING_KEYS, applyRatio, defaultSettings, meetsRatio, resolveSettings, withSettings } from "@/lib/awards/settings";

const Y2024: PeriodInfo = { startYear: 2024, label: "2024–2025", startsOn: "2024-09-05", endsOn: "2025-05-31" };
const s = defaultSettings("2025-05-25");

/** n members, the first `ldtt` LĐTT, the first `cstdcs` CSTĐCS, all HTTNV unless told. */
function unit(n: number, ldtt: number, cstdcs = 0, extra: Partial<CollectiveMemberFacts>[] = []): CollectiveMemberFacts[] {
  return Array.from({ length: n }, (_, i) => ({ memberId: `m${i}`, fullName: `Người ${i}`, grade: "HTTNV" as const, ldtt: i < ldtt, cstdcs: i < cstdcs, disciplines: [], ...(extra[i] ?? {}) }));
}

describe("rule 7: Tập thể lao động tiên tiến", () => {
  it("needs MORE than 50% LĐTT: 16/30 passes, 15/30 fails", () => {
    expect(evaluateTtLdtt(unit(30, 16), Y2024, s).eligible).toBe(true);
    const v = evaluateTtLdtt(unit(30, 15), Y2024, s);
    expect(v.eligible).toBe(false);
    expect(v.reasons[0]).toMatchObject({ rule: "ldtt-share", passed: false, detail: "15/30 thành viên đạt LĐTT (50%), cần trên 50%" });
  });
  it("no member disciplined at cảnh cáo or above; khiển trách does not block the collective", () => {
    const warned = unit(30, 25, 0, [{ disciplines: [{ level: "CANH_CAO", decidedOn: "2024-12-01", effectiveTo: null }] }]);
    const v = evaluateTtLdtt(warned, Y2024, s);
    expect(v.reasons[1]).toMatchObject({ rule: "no-member-disciplined", passed: false });
    expect(v.reasons[1].detail).toContain("Người 0");
    const reprimanded = unit(30, 25, 0, [{ disciplines: [{ level: "KHIEN_TRACH", decidedOn: "2024-12-01", effectiveTo: null }] }]);
    expect(evaluateTtLdtt(reprimanded, Y2024, s).eligible).toBe(true);
  });
});

describe("rule 8: Tập thể lao động xuất sắc", () => {
  it("at exactly 70% LĐTT passes, 69% fails", () => {
    expect(evaluateTtLdxs(unit(100, 70, 1), s).eligible).toBe(true);
    const v = evaluateTtLdxs(unit(100, 69, 1), s);
    expect(v.eligible).toBe(false);
    expect(v.reasons.find((r) => r.rule === "ldtt-share")!.detail).toBe("69/100 thành viên đạt LĐTT (69%), cần từ 70%");
  });
  it("needs 100% of members at HTNV or better", () => {
    const one = unit(30, 30, 2, [{ grade: "KHTNV" }]);
    expect(evaluateTtLdxs(one, s).reasons.find((r) => r.rule === "htnv-share")).toMatchObject({ passed: false });
    expect(evaluateTtLdxs(unit(30, 30, 2, [{ grade: "HTNV" }]), s).eligible).toBe(true);
  });
  it("needs at least one CSTĐCS", () => {
    expect(evaluateTtLdxs(unit(30, 30, 0), s).reasons.find((r) => r.rule === "has-cstdcs")).toMatchObject({ passed: false, detail: "0 cá nhân đạt CSTĐCS, cần từ 1" });
  });
});

describe("rule 9: CSTĐCS ≤ 15% of LĐTT, rounding as a setting", () => {
  it("30 LĐTT → at most 4 CSTĐCS (4.5 rounded down)", () => {
    expect(cstdcsCap(30, s)).toBe(4);
    expect(cstdcsCapRule(4, 30, s).passed).toBe(true);
    expect(cstdcsCapRule(5, 30, s).passed).toBe(false);
  });
  it("a 16% CSTĐCS package is refused with the reason", () => {
    const c = cstdcsCapRule(4, 25, s);
    expect(c.passed).toBe(false);
    expect(c.detail).toBe("Đề nghị 4 CSTĐCS trên 25 LĐTT (16%) vượt hạn mức 15%: tối đa 3 (làm tròn xuống)");
    expect(c.basis).toContain("15%");
  });
  it("the rounding rule is a setting: ROUND and CEIL give 5 for 30 LĐTT", () => {
    expect(cstdcsCap(30, withSettings(s, { "cap.cstdcsRounding": "ROUND" }))).toBe(5);
    expect(cstdcsCap(30, withSettings(s, { "cap.cstdcsRounding": "CEIL" }))).toBe(5);
    expect(cstdcsCap(6, s)).toBe(0);
  });
});

describe("rule 10: HTXSNV share", () => {
  it("≤ 20% of those graded HTTNV or better", () => {
    expect(htxsnvCap(36, s)).toBe(7);
    expect(htxsnvCapRule(7, 36, s).passed).toBe(true);
    expect(htxsnvCapRule(8, 36, s)).toMatchObject({ passed: false, rule: "htxsnv-cap" });
  });
});

describe("rule 11: upper-unit quotas", () => {
  it("counts earlier use; refuses past the quota; no quota → passes", () => {
    const q = { titleCode: "BK_TLD_CHUYEN_DE", max: 4, basis: "Hướng dẫn chuyên đề 2025", unitName: "LĐLĐ tỉnh Sơn Hà" };
    expect(quotaRule(q, 3, 1).passed).toBe(true);
    const over = quotaRule(q, 3, 2);
    expect(over.passed).toBe(false);
    expect(over.detail).toContain("5/4");
    expect(quotaRule(null, 10, 10).passed).toBe(true);
  });
});

describe("settings are rows with basis, source and validity", () => {
  it("every key has a default row with a basis and a source tag", () => {
    for (const key of SETTING_KEYS) {
      const row = DEFAULT_SETTING_ROWS.find((r) => r.key === key);
      expect(row, key).toBeDefined();
      expect(row!.basis.length, key).toBeGreaterThan(10);
      expect(["law", "old", "practice", "assumed"]).toContain(row!.source);
    }
  });
  it("an upper unit's override applies to its schools only, a school-year override beats a general one", () => {
    const rows = [
      ...DEFAULT_SETTING_ROWS,
      { key: "cap.cstdcsShare", value: { num: 20, den: 100 }, basis: "Hướng dẫn của CĐGD Sơn Thủy", source: "practice" as const, validFrom: "2024-09-01", validTo: null, organisationId: "org_a" },
      { key: "cap.cstdcsShare", value: { num: 10, den: 100 }, basis: "Năm học 2025–2026", source: "practice" as const, validFrom: "2024-09-01", validTo: null, organisationId: "org_a", schoolYearId: "sy_2025" },
    ];
    expect(resolveSettings(rows, { on: "2025-05-01", organisationIds: ["org_b"] })["cap.cstdcsShare"].value.num).toBe(15);
    const a = resolveSettings(rows, { on: "2025-05-01", organisationIds: ["org_a"] })["cap.cstdcsShare"];
    expect(a).toMatchObject({ value: { num: 20 }, origin: "unit", basis: "Hướng dẫn của CĐGD Sơn Thủy" });
    expect(resolveSettings(rows, { on: "2025-05-01", organisationIds: ["org_a"], schoolYearId: "sy_2025" })["cap.cstdcsShare"].value.num).toBe(10);
  });
  it("rows outside their validity dates and malformed values are ignored", () => {
    const rows = [
      ...DEFAULT_SETTING_ROWS,
      { key: "ldtt.maxAbsenceDays", value: 30, basis: "Hết hiệu lực", source: "old" as const, validFrom: "2020-01-01", validTo: "2023-12-31", organisationId: "org_a" },
      { key: "ldtt.minMonthsEmployed", value: "mười", basis: "Sai", source: "assumed" as const, validFrom: "2020-01-01", validTo: null, organisationId: "org_a" },
    ];
    const r = resolveSettings(rows, { on: "2025-05-01", organisationIds: ["org_a"] });
    expect(r["ldtt.maxAbsenceDays"].value).toBe(40);
    expect(r["ldtt.minMonthsEmployed"].value).toBe(10);
  });
  it("ratios are exact: 20 of 30 meets 2/3", () => {
    expect(meetsRatio(20, 30, { num: 2, den: 3 })).toBe(true);
    expect(meetsRatio(19, 30, { num: 2, den: 3 })).toBe(false);
    expect(applyRatio(30, { num: 15, den: 100 }, "FLOOR")).toBe(4);
  });
});
