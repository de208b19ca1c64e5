// zod input schemas for nomination packages, their review and objections (no server imports).
import { TITLE_CODES } from "../awards/catalogue";
import { DOC_KINDS } from "../awards/rules-dossier";
import { id, optionalDate, optionalText, requiredText, submissionKey, version, vnDate, z } from "../validation";

const titleCode = z.enum(TITLE_CODES, { error: "Chọn danh hiệu hoặc hình thức khen thưởng." });
const level = z.enum(["SCHOOL", "DIRECT_UPPER", "PROVINCE", "NATIONAL"], { error: "Chọn cấp khen thưởng." });
const notFuture = (label: string) => vnDate(label).refine((d) => d.getTime() <= Date.now() + 86_400_000, { error: `${label[0].toUpperCase()}${label.slice(1)} không được sau hôm nay.` });
const idCsv = (label: string) =>
  z
    .string({ error: `Chọn ${label}.` })
    .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(id(label)).min(1, `Chọn ít nhất một ${label}.`).max(500));

export const createPackageSchema = z.strictObject({ schoolId: id("trường"), schoolYearId: id("năm học"), submissionKey });
export type CreatePackageInput = z.output<typeof createPackageSchema>;

/** A nominee: "m:<memberId>", "g:<unionGroupId>" or "s" (the school as a collective). */
export const addItemSchema = z.strictObject({
  packageId: id("hồ sơ"),
  nominee: z.string({ error: "Chọn người hoặc tập thể được đề nghị." }).regex(/^(m:[A-Za-z0-9_-]{1,64}|g:[A-Za-z0-9_-]{1,64}|s)$/, "Chọn người hoặc tập thể được đề nghị."),
  titleCode,
  /** Empty: the yearly merit of the school year; a theme names a thematic achievement (rule 6). */
  theme: optionalText("chuyên đề", 120),
  submissionKey,
});
export type AddItemInput = z.output<typeof addItemSchema>;

export const addEligibleSchema = z.strictObject({ packageId: id("hồ sơ"), titleCode: z.enum(["LDTT", "CSTDCS"], { error: "Chọn danh hiệu." }) });
export type AddEligibleInput = z.output<typeof addEligibleSchema>;

export const updateItemSchema = z.strictObject({ itemId: id("người được đề nghị"), version, achievementSummary: optionalText("báo cáo thành tích", 8000) });
export type UpdateItemInput = z.output<typeof updateItemSchema>;

export const withdrawItemSchema = z.strictObject({ itemId: id("người được đề nghị"), version });
export type WithdrawItemInput = z.output<typeof withdrawItemSchema>;

export const updateCoverSchema = z.strictObject({ packageId: id("hồ sơ"), version, coverNote: requiredText("nội dung tờ trình", 8000) });
export type UpdateCoverInput = z.output<typeof updateCoverSchema>;

/**
 * A file input left empty still sends an empty File (named "", "blob" or "undefined" depending on
 * the way it travelled): any empty file means "no file" here, the paper is then a reference only.
 */
const optionalFile = z.preprocess((v) => (typeof File !== "undefined" && v instanceof File && v.size === 0 ? undefined : v), z.instanceof(File, { error: "Chọn tệp đính kèm." }).optional());

/** A paper of the dossier: a reference (number, where it is kept), an uploaded file, or both. */
export const addDocumentSchema = z.strictObject({
  packageId: id("hồ sơ"),
  itemId: id("người được đề nghị").optional(),
  kind: z.enum(DOC_KINDS, { error: "Chọn loại tài liệu." }),
  title: requiredText("tên tài liệu", 200),
  reference: optionalText("số, ký hiệu hoặc nơi lưu", 300),
  file: optionalFile,
  submissionKey,
});
export type AddDocumentInput = z.output<typeof addDocumentSchema>;

export const deleteDocumentSchema = z.strictObject({ documentId: id("tài liệu") });
export type DeleteDocumentInput = z.output<typeof deleteDocumentSchema>;

/** Công khai: the day the list went up on the notice board (may be recorded afterwards). */
export const postPackageSchema = z.strictObject({ packageId: id("hồ sơ"), version, postedOn: notFuture("ngày công khai") });
export type PostPackageInput = z.output<typeof postPackageSchema>;

export const packageVersionSchema = z.strictObject({ packageId: id("hồ sơ"), version });
export type PackageVersionInput = z.output<typeof packageVersionSchema>;

export const objectionSchema = z.strictObject({
  packageId: id("hồ sơ"),
  itemId: id("người được đề nghị").optional(),
  body: requiredText("nội dung ý kiến", 3000),
  evidence: optionalText("minh chứng", 1000),
  submissionKey,
});
export type ObjectionInput = z.output<typeof objectionSchema>;

export const answerObjectionSchema = z.strictObject({ objectionId: id("ý kiến"), version, answer: requiredText("câu trả lời của Hội đồng", 3000) });
export type AnswerObjectionInput = z.output<typeof answerObjectionSchema>;

export const REVIEW_DECISIONS = ["approve", "approveChanged", "return", "reject"] as const;
export const reviewItemSchema = z
  .strictObject({
    itemId: id("người được đề nghị"),
    version,
    decision: z.enum(REVIEW_DECISIONS, { error: "Chọn ý kiến xét duyệt." }),
    comment: optionalText("ý kiến", 2000),
    approvedTitleCode: titleCode.optional(),
    approvedLevel: level.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "approve" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: v.decision === "return" ? "Ghi rõ nội dung cần bổ sung, sửa." : "Ghi rõ lý do." });
    if (v.decision === "approveChanged" && !v.approvedTitleCode) ctx.addIssue({ code: "custom", path: ["approvedTitleCode"], message: "Chọn hình thức khen thưởng được duyệt." });
  });
export type ReviewItemInput = z.output<typeof reviewItemSchema>;

export const bulkApproveSchema = z.strictObject({ packageId: id("hồ sơ"), itemIds: idCsv("người được đề nghị") });
export type BulkApproveInput = z.output<typeof bulkApproveSchema>;

export const setDeadlineSchema = z.strictObject({ packageId: id("hồ sơ"), version, deadline: optionalDate("hạn nộp"), reopenedUntil: optionalDate("mở lại đến ngày") });
export type SetDeadlineInput = z.output<typeof setDeadlineSchema>;
