"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "../server/action";
import { createInitiativeSchema, updateInitiativeSchema } from "./schemas";
import { createInitiative, updateInitiative } from "./mutations";

/** Ghi nhận sáng kiến (initiative.manage of the school). */
export async function createInitiativeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, createInitiativeSchema, async (viewer, input) => {
    await createInitiative(viewer, input);
    revalidatePath(`/truong/${input.schoolId}/sang-kien`);
    return { ok: true, message: "Đã ghi nhận sáng kiến." };
  });
}

/** Sửa sáng kiến: công nhận, áp dụng (initiative.manage), version-checked. */
export async function updateInitiativeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, updateInitiativeSchema, async (viewer, input) => {
    const { schoolId } = await updateInitiative(viewer, input);
    revalidatePath(`/truong/${schoolId}/sang-kien`);
    return { ok: true, message: "Đã lưu sáng kiến." };
  });
}
