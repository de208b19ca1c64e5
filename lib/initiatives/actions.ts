"use server";
import { revalidatePath } from "next/cache";
import type { ActionState } from "../server/action";
import { gatedAction } from "../authz/gate";
import { createInitiativeSchema, updateInitiativeSchema } from "./schemas";
import { createInitiative, updateInitiative } from "./mutations";

/** Ghi nhận sáng kiến (initiative.manage of the school). */
export async function createInitiativeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "initiative.manage", schema: createInitiativeSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    await createInitiative(viewer, input);
    revalidatePath(`/truong/${input.schoolId}/sang-kien`);
    return { ok: true, message: "Đã ghi nhận sáng kiến." };
  });
}

/** Sửa sáng kiến: công nhận, áp dụng (initiative.manage), version-checked. */
export async function updateInitiativeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "initiative.manage", schema: updateInitiativeSchema, target: (i) => ({ initiative: i.initiativeId }) }, async (viewer, input) => {
    const { schoolId } = await updateInitiative(viewer, input);
    revalidatePath(`/truong/${schoolId}/sang-kien`);
    return { ok: true, message: "Đã lưu sáng kiến." };
  });
}
