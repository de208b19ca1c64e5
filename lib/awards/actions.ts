"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "../server/action";
import { gatedAction } from "../authz/gate";
import { addDisciplineSchema, addOpenCaseSchema, closeOpenCaseSchema, createQuotaSchema, deleteQuotaSchema, issueDecisionSchema, revokeDecisionSchema, saveEvaluationSchema, saveSettingSchema, updateQuotaSchema } from "./schemas";
import { addDiscipline, addOpenCase, closeOpenCase, issueDecision, revokeDecision, saveEvaluation, saveSetting } from "./mutations";
import { createQuota, deleteQuota, updateQuota } from "./quotas";

const eligibilityPath = (schoolId: string) => `/truong/${schoolId}/de-nghi/xet-dieu-kien`;

/** Lưu xếp loại, đăng ký, ngày nghỉ của một đoàn viên (evaluation.manage). */
export async function saveEvaluationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "evaluation.manage", schema: saveEvaluationSchema, target: (i) => ({ member: i.memberId }) }, async (viewer, input) => {
    revalidatePath(eligibilityPath((await saveEvaluation(viewer, input)).schoolId));
    return { ok: true, message: "Đã lưu." };
  });
}

export async function addDisciplineAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "evaluation.manage", schema: addDisciplineSchema, target: (i) => ({ member: i.memberId }) }, async (viewer, input) => {
    revalidatePath(eligibilityPath((await addDiscipline(viewer, input)).schoolId));
    return { ok: true, message: "Đã ghi nhận kỷ luật." };
  });
}

export async function addOpenCaseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "evaluation.manage", schema: addOpenCaseSchema, target: (i) => ({ member: i.memberId }) }, async (viewer, input) => {
    revalidatePath(eligibilityPath((await addOpenCase(viewer, input)).schoolId));
    return { ok: true, message: "Đã ghi nhận vụ việc." };
  });
}

export async function closeOpenCaseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "evaluation.manage", schema: closeOpenCaseSchema, target: (i) => ({ openCase: i.caseId }) }, async (viewer, input) => {
    revalidatePath(eligibilityPath((await closeOpenCase(viewer, input)).schoolId));
    return { ok: true, message: "Đã ghi nhận kết thúc vụ việc." };
  });
}

/** Ra quyết định khen thưởng (decision.issue). Redirects to the decision. */
export async function issueDecisionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  const state = await gatedAction(formData, { cap: "decision.issue", schema: issueDecisionSchema, target: (i) => ({ unit: i.unitId }) }, async (viewer, input) => {
    const d = await issueDecision(viewer, input);
    revalidatePath(`/cap-tren/${input.unitId}`, "layout");
    to = `/cap-tren/${input.unitId}/khen-thuong/quyet-dinh/${d.id}`;
  });
  if (!state?.ok || !to) return state;
  redirect(to);
}

/** Thu hồi quyết định (decision.issue of the issuing unit). */
export async function revokeDecisionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "decision.issue", schema: revokeDecisionSchema, target: (i) => ({ decision: i.decisionId }) }, async (viewer, input) => {
    const r = await revokeDecision(viewer, input);
    revalidatePath(`/cap-tren/${r.unitId}`, "layout");
    return { ok: true, message: "Đã thu hồi quyết định; hồ sơ vẫn được lưu." };
  });
}

/** Điều chỉnh một ngưỡng cho các trường của đơn vị (award.settings). */
export async function saveSettingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "award.settings", schema: saveSettingSchema, target: (i) => ({ unit: i.unitId }) }, async (viewer, input) => {
    const r = await saveSetting(viewer, input);
    revalidatePath(`/cap-tren/${r.unitId}/khen-thuong/quy-dinh`);
    return { ok: true, message: "Đã lưu quy định." };
  });
}

const quotaPath = (unitId: string) => `/cap-tren/${unitId}/khen-thuong/chi-tieu`;

/** Giao chỉ tiêu khen thưởng cho toàn đơn vị hoặc một trường (award.settings). */
export async function createQuotaAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "award.settings", schema: createQuotaSchema, target: (i) => ({ unit: i.unitId }) }, async (viewer, input) => {
    revalidatePath(quotaPath((await createQuota(viewer, input)).unitId));
    return { ok: true, message: "Đã thêm chỉ tiêu." };
  });
}

/** Sửa số tối đa, văn bản giao chỉ tiêu (award.settings; version-checked). */
export async function updateQuotaAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "award.settings", schema: updateQuotaSchema, target: (i) => ({ quota: i.quotaId }) }, async (viewer, input) => {
    revalidatePath(quotaPath((await updateQuota(viewer, input)).unitId));
    return { ok: true, message: "Đã lưu chỉ tiêu." };
  });
}

/** Xóa một chỉ tiêu (award.settings; version-checked). */
export async function deleteQuotaAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "award.settings", schema: deleteQuotaSchema, target: (i) => ({ quota: i.quotaId }) }, async (viewer, input) => {
    revalidatePath(quotaPath((await deleteQuota(viewer, input)).unitId));
    return { ok: true, message: "Đã xóa chỉ tiêu." };
  });
}
