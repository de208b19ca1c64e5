// zod input schemas for the initiatives registry (no server imports: forms reuse them).
import { id, optionalDate, optionalText, requiredText, version, z, submissionKey } from "../validation";

const level = z.enum(["SCHOOL", "DIRECT_UPPER", "PROVINCE", "NATIONAL"], { error: "Cấp công nhận không hợp lệ." }).optional();
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
/** Authors: one or more member ids (a multiple select sends "a,b" or repeated values joined). */
const authorIds = z
  .string({ error: "Vui lòng chọn tác giả." })
  .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
  .pipe(z.array(id("tác giả")).min(1, "Vui lòng chọn ít nhất một tác giả.").max(10, "Tối đa 10 tác giả."));

const fields = {
  title: requiredText("tên sáng kiến", 300),
  field: optionalText("lĩnh vực", 120),
  summary: optionalText("tóm tắt", 2000),
  authorIds,
  level,
  recognisedBy: optionalText("cơ quan, hội đồng công nhận", 200),
  decisionNumber: optionalText("số quyết định", 60),
  recognisedOn: optionalDate("ngày công nhận"),
  applied: checkbox,
  appliedNote: optionalText("kết quả áp dụng", 1000),
  evidence: optionalText("minh chứng", 1000),
};

function recognitionComplete(v: { recognisedOn?: Date; decisionNumber?: string; level?: string }, ctx: z.RefinementCtx) {
  const any = v.recognisedOn || v.decisionNumber || v.level;
  if (any && !v.recognisedOn) ctx.addIssue({ code: "custom", path: ["recognisedOn"], message: "Nhập ngày công nhận." });
  if (any && !v.level) ctx.addIssue({ code: "custom", path: ["level"], message: "Chọn cấp công nhận." });
  if (v.recognisedOn && v.recognisedOn.getTime() > Date.now() + 86_400_000) ctx.addIssue({ code: "custom", path: ["recognisedOn"], message: "Ngày công nhận không được sau hôm nay." });
}

export const createInitiativeSchema = z.strictObject({ schoolId: id("trường"), schoolYearId: id("năm học"), ...fields, submissionKey }).superRefine(recognitionComplete);
export type CreateInitiativeInput = z.output<typeof createInitiativeSchema>;

export const updateInitiativeSchema = z.strictObject({ initiativeId: id("sáng kiến"), version, ...fields }).superRefine(recognitionComplete);
export type UpdateInitiativeInput = z.output<typeof updateInitiativeSchema>;
