// Totals, floors, deductions, bonus, disqualifiers and classification, built from DOMAIN.md §4's
// examples: the 100-point scale (ethics 15, discipline 15, professional rules 15, teaching
// quality 25, homeroom 10, self-study 10, movements 10), bonus ≤ 10, −5 per unexcused absence
// day, −2 per late, Xuất sắc ≥ 90 with every group ≥ 70 %, Tốt 80–89, Khá 65–79, below: Không
// xếp loại; disqualifiers; and the "750, deduct monthly" shape with A+/A/B/C.
import { describe, expect, it } from "vitest";
import { aggregatePeriods, computeStage, validateStageData, type StageData } from "@/lib/scoring/rules";
import { TEMPLATE_100, TEMPLATE_750 } from "@/lib/scoring/templates";
import { allCriteria, checkScale, criteriaMax, parseScale, type ScaleDefinition } from "@/lib/scoring/scale";
import { formatPoints, parsePoints, tenths } from "@/lib/scoring/points";

const S = TEMPLATE_100;

/** Every criterion at its max, then overrides (points in whole/decimal points, not tenths). */
function sheet(overrides: Record<string, number | "NA" | "EXEMPT" | null> = {}, extra: Partial<StageData> = {}): StageData {
  const entries: StageData["entries"] = {};
  for (const c of allCriteria(S)) {
    const o = overrides[c.key];
    if (o === null) continue; // not entered
    if (o === "NA") entries[c.key] = { state: "NOT_APPLICABLE" };
    else if (o === "EXEMPT") entries[c.key] = { state: "EXEMPT" };
    else entries[c.key] = { state: "SCORED", points: o === undefined ? c.max : tenths(o) };
  }
  return { entries, deductions: [], bonus: {}, disqualifiers: [], ...extra };
}

describe("the 100-point template is a valid scale", () => {
  it("has 7 groups of 15/15/15/25/10/10/10 = 100, bonus cap 10, and passes every check", () => {
    expect(S.groups.map((g) => g.max / 10)).toEqual([15, 15, 15, 25, 10, 10, 10]);
    expect(criteriaMax(S)).toBe(1000);
    expect(S.bonusCap).toBe(100);
    expect(checkScale(S)).toEqual([]);
    expect(parseScale(JSON.parse(JSON.stringify(S))).ok).toBe(true);
    expect(checkScale(TEMPLATE_750)).toEqual([]);
  });
});

