"use server";
import { revalidatePath } from "next/cache";
import type { ActionState } from "../server/action";
import { gatedAction } from "../authz/gate";
import { createGroupSchema, renameGroupSchema } from "./schemas";
import { createGroup, renameGroup } from "./mutations";

/** Thêm tổ công đoàn (group.manage: the school's chair, ADMIN). */
export async function createGroupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "group.manage", schema: createGroupSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    const g = await createGroup(viewer, input);
    revalidatePath(`/truong/${g.schoolId}`, "layout");
    return { ok: true, message: `Đã thêm ${g.name}.` };
  });
}

/** Đổi tên tổ công đoàn (group.manage), version-checked. */
export async function renameGroupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "group.manage", schema: renameGroupSchema, target: (i) => ({ group: i.groupId }) }, async (viewer, input) => {
    const g = await renameGroup(viewer, input);
    revalidatePath(`/truong/${g.schoolId}`, "layout");
    return { ok: true, message: `Đã đổi tên thành ${g.name}.` };
  });
}
