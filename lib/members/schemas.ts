// zod input schemas for members (no server imports: forms and the Excel import reuse them).
import { email, id, optionalDate, optionalText, requiredText, submissionKey, version, z } from "../validation";
import { cleanText } from "../format";
import { citizenIdProblem, normaliseCitizenId } from "./union-fields";

const gender = z.enum(["NAM", "NU"], { error: "Vui lòng chọn giới tính (Nam hoặc Nữ)." });

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 .()-]{6,18}[0-9]$/, "Số điện thoại không hợp lệ (chỉ gồm chữ số, ví dụ 0912 345 678).")
  .optional();

/** A past (or today's) date: a birthday or a joining date cannot lie ahead. */
const pastDate = (label: string) =>
  optionalDate(label.toLowerCase()).refine((d) => !d || d.getTime() <= Date.now() + 86_400_000, {
    error: `${label} không được sau ngày hôm nay.`,
  });

/** The fields a person types about a member (form and Excel row alike). */
export const memberFields = {
  fullName: requiredText("họ và tên", 120),
  gender,
  dateOfBirth: pastDate("Ngày sinh"),
  position: optionalText("chức vụ", 100),
  professionalGroup: optionalText("tổ chuyên môn", 100),
  email: email().optional(),
  phone,
  joinedUnionAt: pastDate("Ngày vào công đoàn"),
  contractStartAt: optionalDate("ngày bắt đầu hợp đồng"),
  // The union fields a school keeps (issue 11).
  /** Số CCCD: 12 digits (checked with the gender and birthday in `unionFieldChecks`). */
  citizenId: z
    .string()
    .transform((s) => normaliseCitizenId(cleanText(s)))
    // The number alone (12 digits, a province code) here, so its error shows beside the field
    // with every other one; gender and birth year are compared in `unionFieldChecks`.
    .check((c) => {
      const problem = c.value ? citizenIdProblem(c.value) : null;
      if (problem) c.issues.push({ code: "custom", message: problem, input: c.value });
    })
    .transform((v) => v || undefined)
    .optional(),
  ethnicity: optionalText("dân tộc", 50),
  hometown: optionalText("quê quán", 200),
  unionCardNumber: z
    .string()
    .transform(cleanText)
    .pipe(z.string().max(30, "Số thẻ đoàn viên dài quá 30 ký tự.").regex(/^[\p{L}\p{N} ./-]*$/u, "Số thẻ đoàn viên chỉ gồm chữ, số và các dấu . / -"))
    .transform((v) => v || undefined)
    .optional(),
  /** Đảng viên: a ticked checkbox ("on") or a boolean (the import). */
  partyMember: z
    .union([z.boolean(), z.literal("on"), z.literal("")], { error: "Đảng viên: chọn có hoặc không." })
    .transform((v) => v === true || v === "on")
    .optional(),
  partyJoinedAt: pastDate("Ngày vào Đảng"),
};

/** Checks across fields: the CCCD against gender and birthday; a Party date only for a Party member. */
function unionFieldChecks(v: { gender?: "NAM" | "NU"; dateOfBirth?: Date; citizenId?: string; partyMember?: boolean; partyJoinedAt?: Date }, ctx: z.RefinementCtx) {
  if (v.citizenId) {
    const problem = citizenIdProblem(v.citizenId, { gender: v.gender, dateOfBirth: v.dateOfBirth });
    if (problem) ctx.addIssue({ code: "custom", path: ["citizenId"], message: problem });
  }
  if (v.partyJoinedAt && !v.partyMember) ctx.addIssue({ code: "custom", path: ["partyJoinedAt"], message: "Chỉ ghi ngày vào Đảng khi đoàn viên là đảng viên." });
}

/** Tổ công đoàn: empty means "not assigned". */
const unionGroupId = id("tổ công đoàn").optional();

/** Create: the school comes from the URL and is resolved through scope by the mutation. */
export const createMemberSchema = z.strictObject({
  schoolId: id("trường"),
  idempotencyKey: id("mã gửi biểu mẫu"),
  ...memberFields,
  unionGroupId,
  status: z.enum(["ACTIVE", "ON_LEAVE", "MATERNITY_LEAVE"], { error: "Trạng thái không hợp lệ." }).default("ACTIVE"),
}).superRefine(unionFieldChecks);
export type CreateMemberInput = z.output<typeof createMemberSchema>;

/** Edit the personal and work fields; group and status have their own explicit actions. */
export const updateMemberSchema = z.strictObject({
  memberId: id("đoàn viên"),
  version,
  ...memberFields,
}).superRefine(unionFieldChecks);
export type UpdateMemberInput = z.output<typeof updateMemberSchema>;

/** Chuyển tổ công đoàn. */
export const moveMemberSchema = z.strictObject({
  memberId: id("đoàn viên"),
  version,
  unionGroupId,
});
export type MoveMemberInput = z.output<typeof moveMemberSchema>;

/** Nghỉ phép / nghỉ thai sản / trở lại công tác / đã nghỉ việc. */
export const changeStatusSchema = z.strictObject({
  memberId: id("đoàn viên"),
  version,
  status: z.enum(["ACTIVE", "ON_LEAVE", "MATERNITY_LEAVE", "LEFT"], { error: "Trạng thái không hợp lệ." }),
  /** Asked in the "Đã nghỉ việc" dialog: required when leaving, ignored otherwise. */
  leftOn: optionalDate("ngày nghỉ việc"),
  leftReason: optionalText("lý do nghỉ việc", 500),
}).superRefine((v, ctx) => {
  if (v.status !== "LEFT") return;
  if (!v.leftOn) ctx.addIssue({ code: "custom", path: ["leftOn"], message: "Vui lòng nhập ngày nghỉ việc." });
  else if (v.leftOn.getTime() > Date.now() + 86_400_000) ctx.addIssue({ code: "custom", path: ["leftOn"], message: "Ngày nghỉ việc không được sau hôm nay." });
  if (!v.leftReason) ctx.addIssue({ code: "custom", path: ["leftReason"], message: "Vui lòng nhập lý do nghỉ việc." });
});
export type ChangeStatusInput = z.output<typeof changeStatusSchema>;

/** The Excel upload: "check" only reports; "import" writes (all rows, or only valid ones when ticked). */
export const importMembersSchema = z.strictObject({
  schoolId: id("trường"),
  intent: z.enum(["check", "import"]).default("check"),
  validOnly: z.literal("on").optional(),
  file: z.instanceof(File, { error: "Vui lòng chọn tệp Excel (.xlsx)." }),
  submissionKey,
});

/** The row shape the Excel import validates (same fields as the form, group by id). */
export const importRowSchema = z.object({ ...memberFields, unionGroupId }).superRefine(unionFieldChecks);
export type ImportRowInput = z.output<typeof importRowSchema>;
