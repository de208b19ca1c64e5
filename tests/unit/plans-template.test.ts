import { describe, expect, it } from "vitest";
import { buildPlanTemplate, buildUnitPlanTemplate, carryOver, placeFromAddress, TET_DATES } from "@/lib/plans/template";
import { MEASURE_KEYS, formatTarget, targetActual, targetMet } from "@/lib/plans/measures";
import { SECTION_KEYS, contentOf } from "@/lib/plans/content";
import { nextWorkingDay, parseOtherAttendees, regularMeetings, isOverdue } from "@/lib/meetings/rules";
import { addCommentSchema, saveTargetSchema, updateSectionSchema } from "@/lib/plans/schemas";

const ctx = { schoolName: "Trường Tiểu học Sơn Thủy A", level: "TIEU_HOC" as const, govUnitName: "UBND xã Sơn Thủy", upperUnionName: "Công đoàn Giáo dục huyện Sơn Thủy", address: "Thôn Trung, xã Sơn Thủy, tỉnh Sơn Hà", startYear: 2025 };

describe("the built-in template", () => {
  const t = buildPlanTemplate(ctx);
  it("has every section, in order, with real Vietnamese text", () => {
    expect(t.sections.map((s) => s.key)).toEqual([...SECTION_KEYS]);
    expect(t.sections[0].body).toContain("Luật Công đoàn số 50/2024/QH15");
    expect(t.sections[0].body).toContain("Thông tư số 28/2020/TT-BGDĐT");
    expect(t.sections.find((s) => s.key === "meetings")!.body).toContain("ngày 05 hằng tháng");
    for (const s of t.sections) expect(s.body).toBe(s.body.normalize("NFC"));
  });
  it("has the calendar of the year: 20/10, 20/11, Tết, 8/3, and the year-end review", () => {
    const dated = t.items.filter((i) => i.onDate).map((i) => i.onDate!.toISOString().slice(0, 10));
    expect(dated).toEqual(expect.arrayContaining(["2025-10-20", "2025-11-20", "2026-03-08"]));
    const tet = t.items.find((i) => i.content.includes("Tết Nguyên đán"))!;
    expect(tet.month).toBe(2);
    expect(tet.content).toContain("17/02/2026");
    for (const i of t.items) if (i.onDate) expect(i.onDate.getUTCMonth() + 1).toBe(i.month);
    expect(new Set(t.items.map((i) => i.key)).size).toBe(t.items.length);
  });
  it("ties targets to the stable measure keys", () => {
    expect(t.targets.map((x) => x.measureKey)).toEqual(["registered_pct", "lddt_pct", "women_gvtdvn_pct", "initiatives_count", "disciplined_count", "manual"]);
    for (const x of t.targets) expect(MEASURE_KEYS).toContain(x.measureKey);
  });
  it("fills the header from the school", () => {
    expect(t.header).toMatchObject({ issuerParent: "UBND XÃ SƠN THỦY", issuerName: "TRƯỜNG TIỂU HỌC SƠN THỦY A\nBCH CÔNG ĐOÀN CƠ SỞ", place: "Sơn Thủy", govSignerTitle: "HIỆU TRƯỞNG" });
    expect(buildPlanTemplate({ ...ctx, level: "THCS" }).sections[0].body).toContain("Thông tư số 32/2020/TT-BGDĐT");
  });
  it("puts Tết in the month before when it falls early (Tết 2027 is 6/2)", () => {
    expect(TET_DATES[2027]).toEqual([2, 6]);
    expect(buildPlanTemplate({ ...ctx, startYear: 2026 }).items.find((i) => i.content.includes("Tết"))!.month).toBe(1);
  });
  it("an upper unit's template names the unit and its counterpart", () => {
    const u = buildUnitPlanTemplate({ unitName: "Công đoàn Giáo dục huyện Sơn Thủy", parentName: "Liên đoàn Lao động tỉnh Sơn Hà", counterpartName: "UBND xã Sơn Thủy", startYear: 2025 });
    expect(u.header.title).toBe("Phối hợp hoạt động giữa UBND xã Sơn Thủy và Công đoàn Giáo dục huyện Sơn Thủy năm học 2025–2026");
    expect(u.header.issuerName).toBe("UBND XÃ SƠN THỦY\nCÔNG ĐOÀN GIÁO DỤC HUYỆN SƠN THỦY");
    expect(u.header.place).toBe("Sơn Thủy");
  });
});

describe("copying last year's plan", () => {
  it("moves year labels and dates forward, clears actuals and the issue date, keeps keys", () => {
    const last = buildPlanTemplate({ ...ctx, startYear: 2024 });
    last.header.issuedOn = new Date(Date.UTC(2024, 8, 20));
    last.targets[5].manualActual = 100;
    const c = carryOver(last, 2024, 2025);
    expect(c.header.title).toContain("2025–2026");
    expect(c.header.issuedOn).toBeNull();
    expect(c.sections[0].body).not.toContain("2024–2025");
    expect(c.items.find((i) => i.key === "tpl-cal-05")!.onDate!.toISOString().slice(0, 10)).toBe("2025-11-20");
    expect(c.targets[5].manualActual).toBeNull();
    expect(c.items.map((i) => i.key)).toEqual(last.items.map((i) => i.key));
  });
  it("contentOf sorts the calendar by the school-year month", () => {
    const t = buildPlanTemplate(ctx);
    const shuffled = { ...t.header, sections: t.sections, items: [...t.items].reverse(), targets: t.targets };
    expect(contentOf(shuffled).items.map((i) => i.month)).toEqual([9, 9, 10, 10, 11, 12, 1, 2, 3, 4, 5, 5]);
  });
});

