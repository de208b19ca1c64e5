// zod input schemas for plans (no server imports: forms reuse them).
import { capital, id, optionalDate, optionalText, requiredText, submissionKey, version, z } from "../validation";
import { COMMENT_KEYS } from "./content";
import { MEASURE_KEYS } from "./measures";

/** Multi-line text: NFC, Windows line ends folded, trailing spaces and runs of blank lines removed. */
export function cleanMultiline(s: string): string {
  return s
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export const multilineText = (label: string, max = 20_000) =>
  z
    .string({ error: `Vui lòng nhập ${label}.` })
    .transform(cleanMultiline)
    .pipe(z.string().min(1, `Vui lòng nhập ${label}.`).max(max, `${capital(label)} dài quá ${max} ký tự.`));

const side = z.enum(["GOV", "UNION", "BOTH"], { error: "Vui lòng chọn bên chủ trì." });

/** Decimal numbers typed the Vietnamese way ("12,5") or not. */
const number = (label: string) =>
  z
    .string({ error: `Vui lòng nhập ${label}.` })
    .transform((s) => (/^\s*\d+([.,]\d+)?\s*$/.test(s) ? Number(s.trim().replace(",", ".")) : Number.NaN))
    .pipe(z.number({ error: `${capital(label)} phải là một số.` }).min(0, `${capital(label)} không được âm.`).max(1_000_000, `${capital(label)} quá lớn.`));

export const createPlanSchema = z.strictObject({
  schoolId: id("trường"),
  schoolYearId: id("năm học"),
  source: z.enum(["template", "copy"], { error: "Vui lòng chọn cách tạo kế hoạch." }),
  submissionKey,
});
export type CreatePlanInput = z.output<typeof createPlanSchema>;

export const createUnitPlanSchema = z.strictObject({
  unitId: id("đơn vị"),
  schoolYearId: id("năm học"),
  submissionKey,
});
export type CreateUnitPlanInput = z.output<typeof createUnitPlanSchema>;

export const updateHeaderSchema = z.strictObject({
  planId: id("kế hoạch"),
  version,
  issuerParent: requiredText("cơ quan chủ quản", 200),
  issuerName: multilineText("đơn vị ban hành", 300),
  docNumber: requiredText("số, ký hiệu", 60),
  place: requiredText("địa danh", 80),
  issuedOn: optionalDate("ngày ban hành"),
  title: requiredText("trích yếu", 300),
  recipients: multilineText("nơi nhận", 1000),
  govSignerTitle: multilineText("chức danh người ký (chính quyền)", 120),
  unionSignerTitle: multilineText("chức danh người ký (công đoàn)", 120),
  meetingDay: z.coerce.number({ error: "Ngày họp phải là một số." }).int("Ngày họp phải là số nguyên.").min(1, "Ngày họp từ 1 đến 28.").max(28, "Ngày họp từ 1 đến 28."),
});
export type UpdateHeaderInput = z.output<typeof updateHeaderSchema>;

export const updateSectionSchema = z.strictObject({
  planId: id("kế hoạch"),
  sectionId: id("mục"),
  version,
  title: requiredText("tên mục", 200),
  body: multilineText("nội dung mục"),
});
export type UpdateSectionInput = z.output<typeof updateSectionSchema>;

export const saveItemSchema = z.strictObject({
  planId: id("kế hoạch"),
  itemId: id("mục lịch").optional(),
  version: version.optional(),
  month: z.coerce.number({ error: "Vui lòng chọn tháng." }).int().min(1, "Vui lòng chọn tháng.").max(12, "Tháng không hợp lệ."),
  onDate: optionalDate("ngày"),
  content: requiredText("nội dung công việc", 500),
  leadSide: side,
  submissionKey,
});
export type SaveItemInput = z.output<typeof saveItemSchema>;

export const deleteRowSchema = z.strictObject({
  planId: id("kế hoạch"),
  rowId: id("dòng"),
  version,
});
export type DeleteRowInput = z.output<typeof deleteRowSchema>;

export const saveTargetSchema = z.strictObject({
  planId: id("kế hoạch"),
  targetId: id("chỉ tiêu").optional(),
  version: version.optional(),
  label: requiredText("tên chỉ tiêu", 300),
  measureKey: z.enum(MEASURE_KEYS, { error: "Vui lòng chọn cách đo." }),
  unit: z.enum(["PERCENT", "COUNT"], { error: "Vui lòng chọn đơn vị." }),
  comparator: z.enum(["AT_LEAST", "AT_MOST"], { error: "Vui lòng chọn so sánh." }),
  targetValue: number("giá trị chỉ tiêu"),
  manualActual: number("kết quả").optional(),
  submissionKey,
});
export type SaveTargetInput = z.output<typeof saveTargetSchema>;

export const addCommentSchema = z.strictObject({
  planId: id("kế hoạch"),
  sectionKey: z.enum(COMMENT_KEYS, { error: "Mục góp ý không hợp lệ." }),
  body: multilineText("nội dung góp ý", 4000),
  submissionKey,
});
export type AddCommentInput = z.output<typeof addCommentSchema>;

export const transitionSchema = z.strictObject({
  planId: id("kế hoạch"),
  version,
  action: z.enum(["submit", "withdraw", "return", "sign_gov", "sign_union"], { error: "Thao tác không hợp lệ." }),
  /** For a unit plan's counterpart signature: the name of who signed for the government side. */
  signerName: optionalText("họ tên người ký", 120),
});
export type TransitionInput = z.output<typeof transitionSchema>;

export const amendPlanSchema = z.strictObject({
  planId: id("kế hoạch"),
  reason: multilineText("lý do sửa đổi", 2000),
  submissionKey,
});
export type AmendPlanInput = z.output<typeof amendPlanSchema>;

export const discardDraftSchema = z.strictObject({
  planId: id("kế hoạch"),
  version,
});
export type DiscardDraftInput = z.output<typeof discardDraftSchema>;
