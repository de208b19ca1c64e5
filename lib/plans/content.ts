// The content of a plan as plain data: what the template builds, what a copy or an amendment
// duplicates, what the diff compares and what the document renders. No I/O.

export type Side = "GOV" | "UNION" | "BOTH";

export interface PlanHeader {
  issuerParent: string;
  issuerName: string;
  docNumber: string;
  place: string;
  issuedOn: Date | null;
  title: string;
  recipients: string;
  govSignerTitle: string;
  unionSignerTitle: string;
  meetingDay: number;
}

export interface SectionContent {
  key: string;
  title: string;
  body: string;
  sortOrder: number;
}

export interface CalendarContent {
  key: string;
  sortOrder: number;
  /** 1–12. */
  month: number;
  onDate: Date | null;
  content: string;
  leadSide: Side;
}

export interface TargetContent {
  key: string;
  sortOrder: number;
  label: string;
  measureKey: string;
  unit: "PERCENT" | "COUNT";
  comparator: "AT_LEAST" | "AT_MOST";
  targetValue: number;
  manualActual: number | null;
}

export interface PlanContent {
  header: PlanHeader;
  sections: SectionContent[];
  items: CalendarContent[];
  targets: TargetContent[];
}

/** The text sections every plan has, in order (stable keys: comments and diffs refer to them). */
export const SECTION_KEYS = ["legal_basis", "principles", "duties", "joint_work", "meetings", "implementation"] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** Places a comment can be attached to: each text section, the calendar and the targets. */
export const COMMENT_KEYS = [...SECTION_KEYS, "calendar", "targets"] as const;
export type CommentKey = (typeof COMMENT_KEYS)[number];

export const COMMENT_KEY_LABELS: Record<CommentKey, string> = {
  legal_basis: "Căn cứ",
  principles: "Mục đích, yêu cầu và nguyên tắc phối hợp",
  duties: "Trách nhiệm của mỗi bên",
  joint_work: "Nội dung phối hợp",
  meetings: "Chế độ họp và thông tin",
  implementation: "Tổ chức thực hiện",
  calendar: "Lịch công việc phối hợp",
  targets: "Chỉ tiêu phối hợp",
};

export const SIDE_LABELS: Record<Side, string> = {
  GOV: "Nhà trường",
  UNION: "Công đoàn",
  BOTH: "Hai bên",
};

/** Side labels for a unit-level plan (the government counterpart instead of the school). */
export const UNIT_SIDE_LABELS: Record<Side, string> = {
  GOV: "Cơ quan quản lý",
  UNION: "Công đoàn",
  BOTH: "Hai bên",
};

/** Calendar order within a school year: September (9) first, August (8) last. */
export function schoolMonthOrder(month: number): number {
  return month >= 9 ? month - 9 : month + 3;
}

/** The calendar year of a month of the school year that starts in `startYear`. */
export function yearOfSchoolMonth(startYear: number, month: number): number {
  return month >= 9 ? startYear : startYear + 1;
}

/** A fresh key for a new calendar item or target ("k" + 10 base-36 characters). */
export function newContentKey(random: () => number = Math.random): string {
  let s = "k";
  for (let i = 0; i < 10; i++) s += Math.floor(random() * 36).toString(36);
  return s;
}

/** Within a month, dated work first (by day), then work for "the month". */
function dayKey(i: { onDate: Date | null }): number {
  return i.onDate ? i.onDate.getUTCDate() : 32;
}

/** A stored plan (any object with the header fields and the three content lists) as content. */
export function contentOf(p: PlanHeader & { sections: SectionContent[]; items: CalendarContent[]; targets: TargetContent[] }): PlanContent {
  const items = [...p.items].sort(
    (a, b) => schoolMonthOrder(a.month) - schoolMonthOrder(b.month) || dayKey(a) - dayKey(b) || a.sortOrder - b.sortOrder,
  );
  return {
    header: {
      issuerParent: p.issuerParent,
      issuerName: p.issuerName,
      docNumber: p.docNumber,
      place: p.place,
      issuedOn: p.issuedOn,
      title: p.title,
      recipients: p.recipients,
      govSignerTitle: p.govSignerTitle,
      unionSignerTitle: p.unionSignerTitle,
      meetingDay: p.meetingDay,
    },
    sections: [...p.sections].sort((a, b) => a.sortOrder - b.sortOrder).map((s) => ({ key: s.key, title: s.title, body: s.body, sortOrder: s.sortOrder })),
    items: items.map((i) => ({ key: i.key, sortOrder: i.sortOrder, month: i.month, onDate: i.onDate, content: i.content, leadSide: i.leadSide })),
    targets: [...p.targets].sort((a, b) => a.sortOrder - b.sortOrder).map((t) => ({
      key: t.key,
      sortOrder: t.sortOrder,
      label: t.label,
      measureKey: t.measureKey,
      unit: t.unit,
      comparator: t.comparator,
      targetValue: t.targetValue,
      manualActual: t.manualActual,
    })),
  };
}
