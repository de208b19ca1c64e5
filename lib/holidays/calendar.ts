// The holiday calendar (issue 11: a generated joint meeting fell on 10/02/2027, in the Tết
// break). Work is not scheduled on public holidays or in the Tết break (DOMAIN.md §2, Labour Code
// 2019 art. 112): Tết Dương lịch 1/1; Tết Nguyên đán (5 days, the lunar new year moves every
// year); Giỗ Tổ Hùng Vương 10/3 lunar; 30/4 and 1/5; Quốc khánh 2/9 with one day next to it; a
// holiday on a weekend is made up on the next working day. Pure, no I/O: the national calendar
// below is what the migration seeds (2024–2030) and upper units add their own days on top of it
// (lib/holidays/mutations.ts).

/** A range of calendar days off (UTC-midnight dates, both ends included). */
export interface DayRange {
  startsOn: Date;
  endsOn: Date;
}

export type HolidayKind = "PUBLIC" | "TET" | "EXTRA";

export const HOLIDAY_KIND_LABELS: Record<HolidayKind, string> = {
  PUBLIC: "Nghỉ lễ",
  TET: "Tết Nguyên đán",
  EXTRA: "Ngày nghỉ của đơn vị",
};

export interface HolidaySeed extends DayRange {
  /** Stable id of the seeded row ("hol-2027-tet"). */
  id: string;
  kind: HolidayKind;
  name: string;
  /** Tết: the first day of the lunar year (mùng 1 Tết). */
  lunarNewYear: Date | null;
}

/** The years the migration seeds. */
export const SEEDED_YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030] as const;

export function day(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

const DAY = 86_400_000;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/** Mùng 1 Tết Nguyên đán of each seeded year. */
export const LUNAR_NEW_YEAR: Record<number, Date> = {
  2024: day(2024, 2, 10),
  2025: day(2025, 1, 29),
  2026: day(2026, 2, 17),
  2027: day(2027, 2, 6),
  2028: day(2028, 1, 26),
  2029: day(2029, 2, 13),
  2030: day(2030, 2, 3),
};

/** Giỗ Tổ Hùng Vương (10/3 lunar) of each seeded year. */
export const HUNG_KINGS: Record<number, Date> = {
  2024: day(2024, 4, 18),
  2025: day(2025, 4, 7),
  2026: day(2026, 4, 26),
  2027: day(2027, 4, 16),
  2028: day(2028, 4, 4),
  2029: day(2029, 4, 23),
  2030: day(2030, 4, 12),
};

/**
 * Tết breaks the Government announced (công chức, viên chức): 2024 (7 days), 2025 and 2026
 * (9 days each). Later years are computed by the Labour Code rule (tetBreak) and marked
 * "dự kiến" until the upper unit corrects them.
 */
const ANNOUNCED_TET: Record<number, [Date, Date]> = {
  2024: [day(2024, 2, 8), day(2024, 2, 14)],
  2025: [day(2025, 1, 25), day(2025, 2, 2)],
  2026: [day(2026, 2, 14), day(2026, 2, 22)],
};

/** Other announced arrangements (days swapped to join a weekend). */
const ANNOUNCED: Record<string, [Date, Date]> = {
  "2024-labour": [day(2024, 4, 27), day(2024, 5, 1)],
  "2024-national": [day(2024, 8, 31), day(2024, 9, 3)],
  "2025-labour": [day(2025, 4, 30), day(2025, 5, 4)],
  "2025-national": [day(2025, 8, 30), day(2025, 9, 2)],
};

/** Widens a range over the weekend days touching it (a break is shown with its weekends). */
function withWeekends(r: DayRange): DayRange {
  let s = r.startsOn;
  let e = r.endsOn;
  while (isWeekend(addDays(s, -1))) s = addDays(s, -1);
  while (isWeekend(addDays(e, 1))) e = addDays(e, 1);
  return { startsOn: s, endsOn: e };
}

/**
 * Holiday days plus, for each that falls on a weekend, a make-up day: the next working day that
 * is not already off. Returns the range from the first to the last day off, weekends included.
 */
function withMakeUp(days: Date[]): DayRange {
  const off = new Set(days.map((d) => d.getTime()));
  let last = days[days.length - 1];
  for (const d of days) {
    if (!isWeekend(d)) continue;
    let m = addDays(last, 1);
    while (isWeekend(m) || off.has(m.getTime())) m = addDays(m, 1);
    off.add(m.getTime());
    last = m;
  }
  return withWeekends({ startsOn: days[0], endsOn: last });
}

/** The Tết break by the Labour Code: the last day of the old year and the first four of the new. */
export function tetBreak(lunarNewYear: Date): DayRange {
  return withMakeUp([-1, 0, 1, 2, 3].map((n) => addDays(lunarNewYear, n)));
}

const dd = (d: Date) => `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;

/** The national calendar of one seeded year. */
export function nationalHolidays(year: number): HolidaySeed[] {
  const tet = LUNAR_NEW_YEAR[year];
  const hung = HUNG_KINGS[year];
  if (!tet || !hung) return [];
  const announcedTet = ANNOUNCED_TET[year];
  const tetRange = announcedTet ? { startsOn: announcedTet[0], endsOn: announcedTet[1] } : tetBreak(tet);
  const sep1 = day(year, 9, 1);
  const nationalDays = isWeekend(sep1) ? [day(year, 9, 2), day(year, 9, 3)] : [sep1, day(year, 9, 2)];
  const fixed = (key: string, days: Date[]): DayRange => {
    const a = ANNOUNCED[`${year}-${key}`];
    return a ? { startsOn: a[0], endsOn: a[1] } : withMakeUp(days);
  };
  const row = (key: string, kind: HolidayKind, name: string, r: DayRange, lunarNewYear: Date | null = null): HolidaySeed => ({ id: `hol-${year}-${key}`, kind, name, ...r, lunarNewYear });
  return [
    row("new-year", "PUBLIC", "Tết Dương lịch", fixed("new-year", [day(year, 1, 1)])),
    row("tet", "TET", `Tết Nguyên đán (mùng 1 Tết: ${dd(tet)})${announcedTet ? "" : " – dự kiến theo Bộ luật Lao động"}`, tetRange, tet),
    row("hung-kings", "PUBLIC", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", fixed("hung-kings", [hung])),
    row("labour", "PUBLIC", "Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5", fixed("labour", [day(year, 4, 30), day(year, 5, 1)])),
    row("national", "PUBLIC", "Quốc khánh 2/9", fixed("national", nationalDays)),
  ];
}

/** The whole seeded national calendar, year by year. */
export const NATIONAL_HOLIDAYS: HolidaySeed[] = SEEDED_YEARS.flatMap((y) => nationalHolidays(y));

/** Is `d` inside one of the ranges? */
export function isHoliday(d: Date, holidays: readonly DayRange[]): DayRange | null {
  const t = d.getTime();
  return holidays.find((h) => h.startsOn.getTime() <= t && t <= h.endsOn.getTime()) ?? null;
}

/**
 * The first working day from `d` on: not a Saturday or Sunday, not a holiday or Tết
 * ("nếu trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp").
 */
export function nextWorkingDay(d: Date, holidays: readonly DayRange[] = []): Date {
  let x = d;
  for (let i = 0; i < 60 && (isWeekend(x) || isHoliday(x, holidays)); i++) x = addDays(x, 1);
  return x;
}
