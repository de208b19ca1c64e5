// Report periods (issue 9): a school year, a calendar year, a union term (nhiệm kỳ) or any date
// range, read from the query string and resolved to { from, to, label }. Pure: the pages pass the
// SchoolYear and UnionTerm rows they loaded; the tests pass plain objects.
//
// Every report counts what was DECIDED in the period: an award counts by its decision's date
// (AwardDecision.signedOn), not by the school year the decision is for (AwardDecision.schoolYearId).
// A school year runs 05/09 → 04/09 (schoolYearPeriod): a decision signed on 25/06/2025 counts in
// "Năm 2025" and in "Năm học 2024–2025"; one signed on 10/09/2025 for 2024–2025 counts in
// "Năm học 2025–2026" (its date) — the screens say so (PERIOD_BASIS).
import { z } from "../validation";
import { formatDate, parseDate, toDateInput } from "../format";

export const PERIOD_KINDS = ["nam-hoc", "nam", "nhiem-ky", "khoang"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  "nam-hoc": "Năm học",
  nam: "Năm (dương lịch)",
  "nhiem-ky": "Nhiệm kỳ công đoàn",
  khoang: "Khoảng thời gian",
};

/** The sentence shown under every report. */
export const PERIOD_BASIS =
  "Khen thưởng được tính theo ngày ký quyết định (không theo năm học ghi trong quyết định); năm học tính từ ngày 05/9 đến hết ngày 04/9 năm sau để gồm các quyết định ký trong hè; quyết định đã bị thu hồi, hủy bỏ không được tính.";

export interface SchoolYearRow {
  id: string;
  /** "2025–2026" */
  label: string;
  startsOn: Date;
  endsOn: Date;
}
export interface UnionTermRow {
  id: string;
  /** "2023–2028" */
  label: string;
  startsOn: Date;
  endsOn: Date;
}

export interface Period {
  kind: PeriodKind;
  /** Inclusive, UTC midnight. */
  from: Date;
  /** Inclusive, UTC midnight. */
  to: Date;
  label: string;
  /** The id of the school year or union term, when the period is one. */
  refId?: string;
}

/** What the picker's form sent (as typed, so a bad value can be shown back). */
export interface PeriodFormValues {
  ky: string;
  namHoc: string;
  nam: string;
  nhiemKy: string;
  tu: string;
  den: string;
}

export type PeriodParse =
  | { ok: true; period: Period; values: PeriodFormValues }
  | { ok: false; errors: Partial<Record<keyof PeriodFormValues, string>>; values: PeriodFormValues; period: Period | null };

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function first(sp: Params, key: string): string {
  const v = sp instanceof URLSearchParams ? sp.get(key) : sp[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === "string" ? s.normalize("NFC").trim().slice(0, 40) : "";
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const periodSchema = z.discriminatedUnion("ky", [
  z.object({ ky: z.literal("nam-hoc"), namHoc: z.string().regex(ID, "Vui lòng chọn năm học.") }),
  z.object({
    ky: z.literal("nam"),
    nam: z.coerce.number({ error: "Năm không hợp lệ." }).int("Năm không hợp lệ.").min(2000, "Năm phải từ 2000 đến 2100.").max(2100, "Năm phải từ 2000 đến 2100."),
  }),
  z.object({ ky: z.literal("nhiem-ky"), nhiemKy: z.string().regex(ID, "Vui lòng chọn nhiệm kỳ.") }),
  z
    .object({
      ky: z.literal("khoang"),
      tu: z.string().transform((s, ctx) => dateOrIssue(s, "Ngày bắt đầu", ctx)),
      den: z.string().transform((s, ctx) => dateOrIssue(s, "Ngày kết thúc", ctx)),
    })
    .refine((v) => v.tu.getTime() <= v.den.getTime(), { path: ["den"], message: "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu." })
    .refine((v) => v.den.getTime() - v.tu.getTime() <= 50 * 366 * 86_400_000, { path: ["den"], message: "Khoảng thời gian dài quá 50 năm." }),
]);

function dateOrIssue(s: string, label: string, ctx: z.core.$RefinementCtx<string>): Date {
  const d = parseDate(s);
  if (!d || d.getUTCFullYear() < 1990 || d.getUTCFullYear() > 2100) {
    ctx.addIssue({ code: "custom", message: s ? `${label} không hợp lệ (định dạng dd/mm/yyyy).` : `Vui lòng nhập ${label.toLowerCase()}.` });
    return z.NEVER;
  }
  return d;
}

const day = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

export function calendarYearPeriod(year: number): Period {
  return { kind: "nam", from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year, 11, 31)), label: `Năm ${year}` };
}
/**
 * A school year as a report period runs from its opening day to the day before the next one opens
 * (05/09 → 04/09, lib/format.ts schoolYearOf), not to its last teaching day (31/05): the year's
 * decisions are signed in June–August and belong to it.
 */
