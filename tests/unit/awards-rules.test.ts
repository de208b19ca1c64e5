// DOMAIN.md §6 rules 1–6, with DOMAIN.md's own cases (maternity leave, recruited in March,
// 3 consecutive CSTĐCS, Bằng khen of the Confederation, open complaints, one achievement one award).
import { describe, expect, it } from "vitest";
import {
  evaluateCstdcs,
  evaluateLdtt,
  evaluateMember,
  evaluateProposal,
  oneAchievementRule,
  summarise,
  wholeMonths,
  type MemberFacts,
  type PeriodInfo,
  type Verdict,
} from "@/lib/awards/rules";
import { defaultSettings, withSettings } from "@/lib/awards/settings";

const Y2024: PeriodInfo = { startYear: 2024, label: "2024–2025", startsOn: "2024-09-05", endsOn: "2025-05-31" };
const s = defaultSettings("2025-05-25");
const asOf = "2025-05-25";

function member(over: Partial<MemberFacts> = {}): MemberFacts {
  return {
    memberId: "m1",
    fullName: "Lê Văn Tuấn",
    gender: "NAM",
    grade: "HTTNV",
    registered: true,
    absenceWorkingDays: 2,
    maternityLeaveDays: 0,
    employedFrom: "2013-09-01",
    disciplines: [],
    openCases: [],
    initiatives: [],
    awards: [],
    ...over,
  };
}

const reason = (v: Verdict, rule: string) => v.reasons.find((r) => r.rule === rule)!;
const recognised = (id: string, startYear = 2024, applied = true) => ({ id, title: `Sáng kiến ${id}`, startYear, level: "SCHOOL" as const, recognisedOn: `${startYear + 1}-04-10`, decisionNumber: `${id}/QĐ-HĐSK`, applied });

