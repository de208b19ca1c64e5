// zod input schemas of the holiday calendar (no server imports: forms reuse them).
import { id, optionalDate, requiredText, submissionKey, version, vnDate, z } from "../validation";

const fields = {
  kind: z.enum(["PUBLIC", "TET", "EXTRA"], { error: "Vui lòng chọn loại ngày nghỉ." }),
  name: requiredText("tên ngày nghỉ", 160),
  startsOn: vnDate("ngày bắt đầu nghỉ"),
  endsOn: vnDate("ngày kết thúc nghỉ"),
  lunarNewYear: optionalDate("mùng 1 Tết"),
};

/** Each failing rule beside its field: an end before the start, a break over a month, Tết without mùng 1 inside it. */
function rangeRules(v: { kind: string; startsOn: Date; endsOn: Date; lunarNewYear?: Date }, ctx: z.RefinementCtx) {
  if (v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "Ngày kết thúc không được trước ngày bắt đầu." });
  else if (v.endsOn.getTime() - v.startsOn.getTime() > 31 * 86_400_000) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "Một đợt nghỉ không dài quá 31 ngày." });
  if (v.kind === "TET") {
    if (!v.lunarNewYear) ctx.addIssue({ code: "custom", path: ["lunarNewYear"], message: "Vui lòng nhập ngày mùng 1 Tết." });
    else if (v.lunarNewYear < v.startsOn || v.lunarNewYear > v.endsOn) ctx.addIssue({ code: "custom", path: ["lunarNewYear"], message: "Mùng 1 Tết phải nằm trong đợt nghỉ." });
  }
}

/** Thêm ngày nghỉ của đơn vị (or Tết as announced, which replaces the national one of that year). */
export const createHolidaySchema = z.strictObject({ unitId: id("đơn vị"), ...fields, submissionKey }).superRefine(rangeRules);
export type CreateHolidayInput = z.output<typeof createHolidaySchema>;

/** Sửa ngày nghỉ of the unit (version-checked). */
export const updateHolidaySchema = z.strictObject({ holidayId: id("ngày nghỉ"), version, ...fields }).superRefine(rangeRules);
export type UpdateHolidayInput = z.output<typeof updateHolidaySchema>;

/** Xóa ngày nghỉ of the unit (version-checked). */
export const deleteHolidaySchema = z.strictObject({ holidayId: id("ngày nghỉ"), version });
export type DeleteHolidayInput = z.output<typeof deleteHolidaySchema>;
