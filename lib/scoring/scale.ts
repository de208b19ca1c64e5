// The shape of a scoring scale (biểu điểm, DOMAIN.md §4) as plain data, its zod schema and the
// structural checks a scale must pass before it can be saved or adopted. Pure: no I/O, usable
// in client components. All points are integers in TENTHS of a point (7,5 điểm = 75) so that
// sums are exact; lib/scoring/points.ts converts for display and input.
import { z } from "../validation";
import { formatNumber } from "../format";

/** How a criterion is marked: with points up to its maximum, or Đạt / Không đạt. */
export type CriterionType = "POINTS" | "PASS_FAIL";

export interface Criterion {
  key: string;
  name: string;
  description?: string;
  /** Tenths. 0 for PASS_FAIL criteria (they never add points). */
  max: number;
  evidenceRequired: boolean;
  type: CriterionType;
}

export interface CriterionGroup {
  key: string;
  name: string;
  /** Tenths; equals the sum of its criteria's maxima. */
  max: number;
  /** Floor for bands that apply group floors, in % of the group's max (overrides the band's). */
  floorPercent?: number;
  criteria: Criterion[];
}

/** An itemised deduction: points per occurrence, e.g. unexcused absence −5 per day. */
export interface DeductionItem {
  key: string;
  name: string;
  /** Tenths deducted per occurrence (positive number). */
  points: number;
  /** Deducted from this group's score (never below 0) instead of from the total. */
  groupKey?: string;
}

export interface BonusItem {
  key: string;
  name: string;
  /** Tenths; the most this item can add. */
  max: number;
}

/** Something that forces "Không xếp loại" whatever the points (discipline, extra-tutoring ban…). */
export interface Disqualifier {
  key: string;
  name: string;
}

/** A classification band; bands are listed from the highest down. */
export interface Band {
  key: string;
  label: string;
  /** Lowest total (tenths) for the band. */
  min: number;
  /** When true every group must reach its floor (group.floorPercent ?? groupFloorPercent). */
  applyGroupFloors: boolean;
  groupFloorPercent?: number;
  /** Every Đạt/Không đạt criterion must be Đạt. */
  requireAllPass?: boolean;
}

/**
 * ADDITIVE: criterion groups add up (100-point scales). DEDUCT_FROM_START: everyone starts at
 * `start` and loses points per deduction (the "750, deduct monthly" shape).
 */
export type ScaleKind = "ADDITIVE" | "DEDUCT_FROM_START";
/** RESCALE: the criterion leaves the max and the total is rescaled to the full max. FULL_CREDIT: counted at its max. */
export type OmitPolicy = "RESCALE" | "FULL_CREDIT";

export interface ScaleDefinition {
  kind: ScaleKind;
  /** Tenths, DEDUCT_FROM_START only. */
  start?: number;
  periodKind: "MONTH" | "SEMESTER" | "YEAR";
  /** How period results make the year's result. */
  aggregation: "AVERAGE" | "SUM" | "LAST";
  notApplicable: OmitPolicy;
  exempt: OmitPolicy;
  groups: CriterionGroup[];
  deductions: DeductionItem[];
  /** Tenths: the most all bonus items together can add. */
  bonusCap: number;
  bonus: BonusItem[];
  disqualifiers: Disqualifier[];
  bands: Band[];
  unrankedLabel: string;
  /** Legal basis / regulation the scale follows (văn bản căn cứ). */
  basis?: string;
}

const key = z
  .string()
  .min(1, "Thiếu mã.")
  .max(40, "Mã dài quá 40 ký tự.")
  .regex(/^[a-z0-9_-]+$/, "Mã chỉ gồm chữ thường không dấu, số, gạch nối.");
const label = (max = 300) => z.string().trim().min(1, "Vui lòng nhập tên.").max(max, `Dài quá ${max} ký tự.`);
const tenths = (hi = 100_000) => z.number().int("Điểm chỉ lấy tới một chữ số thập phân.").min(0, "Điểm không được âm.").max(hi);
const percent = z.number().int().min(0).max(100);

export const criterionSchema = z.strictObject({
  key,
  name: label(),
  description: z.string().max(2000).optional(),
  max: tenths(10_000),
  evidenceRequired: z.boolean(),
  type: z.enum(["POINTS", "PASS_FAIL"]),
});

export const scaleDefinitionSchema = z.strictObject({
  kind: z.enum(["ADDITIVE", "DEDUCT_FROM_START"]),
  start: tenths().optional(),
  periodKind: z.enum(["MONTH", "SEMESTER", "YEAR"]),
  aggregation: z.enum(["AVERAGE", "SUM", "LAST"]),
  notApplicable: z.enum(["RESCALE", "FULL_CREDIT"]),
  exempt: z.enum(["RESCALE", "FULL_CREDIT"]),
  groups: z
    .array(
      z.strictObject({
        key,
        name: label(),
        max: tenths(),
        floorPercent: percent.optional(),
        criteria: z.array(criterionSchema).max(100),
      }),
    )
    .max(30),
  deductions: z
    .array(z.strictObject({ key, name: label(), points: tenths(10_000).min(1, "Điểm trừ phải lớn hơn 0."), groupKey: key.optional() }))
    .max(50),
  bonusCap: tenths(10_000),
  // A bonus adds points: a negative maximum is refused here (deductions are their own items).
  bonus: z.array(z.strictObject({ key, name: label(), max: z.number().int("Điểm chỉ lấy tới một chữ số thập phân.").min(0, "Điểm cộng không được âm; khoản trừ điểm nhập ở mục “Khoản trừ theo lần”.").max(10_000) })).max(30),
  disqualifiers: z.array(z.strictObject({ key, name: label() })).max(30),
  bands: z
    .array(
      z.strictObject({
        key,
        label: label(60),
        min: tenths(),
        applyGroupFloors: z.boolean(),
        groupFloorPercent: percent.optional(),
        requireAllPass: z.boolean().optional(),
      }),
    )
    .min(1, "Cần ít nhất một mức xếp loại.")
    .max(10),
  unrankedLabel: label(60),
  basis: z.string().max(1000).optional(),
});

