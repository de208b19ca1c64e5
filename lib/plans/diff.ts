// What changed between two versions of a plan, field by field: header fields, text sections
// (by key, with a line diff of the body), calendar items and targets (by their stable key).
import type { CalendarContent, PlanContent, PlanHeader, SectionContent, TargetContent } from "./content";
import { SIDE_LABELS } from "./content";
import { formatDate } from "../format";
import { formatTarget } from "./measures";

export type ChangeKind = "added" | "removed" | "changed";

export interface FieldChange {
  area: "header" | "section" | "calendar" | "target";
  /** The section key, item key or header field. */
  key: string;
  /** What a person reads: "Tiêu đề", "Mục: Nguyên tắc", "Lịch: tháng 10 – Kỷ niệm…". */
  label: string;
  kind: ChangeKind;
  field?: string;
  fieldLabel?: string;
  before?: string;
  after?: string;
  /** For long text: the lines removed (-) and added (+), in order. */
  lines?: LineChange[];
}

export interface LineChange {
  op: "same" | "add" | "del";
  text: string;
}

const HEADER_LABELS: Record<keyof PlanHeader, string> = {
  issuerParent: "Cơ quan chủ quản",
  issuerName: "Đơn vị ban hành",
  docNumber: "Số, ký hiệu",
  place: "Địa danh",
  issuedOn: "Ngày ban hành",
  title: "Trích yếu",
  recipients: "Nơi nhận",
  govSignerTitle: "Chức danh ký (nhà trường)",
  unionSignerTitle: "Chức danh ký (công đoàn)",
  meetingDay: "Ngày họp liên tịch hằng tháng",
};

function show(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return formatDate(v);
  return String(v);
}

/** Longest-common-subsequence line diff (plans are short: quadratic is fine). */
export function diffLines(a: string, b: string): LineChange[] {
  const x = a.split("\n");
  const y = b.split("\n");
  const n = x.length;
  const m = y.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push({ op: "same", text: x[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ op: "del", text: x[i++] });
    else out.push({ op: "add", text: y[j++] });
  }
  while (i < n) out.push({ op: "del", text: x[i++] });
  while (j < m) out.push({ op: "add", text: y[j++] });
  return out;
}

function byKey<T extends { key: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.key, r]));
}

/** Compares rows with the same key field by field; reports added and removed rows whole. */
function diffRows<T extends { key: string }>(
  area: FieldChange["area"],
  before: T[],
  after: T[],
  label: (r: T) => string,
  fields: { [K in keyof T]?: string },
  summary: (r: T) => string,
): FieldChange[] {
  const out: FieldChange[] = [];
  const a = byKey(before);
  const b = byKey(after);
  for (const row of after) {
    const old = a.get(row.key);
    if (!old) {
      out.push({ area, key: row.key, label: label(row), kind: "added", after: summary(row) });
      continue;
    }
    for (const f of Object.keys(fields) as (keyof T & string)[]) {
      const x = show(old[f] as unknown);
      const y = show(row[f] as unknown);
      if (x !== y) {
        const change: FieldChange = { area, key: row.key, label: label(row), kind: "changed", field: f, fieldLabel: fields[f], before: x, after: y };
        if (x.includes("\n") || y.includes("\n")) change.lines = diffLines(x, y);
        out.push(change);
      }
    }
  }
  for (const row of before) if (!b.has(row.key)) out.push({ area, key: row.key, label: label(row), kind: "removed", before: summary(row) });
  return out;
}

function calendarSummary(i: CalendarContent): string {
  const when = i.onDate ? formatDate(i.onDate) : `tháng ${i.month}`;
  return `${when}: ${i.content} (${SIDE_LABELS[i.leadSide]} chủ trì)`;
}

function targetSummary(t: TargetContent): string {
  return `${t.label}: ${formatTarget(t)}`;
}

const ENUM_TEXT: Record<string, string> = {
  ...SIDE_LABELS,
  PERCENT: "%",
  COUNT: "số lượng",
  AT_LEAST: "ít nhất (≥)",
  AT_MOST: "không quá (≤)",
};
const ENUM_FIELDS = new Set(["leadSide", "unit", "comparator"]);

/** Every difference from `before` to `after`, in document order. */
export function diffPlans(before: PlanContent, after: PlanContent): FieldChange[] {
  return collect(before, after).map((c) =>
    c.field && ENUM_FIELDS.has(c.field) ? { ...c, before: ENUM_TEXT[c.before ?? ""] ?? c.before, after: ENUM_TEXT[c.after ?? ""] ?? c.after } : c,
  );
}

function collect(before: PlanContent, after: PlanContent): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of Object.keys(HEADER_LABELS) as (keyof PlanHeader)[]) {
    const x = show(before.header[f]);
    const y = show(after.header[f]);
    if (x !== y) {
      const change: FieldChange = { area: "header", key: f, label: HEADER_LABELS[f], kind: "changed", field: f, fieldLabel: HEADER_LABELS[f], before: x, after: y };
      if (x.includes("\n") || y.includes("\n")) change.lines = diffLines(x, y);
      out.push(change);
    }
  }
  out.push(
    ...diffRows<SectionContent>("section", before.sections, after.sections, (s) => `Mục: ${s.title}`, { title: "Tên mục", body: "Nội dung" }, (s) => s.title),
    ...diffRows<CalendarContent>(
      "calendar",
      before.items,
      after.items,
      (i) => `Lịch: ${i.content.length > 60 ? `${i.content.slice(0, 60)}…` : i.content}`,
      { month: "Tháng", onDate: "Ngày", content: "Nội dung", leadSide: "Bên chủ trì" },
      calendarSummary,
    ),
    ...diffRows<TargetContent>(
      "target",
      before.targets,
      after.targets,
      (t) => `Chỉ tiêu: ${t.label}`,
      { label: "Tên chỉ tiêu", measureKey: "Cách đo", unit: "Đơn vị", comparator: "So sánh", targetValue: "Chỉ tiêu", manualActual: "Kết quả nhập tay" },
      targetSummary,
    ),
  );
  return out;
}
