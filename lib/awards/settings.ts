// Thresholds of the rules (DOMAIN.md §6) as data: every value is a row with its legal basis
// (văn bản căn cứ), a source tag and validity dates. The rows below are the defaults; an upper
// unit or the admin overrides a key for its schools (optionally for one school year) with an
// AwardSetting row in the database. resolveSettings() picks, for each key, the most specific
// row valid on the day asked. Pure: no I/O, used by the rules, the UI and the tests alike.
import { z } from "zod";
import { formatPercent } from "../format";
import { DECREE_TOKEN, citeDecree } from "../legal/decrees";
import type { SourceTag } from "./catalogue";

export const GRADES = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"] as const;
/** Xếp loại viên chức (Nghị định 90/2020, sửa đổi bởi 48/2023), best first. */
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = {
  HTXSNV: "Hoàn thành xuất sắc nhiệm vụ",
  HTTNV: "Hoàn thành tốt nhiệm vụ",
  HTNV: "Hoàn thành nhiệm vụ",
  KHTNV: "Không hoàn thành nhiệm vụ",
};
/** a is at least as good as b. */
export function gradeAtLeast(a: Grade | null | undefined, b: Grade): boolean {
  return !!a && GRADES.indexOf(a) <= GRADES.indexOf(b);
}

export const DISCIPLINE_LEVELS = ["KHIEN_TRACH", "CANH_CAO", "HA_BAC_LUONG", "GIANG_CHUC", "CACH_CHUC", "BUOC_THOI_VIEC"] as const;
/** Hình thức kỷ luật, mildest first. */
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];
export const DISCIPLINE_LABELS: Record<DisciplineLevel, string> = {
  KHIEN_TRACH: "Khiển trách",
  CANH_CAO: "Cảnh cáo",
  HA_BAC_LUONG: "Hạ bậc lương",
  GIANG_CHUC: "Giáng chức",
  CACH_CHUC: "Cách chức",
  BUOC_THOI_VIEC: "Buộc thôi việc",
};
export function disciplineAtLeast(a: DisciplineLevel, b: DisciplineLevel): boolean {
  return DISCIPLINE_LEVELS.indexOf(a) >= DISCIPLINE_LEVELS.indexOf(b);
}

/** A share as an exact fraction; `strict` means "more than" instead of "at least". */
export interface Ratio {
  num: number;
  den: number;
  strict?: boolean;
}
export type Rounding = "FLOOR" | "ROUND" | "CEIL";
export type VoteBase = "PRESENT" | "ALL_MEMBERS";

/** part/whole meets the ratio, in integer arithmetic (2/3 of 30 is exactly 20). */
export function meetsRatio(part: number, whole: number, r: Ratio): boolean {
  if (whole <= 0) return false;
  const lhs = part * r.den;
  const rhs = r.num * whole;
  return r.strict ? lhs > rhs : lhs >= rhs;
}

/** count × ratio rounded by the rule: 30 LĐTT × 15% = 4.5 → FLOOR 4, ROUND 5, CEIL 5. */
export function applyRatio(count: number, r: Ratio, rounding: Rounding): number {
  const a = count * r.num;
  const b = r.den;
  if (rounding === "FLOOR") return Math.floor(a / b);
  if (rounding === "CEIL") return Math.ceil(a / b);
  return Math.floor((2 * a + b) / (2 * b));
}

export function formatRatio(r: Ratio): string {
  const pct = (r.num * 100) / r.den;
  const text = Number.isInteger(pct) ? formatPercent(pct, 0, true) : `${r.num}/${r.den}`;
  return r.strict ? `trên ${text}` : `từ ${text}`;
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part * 10000) / whole) / 100 : 0;
}

const ratio = z.object({ num: z.number().int().min(0), den: z.number().int().min(1), strict: z.boolean().optional() }).refine((r) => r.num <= r.den * 10);
const int = z.number().int().min(0).max(1000);

