// zod input schemas for scoring (no server imports: forms reuse them). Stage data arrives as one
// JSON field (the grid and the member's form build it); its shape is checked here, its content
// against the scale by validateStageData() on the server.
import { z, id, optionalText, requiredText, version, vnDate, optionalDate, submissionKey } from "../validation";
import type { StageData } from "./rules";

const key = z.string().min(1).max(40).regex(/^[a-z0-9_-]+$/);
const tenths = z.number().int().min(0).max(100_000);

export const entrySchema = z.strictObject({
  state: z.enum(["SCORED", "NOT_APPLICABLE", "EXEMPT"]),
  points: tenths.optional(),
  pass: z.boolean().optional(),
  note: z.string().max(500).optional(),
});

export const stageDataSchema = z.strictObject({
  entries: z.record(key, entrySchema),
  deductions: z.array(z.strictObject({ key, count: z.number().int().min(1).max(500), reason: z.string().max(500) })).max(50),
  bonus: z.record(key, tenths),
  disqualifiers: z.array(z.strictObject({ key, reason: z.string().max(500) })).max(30),
}) satisfies z.ZodType<StageData>;

/** A JSON text field parsed with a schema; bad JSON is a field error, not a crash. */
export function jsonField<T extends z.ZodType>(schema: T, label = "dữ liệu") {
  return z.string({ error: `Thiếu ${label}.` }).max(2_000_000).transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: `${label} không hợp lệ.` });
      return z.NEVER;
    }
  }).pipe(schema);
}

export const stageKind = z.enum(["SELF", "GROUP", "COUNCIL"]);

export const saveStageSchema = z.strictObject({
  sheetId: id("phiếu"),
  stage: stageKind,
  version: z.coerce.number().int().min(0),
  data: jsonField(stageDataSchema, "Điểm"),
  explanation: optionalText("giải trình", 4000),
});

export const gridRowSchema = z.strictObject({
  sheetId: id("phiếu"),
  /** 0 when the stage has no row yet. */
  version: z.number().int().min(0),
  entries: z.record(key, entrySchema),
  bonus: z.record(key, tenths),
});
export type GridRowInput = z.infer<typeof gridRowSchema>;

export const saveGridSchema = z.strictObject({
  periodId: id("kỳ chấm"),
  stage: z.enum(["GROUP", "COUNCIL"]),
  rows: jsonField(z.array(gridRowSchema).max(300), "Bảng điểm"),
});

export const amendStageSchema = z.strictObject({
  sheetId: id("phiếu"),
  stage: stageKind,
  version,
  data: jsonField(stageDataSchema, "Điểm"),
  explanation: optionalText("giải trình", 4000),
  reason: requiredText("lý do sửa điểm", 1000),
});

export const recuseSchema = z.strictObject({
  sheetId: id("phiếu"),
  stage: z.enum(["GROUP", "COUNCIL"]),
  reason: requiredText("lý do", 1000),
});

export const createPeriodSchema = z.strictObject({
  schoolId: id("trường"),
  campaignId: id("phong trào"),
  name: requiredText("tên kỳ chấm", 120),
  kind: z.enum(["MONTH", "SEMESTER", "YEAR", "ROUND"], { error: "Chọn loại kỳ chấm." }),
  startsOn: vnDate("ngày bắt đầu"),
  endsOn: vnDate("ngày kết thúc"),
  scaleVersionId: id("biểu điểm"),
  submissionKey,
});

export const periodStepSchema = z.strictObject({
  periodId: id("kỳ chấm"),
  version,
  /** For sealing the council stage: until when members may appeal (dd/mm/yyyy). */
  appealDeadline: optionalDate("hạn khiếu nại"),
});

export const periodIdSchema = z.strictObject({ periodId: id("kỳ chấm"), version });

export const appealSchema = z.strictObject({
  sheetId: id("phiếu"),
  text: requiredText("nội dung khiếu nại", 4000),
  submissionKey,
});

export const resolveAppealSchema = z.strictObject({
  appealId: id("khiếu nại"),
  version,
  decision: z.enum(["ACCEPTED", "REJECTED"], { error: "Chọn chấp nhận hoặc không chấp nhận." }),
  resolution: requiredText("lý do giải quyết", 4000),
});
