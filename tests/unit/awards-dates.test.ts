// The day helpers of lib/awards/facts.ts (integer arithmetic on "YYYY-MM-DD") against versions
// written with Date, the way they were before: every day of 1999–2032, offsets across months,
// years and leap days.
import { describe, expect, it } from "vitest";
import { addDaysIso, addMonthsIso, formatIsoDay, wholeMonths } from "@/lib/awards/facts";

const viaDate = {
  addDays: (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10),
  addMonths: (day: string, n: number) => {
    const [y, m, d] = day.split("-").map(Number);
    const first = new Date(Date.UTC(y, m - 1 + n, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
  },
  wholeMonths: (from: string, toInclusive: string) => {
    if (toInclusive < from) return 0;
    const a = new Date(`${from}T00:00:00Z`);
    const b = new Date(Date.parse(`${toInclusive}T00:00:00Z`) + 86_400_000);
    let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
    if (b.getUTCDate() < a.getUTCDate()) months -= 1;
    return Math.max(0, months);
  },
};

const days: string[] = [];
for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2032, 11, 31); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));

describe("day helpers", () => {
  it("addDaysIso equals the Date version for every day and offsets of ±1, ±31, ±366, ±1000", () => {
    let checked = 0;
    for (const day of days) {
      for (const n of [0, 1, -1, 31, -31, 366, -366, 1000, -1000]) {
        if (addDaysIso(day, n) !== viaDate.addDays(day, n)) expect([day, n, addDaysIso(day, n)]).toEqual([day, n, viaDate.addDays(day, n)]);
        checked++;
      }
    }
    expect(checked).toBe(days.length * 9);
  });

  it("addMonthsIso equals the Date version (end of month clamped, leap years)", () => {
    for (const day of days) {
      for (const n of [1, -1, 12, -12, 13, -25]) {
        if (addMonthsIso(day, n) !== viaDate.addMonths(day, n)) expect([day, n, addMonthsIso(day, n)]).toEqual([day, n, viaDate.addMonths(day, n)]);
      }
    }
    expect(addMonthsIso("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonthsIso("2025-05-31", -12)).toBe("2024-05-31");
    expect(addMonthsIso("2025-03-31", -1)).toBe("2025-02-28");
  });

  it("wholeMonths equals the Date version", () => {
    for (let i = 0; i < days.length; i += 7) {
      for (const span of [0, 1, 27, 28, 29, 30, 31, 59, 180, 300, 364, 365, 366]) {
        const to = days[i + span];
        if (!to) continue;
        if (wholeMonths(days[i], to) !== viaDate.wholeMonths(days[i], to)) expect([days[i], to, wholeMonths(days[i], to)]).toEqual([days[i], to, viaDate.wholeMonths(days[i], to)]);
      }
    }
    expect(wholeMonths("2024-08-01", "2025-05-31")).toBe(10);
    expect(wholeMonths("2025-06-01", "2025-05-31")).toBe(0);
  });

  it("formatIsoDay writes dd/mm/yyyy", () => {
    expect(formatIsoDay("2026-12-04")).toBe("04/12/2026");
    expect(formatIsoDay(null)).toBe("");
  });
});