describe("rule 1: Lao động tiên tiến", () => {
  it("an ordinary member with HTTNV, registered, no discipline, few absences is LĐTT", () => {
    const v = evaluateLdtt(member(), Y2024, s, { asOf });
    expect(v).toMatchObject({ title: "LDTT", eligible: true });
    expect(v.reasons.map((r) => r.rule)).toEqual(["grade-at-least", "registered", "no-discipline", "absence-limit", "months-employed", "no-open-case"]);
    expect(v.reasons.every((r) => r.basis.length > 10)).toBe(true);
  });

  it("needs a grade of HTTNV or better: HTNV fails with the data", () => {
    const v = evaluateLdtt(member({ grade: "HTNV" }), Y2024, s, { asOf });
    expect(v.eligible).toBe(false);
    expect(reason(v, "grade-at-least")).toMatchObject({ passed: false, data: { grade: "HTNV", min: "HTTNV" } });
    expect(evaluateLdtt(member({ grade: "HTXSNV" }), Y2024, s, { asOf }).eligible).toBe(true);
    expect(evaluateLdtt(member({ grade: null }), Y2024, s, { asOf }).eligible).toBe(false);
  });

  it("needs registration (unless the setting drops it)", () => {
    expect(reason(evaluateLdtt(member({ registered: false }), Y2024, s, { asOf }), "registered")).toMatchObject({ passed: false, detail: "Chưa đăng ký thi đua" });
    const relaxed = withSettings(s, { "ldtt.requireRegistration": false });
    expect(evaluateLdtt(member({ registered: false }), Y2024, relaxed, { asOf }).eligible).toBe(true);
  });

  it("says where the registration comes from: a campaign (named) or the chair's tick", () => {
    expect(reason(evaluateLdtt(member(), Y2024, s, { asOf }), "registered")).toMatchObject({ passed: true, detail: "Đã đăng ký (đánh dấu của chủ tịch)" });
    const viaCampaign = member({ registered: false, registeredIn: ["Dạy tốt – Học tốt 2024–2025", "Giỏi việc trường – Đảm việc nhà"] });
    expect(reason(evaluateLdtt(viaCampaign, Y2024, s, { asOf }), "registered")).toMatchObject({
      passed: true,
      detail: "Đã đăng ký thi đua (phong trào Dạy tốt – Học tốt 2024–2025; Giỏi việc trường – Đảm việc nhà)",
      data: { registered: true, campaigns: ["Dạy tốt – Học tốt 2024–2025", "Giỏi việc trường – Đảm việc nhà"] },
    });
    expect(evaluateLdtt(viaCampaign, Y2024, s, { asOf }).eligible).toBe(true);
    expect(reason(evaluateLdtt(member({ registeredIn: [] }), Y2024, s, { asOf }), "registered").detail).toBe("Đã đăng ký (đánh dấu của chủ tịch)");
  });

  it("a discipline with effect in the period blocks; one that ended before does not", () => {
    const inPeriod = member({ disciplines: [{ level: "KHIEN_TRACH", decidedOn: "2024-11-02", effectiveTo: null }] });
    expect(reason(evaluateLdtt(inPeriod, Y2024, s, { asOf }), "no-discipline")).toMatchObject({ passed: false, detail: "Bị kỷ luật khiển trách ngày 02/11/2024 trong kỳ" });
    const old = member({ disciplines: [{ level: "CANH_CAO", decidedOn: "2022-03-01", effectiveTo: null }] });
    expect(evaluateLdtt(old, Y2024, s, { asOf }).eligible).toBe(true);
    // Decided in the previous year, still in effect (12 months) when the period opens.
    const carried = member({ disciplines: [{ level: "KHIEN_TRACH", decidedOn: "2024-03-01", effectiveTo: null }] });
    expect(evaluateLdtt(carried, Y2024, s, { asOf }).eligible).toBe(false);
  });

  it("absent 39 working days passes, 40 fails (must be fewer than 40)", () => {
    expect(evaluateLdtt(member({ absenceWorkingDays: 39 }), Y2024, s, { asOf }).eligible).toBe(true);
    const v = evaluateLdtt(member({ absenceWorkingDays: 40 }), Y2024, s, { asOf });
    expect(reason(v, "absence-limit")).toMatchObject({ passed: false, detail: "Nghỉ 40 ngày làm việc (không dưới 40)" });
  });

  it("the maternity-leave member stays eligible: maternity days are not counted", () => {
    const thaiSan = member({ fullName: "Phạm Thị Hạnh", gender: "NU", absenceWorkingDays: 3, maternityLeaveDays: 120 });
    const v = evaluateLdtt(thaiSan, Y2024, s, { asOf });
    expect(v.eligible).toBe(true);
    expect(reason(v, "absence-limit").detail).toBe("Nghỉ 3 ngày làm việc (dưới 40); nghỉ thai sản 120 ngày không tính");
    // With the exception switched off by an upper unit, the same member fails.
    const strict = withSettings(s, { "ldtt.maternityExempt": false });
    expect(evaluateLdtt(thaiSan, Y2024, strict, { asOf }).eligible).toBe(false);
  });

  it("the member recruited in March is not eligible (under 10 months)", () => {
    const v = evaluateLdtt(member({ employedFrom: "2025-03-03" }), Y2024, s, { asOf });
    expect(v.eligible).toBe(false);
    expect(reason(v, "months-employed")).toMatchObject({ passed: false, data: { months: 2, min: 10 } });
    expect(summarise(v)).toContain("Công tác 2 tháng");
  });

  it("recruited 1 August counts 10 months by 31 May (the summer is employment)", () => {
    expect(wholeMonths("2024-08-01", "2025-05-31")).toBe(10);
    expect(evaluateLdtt(member({ employedFrom: "2024-08-01" }), Y2024, s, { asOf }).eligible).toBe(true);
    expect(evaluateLdtt(member({ employedFrom: "2024-08-02" }), Y2024, s, { asOf }).eligible).toBe(false);
  });
});

describe("rule 2: Chiến sĩ thi đua cơ sở", () => {
  it("needs LĐTT plus an initiative recognised AND applied in the period", () => {
    const none = evaluateCstdcs(member(), Y2024, s, { asOf });
    expect(none.eligible).toBe(false);
    expect(reason(none, "needs-initiative").passed).toBe(false);

    const notApplied = evaluateCstdcs(member({ initiatives: [recognised("sk1", 2024, false)] }), Y2024, s, { asOf });
    expect(reason(notApplied, "needs-initiative")).toMatchObject({ passed: false });
    expect(reason(notApplied, "needs-initiative").detail).toContain("chưa được áp dụng");

    const lastYear = evaluateCstdcs(member({ initiatives: [recognised("sk0", 2023)] }), Y2024, s, { asOf });
    expect(lastYear.eligible).toBe(false);

    const ok = evaluateCstdcs(member({ initiatives: [recognised("sk1")] }), Y2024, s, { asOf });
    expect(ok).toMatchObject({ title: "CSTDCS", eligible: true });
    expect(reason(ok, "needs-initiative").detail).toContain("sk1/QĐ-HĐSK");
  });

  it("an unrecognised initiative does not count", () => {
    const v = evaluateCstdcs(member({ initiatives: [{ ...recognised("sk2"), recognisedOn: null }] }), Y2024, s, { asOf });
    expect(reason(v, "needs-initiative").detail).toContain("chưa được công nhận");
  });

  it("fails when not LĐTT, naming why", () => {
    const v = evaluateCstdcs(member({ grade: "HTNV", initiatives: [recognised("sk1")] }), Y2024, s, { asOf });
    expect(reason(v, "is-ldtt")).toMatchObject({ passed: false });
    expect(reason(v, "is-ldtt").detail).toContain("Hoàn thành nhiệm vụ");
  });

  it("HTXSNV is required only when the school's setting says so [practice]", () => {
    const f = member({ grade: "HTTNV", initiatives: [recognised("sk1")] });
    expect(evaluateCstdcs(f, Y2024, s, { asOf }).eligible).toBe(true);
    expect(evaluateCstdcs(f, Y2024, withSettings(s, { "cstdcs.requireHtxsnv": true }), { asOf }).eligible).toBe(false);
  });
});