describe("totals and classification", () => {
  it("full marks: 100 → Xuất sắc", () => {
    const r = computeStage(S, sheet());
    expect(r.complete).toBe(true);
    expect(r.total).toBe(1000);
    expect(r.classification?.label).toBe("Xuất sắc");
  });

  it("band edges: 90 Xuất sắc, 89,5 and 80 Tốt, 79,5 and 65 Khá, 64,5 Không xếp loại", () => {
    const at = (o: Record<string, number>) => computeStage(S, sheet(o));
    const ninety = at({ dd_phap_luat: 3, kl_noi_quy: 3, qc_ho_so: 3, cl_ket_qua: 8, cn_lop: 3 });
    expect(ninety.total).toBe(900);
    expect(ninety.classification?.label).toBe("Xuất sắc");
    const r895 = at({ cl_ket_qua: 8, cl_gio_day: 7.5, dd_phap_luat: 3, kl_noi_quy: 3, qc_ho_so: 3 });
    expect([r895.total, r895.classification?.label]).toEqual([895, "Tốt"]);
    const r80 = at({ cl_gio_day: 5, cl_ket_qua: 7.5, dd_phap_luat: 1, kl_noi_quy: 1, qc_ho_so: 0.5 });
    expect([r80.total, r80.classification?.label]).toEqual([800, "Tốt"]);
    const r795 = at({ cl_gio_day: 5, cl_ket_qua: 7.5, dd_phap_luat: 1, kl_noi_quy: 1, qc_ho_so: 0 });
    expect([r795.total, r795.classification?.label]).toEqual([795, "Khá"]);
    const r65 = at({ cl_gio_day: 0, cl_ket_qua: 0, cl_doi_moi: 0, th_boi_duong: 0, th_sang_kien: 0 });
    expect([r65.total, r65.classification?.label]).toEqual([650, "Khá"]);
    const low = at({ cl_gio_day: 0, cl_ket_qua: 0, cl_doi_moi: 0, th_boi_duong: 0, th_sang_kien: 0, pt_thi_dua: 4.5 });
    expect(low.total).toBe(645);
    expect(low.classification).toMatchObject({ key: null, label: "Không xếp loại" });
    expect(low.classification?.reasons.at(-1)?.rule).toBe("below-bands");
  });

  it("90 points with a whole group at 0 is Tốt, not Xuất sắc", () => {
    const r = computeStage(S, sheet({ pt_thi_dua: 0, pt_cong_doan: 0 }));
    expect(r.total).toBe(900);
    expect(r.classification?.label).toBe("Tốt");
    expect(r.classification?.reasons[0].rule).toBe("group-floor:phong_trao");
  });

  it("a group below 70 % of its max blocks Xuất sắc and says which group", () => {
    // Teaching quality 17/25 = 68 %; total 92.
    const r = computeStage(S, sheet({ cl_gio_day: 5, cl_ket_qua: 7 }));
    expect(r.total).toBe(920);
    expect(r.classification?.label).toBe("Tốt");
    const floor = r.classification!.reasons.find((x) => x.rule === "group-floor:chat_luong");
    expect(floor?.message).toContain("Chất lượng giảng dạy");
    expect(floor?.message).toContain("70%");
    // 17,5/25 = 70 % exactly is enough.
    const ok = computeStage(S, sheet({ cl_gio_day: 5.5, cl_ket_qua: 7 }));
    expect(ok.classification?.label).toBe("Xuất sắc");
  });

  it("bonus items add up to the cap of 10 and no more", () => {
    const r = computeStage(S, sheet({ cl_ket_qua: 0 }, { bonus: { gv_gioi: 50, hs_giai: 50, xa_hoi: 30 } }));
    expect(r.bonusTotal).toBe(130);
    expect(r.bonusCapped).toBe(100);
    expect(r.total).toBe(1000);
  });

  it("deductions: −5 per unexcused absence day, −2 per late; each needs a reason", () => {
    const data = sheet({ cl_ket_qua: 5 }, {
      deductions: [
        { key: "vang_khong_phep", count: 2, reason: "Nghỉ không phép 12/11 và 13/11" },
        { key: "di_muon", count: 3, reason: "Sổ trực ghi đi muộn 3 lần" },
      ],
    });
    const r = computeStage(S, data);
    expect(r.deductionTotal).toBe(160);
    expect(r.total).toBe(950 - 160);
    expect(r.classification?.label).toBe("Khá");
    expect(validateStageData(S, data)).toEqual([]);
    const noReason = { ...data, deductions: [{ key: "di_muon", count: 1, reason: "  " }] };
    expect(validateStageData(S, noReason)[0].message).toContain("lý do");
  });

  it("a deduction tied to a group comes off that group (never below 0) and counts for its floor", () => {
    const scale: ScaleDefinition = { ...S, deductions: [...S.deductions, { key: "vang_hop", name: "Vắng họp", points: 100, groupKey: "ky_luat" }] };
    const r = computeStage(scale, sheet({}, { deductions: [{ key: "vang_hop", count: 2, reason: "Vắng họp hội đồng" }] }));
    const g = r.groups.find((x) => x.key === "ky_luat")!;
    expect(g.score).toBe(0);
    expect(g.deducted).toBe(150);
    expect(r.total).toBe(850);
    expect(r.classification?.label).toBe("Tốt");
  });

  it("a disqualifier forces Không xếp loại whatever the points, with its reason", () => {
    const r = computeStage(S, sheet({}, { disqualifiers: [{ key: "day_them", reason: "Dạy thêm trái quy định, biên bản 05/3" }] }));
    expect(r.total).toBe(1000);
    expect(r.classification).toMatchObject({ key: null, label: "Không xếp loại" });
    expect(r.classification?.reasons[0]).toMatchObject({ rule: "disqualified:day_them" });
    expect(r.classification?.reasons[0].message).toContain("biên bản 05/3");
  });
});

