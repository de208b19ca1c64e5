// Input of the school forms (create / edit). No server imports: the form reuses the labels.
import type { SchoolLevel } from "../generated/prisma/enums";
import { cleanText } from "../format";
import { id, optionalText, requiredText, version, z, submissionKey } from "../validation";

/** Cấp học, in the order people expect them. */
export const SCHOOL_LEVEL_LABELS: Record<SchoolLevel, string> = {
  MAM_NON: "Mầm non",
  TIEU_HOC: "Tiểu học",
  THCS: "THCS",
  THPT: "THPT",
  LIEN_CAP: "Liên cấp",
};
export const SCHOOL_LEVELS = Object.keys(SCHOOL_LEVEL_LABELS) as SchoolLevel[];

/** "Công đoàn cơ sở Trường Tiểu học Kim Đồng": the grassroots union's usual name. */
export function defaultUnionName(schoolName: string): string {
  return `Công đoàn cơ sở ${cleanText(schoolName)}`;
}

export const SCHOOL_CODE_RE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/** Mã trường: typed in any case, stored upper-case; letters, digits and single dashes. */
const schoolCode = z
  .string({ error: "Vui lòng nhập mã trường." })
  .transform((s) => s.trim().toUpperCase())
  .pipe(
    z
      .string()
      .min(1, "Vui lòng nhập mã trường.")
      .max(30, "Mã trường dài quá 30 ký tự.")
      .regex(SCHOOL_CODE_RE, "Mã trường chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch ngang (ví dụ ST-TH-KD)."),
  );

const fields = {
  code: schoolCode,
  name: requiredText("tên trường", 200),
  level: z.enum(SCHOOL_LEVELS as [SchoolLevel, ...SchoolLevel[]], { error: "Vui lòng chọn cấp học." }),
  address: optionalText("địa chỉ", 300),
  unionName: optionalText("tên công đoàn cơ sở", 250),
  unionUnitId: id("đơn vị cấp trên (công đoàn)").optional().pipe(z.string({ error: "Vui lòng chọn đơn vị cấp trên phía công đoàn." })),
  govUnitId: id("đơn vị quản lý nhà nước").optional(),
  /** The upper unit whose pages the form was opened from: only where to go back to, never written. */
  unitId: id("đơn vị").optional(),
};

/** Unknown keys are refused: an action is a public endpoint, not just our form. */
export const createSchoolSchema = z.strictObject({ ...fields, submissionKey });
export const updateSchoolSchema = z.strictObject({ ...fields, id: id("trường"), version });

export type CreateSchoolInput = z.output<typeof createSchoolSchema>;
export type UpdateSchoolInput = z.output<typeof updateSchoolSchema>;