export interface ScaleProblem {
  path: string;
  message: string;
}

/** Every criterion of the scale, with its group, in order. */
export function allCriteria(scale: ScaleDefinition): (Criterion & { groupKey: string })[] {
  return scale.groups.flatMap((g) => g.criteria.map((c) => ({ ...c, groupKey: g.key })));
}

/** The most the criteria can give (tenths), before bonus. */
export function criteriaMax(scale: ScaleDefinition): number {
  return scale.groups.reduce((s, g) => s + g.max, 0);
}

/**
 * Structural checks beyond types: unique keys, group max = sum of its criteria, bands from the
 * highest down, deductions pointing at real groups. Returns problems in Vietnamese.
 */
export function checkScale(scale: ScaleDefinition): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  // Keys are unique within their kind: groups and criteria share one namespace (entries are keyed
  // by criterion), deductions, bonus items and disqualifiers each have their own.
  const spaces = new Map<string, Set<string>>();
  const unique = (k: string, path: string) => {
    const space = path.split(".")[0] === "groups" ? "groups" : path.split(".")[0];
    const seen = spaces.get(space) ?? new Set<string>();
    spaces.set(space, seen);
    if (seen.has(k)) problems.push({ path, message: `Mã "${k}" bị trùng.` });
    seen.add(k);
  };
  scale.groups.forEach((g, gi) => {
    unique(g.key, `groups.${gi}.key`);
    if (g.criteria.length === 0) problems.push({ path: `groups.${gi}`, message: `Nhóm "${g.name}" chưa có tiêu chí.` });
    g.criteria.forEach((c, ci) => {
      unique(c.key, `groups.${gi}.criteria.${ci}.key`);
      if (c.type === "PASS_FAIL" && c.max !== 0) problems.push({ path: `groups.${gi}.criteria.${ci}.max`, message: `Tiêu chí Đạt/Không đạt "${c.name}" không có điểm tối đa (để 0).` });
      if (c.type === "POINTS" && c.max === 0) problems.push({ path: `groups.${gi}.criteria.${ci}.max`, message: `Tiêu chí "${c.name}" cần điểm tối đa lớn hơn 0.` });
    });
    const sum = g.criteria.reduce((s, c) => s + c.max, 0);
    if (sum !== g.max) problems.push({ path: `groups.${gi}.max`, message: `Nhóm "${g.name}": tổng điểm các tiêu chí (${formatNumber(sum / 10)}) khác điểm tối đa của nhóm (${formatNumber(g.max / 10)}).` });
  });
  scale.deductions.forEach((d, i) => {
    unique(d.key, `deductions.${i}.key`);
    if (d.groupKey && !scale.groups.some((g) => g.key === d.groupKey)) problems.push({ path: `deductions.${i}.groupKey`, message: `Khoản trừ "${d.name}" trỏ tới nhóm không có.` });
  });
  scale.bonus.forEach((b, i) => {
    unique(b.key, `bonus.${i}.key`);
    if (b.max > scale.bonusCap) problems.push({ path: `bonus.${i}.max`, message: `Điểm thưởng "${b.name}" vượt mức trần cộng điểm.` });
  });
  scale.disqualifiers.forEach((d, i) => unique(d.key, `disqualifiers.${i}.key`));
  const bandKeys = new Set<string>();
  scale.bands.forEach((b, i) => {
    if (bandKeys.has(b.key)) problems.push({ path: `bands.${i}.key`, message: `Mức xếp loại "${b.key}" bị trùng.` });
    bandKeys.add(b.key);
    if (i > 0 && b.min >= scale.bands[i - 1].min) problems.push({ path: `bands.${i}.min`, message: "Các mức xếp loại phải xếp từ cao xuống thấp." });
  });
  if (scale.kind === "DEDUCT_FROM_START" && !scale.start) problems.push({ path: "start", message: "Biểu điểm trừ dần cần số điểm khởi đầu." });
  if (scale.kind === "ADDITIVE" && scale.groups.length === 0) problems.push({ path: "groups", message: "Biểu điểm cần ít nhất một nhóm tiêu chí." });
  return problems;
}

/**
 * The problems of a scale being edited (the builder's live check, the same rules the server
 * runs): the list, and the first message of each field path so the builder can show it beside
 * the field. `unparsed` holds fields whose text is not a number (path → message).
 */
export function editorProblems(def: ScaleDefinition, unparsed: Record<string, string> = {}): { list: ScaleProblem[]; byPath: Record<string, string> } {
  const parsed = scaleDefinitionSchema.safeParse(def);
  const base = parsed.success ? checkScale(def) : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const list = [...Object.entries(unparsed).map(([path, message]) => ({ path, message })), ...base.filter((p) => !(p.path in unparsed))];
  const byPath: Record<string, string> = {};
  for (const p of list) byPath[p.path] ??= p.message;
  return { list, byPath };
}

/** Parses unknown JSON (from the database or a form) into a checked scale, or the problems. */
export function parseScale(json: unknown): { ok: true; scale: ScaleDefinition } | { ok: false; problems: ScaleProblem[] } {
  const r = scaleDefinitionSchema.safeParse(json);
  if (!r.success) return { ok: false, problems: r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
  const scale = r.data as ScaleDefinition;
  const problems = checkScale(scale);
  return problems.length ? { ok: false, problems } : { ok: true, scale };
}