describe("entry states are never confused", () => {
  it("not entered is not 0: the sheet is incomplete and has no classification", () => {
    const missing = computeStage(S, sheet({ cl_ket_qua: null }));
    expect(missing.complete).toBe(false);
    expect(missing.missing).toEqual(["cl_ket_qua"]);
    expect(missing.classification).toBeNull();
    const zero = computeStage(S, sheet({ cl_ket_qua: 0 }));
    expect(zero.complete).toBe(true);
    expect(zero.total).toBe(900);
    expect(zero.classification).not.toBeNull();
    expect(computeStage(S, null)).toMatchObject({ complete: false, classification: null });
  });

  it("not applicable leaves the max and the total is rescaled to 100 (RESCALE)", () => {
    // A subject teacher without a homeroom class: 81/90 → 90/100.
    const r = computeStage(S, sheet({ cn_lop: "NA", cn_phu_huynh: "NA", dd_phap_luat: 2, kl_noi_quy: 2, qc_ho_so: 2 }));
    expect(r.applicableMax).toBe(900);
    expect(r.criteriaScore).toBe(810);
    expect(r.total).toBe(900);
    // The homeroom group has nothing applicable: its floor is not checked.
    expect(r.classification?.label).toBe("Xuất sắc");
  });

  it("exempt counts at its max (FULL_CREDIT), unlike not applicable", () => {
    const exempt = computeStage(S, sheet({ cl_gio_day: "EXEMPT", cl_ket_qua: 0 }));
    expect(exempt.applicableMax).toBe(1000);
    expect(exempt.total).toBe(900);
    const na = computeStage(S, sheet({ cl_gio_day: "NA", cl_ket_qua: 0 }));
    expect(na.applicableMax).toBe(900);
    expect(na.total).toBe(Math.round((800 * 1000) / 900)); // 88,9
    expect(formatPoints(na.total)).toBe("88,9");
  });

  it("the policies are settings of the scale", () => {
    const rescaleExempt: ScaleDefinition = { ...S, exempt: "RESCALE" };
    const r = computeStage(rescaleExempt, sheet({ cl_gio_day: "EXEMPT", cl_ket_qua: 0 }));
    expect(r.applicableMax).toBe(900);
    const fullNa: ScaleDefinition = { ...S, notApplicable: "FULL_CREDIT" };
    expect(computeStage(fullNa, sheet({ cn_lop: "NA", cn_phu_huynh: "NA" })).total).toBe(1000);
  });

  it("nothing applicable at all is not ranked", () => {
    const all = Object.fromEntries(allCriteria(S).map((c) => [c.key, "NA" as const]));
    const r = computeStage(S, sheet(all));
    expect(r.classification).toMatchObject({ key: null, reasons: [{ rule: "nothing-applicable" }] });
  });
});

describe("scores outside [0, max] and unknown items are refused", () => {
  it("refuses above max, below 0, more than one decimal, unknown keys, points on N/A", () => {
    const bad = (entries: StageData["entries"]) => validateStageData(S, { entries, deductions: [], bonus: {}, disqualifiers: [] });
    expect(bad({ cl_gio_day: { state: "SCORED", points: 101 } })[0].message).toContain("từ 0 đến 10");
    expect(bad({ cl_gio_day: { state: "SCORED", points: -1 } })).toHaveLength(1);
    expect(bad({ cl_gio_day: { state: "SCORED", points: 7.25 } })).toHaveLength(1);
    expect(bad({ cl_gio_day: { state: "SCORED" } })).toHaveLength(1);
    expect(bad({ khong_co: { state: "SCORED", points: 1 } })[0].message).toContain("không có trong biểu điểm");
    expect(bad({ cn_lop: { state: "NOT_APPLICABLE", points: 5 } })).toHaveLength(1);
    expect(bad({ cl_gio_day: { state: "SCORED", points: 100 }, cn_lop: { state: "EXEMPT" } })).toEqual([]);
  });

  it("refuses bonus above an item's max, unknown disqualifiers and disqualifiers without a reason", () => {
    const v = (extra: Partial<StageData>) => validateStageData(S, { entries: {}, deductions: [], bonus: {}, disqualifiers: [], ...extra });
    expect(v({ bonus: { xa_hoi: 31 } })).toHaveLength(1);
    expect(v({ bonus: { xa_hoi: 30 } })).toEqual([]);
    expect(v({ disqualifiers: [{ key: "ky_luat", reason: "" }] })).toHaveLength(1);
    expect(v({ disqualifiers: [{ key: "khac", reason: "x" }] })).toHaveLength(1);
    expect(v({ deductions: [{ key: "di_muon", count: 0, reason: "x" }] })).toHaveLength(1);
    expect(v({ deductions: [{ key: "di_muon", count: 1, reason: "x" }, { key: "di_muon", count: 1, reason: "y" }] })).toHaveLength(1);
  });
});

