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

export function addDaysIso(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function addMonthsIso(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${ny}-${String(nm + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** Whole months from `from` to `toInclusive` (1 Aug 2024 → 31 May 2025 is 10 months). */
export function wholeMonths(from: string, toInclusive: string): number {
  if (toInclusive < from) return 0;
  const end = addDaysIso(toInclusive, 1);
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ey, em, ed] = end.split("-").map(Number);
  let months = (ey - fy) * 12 + (em - fm);
  if (ed < fd) months -= 1;
  return Math.max(0, months);
}

export function formatIsoDay(day: string | null | undefined): string {
  if (!day) return "";
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

export function yearLabel(startYear: number): string {
  return `${startYear}–${startYear + 1}`;
}

/** A school year row as the rules see it. */
export function periodOf(y: { id: string; label: string; startsOn: Date; endsOn: Date }): PeriodInfo {
  return { schoolYearId: y.id, startYear: y.startsOn.getUTCFullYear(), label: y.label, startsOn: toIsoDay(y.startsOn), endsOn: toIsoDay(y.endsOn) };
}
