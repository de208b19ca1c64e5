"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "../server/action";
import { requireViewer } from "../auth/viewer";
import { canSome } from "../authz/permissions";
import { ERROR_MESSAGES } from "../server/errors";
import { createGroupSchema, renameGroupSchema } from "./schemas";
import { createGroup, renameGroup } from "./mutations";

/** Thêm tổ công đoàn (group.manage: the school's chair, ADMIN). */
export async function createGroupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  // Refused before parsing for someone who manages groups nowhere: nothing they sent is echoed.
  if (!canSome(await requireViewer(), "group.manage")) return { ok: false, message: ERROR_MESSAGES.FORBIDDEN };
  return runAction(formData, createGroupSchema, async (viewer, input) => {
    const g = await createGroup(viewer, input);
    revalidatePath(`/truong/${g.schoolId}`, "layout");
    return { ok: true, message: `Đã thêm ${g.name}.` };
  });
}

/** Đổi tên tổ công đoàn (group.manage), version-checked. */
export async function renameGroupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!canSome(await requireViewer(), "group.manage")) return { ok: false, message: ERROR_MESSAGES.FORBIDDEN };
  return runAction(formData, renameGroupSchema, async (viewer, input) => {
    const g = await renameGroup(viewer, input);
    revalidatePath(`/truong/${g.schoolId}`, "layout");
    return { ok: true, message: `Đã đổi tên thành ${g.name}.` };
  });
}
