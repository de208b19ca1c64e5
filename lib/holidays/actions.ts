"use server";
// Actions of the upper unit's holiday calendar page (holiday.manage over the unit).
import { revalidatePath } from "next/cache";
import type { ActionState } from "../server/action";
import { gatedAction } from "../authz/gate";
import { createHolidaySchema, deleteHolidaySchema, updateHolidaySchema } from "./schemas";
import { createHoliday, deleteHoliday, updateHoliday } from "./mutations";

const refresh = (unitId: string) => revalidatePath(`/cap-tren/${unitId}/ngay-nghi`);

/** Thêm ngày nghỉ (or Tết as announced) for the unit's schools. */
export async function createHolidayAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "holiday.manage", schema: createHolidaySchema, target: (i) => ({ unit: i.unitId }) }, async (viewer, input) => {
    refresh((await createHoliday(viewer, input)).unitId);
    return { ok: true, message: "Đã thêm ngày nghỉ." };
  });
}

/** Sửa ngày nghỉ of the unit. */
export async function updateHolidayAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "holiday.manage", schema: updateHolidaySchema, target: (i) => ({ holiday: i.holidayId }) }, async (viewer, input) => {
    refresh((await updateHoliday(viewer, input)).unitId);
    return { ok: true, message: "Đã lưu ngày nghỉ." };
  });
}

/** Xóa ngày nghỉ of the unit. */
export async function deleteHolidayAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "holiday.manage", schema: deleteHolidaySchema, target: (i) => ({ holiday: i.holidayId }) }, async (viewer, input) => {
    refresh((await deleteHoliday(viewer, input)).unitId);
    return { ok: true, message: "Đã xóa ngày nghỉ." };
  });
}