describe("rule 3: chains to higher titles (flags only)", () => {
  const cstdcs = (y: number, revoked = false) => ({ titleCode: "CSTDCS", startYear: y, revoked, decisionNumber: `${y}/QĐ` });

  it("3 consecutive CSTĐCS (two decided + this year's) flags CSTĐ cấp tỉnh", () => {
    const f = member({ grade: "HTXSNV", initiatives: [recognised("sk1")], awards: [cstdcs(2022), cstdcs(2023)] });
    const v = evaluateMember(f, Y2024, s, { asOf }).find((x) => x.title === "CSTD_TINH")!;
    expect(v).toMatchObject({ eligible: true, flagOnly: true });
    expect(reason(v, "chain-cstdcs").detail).toBe("3 năm liên tục đạt CSTĐCS (2022–2023, 2023–2024, 2024–2025 – năm nay đang xét), cần 3");
  });

  it("a gap breaks the chain; a revoked CSTĐCS does not count", () => {
    const gap = member({ initiatives: [recognised("sk1")], awards: [cstdcs(2021), cstdcs(2023)] });
    expect(evaluateMember(gap, Y2024, s, { asOf }).find((x) => x.title === "CSTD_TINH")!.eligible).toBe(false);
    const revoked = member({ initiatives: [recognised("sk1")], awards: [cstdcs(2022, true), cstdcs(2023)] });
    const v = evaluateMember(revoked, Y2024, s, { asOf }).find((x) => x.title === "CSTD_TINH")!;
    expect(reason(v, "chain-cstdcs").data).toMatchObject({ run: 2 });
  });

  it("without this year's CSTĐCS, three decided earlier years still count", () => {
    const f = member({ awards: [cstdcs(2021), cstdcs(2022), cstdcs(2023)] });
    expect(evaluateMember(f, Y2024, s, { asOf }).find((x) => x.title === "CSTD_TINH")!.eligible).toBe(true);
  });

  it("2 consecutive CSTĐ cấp tỉnh (3-year cycles) flags CSTĐ toàn quốc", () => {
    const two = member({ awards: [{ titleCode: "CSTD_TINH", startYear: 2021, revoked: false }, { titleCode: "CSTD_TINH", startYear: 2024, revoked: false }] });
    expect(evaluateMember(two, Y2024, s, { asOf }).find((x) => x.title === "CSTD_TOAN_QUOC")).toMatchObject({ eligible: true, flagOnly: true });
    const one = member({ awards: [{ titleCode: "CSTD_TINH", startYear: 2024, revoked: false }] });
    expect(evaluateMember(one, Y2024, s, { asOf }).find((x) => x.title === "CSTD_TOAN_QUOC")!.eligible).toBe(false);
  });
});

describe("rule 4: Bằng khen of the Confederation", () => {
  const base = {
    grade: "HTXSNV" as const,
    gradeHistory: [{ startYear: 2023, grade: "HTXSNV" as const }],
    initiatives: [recognised("a", 2023), recognised("b", 2024)],
    awards: [{ titleCode: "BK_LDLD_TINH", startYear: 2023, revoked: false, decisionNumber: "123/QĐ-LĐLĐ" }],
  };
  it("passes with 2 HTXSNV years, 2 initiatives and last year's provincial federation Bằng khen", () => {
    const v = evaluateProposal(member(base), "BK_TLD", Y2024, s, { asOf });
    expect(v.eligible).toBe(true);
    expect(reason(v, "prior-provincial-bang-khen").detail).toContain("123/QĐ-LĐLĐ");
  });
  it("fails on each missing piece", () => {
    expect(reason(evaluateProposal(member({ ...base, gradeHistory: [{ startYear: 2023, grade: "HTTNV" }] }), "BK_TLD", Y2024, s, { asOf }), "htxsnv-years").passed).toBe(false);
    expect(reason(evaluateProposal(member({ ...base, initiatives: [recognised("b", 2024)] }), "BK_TLD", Y2024, s, { asOf }), "initiative-count").passed).toBe(false);
    expect(reason(evaluateProposal(member({ ...base, awards: [] }), "BK_TLD", Y2024, s, { asOf }), "prior-provincial-bang-khen").passed).toBe(false);
    // A thematic Bằng khen does not count toward the merit chain (rule 6).
    const thematic = { ...base, awards: [{ ...base.awards[0], thematic: true }] };
    expect(evaluateProposal(member(thematic), "BK_TLD", Y2024, s, { asOf }).eligible).toBe(false);
  });
});