/** Every setting key with its value type and what it means. */
export const SETTING_SPECS = {
  "ldtt.minGrade": { label: "Xếp loại viên chức tối thiểu để xét LĐTT", schema: z.enum(GRADES) },
  "ldtt.requireRegistration": { label: "Phải đăng ký thi đua", schema: z.boolean() },
  "ldtt.blockingDiscipline": { label: "Kỷ luật trong kỳ từ hình thức này trở lên thì không xét", schema: z.enum(DISCIPLINE_LEVELS) },
  "ldtt.maxAbsenceDays": { label: "Số ngày làm việc nghỉ (phải ít hơn)", schema: int },
  "ldtt.minMonthsEmployed": { label: "Số tháng công tác tối thiểu trong kỳ", schema: int },
  "ldtt.maternityExempt": { label: "Nghỉ thai sản được tính như thời gian công tác", schema: z.boolean() },
  "cstdcs.minInitiatives": { label: "Số sáng kiến được công nhận tối thiểu", schema: int },
  "cstdcs.requireApplied": { label: "Sáng kiến phải được áp dụng", schema: z.boolean() },
  "cstdcs.requireHtxsnv": { label: "Phải xếp loại Hoàn thành xuất sắc nhiệm vụ", schema: z.boolean() },
  "chain.cstdTinh": { label: "Số lần liên tục đạt CSTĐCS để đề nghị CSTĐ cấp tỉnh", schema: int },
  "chain.cstdToanQuoc": { label: "Số lần liên tục đạt CSTĐ cấp tỉnh để đề nghị CSTĐ toàn quốc", schema: int },
  "bkTld.htxsnvYears": { label: "Số năm liên tục HTXSNV (Bằng khen Tổng LĐLĐVN)", schema: int },
  "bkTld.minInitiatives": { label: "Số sáng kiến được công nhận (Bằng khen Tổng LĐLĐVN)", schema: int },
  "bkTld.requireProvincialBangKhen": { label: "Phải có Bằng khen LĐLĐ tỉnh năm trước", schema: z.boolean() },
  "ttLdtt.ldttShare": { label: "Tỷ lệ thành viên đạt LĐTT (TT LĐTT)", schema: ratio },
  "ttLdtt.blockingDiscipline": { label: "Không có thành viên bị kỷ luật từ hình thức này (TT LĐTT)", schema: z.enum(DISCIPLINE_LEVELS) },
  "ttLdxs.htnvShare": { label: "Tỷ lệ thành viên hoàn thành nhiệm vụ trở lên (TT LĐXS)", schema: ratio },
  "ttLdxs.ldttShare": { label: "Tỷ lệ thành viên đạt LĐTT (TT LĐXS)", schema: ratio },
  "ttLdxs.minCstdcs": { label: "Số CSTĐCS tối thiểu (TT LĐXS)", schema: int },
  "cap.cstdcsShare": { label: "CSTĐCS tối đa so với số LĐTT", schema: ratio },
  "cap.cstdcsRounding": { label: "Cách làm tròn hạn mức CSTĐCS", schema: z.enum(["FLOOR", "ROUND", "CEIL"]) },
  "cap.htxsnvShare": { label: "HTXSNV tối đa so với số HTTNV trở lên", schema: ratio },
  "cap.htxsnvRounding": { label: "Cách làm tròn hạn mức HTXSNV", schema: z.enum(["FLOOR", "ROUND", "CEIL"]) },
  "council.quorum": { label: "Số thành viên có mặt tối thiểu (túc số)", schema: ratio },
  "council.requireOdd": { label: "Số thành viên Hội đồng phải là số lẻ", schema: z.boolean() },
  "vote.schoolPass": { label: "Tỷ lệ phiếu đồng ý (CSTĐCS)", schema: ratio },
  "vote.schoolBase": { label: "Tính tỷ lệ trên (CSTĐCS)", schema: z.enum(["PRESENT", "ALL_MEMBERS"]) },
  "vote.higherPass": { label: "Tỷ lệ phiếu đồng ý (đề nghị cấp tỉnh, toàn quốc)", schema: ratio },
  "vote.higherBase": { label: "Tính tỷ lệ trên (đề nghị cấp tỉnh, toàn quốc)", schema: z.enum(["PRESENT", "ALL_MEMBERS"]) },
  "vote.simplePass": { label: "Tỷ lệ đồng ý (các danh hiệu khác)", schema: ratio },
  "vote.simpleBase": { label: "Tính tỷ lệ trên (các danh hiệu khác)", schema: z.enum(["PRESENT", "ALL_MEMBERS"]) },
  "nomination.noticeDays": { label: "Số ngày công khai danh sách trước khi gửi", schema: int },
} as const;

