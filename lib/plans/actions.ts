"use server";
// Server actions of the plan pages: parse → mutation (scoped, state machine, audited) →
// revalidate → result. Each is a public endpoint: the gate (lib/authz/gate.ts) checks the
// capability and the plan's scope first; the mutation checks scope and state again itself.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "../server/action";
import type { Capability } from "../authz/permissions";
import { gatedAction } from "../authz/gate";
import {
  addCommentSchema,
  amendPlanSchema,
  createPlanSchema,
  createUnitPlanSchema,
  deleteRowSchema,
  discardDraftSchema,
  saveItemSchema,
  saveTargetSchema,
  transitionSchema,
  updateHeaderSchema,
  updateSectionSchema,
} from "./schemas";
import {
  addComment,
  amendPlan,
  createPlan,
  createUnitPlan,
  deleteCalendarItem,
  deleteTarget,
  discardDraft,
  saveCalendarItem,
  saveTarget,
  transitionPlan,
  updateHeader,
  updateSection,
} from "./mutations";
import { PLAN_STATE_LABELS } from "./rules";

const EDIT: Capability[] = ["plan.edit", "plan.manage_unit"];

function base(p: { schoolId: string | null; organisationId: string | null }): string {
  return p.schoolId ? `/truong/${p.schoolId}/ke-hoach` : `/cap-tren/${p.organisationId}/ke-hoach`;
}

function refresh(p: { schoolId: string | null; organisationId: string | null }): void {
  revalidatePath(base(p), "layout");
}

/** Lập kế hoạch từ mẫu / sao chép năm trước (principal). Redirects to the new draft. */
export async function createPlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  const state = await gatedAction(formData, { cap: ["plan.edit"], schema: createPlanSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    const p = await createPlan(viewer, input);
    to = `/truong/${p.schoolId}/ke-hoach/${p.id}`;
  });
  if (!state?.ok || !to) return state;
  revalidatePath(to.replace(/\/[^/]+$/, ""), "layout");
  redirect(to);
}

/** Lập kế hoạch phối hợp của đơn vị cấp trên (its staff). Redirects to the new draft. */
export async function createUnitPlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  const state = await gatedAction(formData, { cap: ["plan.manage_unit"], schema: createUnitPlanSchema, target: (i) => ({ unit: i.unitId }) }, async (viewer, input) => {
    const p = await createUnitPlan(viewer, input);
    to = `/cap-tren/${p.unitId}/ke-hoach/${p.id}`;
  });
  if (!state?.ok || !to) return state;
  revalidatePath(to.replace(/\/[^/]+$/, ""), "layout");
  redirect(to);
}

/** Sửa phần đầu văn bản (draft; plan version checked). */
export async function updateHeaderAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: EDIT, schema: updateHeaderSchema, target: (i) => ({ plan: i.planId }) }, async (viewer, input) => {
    refresh(await updateHeader(viewer, input));
    return { ok: true, message: "Đã lưu phần đầu văn bản." };
  });
}

/** Sửa một mục (draft; section version checked). */
export async function updateSectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: EDIT, schema: updateSectionSchema, target: (i) => ({ plan: i.planId }) }, async (viewer, input) => {
    refresh(await updateSection(viewer, input));
    return { ok: true, message: "Đã lưu mục." };
  });
}

/** Thêm / sửa dòng lịch công việc (draft). */
export async function saveItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: EDIT, schema: saveItemSchema, target: (i) => ({ plan: i.planId }) }, async (viewer, input) => {
    refresh(await saveCalendarItem(viewer, input));
    return { ok: true, message: input.itemId ? "Đã lưu công việc." : "Đã thêm công việc." };
  });
}

/** Xóa dòng lịch công việc (draft). */
export async function deleteItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: EDIT, schema: deleteRowSchema, target: (i) => ({ plan: i.planId }) }, async (viewer, input) => {
    refresh(await deleteCalendarItem(viewer, input));
    return { ok: true, message: "Đã xóa công việc." };
  });
}

/** Thêm / sửa chỉ tiêu (draft). */
export async function saveTargetAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: EDIT, schema: saveTargetSchema, target: (i) => ({ plan: i.planId }) }, async (viewer, input) => {
    refresh(await saveTarget(viewer, input));
    return { ok: true, message: input.targetId ? "Đã lưu chỉ tiêu." : "Đã thêm chỉ tiêu." };
  });
}

/** Xóa chỉ tiêu (draft). */
export async function deleteTargetAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: EDIT, schema: deleteRowSchema, target: (i) => ({ plan: i.planId }) }, async (viewer, input) => {
    refresh(await deleteTarget(viewer, input));
    return { ok: true, message: "Đã xóa chỉ tiêu." };
  });
}

/** Góp ý vào một mục (union chair, principal; not after signing). */
export async function addCommentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["plan.comment", "plan.manage_unit"], schema: addCommentSchema, target: (i) => ({ plan: i.planId }) }, async (viewer, input) => {
    refresh(await addComment(viewer, input));
    return { ok: true, message: "Đã gửi góp ý." };
  });
}

/** Trình ký / rút về / trả lại / ký (state machine in lib/plans/rules.ts). */
export async function transitionPlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["plan.edit", "plan.sign_school", "plan.sign_union", "plan.manage_unit"], schema: transitionSchema, target: (i) => ({ plan: i.planId }) }, async (viewer, input) => {
    const p = await transitionPlan(viewer, input);
    refresh(p);
    return { ok: true, message: `Đã cập nhật: ${PLAN_STATE_LABELS[p.to]}.` };
  });
}

/** Lập bản sửa đổi of a signed plan. Redirects to the new draft revision. */
export async function amendPlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  const state = await gatedAction(formData, { cap: EDIT, schema: amendPlanSchema, target: (i) => ({ plan: i.planId }) }, async (viewer, input) => {
    const p = await amendPlan(viewer, input);
    to = `${base(p)}/${p.id}`;
    refresh(p);
  });
  if (!state?.ok || !to) return state;
  redirect(to);
}

/** Xóa bản dự thảo (never signed). Redirects to the plan list. */
export async function discardDraftAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  const state = await gatedAction(formData, { cap: EDIT, schema: discardDraftSchema, target: (i) => ({ plan: i.planId }) }, async (viewer, input) => {
    const p = await discardDraft(viewer, input);
    to = base(p);
    refresh(p);
  });
  if (!state?.ok || !to) return state;
  redirect(to);
}
