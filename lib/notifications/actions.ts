"use server";
// The bell's actions: mark one notification read, or all of them. The layout is revalidated so
// the badge and the list change at once.
import { revalidatePath } from "next/cache";
import type { ActionState } from "../server/action";
import { gatedAction, OWN } from "../authz/gate";
import { markAllReadSchema, markReadSchema } from "./schemas";
import { markAllNotificationsRead, markNotificationRead } from "./mutations";

/** Đánh dấu đã đọc one of the viewer's own notifications (another's id: NOT_FOUND). */
export async function markNotificationReadAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: OWN, schema: markReadSchema, target: () => "self" }, async (viewer, input) => {
    await markNotificationRead(viewer, input);
    revalidatePath("/", "layout");
    return { ok: true, message: "Đã đánh dấu đã đọc." };
  });
}

/** Đánh dấu tất cả đã đọc (the viewer's own rows only). */
export async function markAllNotificationsReadAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: OWN, schema: markAllReadSchema, target: () => "self" }, async (viewer) => {
    const n = await markAllNotificationsRead(viewer);
    revalidatePath("/", "layout");
    return { ok: true, message: n ? "Đã đánh dấu tất cả đã đọc." : "Không có thông báo chưa đọc." };
  });
}
