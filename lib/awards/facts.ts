// Plain data the rules read (no Prisma types): queries build these from the database, tests
// build them by hand. Dates are "yyyy-mm-dd" strings so that facts are serialisable and pure.
import type { AwardLevelCode } from "./catalogue";
import type { DisciplineLevel, Grade } from "./settings";

/** Kỳ xét: a school year (startYear 2024 = "2024–2025") or a calendar year. */
export interface PeriodInfo {
  schoolYearId?: string;
  startYear: number;
  label: string;
  startsOn: string;
  endsOn: string;
}

export interface DisciplineFact {
  level: DisciplineLevel;
  decidedOn: string;
  /** Last day the discipline has effect (null: 12 months after the decision). */
  effectiveTo: string | null;
  decisionNumber?: string | null;
}

export const OPEN_CASE_KINDS = ["DISCIPLINE_REVIEW", "INVESTIGATION", "INSPECTION", "COMPLAINT"] as const;
export type OpenCaseKind = (typeof OPEN_CASE_KINDS)[number];
export const OPEN_CASE_LABELS: Record<OpenCaseKind, string> = {
  DISCIPLINE_REVIEW: "Đang xem xét kỷ luật",
  INVESTIGATION: "Đang bị điều tra",
  INSPECTION: "Đang thanh tra, kiểm tra",
  COMPLAINT: "Đang có khiếu nại, tố cáo chưa giải quyết",
};

export interface OpenCaseFact {
  kind: OpenCaseKind;
  openedOn: string;
  closedOn: string | null;
  summary: string;
}

export interface InitiativeFact {
  id: string;
  title: string;
  /** School year the initiative belongs to. */
  startYear: number;
  level: AwardLevelCode;
  /** Date of recognition by a competent council (null: not yet recognised). */
  recognisedOn: string | null;
  recognisedBy?: string | null;
  decisionNumber?: string | null;
  applied: boolean;
}

/** An award already in the registry (or decided earlier, from the history). */
export interface AwardFact {
  titleCode: string;
  startYear: number;
  revoked: boolean;
  /** Thematic or one-off (never counts toward higher merit awards). */
  thematic?: boolean;
  achievementKey?: string;
  decisionNumber?: string | null;
  decidedOn?: string | null;
}

export interface MemberFacts {
  memberId: string;
  fullName: string;
  gender?: "NAM" | "NU";
  /** Xếp loại viên chức of this period. */
  grade: Grade | null;
  /** Earlier periods' grades (the current one may be included too). */
  gradeHistory?: { startYear: number; grade: Grade }[];
  /**
   * Đăng ký thi đua for the period: true when the chair ticked it on the evaluation or the member
   * registered for an individual title in a campaign of the period (registeredIn).
   */
  registered: boolean;
  /** Names of the campaigns (phong trào) of the period the member registered in, from Registration rows. */
  registeredIn?: string[];
  /** Working days absent in the period, maternity leave not included. */
  absenceWorkingDays: number;
  /** Working days of maternity leave in the period. */
  maternityLeaveDays: number;
  /** Contract (or recruitment) start. */
  employedFrom: string | null;
  /** Employment end, when the member has left. */
  employedTo?: string | null;
  disciplines: DisciplineFact[];
  openCases: OpenCaseFact[];
  initiatives: InitiativeFact[];
  awards: AwardFact[];
}

/** A member as a collective sees them: already evaluated for the period. */
export interface CollectiveMemberFacts {
  memberId: string;
  fullName?: string;
  grade: Grade | null;
  ldtt: boolean;
  cstdcs: boolean;
  disciplines: DisciplineFact[];
}

// ---- date helpers (UTC calendar days)

export function toIsoDay(d: Date | string): string {
  return typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10);
}

// The day helpers below run for every member on every eligibility page (a 150-member school calls
// them ~1,500 times): plain integer arithmetic on "YYYY-MM-DD", no Date.parse or toISOString
// (which took half of the rules' time on the province bench). tests/unit/awards-dates.test.ts
// checks them against Date-based versions over every day of 1999–2032.
const ymd = (day: string): [number, number, number] => [+day.slice(0, 4), +day.slice(5, 7), +day.slice(8, 10)];
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const isoOf = (y: number, m: number, d: number) => `${y}-${two(m)}-${two(d)}`;
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) => (m === 2 && leap(y) ? 29 : DAYS_IN[m - 1]);

export function addDaysIso(day: string, n: number): string {
  const [y, m, d0] = ymd(day);
  const d = d0 + n;
  // Within the month (the common case: ±1 day), no calendar walk.
  if (d >= 1 && d <= daysIn(y, m)) return isoOf(y, m, d);
  const t = new Date(Date.UTC(y, m - 1, d));
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addMonthsIso(day: string, n: number): string {
  const [y, m, d] = ymd(day);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return isoOf(ny, nm, Math.min(d, daysIn(ny, nm)));
}

/** Whole months from `from` to `toInclusive` (1 Aug 2024 → 31 May 2025 is 10 months). */
export function wholeMonths(from: string, toInclusive: string): number {
  if (toInclusive < from) return 0;
  const [fy, fm, fd] = ymd(from);
  const [ey, em, ed] = ymd(addDaysIso(toInclusive, 1));
  let months = (ey - fy) * 12 + (em - fm);
  if (ed < fd) months -= 1;
  return Math.max(0, months);
}

export function formatIsoDay(day: string | null | undefined): string {
  if (!day) return "";
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

export function yearLabel(startYear: number): string {
  return `${startYear}–${startYear + 1}`;
}

/** A school year row as the rules see it. */
export function periodOf(y: { id: string; label: string; startsOn: Date; endsOn: Date }): PeriodInfo {
  return { schoolYearId: y.id, startYear: y.startsOn.getUTCFullYear(), label: y.label, startsOn: toIsoDay(y.startsOn), endsOn: toIsoDay(y.endsOn) };
}
