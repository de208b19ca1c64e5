// Working days (DOMAIN.md §2: no work on public holidays or in the Tết break) and the public
// posting period counted with them ("công khai 5 ngày làm việc", issue 12).
import { describe, expect, it } from "vitest";
import { HOLIDAYS, addWorkingDays, holidayOn, isWorkingDay, workingDaysBetween } from "@/lib/awards/rules-calendar";
import { blocking, noticePeriodRule, submissionChecks } from "@/lib/awards/rules";
import { defaultSettings } from "@/lib/awards/settings";

const s = defaultSettings("2026-01-10");

describe("isWorkingDay", () => {
  it("weekdays work; Saturday and Sunday do not", () => {
    expect(isWorkingDay("2026-12-02")).toBe(true); // Wednesday
    expect(isWorkingDay("2026-12-05")).toBe(false); // Saturday
    expect(isWorkingDay("2026-12-06")).toBe(false); // Sunday
  });
  it("public holidays and the whole Tết break are not worked (2025, 2026, 2027)", () => {
    for (const d of ["2025-01-01", "2025-01-27", "2025-01-31", "2025-04-07", "2025-04-30", "2025-05-01", "2025-09-02"]) expect(isWorkingDay(d), d).toBe(false);
    for (const d of ["2026-01-01", "2026-02-16", "2026-02-17", "2026-02-20", "2026-04-27", "2026-04-30", "2026-09-02"]) expect(isWorkingDay(d), d).toBe(false);
    for (const d of ["2027-01-01", "2027-02-05", "2027-02-08", "2027-02-11", "2027-04-16", "2027-05-03", "2027-09-02"]) expect(isWorkingDay(d), d).toBe(false);
    expect(holidayOn("2026-02-17")?.name).toBe("Tết Nguyên đán");
  });
  it("a make-up Saturday is worked", () => {
    expect(isWorkingDay("2025-04-26")).toBe(true);
  });
  it("every listed holiday is a weekday with a name and a source", () => {
    for (const h of HOLIDAYS) {
      const dow = new Date(`${h.day}T00:00:00Z`).getUTCDay();
      expect(dow === 0 || dow === 6, h.day).toBe(false);
      expect(h.name.length).toBeGreaterThan(3);
      expect(["notice", "assumed"]).toContain(h.source);
    }
  });
});

describe("addWorkingDays / workingDaysBetween", () => {
  it("skips weekends: 5 working days after Wednesday 02/12/2026 is Wednesday 09/12/2026", () => {
    expect(addWorkingDays("2026-12-02", 5)).toBe("2026-12-09");
    expect(workingDaysBetween("2026-12-02", "2026-12-09")).toBe(5);
  });
  it("skips Tết: posted Thursday 12/02/2026, the 5th working day is Thursday 26/02/2026 (calendar days would say 17/02)", () => {
    expect(addWorkingDays("2026-02-12", 5)).toBe("2026-02-26");
  });
  it("skips 30/4 and 1/5: posted Tuesday 28/04/2026 → Thursday 07/05/2026", () => {
    expect(addWorkingDays("2026-04-28", 5)).toBe("2026-05-07");
  });
  it("0 days is the day itself; a period across the new year skips 1/1", () => {
    expect(addWorkingDays("2026-12-30", 0)).toBe("2026-12-30");
    expect(addWorkingDays("2026-12-30", 2)).toBe("2027-01-04");
  });
});

describe("the public-posting rule counts working days", () => {
  it("posted Friday 04/12/2026: not enough on 10–11/12 (5 calendar days would pass), enough from 12/12", () => {
    const mid = noticePeriodRule("2026-12-04", "2026-12-10", s);
    expect(mid.passed).toBe(false);
    expect(mid.detail).toBe("Công khai từ 04/12/2026, phải đủ 5 ngày làm việc (hết ngày 11/12/2026, không tính thứ Bảy, Chủ nhật, ngày lễ, Tết)");
    expect(noticePeriodRule("2026-12-04", "2026-12-11", s).passed).toBe(false);
    expect(noticePeriodRule("2026-12-04", "2026-12-12", s).passed).toBe(true);
    expect(mid.basis).toContain("Bộ luật Lao động 2019");
  });
  it("over Tết the list stays up longer: posted 12/02/2026, still blocked on 20/02/2026", () => {
    const base = { today: "2026-02-20", deadline: null, reopenedUntil: null, postedOn: "2026-02-12", objections: [], votesMissing: [], eligibility: [], caps: [], dossier: [] };
    expect(blocking(submissionChecks(base, s)).map((c) => c.rule)).toEqual(["notice-period"]);
    expect(blocking(submissionChecks({ ...base, today: "2026-02-27" }, s))).toEqual([]);
  });
});
