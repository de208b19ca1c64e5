// zod input schemas for members (no server imports: forms and the Excel import reuse them).
import { email, id, optionalDate, optionalText, requiredText, version, z } from "../validation";

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
};

/** Tổ công đoàn: empty means "not assigned". */
const unionGroupId = id("tổ công đoàn").optional();

/** Create: the school comes from the URL and is resolved through scope by the mutation. */
export const createMemberSchema = z.strictObject({
  schoolId: id("trường"),
  idempotencyKey: id("mã gửi biểu mẫu"),
  ...memberFields,
  unionGroupId,
  status: z.enum(["ACTIVE", "ON_LEAVE", "MATERNITY_LEAVE"], { error: "Trạng thái không hợp lệ." }).default("ACTIVE"),
});
export type CreateMemberInput = z.output<typeof createMemberSchema>;

/** Edit the personal and work fields; group and status have their own explicit actions. */
export const updateMemberSchema = z.strictObject({
  memberId: id("đoàn viên"),
  version,
  ...memberFields,
});
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
});
export type ChangeStatusInput = z.output<typeof changeStatusSchema>;

/** The Excel upload: "check" only reports; "import" writes (all rows, or only valid ones when ticked). */
export const importMembersSchema = z.strictObject({
  schoolId: id("trường"),
  intent: z.enum(["check", "import"]).default("check"),
  validOnly: z.literal("on").optional(),
  file: z.instanceof(File, { error: "Vui lòng chọn tệp Excel (.xlsx)." }),
});

/** The row shape the Excel import validates (same fields as the form, group by id). */
export const importRowSchema = z.object({ ...memberFields, unionGroupId });
export type ImportRowInput = z.output<typeof importRowSchema>;
