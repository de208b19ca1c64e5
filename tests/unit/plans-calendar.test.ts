// Issue 11 (coordination plans and joint meetings), the pure parts: the holiday calendar and the
// migration that seeds it, meetings skipping Tết, the meeting-day sentence, the replaced version,
// minutes not final before the meeting.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NATIONAL_HOLIDAYS, isHoliday, nextWorkingDay, tetBreak, day } from "@/lib/holidays/calendar";
import { closeTooEarly, regularMeetings } from "@/lib/meetings/rules";
import { restateMeetingDay, restatementMessage, restatementMismatches } from "@/lib/plans/restated";
import { replacementLabel, replacementOf } from "@/lib/plans/rules";
import { planDocument } from "@/lib/plans/document";
import { buildPlanTemplate } from "@/lib/plans/template";

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("holiday calendar", () => {
  it("10/02/2027 is in the Tết break; Tết 2025 and 2026 follow the announced 9-day breaks", () => {
    expect(isHoliday(day(2027, 2, 10), NATIONAL_HOLIDAYS)?.startsOn).toEqual(day(2027, 2, 5));
    const tet = (y: number) => NATIONAL_HOLIDAYS.find((h) => h.id === `hol-${y}-tet`)!;
    expect([iso(tet(2025).startsOn), iso(tet(2025).endsOn)]).toEqual(["2025-01-25", "2025-02-02"]);
    expect([iso(tet(2026).startsOn), iso(tet(2026).endsOn)]).toEqual(["2026-02-14", "2026-02-22"]);
    expect(iso(tet(2027).lunarNewYear!)).toBe("2027-02-06");
    // Labour Code: the last day of the year and four of the new one, weekend days made up after.
    expect([iso(tetBreak(day(2027, 2, 6)).startsOn), iso(tetBreak(day(2027, 2, 6)).endsOn)]).toEqual(["2027-02-05", "2027-02-11"]);
    for (const y of [2024, 2025, 2026, 2027, 2028, 2029, 2030]) expect(NATIONAL_HOLIDAYS.filter((h) => h.id.startsWith(`hol-${y}-`)).map((h) => h.kind).sort()).toEqual(["PUBLIC", "PUBLIC", "PUBLIC", "PUBLIC", "TET"]);
  });

  it("the migration seeds exactly the national calendar of lib/holidays/calendar.ts", () => {
    const sql = readFileSync(path.join(process.cwd(), "prisma/migrations/20261203094500_holiday_calendar/migration.sql"), "utf8");
    const rows = [...sql.matchAll(/\('(hol-[^']+)', NULL, '(\w+)', '((?:[^']|'')*)', '([\d-]+)', '([\d-]+)', (NULL|'[\d-]+')\)/g)].map((m) => ({
      id: m[1],
      kind: m[2],
      name: m[3].replace(/''/g, "'"),
      startsOn: m[4],
      endsOn: m[5],
      lunarNewYear: m[6] === "NULL" ? null : m[6].slice(1, -1),
    }));
    expect(rows).toEqual(NATIONAL_HOLIDAYS.map((h) => ({ id: h.id, kind: h.kind, name: h.name, startsOn: iso(h.startsOn), endsOn: iso(h.endsOn), lunarNewYear: h.lunarNewYear ? iso(h.lunarNewYear) : null })));
  });

  it("a meeting on a day off moves to the next working day; the school year's calendar never lands on one", () => {
    expect(iso(nextWorkingDay(day(2027, 2, 10), NATIONAL_HOLIDAYS))).toBe("2027-02-12");
    expect(iso(nextWorkingDay(day(2026, 9, 2), NATIONAL_HOLIDAYS))).toBe("2026-09-03");
    const year = regularMeetings(day(2026, 9, 5), day(2027, 5, 31), 10, NATIONAL_HOLIDAYS);
    expect(year.map((m) => iso(m.scheduledOn))).not.toContain("2027-02-10");
    expect(year.find((m) => m.periodMonth === 202702)!.scheduledOn).toEqual(day(2027, 2, 12));
    for (const m of year) expect(isHoliday(m.scheduledOn, NATIONAL_HOLIDAYS)).toBeNull();
    // Without the calendar (weekends only) 10/02/2027, a Wednesday, would be kept.
    expect(regularMeetings(day(2026, 9, 5), day(2027, 5, 31), 10).map((m) => iso(m.scheduledOn))).toContain("2027-02-10");
  });
});

describe("text that restates a field", () => {
  const tpl = buildPlanTemplate({ schoolName: "Trường Tiểu học Sơn Thủy A", level: "TIEU_HOC", govUnitName: null, upperUnionName: "Công đoàn Giáo dục huyện Sơn Thủy", address: null, startYear: 2026 });

  it("the template's meeting sentence agrees with its field; a changed field regenerates it", () => {
    expect(restatementMismatches(tpl)).toEqual([]);
    const meetings = tpl.sections.find((s) => s.key === "meetings")!;
    expect(restateMeetingDay(meetings.body, 10)).toContain("Họp liên tịch định kỳ vào ngày 10 hằng tháng");
    expect(restateMeetingDay(meetings.body, 10)).not.toContain("ngày 05 hằng tháng");
  });

  it("a disagreement is found and named", () => {
    const wrong = restatementMismatches({ ...tpl, header: { ...tpl.header, meetingDay: 10 } });
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toMatchObject({ sectionKey: "meetings", expected: "ngày 10 hằng tháng" });
    expect(restatementMessage(wrong)).toContain("ngày 05 hằng tháng");
  });
});

describe("a replaced version", () => {
  it("is replaced only once its amendment is signed, by which version and when (Vietnam's day)", () => {
    expect(replacementOf({ status: "SIGNED", amendedBy: { revision: 2, status: "DRAFT", signedAt: null } })).toBeNull();
    const r = replacementOf({ status: "SIGNED", amendedBy: { revision: 2, status: "SIGNED", signedAt: new Date("2026-12-09T18:30:00Z") } });
    expect(r).toEqual({ revision: 2, on: day(2026, 12, 10) });
    expect(replacementLabel(r!)).toBe("Đã được thay thế bởi phiên bản 2 ngày 10/12/2026");
  });

  it("its document carries the mark and the sentence", () => {
    const tpl = buildPlanTemplate({ schoolName: "Trường Tiểu học Sơn Thủy A", level: "TIEU_HOC", govUnitName: null, upperUnionName: "Công đoàn Giáo dục huyện Sơn Thủy", address: null, startYear: 2026 });
    const base = { content: tpl, revision: 1, amendmentReason: null, amendsNumber: null, signed: true, unitLevel: false, startYear: 2026, gov: { name: "A", signedAt: null }, union: { name: "B", signedAt: null } };
    expect(planDocument(base).mark).toBeNull();
    const doc = planDocument({ ...base, replacedBy: { revision: 2, on: day(2026, 12, 10) } });
    expect(doc.mark).toBe("ĐÃ ĐƯỢC THAY THẾ");
    expect(doc.blocks[0]).toMatchObject({ text: expect.stringContaining("Đã được thay thế bởi phiên bản 2 ngày 10/12/2026") });
  });
});

describe("minutes are not final before the meeting", () => {
  it("refused before the day of the minutes (Vietnam's calendar), allowed from it", () => {
    const m = { scheduledOn: day(2026, 12, 10), heldAt: null };
    expect(closeTooEarly(m, new Date("2026-12-02T03:00:00Z"))).toBe("Cuộc họp diễn ra ngày 10/12/2026: chỉ chốt biên bản từ ngày đó trở đi.");
    // 17:30 UTC on the 9th is already the 10th in Vietnam.
    expect(closeTooEarly(m, new Date("2026-12-09T17:30:00Z"))).toBeNull();
    // The day the minutes give wins over the scheduled one.
    expect(closeTooEarly({ scheduledOn: day(2026, 12, 1), heldAt: new Date("2026-12-10T07:00:00Z") }, new Date("2026-12-05T03:00:00Z"))).toContain("10/12/2026");
  });
});
