// zod input schemas for evaluations, disciplines, open cases, decisions, revocations and setting
// overrides (no server imports: forms reuse them).
import { id, optionalDate, optionalText, requiredText, version, vnDate, z, submissionKey } from "../validation";
import { DISCIPLINE_LEVELS, GRADES, SETTING_KEYS } from "./settings";
import { OPEN_CASE_KINDS } from "./facts";
import { TITLE_CODES } from "./catalogue";
import { formatNumber } from "../format";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const days = (label: string) => z.coerce.number({ error: `Vui lòng nhập ${label}.` }).int(`${label} phải là số nguyên.`).min(0, `${label} không được âm.`).max(366, `${label} không quá 366.`);
const level = z.enum(["SCHOOL", "DIRECT_UPPER", "PROVINCE", "NATIONAL"], { error: "Chọn cấp khen thưởng." });
/** The most nominees one decision covers (a province's decision for one form runs to a few thousand). */
export const DECISION_MAX_ITEMS = 5000;
/** A decision's nominees, sent as one field "a,b,c" (DecisionNominees). */
const nomineeIds = (label: string) =>
  z
    .string({ error: `Chọn ${label}.` })
    .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(id(label)).min(1, `Chọn ít nhất một ${label}.`).max(DECISION_MAX_ITEMS, `Một quyết định gồm tối đa ${formatNumber(DECISION_MAX_ITEMS)} ${label}; lọc theo hình thức hoặc trường để chia thành nhiều quyết định.`));

/** Xếp loại, đăng ký, ngày nghỉ of one member for a year (evaluation.manage). */
export const saveEvaluationSchema = z.strictObject({
  memberId: id("đoàn viên"),
  schoolYearId: id("năm học"),
  version: z.coerce.number().int().min(0).default(0),
  grade: z.enum(GRADES, { error: "Xếp loại không hợp lệ." }).optional(),
  standardRating: z.enum(["TOT", "KHA", "DAT", "CHUA_DAT"], { error: "Đánh giá chuẩn nghề nghiệp không hợp lệ." }).optional(),
  registered: checkbox,
  absenceWorkingDays: days("Số ngày nghỉ"),
  maternityLeaveDays: days("Số ngày nghỉ thai sản"),
  note: optionalText("ghi chú", 500),
});
export type SaveEvaluationInput = z.output<typeof saveEvaluationSchema>;

export const addDisciplineSchema = z.strictObject({
  memberId: id("đoàn viên"),
  level: z.enum(DISCIPLINE_LEVELS, { error: "Chọn hình thức kỷ luật." }),
  decidedOn: vnDate("ngày quyết định"),
  effectiveTo: optionalDate("ngày hết hiệu lực"),
  decisionNumber: optionalText("số quyết định", 60),
  reason: requiredText("lý do", 500),
  submissionKey,
});
export type AddDisciplineInput = z.output<typeof addDisciplineSchema>;

export const addOpenCaseSchema = z.strictObject({
  memberId: id("đoàn viên"),
  kind: z.enum(OPEN_CASE_KINDS, { error: "Chọn loại vụ việc." }),
  openedOn: vnDate("ngày bắt đầu"),
  summary: requiredText("nội dung", 500),
  submissionKey,
});
export type AddOpenCaseInput = z.output<typeof addOpenCaseSchema>;

export const closeOpenCaseSchema = z.strictObject({ caseId: id("vụ việc"), version, closedOn: vnDate("ngày kết thúc") });
export type CloseOpenCaseInput = z.output<typeof closeOpenCaseSchema>;

/** Ra quyết định khen thưởng for approved nominees (decision.issue of the unit). */
export const issueDecisionSchema = z.strictObject({
  unitId: id("đơn vị"),
  schoolYearId: id("năm học"),
  number: requiredText("số quyết định", 60),
  signedOn: vnDate("ngày ký"),
  signerName: requiredText("người ký", 120),
  signerTitle: requiredText("chức vụ người ký", 120),
  issuerName: requiredText("cơ quan ban hành", 200),
  level,
  summary: optionalText("trích yếu", 300),
  itemIds: nomineeIds("người được khen thưởng"),
  idempotencyKey: id("mã gửi biểu mẫu"),
});
export type IssueDecisionInput = z.output<typeof issueDecisionSchema>;

export const revokeDecisionSchema = z.strictObject({
  decisionId: id("quyết định"),
  reason: requiredText("lý do thu hồi", 1000).refine((s) => s.length >= 5, { error: "Ghi rõ lý do thu hồi." }),
  number: optionalText("số quyết định thu hồi", 60),
  revokedOn: vnDate("ngày thu hồi"),
  submissionKey,
});
export type RevokeDecisionInput = z.output<typeof revokeDecisionSchema>;

/** An override of one threshold for the unit's schools (award.settings). Value as JSON text. */
export const saveSettingSchema = z.strictObject({
  unitId: id("đơn vị"),
  key: z.enum(SETTING_KEYS as [string, ...string[]], { error: "Chọn quy định." }),
  value: requiredText("giá trị", 200),
  basis: requiredText("văn bản căn cứ", 500),
  source: z.enum(["LAW", "OLD", "PRACTICE", "ASSUMED"], { error: "Chọn nguồn." }),
  validFrom: vnDate("ngày hiệu lực"),
  validTo: optionalDate("ngày hết hiệu lực"),
  schoolYearId: id("năm học").optional(),
  submissionKey,
});
export type SaveSettingInput = z.output<typeof saveSettingSchema>;

export const registryFilterSchema = z.object({
  nam: id().optional(),
  truong: id().optional(),
  danhHieu: z.string().max(40).optional(),
  trangThai: z.enum(["hieu-luc", "thu-hoi"]).optional(),
});

// ---- Chỉ tiêu khen thưởng (rule 11): set by an upper unit for all its schools or for one school.
const quotaMax = z.coerce
  .number({ error: "Vui lòng nhập số tối đa." })
  .int("Số tối đa phải là số nguyên.")
  .min(0, "Số tối đa không được âm.")
  .max(10000, "Số tối đa không quá 10.000.");

/** A new quota of the unit (award.settings). No schoolId: the whole unit. */
export const createQuotaSchema = z.strictObject({
  unitId: id("đơn vị"),
  schoolYearId: id("năm học"),
  schoolId: id("trường").optional(),
  titleCode: z.enum(TITLE_CODES, { error: "Chọn danh hiệu, hình thức khen thưởng." }),
  max: quotaMax,
  basis: requiredText("văn bản giao chỉ tiêu", 500),
  submissionKey,
});
export type CreateQuotaInput = z.output<typeof createQuotaSchema>;

/** Changes the number or the basis of a quota (scope and title stay: delete and add instead). */
export const updateQuotaSchema = z.strictObject({ quotaId: id("chỉ tiêu"), version, max: quotaMax, basis: requiredText("văn bản giao chỉ tiêu", 500) });
export type UpdateQuotaInput = z.output<typeof updateQuotaSchema>;

export const deleteQuotaSchema = z.strictObject({ quotaId: id("chỉ tiêu"), version });
export type DeleteQuotaInput = z.output<typeof deleteQuotaSchema>;