describe("rule 5: open discipline review, investigation, inspection or complaint blocks every nomination", () => {
  const open = member({ initiatives: [recognised("sk1")], openCases: [{ kind: "COMPLAINT", openedOn: "2025-04-02", closedOn: null, summary: "Đơn phản ánh về thu chi quỹ lớp" }] });
  it("blocks LĐTT, CSTĐCS and forms while open", () => {
    for (const code of ["LDTT", "CSTDCS", "GK_CD_CAP_TREN", "BK_LDLD_TINH"]) {
      const v = evaluateProposal(open, code, Y2024, s, { asOf });
      expect(v.eligible, code).toBe(false);
      expect(reason(v, "no-open-case").detail).toContain("khiếu nại");
    }
  });
  it("a case closed before the evaluation does not block", () => {
    const closed = member({ openCases: [{ kind: "INSPECTION", openedOn: "2025-01-02", closedOn: "2025-03-01", summary: "Kiểm tra" }] });
    expect(evaluateLdtt(closed, Y2024, s, { asOf }).eligible).toBe(true);
  });
});

describe("rule 6: one achievement, one award", () => {
  it("the same achievement cannot back two forms or two levels", () => {
    const others = [{ titleCode: "GK_CD_CAP_TREN", startYear: 2024, revoked: false, achievementKey: "year:2024", decisionNumber: "45/QĐ-CĐGD" }];
    const c = oneAchievementRule({ titleCode: "BK_LDLD_TINH", startYear: 2024, achievementKey: "year:2024" }, others);
    expect(c).toMatchObject({ passed: false });
    expect(c.detail).toContain("45/QĐ-CĐGD");
  });
  it("a different achievement (a theme) may get its own award; a revoked award frees the achievement", () => {
    const others = [{ titleCode: "GK_CD_CAP_TREN", startYear: 2024, revoked: false, achievementKey: "year:2024" }];
    expect(oneAchievementRule({ titleCode: "BK_TLD_CHUYEN_DE", startYear: 2024, achievementKey: "theme:an-toan-lao-dong" }, others).passed).toBe(true);
    expect(oneAchievementRule({ titleCode: "BK_LDLD_TINH", startYear: 2024, achievementKey: "year:2024" }, [{ ...others[0], revoked: true }]).passed).toBe(true);
  });
  it("a title once per period, but LĐTT and CSTĐCS of the same year coexist", () => {
    const had = [{ titleCode: "LDTT", startYear: 2024, revoked: false }];
    expect(oneAchievementRule({ titleCode: "LDTT", startYear: 2024, achievementKey: "year:2024" }, had).passed).toBe(false);
    expect(oneAchievementRule({ titleCode: "CSTDCS", startYear: 2024, achievementKey: "year:2024" }, had).passed).toBe(true);
  });
  it("a lower award is not a prerequisite for a higher one", () => {
    const v = evaluateProposal(member(), "BK_LDLD_TINH", Y2024, s, { asOf });
    expect(v.eligible).toBe(true);
    expect(v.reasons.map((r) => r.rule)).toEqual(["no-open-case", "no-discipline", "one-achievement-one-award"]);
  });
  it("collective-only titles are refused for a person; women-only titles for men", () => {
    expect(evaluateProposal(member(), "TT_LDXS", Y2024, s, { asOf }).eligible).toBe(false);
    expect(evaluateProposal(member({ gender: "NAM" }), "GVT_DVN", Y2024, s, { asOf }).eligible).toBe(false);
    expect(evaluateProposal(member({ gender: "NU" }), "GVT_DVN", Y2024, s, { asOf }).eligible).toBe(true);
  });
});

describe("verdict shape (DESIGN.md)", () => {
  it("is { title, eligible, reasons: [{ rule, passed, basis, detail }] }", () => {
    const v = evaluateCstdcs(member(), Y2024, s, { asOf });
    expect(v).toMatchObject({ title: "CSTDCS", titleName: "Chiến sĩ thi đua cơ sở", eligible: false });
    expect(reason(v, "needs-initiative")).toMatchObject({ rule: "needs-initiative", passed: false, basis: expect.stringContaining("Luật Thi đua"), detail: expect.any(String) });
  });
});