export type SettingKey = keyof typeof SETTING_SPECS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTING_SPECS)[K]["schema"]>;
export const SETTING_KEYS = Object.keys(SETTING_SPECS) as SettingKey[];

/** A setting row: from the defaults below or from the AwardSetting table. */
export interface SettingRow {
  id?: string;
  key: string;
  value: unknown;
  /** Văn bản căn cứ. */
  basis: string;
  source: SourceTag;
  /** yyyy-mm-dd */
  validFrom: string;
  validTo: string | null;
  /** Override for the schools under this upper unit (null: the default). */
  organisationId?: string | null;
  /** Override for one school year only. */
  schoolYearId?: string | null;
}

/** A setting's value with where it comes from. */
export interface SettingOf<T> {
  key: SettingKey;
  value: T;
  basis: string;
  source: SourceTag;
  validFrom: string;
  validTo: string | null;
  origin: "default" | "unit";
  rowId?: string;
}
export type ResolvedSetting<K extends SettingKey = SettingKey> = SettingOf<SettingValue<K>>;

export type Settings = { [K in SettingKey]: ResolvedSetting<K> };

// The decree detailing the law is the one in force for the period judged (lib/legal/decrees.ts):
// resolveSettings replaces DECREE_TOKEN with it.
const ND91 = DECREE_TOKEN;
const LUAT = `Luật Thi đua, khen thưởng 2022 (Luật số 06/2022/QH15); ${DECREE_TOKEN}`;
const ND48 = "Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP";
const TLD_OLD = "Hướng dẫn thi đua, khen thưởng của Tổng LĐLĐVN (bản trước 2024)";

const d = (key: SettingKey, value: unknown, basis: string, source: SourceTag, validFrom = "2018-01-01", validTo: string | null = null): SettingRow => ({
  key,
  value,
  basis,
  source,
  validFrom,
  validTo,
});

