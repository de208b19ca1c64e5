// Working days (ngày làm việc): Monday to Friday, minus public holidays and the Tết break
// (DOMAIN.md §2). The public-posting period ("công khai 5 ngày làm việc") is counted with these.
// Pure: ISO days ("2026-02-16") in, ISO days out, no time zones.
//
// Basis: Bộ luật Lao động 2019, Điều 112 (Tết Dương lịch 1 ngày; Tết Âm lịch 5 ngày; Giỗ Tổ Hùng
// Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9 và 1 ngày liền kề); a holiday on a weekend is
// made up on the next working day (Điều 111–112). The exact days off of civil servants are set
// by the yearly notice of the Ministry (Bộ LĐTBXH / Bộ Nội vụ): the rows below say which days
// come from a published notice and which are the Code applied by us (assumed) until it is.

export interface Holiday {
  /** ISO day that is not worked (only weekdays need listing; weekends are off anyway). */
  day: string;
  name: string;
  source: "notice" | "assumed";
}

const TET = "Tết Nguyên đán";
const HUNG = "Giỗ Tổ Hùng Vương";

/** Days off on weekdays, 2025–2027. */
export const HOLIDAYS: readonly Holiday[] = [
  // 2025 — Thông báo 6150/TB-LĐTBXH (Tết 25/01–02/02/2025), 30/4–1/5 with 02/5 swapped for Sat 26/4
  { day: "2025-01-01", name: "Tết Dương lịch", source: "notice" },
  ...["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"].map((day) => ({ day, name: TET, source: "notice" as const })),
  { day: "2025-04-07", name: HUNG, source: "notice" },
  { day: "2025-04-30", name: "Ngày Chiến thắng 30/4", source: "notice" },
  { day: "2025-05-01", name: "Ngày Quốc tế Lao động", source: "notice" },
  { day: "2025-05-02", name: "Nghỉ bù (làm bù thứ Bảy 26/04/2025)", source: "notice" },
  { day: "2025-09-01", name: "Quốc khánh (ngày liền kề)", source: "notice" },
  { day: "2025-09-02", name: "Quốc khánh", source: "notice" },
  // 2026 — Tết 14/02–22/02/2026 (mùng 1 Tết 17/02); Giỗ Tổ 10/3 âm = Chủ nhật 26/4 → nghỉ bù 27/4
  { day: "2026-01-01", name: "Tết Dương lịch", source: "notice" },
  ...["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"].map((day) => ({ day, name: TET, source: "notice" as const })),
  { day: "2026-04-27", name: `${HUNG} (nghỉ bù)`, source: "assumed" },
  { day: "2026-04-30", name: "Ngày Chiến thắng 30/4", source: "assumed" },
  { day: "2026-05-01", name: "Ngày Quốc tế Lao động", source: "assumed" },
  { day: "2026-09-01", name: "Quốc khánh (ngày liền kề)", source: "assumed" },
  { day: "2026-09-02", name: "Quốc khánh", source: "assumed" },
  // 2027 — mùng 1 Tết 06/02/2027 (thứ Bảy); Giỗ Tổ 16/4; 1/5 thứ Bảy → nghỉ bù 3/5
  { day: "2027-01-01", name: "Tết Dương lịch", source: "assumed" },
  ...["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"].map((day) => ({ day, name: TET, source: "assumed" as const })),
  { day: "2027-04-16", name: HUNG, source: "assumed" },
  { day: "2027-04-30", name: "Ngày Chiến thắng 30/4", source: "assumed" },
  { day: "2027-05-03", name: "Ngày Quốc tế Lao động (nghỉ bù)", source: "assumed" },
  { day: "2027-09-02", name: "Quốc khánh", source: "assumed" },
  { day: "2027-09-03", name: "Quốc khánh (ngày liền kề)", source: "assumed" },
];

/** Saturdays worked instead of a bridged weekday (làm bù). */
export const MAKE_UP_DAYS: readonly string[] = ["2025-04-26"];

export const WORKING_DAYS_BASIS = "Bộ luật Lao động 2019, Điều 111–112 và thông báo nghỉ lễ, Tết hằng năm: không tính thứ Bảy, Chủ nhật, ngày lễ, Tết";

const HOLIDAY_SET = new Set(HOLIDAYS.map((h) => h.day));
const MAKE_UP_SET = new Set(MAKE_UP_DAYS);

function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The holiday on that day, if any. */
export function holidayOn(iso: string): Holiday | undefined {
  return HOLIDAYS.find((h) => h.day === iso);
}

/** Is the day worked? Weekends, listed holidays and Tết are not; make-up Saturdays are. */
export function isWorkingDay(iso: string): boolean {
  if (MAKE_UP_SET.has(iso)) return true;
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  if (dow === 0 || dow === 6) return false;
  return !HOLIDAY_SET.has(iso);
}

/** The n-th working day after `iso` (the day itself not counted); n = 0 gives `iso`. */
export function addWorkingDays(iso: string, n: number): string {
  let d = iso;
  for (let left = n; left > 0; ) {
    d = shift(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days strictly after `from` up to and including `to` (0 when to ≤ from). */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = shift(from, 1); d <= to; d = shift(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}