export function schoolYearPeriod(y: SchoolYearRow): Period {
  const from = day(y.startsOn);
  const nextOpens = new Date(Date.UTC(from.getUTCFullYear() + 1, 8, 4));
  const to = nextOpens.getTime() > day(y.endsOn).getTime() ? nextOpens : day(y.endsOn);
  return { kind: "nam-hoc", from, to, label: `Năm học ${y.label}`, refId: y.id };
}
export function unionTermPeriod(t: UnionTermRow): Period {
  return { kind: "nhiem-ky", from: day(t.startsOn), to: day(t.endsOn), label: `Nhiệm kỳ ${t.label}`, refId: t.id };
}
export function rangePeriod(from: Date, to: Date): Period {
  return { kind: "khoang", from: day(from), to: day(to), label: `Từ ${formatDate(from)} đến ${formatDate(to)}` };
}

/**
 * The default period: the school year that contains `today`, else the latest school year that has
 * started, else the calendar year of `today`.
 */
export function defaultPeriod(years: readonly SchoolYearRow[], today: Date): Period {
  const t = day(today).getTime();
  const current = years.map(schoolYearPeriod).find((p) => p.from.getTime() <= t && t <= p.to.getTime());
  if (current) return current;
  const started = [...years].filter((y) => day(y.startsOn).getTime() <= t).sort((a, b) => b.startsOn.getTime() - a.startsOn.getTime());
  return started[0] ? schoolYearPeriod(started[0]) : calendarYearPeriod(today.getUTCFullYear());
}

/** The form values that select `p` (for links and for the picker's initial state). */
export function periodValues(p: Period): PeriodFormValues {
  return {
    ky: p.kind,
    namHoc: p.kind === "nam-hoc" ? (p.refId ?? "") : "",
    nam: p.kind === "nam" ? String(p.from.getUTCFullYear()) : "",
    nhiemKy: p.kind === "nhiem-ky" ? (p.refId ?? "") : "",
    tu: p.kind === "khoang" ? toDateInput(p.from) : "",
    den: p.kind === "khoang" ? toDateInput(p.to) : "",
  };
}

/** The query string that selects `p` ("ky=nam&nam=2026"), without "?". */
export function periodQuery(p: Period): string {
  const v = periodValues(p);
  const q = new URLSearchParams({ ky: v.ky });
  if (v.ky === "nam-hoc") q.set("nam-hoc", v.namHoc);
  if (v.ky === "nam") q.set("nam", v.nam);
  if (v.ky === "nhiem-ky") q.set("nhiem-ky", v.nhiemKy);
  if (v.ky === "khoang") {
    q.set("tu", v.tu);
    q.set("den", v.den);
  }
  return q.toString();
}

/**
 * Reads the period from the query string (?ky=nam-hoc&nam-hoc=<id> | ?ky=nam&nam=2026 |
 * ?ky=nhiem-ky&nhiem-ky=<id> | ?ky=khoang&tu=01/01/2026&den=30/06/2026). No `ky` → the default
 * period. Bad input → Vietnamese messages per field, the typed values kept, and `period: null`
 * (the page shows the form with the messages and no numbers).
 */
export function parsePeriod(sp: Params, rows: { schoolYears: readonly SchoolYearRow[]; unionTerms: readonly UnionTermRow[] }, today: Date): PeriodParse {
  const values: PeriodFormValues = { ky: first(sp, "ky"), namHoc: first(sp, "nam-hoc"), nam: first(sp, "nam"), nhiemKy: first(sp, "nhiem-ky"), tu: first(sp, "tu"), den: first(sp, "den") };
  if (!values.ky) {
    const period = defaultPeriod(rows.schoolYears, today);
    return { ok: true, period, values: periodValues(period) };
  }
  if (!(PERIOD_KINDS as readonly string[]).includes(values.ky)) return { ok: false, errors: { ky: "Loại kỳ báo cáo không hợp lệ." }, values, period: null };
  const parsed = periodSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Partial<Record<keyof PeriodFormValues, string>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof PeriodFormValues | undefined;
      if (key && !errors[key]) errors[key] = issue.message;
    }
    return { ok: false, errors, values, period: null };
  }
  const input = parsed.data;
  switch (input.ky) {
    case "nam-hoc": {
      const y = rows.schoolYears.find((r) => r.id === input.namHoc);
      return y ? { ok: true, period: schoolYearPeriod(y), values } : { ok: false, errors: { namHoc: "Không tìm thấy năm học đã chọn." }, values, period: null };
    }
    case "nam":
      return { ok: true, period: calendarYearPeriod(input.nam), values };
    case "nhiem-ky": {
      const t = rows.unionTerms.find((r) => r.id === input.nhiemKy);
      return t ? { ok: true, period: unionTermPeriod(t), values } : { ok: false, errors: { nhiemKy: "Không tìm thấy nhiệm kỳ đã chọn." }, values, period: null };
    }
    case "khoang":
      return { ok: true, period: rangePeriod(input.tu, input.den), values };
  }
}