/** The defaults (DOMAIN.md §6, values in brackets there). */
export const DEFAULT_SETTING_ROWS: readonly SettingRow[] = [
  d("ldtt.minGrade", "HTTNV", LUAT + ", tiêu chuẩn danh hiệu Lao động tiên tiến", "law", "2024-01-01"),
  d("ldtt.requireRegistration", true, "Quy chế thi đua của trường; đăng ký thi đua đầu năm học", "practice"),
  d("ldtt.blockingDiscipline", "KHIEN_TRACH", ND91 + ": không xét cá nhân bị kỷ luật từ khiển trách trở lên", "old"),
  d("ldtt.maxAbsenceDays", 40, ND91 + ": nghỉ từ 40 ngày làm việc trở lên không xét (trừ thai sản)", "old"),
  d("ldtt.minMonthsEmployed", 10, ND91 + ": mới tuyển dụng dưới 10 tháng không xét", "old"),
  d("ldtt.maternityExempt", true, ND91 + ": thời gian nghỉ thai sản được tính để xét", "old"),
  d("cstdcs.minInitiatives", 1, LUAT + ": có sáng kiến được cơ quan có thẩm quyền công nhận và áp dụng", "law", "2024-01-01"),
  d("cstdcs.requireApplied", true, LUAT + ": sáng kiến phải được áp dụng hiệu quả", "law", "2024-01-01"),
  d("cstdcs.requireHtxsnv", false, "Nhiều trường yêu cầu thêm xếp loại HTXSNV (tùy quy chế)", "practice"),
  d("chain.cstdTinh", 3, LUAT + ": 3 lần liên tục đạt CSTĐCS", "law", "2024-01-01"),
  d("chain.cstdToanQuoc", 2, LUAT + ": 2 lần liên tục đạt CSTĐ cấp tỉnh, bộ", "law", "2024-01-01"),
  d("bkTld.htxsnvYears", 2, TLD_OLD + ": 2 năm liên tục hoàn thành xuất sắc nhiệm vụ", "old"),
  d("bkTld.minInitiatives", 2, TLD_OLD + ": 2 sáng kiến được công nhận", "old"),
  d("bkTld.requireProvincialBangKhen", true, TLD_OLD + ": đã được tặng Bằng khen LĐLĐ tỉnh năm trước", "old"),
  d("ttLdtt.ldttShare", { num: 50, den: 100, strict: true }, ND91 + ": trên 50% cá nhân đạt LĐTT", "old"),
  d("ttLdtt.blockingDiscipline", "CANH_CAO", ND91 + ": không có cá nhân bị kỷ luật từ cảnh cáo trở lên", "old"),
  d("ttLdxs.htnvShare", { num: 100, den: 100 }, LUAT + ": 100% cá nhân hoàn thành nhiệm vụ trở lên", "law", "2024-01-01"),
  d("ttLdxs.ldttShare", { num: 70, den: 100 }, LUAT + ": ít nhất 70% cá nhân đạt LĐTT", "law", "2024-01-01"),
  d("ttLdxs.minCstdcs", 1, LUAT + ": có cá nhân đạt CSTĐCS", "law", "2024-01-01"),
  d("cap.cstdcsShare", { num: 15, den: 100 }, ND91 + ": CSTĐCS không quá 15% số cá nhân đạt LĐTT", "old"),
  d("cap.cstdcsRounding", "FLOOR", "Làm tròn xuống (giả định; đơn vị cấp trên có thể đổi)", "assumed"),
  // Rule 10: the cap itself is law (Decree 48/2023); the 20% figure is the app's assumed default
  // (DOMAIN.md §6 rule 10), so the row is tagged "assumed" and says so.
  d("cap.htxsnvShare", { num: 20, den: 100 }, ND48 + " quy định có hạn mức tỷ lệ HTXSNV; mức 20% số HTTNV trở lên là giá trị giả định, đơn vị điều chỉnh theo văn bản áp dụng", "assumed", "2023-07-10"),
  d("cap.htxsnvRounding", "FLOOR", "Làm tròn xuống (giả định)", "assumed"),
  d("council.quorum", { num: 2, den: 3 }, LUAT + " (hội đồng cấp trên); trường áp dụng theo quy chế", "law", "2024-01-01"),
  d("council.requireOdd", true, "Quy chế hoạt động Hội đồng Thi đua – Khen thưởng: số thành viên là số lẻ", "law"),
  d("vote.schoolPass", { num: 70, den: 100 }, ND91 + ": CSTĐCS từ 70% số phiếu đồng ý", "old"),
  d("vote.schoolBase", "PRESENT", "Tính trên số thành viên có mặt (giả định theo quy chế trường)", "assumed"),
  d("vote.higherPass", { num: 90, den: 100 }, ND91 + ": đề nghị CSTĐ cấp tỉnh, toàn quốc từ 90% số phiếu", "old"),
  d("vote.higherBase", "ALL_MEMBERS", ND91 + ": tính trên tổng số thành viên Hội đồng", "old"),
  d("vote.simplePass", { num: 50, den: 100, strict: true }, "Quá nửa số thành viên có mặt đồng ý (giả định)", "assumed"),
  d("vote.simpleBase", "PRESENT", "Tính trên số thành viên có mặt (giả định)", "assumed"),
  d("nomination.noticeDays", 5, "Số ngày công khai do đơn vị cấp trên quy định (giả định 5 ngày)", "assumed"),
];

export interface SettingsContext {
  /** The day the rules are applied (validity dates are checked against it), yyyy-mm-dd or Date. */
  on: Date | string;
  /** Upper units whose overrides apply, nearest first (the school's unit, then its parents). */
  organisationIds?: readonly string[];
  schoolYearId?: string | null;
}

function isoDay(v: Date | string): string {
  return typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}

/** Parses a row's value for its key; null when the row is for an unknown key or malformed. */
export function parseSettingValue<K extends SettingKey>(key: K, value: unknown): SettingValue<K> | null {
  const spec = SETTING_SPECS[key];
  if (!spec) return null;
  const r = spec.schema.safeParse(value);
  return r.success ? (r.data as SettingValue<K>) : null;
}

/**
 * The value of every key for a school under `organisationIds` on a day: the nearest unit's row
 * for the school year, else the nearest unit's general row, else the default; rows outside
 * their validity dates or with malformed values are skipped.
 */