describe("Đạt / Không đạt criteria", () => {
  const pf: ScaleDefinition = {
    ...S,
    groups: [...S.groups, { key: "dieu_kien", name: "Điều kiện", max: 0, criteria: [{ key: "dk_hoso", name: "Hồ sơ đầy đủ", max: 0, evidenceRequired: false, type: "PASS_FAIL" }] }],
    bands: S.bands.map((b) => (b.key === "xuat_sac" ? { ...b, requireAllPass: true } : b)),
  };
  it("a fail adds no points but blocks a band that requires every pass", () => {
    const base = sheet();
    const pass = computeStage(pf, { ...base, entries: { ...base.entries, dk_hoso: { state: "SCORED", pass: true } } });
    expect(pass.classification?.label).toBe("Xuất sắc");
    const fail = computeStage(pf, { ...base, entries: { ...base.entries, dk_hoso: { state: "SCORED", pass: false } } });
    expect(fail.total).toBe(1000);
    expect(fail.classification?.label).toBe("Tốt");
    expect(checkScale(pf)).toEqual([]);
    expect(validateStageData(pf, { ...base, entries: { dk_hoso: { state: "SCORED" } } })).toHaveLength(1);
  });
});

describe("start at 750 and deduct monthly; ranks A+/A/B/C", () => {
  const T = TEMPLATE_750;
  const month = (deductions: StageData["deductions"], bonus: StageData["bonus"] = {}): StageData => ({ entries: {}, deductions, bonus, disqualifiers: [] });
  it("one month: 750 − 2 lates (5 each) − 1 absence (20) = 720 → A", () => {
    const r = computeStage(T, month([{ key: "di_muon", count: 2, reason: "Sổ trực" }, { key: "vang_khong_phep", count: 1, reason: "Vắng 1 buổi" }]));
    expect(r.total).toBe(7200);
    expect(r.classification?.label).toBe("A");
    expect(computeStage(T, month([])).classification?.label).toBe("A+");
  });
  it("the year sums every month's deductions from one start", () => {
    const months = [
      computeStage(T, month([{ key: "di_muon", count: 2, reason: "x" }])),
      computeStage(T, month([{ key: "vang_khong_phep", count: 3, reason: "x" }])),
      computeStage(T, month([{ key: "vi_pham_chuyen_mon", count: 1, reason: "x" }], { thanh_tich: 100 })),
    ];
    const year = aggregatePeriods(T, months)!;
    expect(year.total).toBe(7500 - 100 - 600 - 200 + 100);
    expect(year.classification?.label).toBe("B");
  });
});

describe("aggregating periods of an additive scale", () => {
  it("AVERAGE of two semesters, rounded to a tenth; incomplete if one is", () => {
    const s1 = computeStage(S, sheet({ cl_ket_qua: 0 }));
    const s2 = computeStage(S, sheet({ cl_ket_qua: 5 }));
    const year = aggregatePeriods(S, [s1, s2])!;
    expect(year.total).toBe(925);
    expect(year.classification?.label).toBe("Xuất sắc");
    expect(aggregatePeriods({ ...S, aggregation: "LAST" }, [s1, s2])!.total).toBe(950);
    expect(aggregatePeriods(S, [s1, computeStage(S, sheet({ cl_ket_qua: null }))])!.classification).toBeNull();
    expect(aggregatePeriods(S, [])).toBeNull();
  });
});

describe("scale structure checks", () => {
  it("names a group whose criteria do not add up to its max, duplicate keys, bands out of order", () => {
    const broken: ScaleDefinition = {
      ...S,
      groups: [{ ...S.groups[0], max: 200 }, { ...S.groups[1], key: S.groups[0].key }],
      bands: [S.bands[1], S.bands[0]],
    };
    const problems = checkScale(broken).map((p) => p.message).join("\n");
    expect(problems).toContain("khác điểm tối đa của nhóm");
    expect(problems).toContain("bị trùng");
    expect(problems).toContain("từ cao xuống thấp");
  });
  it("parseScale refuses unknown fields and non-integer tenths", () => {
    expect(parseScale({ ...S, extra: 1 }).ok).toBe(false);
    expect(parseScale({ ...S, bonusCap: 10.5 }).ok).toBe(false);
  });
});

describe("points", () => {
  it("parses and formats tenths the Vietnamese way", () => {
    expect(parsePoints("7,5")).toBe(75);
    expect(parsePoints("7.5")).toBe(75);
    expect(parsePoints(" 10 ")).toBe(100);
    expect(parsePoints("7,25")).toBeNull();
    expect(parsePoints("-1")).toBeNull();
    expect(parsePoints("abc")).toBeNull();
    expect(formatPoints(75)).toBe("7,5");
    expect(formatPoints(80)).toBe("8");
    expect(formatPoints(null)).toBe("");
  });
});