describe("places, measures", () => {
  it("finds the commune in an address", () => {
    expect(placeFromAddress("Thôn Trung, xã Sơn Thủy, tỉnh Sơn Hà")).toBe("Sơn Thủy");
    expect(placeFromAddress("12 Lê Lợi, phường Bến Thành, TP. Hồ Chí Minh")).toBe("Bến Thành");
    expect(placeFromAddress(null)).toBe("");
  });
  it("formats and judges targets; no live data yet means the manual figure", () => {
    expect(formatTarget({ comparator: "AT_LEAST", targetValue: 80, unit: "PERCENT" })).toBe("≥ 80%");
    expect(formatTarget({ comparator: "AT_MOST", targetValue: 0, unit: "COUNT" })).toBe("≤ 0");
    expect(targetActual({ measureKey: "lddt_pct", manualActual: 82 }, {})).toEqual({ value: 82, live: false });
    expect(targetActual({ measureKey: "lddt_pct", manualActual: 82 }, { lddt_pct: { value: 85.5, basis: "x" } })).toEqual({ value: 85.5, live: true, basis: "x" });
    expect(targetMet({ comparator: "AT_LEAST", targetValue: 80 }, 82)).toBe(true);
    expect(targetMet({ comparator: "AT_MOST", targetValue: 0 }, 1)).toBe(false);
    expect(targetMet({ comparator: "AT_MOST", targetValue: 0 }, null)).toBeNull();
  });
});

describe("input schemas", () => {
  it("keep line breaks in section bodies, NFC-normalised, and refuse unknown keys", () => {
    const r = updateSectionSchema.parse({ planId: "p1", sectionId: "s1", version: "3", title: " Nguyên tắc ", body: "Dòng 1  \r\n\r\n\r\n- Dòng 2\u0301" });
    expect(r.body).toBe("Dòng 1\n\n- Dòng 2\u0301".normalize("NFC"));
    expect(r.version).toBe(3);
    expect(updateSectionSchema.safeParse({ planId: "p1", sectionId: "s1", version: "1", title: "x", body: "y", schoolId: "sch_kd" }).success).toBe(false);
    expect(addCommentSchema.safeParse({ planId: "p1", sectionKey: "hacked", body: "x" }).success).toBe(false);
  });
  it("reads numbers typed with a decimal comma", () => {
    const r = saveTargetSchema.parse({ planId: "p", label: "x", measureKey: "manual", unit: "PERCENT", comparator: "AT_LEAST", targetValue: "92,5" });
    expect(r.targetValue).toBe(92.5);
    expect(saveTargetSchema.safeParse({ planId: "p", label: "x", measureKey: "nope", unit: "PERCENT", comparator: "AT_LEAST", targetValue: "1" }).success).toBe(false);
    expect(saveTargetSchema.safeParse({ planId: "p", label: "x", measureKey: "manual", unit: "PERCENT", comparator: "AT_LEAST", targetValue: "-1" }).success).toBe(false);
  });
});

describe("monthly joint meetings", () => {
  const y = { start: new Date(Date.UTC(2025, 8, 5)), end: new Date(Date.UTC(2026, 4, 31)) };
  it("one per month from September to May, on the regime's day, off weekends", () => {
    const m = regularMeetings(y.start, y.end, 5);
    expect(m.map((x) => x.periodMonth)).toEqual([202509, 202510, 202511, 202512, 202601, 202602, 202603, 202604, 202605]);
    expect(m.map((x) => x.scheduledOn.toISOString().slice(0, 10))).toEqual([
      "2025-09-05",
      "2025-10-06",
      "2025-11-05",
      "2025-12-05",
      "2026-01-05",
      "2026-02-05",
      "2026-03-05",
      "2026-04-06",
      "2026-05-05",
    ]);
    for (const x of m) expect([1, 2, 3, 4, 5]).toContain(x.scheduledOn.getUTCDay());
    expect(m[0].title).toBe("Họp liên tịch tháng 9/2025");
  });
  it("never before the year opens", () => {
    expect(regularMeetings(y.start, y.end, 2)[0].scheduledOn.toISOString().slice(0, 10)).toBe("2025-09-05");
    expect(nextWorkingDay(new Date(Date.UTC(2025, 8, 6))).toISOString().slice(0, 10)).toBe("2025-09-08");
  });
  it("reads other attendees and knows overdue tasks", () => {
    expect(parseOtherAttendees("- Phạm Thị Lan – Phó hiệu trưởng\nLê Văn B, Tổ trưởng\n\nTrần C")).toEqual([
      { name: "Phạm Thị Lan", title: "Phó hiệu trưởng" },
      { name: "Lê Văn B", title: "Tổ trưởng" },
      { name: "Trần C", title: null },
    ]);
    const today = new Date(Date.UTC(2025, 9, 1));
    expect(isOverdue({ status: "OPEN", dueOn: new Date(Date.UTC(2025, 8, 30)) }, today)).toBe(true);
    expect(isOverdue({ status: "OPEN", dueOn: new Date(Date.UTC(2025, 9, 1)) }, today)).toBe(false);
    expect(isOverdue({ status: "DONE", dueOn: new Date(Date.UTC(2025, 8, 1)) }, today)).toBe(false);
  });
});