export function resolveSettings(rows: readonly SettingRow[], ctx: SettingsContext): Settings {
  const on = isoDay(ctx.on);
  const orgs = ctx.organisationIds ?? [];
  const out = {} as Record<SettingKey, ResolvedSetting>;
  for (const key of SETTING_KEYS) {
    const candidates = rows
      .filter((r) => r.key === key && r.validFrom <= on && (!r.validTo || r.validTo >= on))
      .filter((r) => (!r.organisationId || orgs.includes(r.organisationId)) && (!r.schoolYearId || r.schoolYearId === ctx.schoolYearId))
      .map((r) => ({ r, value: parseSettingValue(key, r.value) }))
      .filter((c) => c.value !== null)
      .sort((a, b) => rank(a.r) - rank(b.r) || (a.r.validFrom < b.r.validFrom ? 1 : -1));
    // Defaults always exist; a default outside its dates still beats having no rule at all.
    const best = candidates[0] ?? { r: DEFAULT_SETTING_ROWS.find((r) => r.key === key)!, value: null };
    out[key] = {
      key,
      value: best.value ?? parseSettingValue(key, best.r.value)!,
      basis: citeDecree(best.r.basis, on),
      source: best.r.source,
      validFrom: best.r.validFrom,
      validTo: best.r.validTo,
      origin: best.r.organisationId ? "unit" : "default",
      rowId: best.r.id,
    };
  }
  return out as Settings;

  function rank(r: SettingRow): number {
    const org = r.organisationId ? orgs.indexOf(r.organisationId) : orgs.length + 1;
    return org * 2 + (r.schoolYearId ? 0 : 1);
  }
}

/** The defaults as they apply on a day (tests and pages with no overrides). */
export function defaultSettings(on: Date | string = "2026-05-20"): Settings {
  return resolveSettings(DEFAULT_SETTING_ROWS, { on });
}

/** A copy of `base` with some values replaced (tests, previews of an override). */
export function withSettings(base: Settings, values: { [K in SettingKey]?: SettingValue<K> }): Settings {
  const out = { ...base } as Record<SettingKey, ResolvedSetting>;
  for (const [k, v] of Object.entries(values) as [SettingKey, unknown][]) {
    out[k] = { ...out[k], value: v as never, basis: `${out[k].basis} (giá trị điều chỉnh)`, origin: "unit" };
  }
  return out as Settings;
}

/** How a value reads to a person: "từ 70%", "4", "Có". */
export function formatSettingValue(key: SettingKey, value: unknown): string {
  if (typeof value === "boolean") return value ? "Có" : "Không";
  if (typeof value === "number") return String(value);
  if (value && typeof value === "object" && "num" in value) return formatRatio(value as Ratio);
  const labels: Record<string, string> = {
    ...GRADE_LABELS,
    ...DISCIPLINE_LABELS,
    FLOOR: "Làm tròn xuống",
    ROUND: "Làm tròn gần nhất",
    CEIL: "Làm tròn lên",
    PRESENT: "Số thành viên có mặt",
    ALL_MEMBERS: "Tổng số thành viên Hội đồng",
  };
  return labels[String(value)] ?? String(value);
}

/**
 * A value typed by a person for a key: "15%" or "2/3" (ratios, "trên 50%" for strict), a number,
 * "có"/"không", or a code (HTTNV, FLOOR, PRESENT…). Null when it does not fit the key.
 */
export function parseSettingInput<K extends SettingKey>(key: K, text: string): SettingValue<K> | null {
  const t = text.trim().toLowerCase();
  const strict = /^(trên|>)\s*/.test(t);
  const body = t.replace(/^(trên|từ|>=|>|≥)\s*/, "");
  const candidates: unknown[] = [];
  const pct = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(body);
  const frac = /^(\d+)\s*\/\s*(\d+)$/.exec(body);
  if (pct) {
    const n = Number(pct[1].replace(",", "."));
    const scale = Number.isInteger(n) ? 1 : 100;
    candidates.push({ num: Math.round(n * scale), den: 100 * scale, ...(strict ? { strict: true } : {}) });
  }
  if (frac) candidates.push({ num: Number(frac[1]), den: Number(frac[2]), ...(strict ? { strict: true } : {}) });
  if (/^\d+$/.test(body)) candidates.push(Number(body));
  if (["có", "co", "true", "yes"].includes(body)) candidates.push(true);
  if (["không", "khong", "false", "no"].includes(body)) candidates.push(false);
  candidates.push(text.trim().toUpperCase());
  for (const c of candidates) {
    const v = parseSettingValue(key, c);
    if (v !== null) return v;
  }
  return null;
}
