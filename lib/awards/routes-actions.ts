"use server";
// Actions of the two routes (issue 12), each through the access gate (lib/authz/gate.ts): split a
// package by deciding body (nomination.manage), mark the government dossier sent
// (nomination.propose_state), record the government decision with its scan
// (decision.record_external), edit the authority table (authority.manage).
import { revalidatePath } from "next/cache";
import { gatedAction } from "../authz/gate";
import type { ActionState } from "../server/action";
import { markStateSent, recordStateDecision, splitPackage } from "./routes";
import { saveAuthority } from "./routes-authority";
import { markSentSchema, recordStateDecisionSchema, saveAuthoritySchema, splitPackageSchema } from "./routes-schemas";

const packagePaths = (schoolId: string) => revalidatePath(`/truong/${schoolId}/de-nghi`, "layout");

/** Tách hồ sơ theo cấp quyết định (nomination.manage: chair or principal). */
export async function splitPackageAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.manage", schema: splitPackageSchema, target: (i) => ({ package: i.packageId }) }, async (viewer, input) => {
    const r = await splitPackage(viewer, input);
    packagePaths(r.schoolId);
    return { ok: true, message: r.packageIds.length > 1 ? `Đã tách thành ${r.packageIds.length} hồ sơ theo cấp quyết định.` : "Đã xác định cấp quyết định của hồ sơ." };
  });
}

/** Đánh dấu đã gửi hồ sơ đến cơ quan nhà nước (nomination.propose_state: the principal). */
export async function markStateSentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.propose_state", schema: markSentSchema, target: (i) => ({ package: i.packageId }) }, async (viewer, input) => {
    packagePaths((await markStateSent(viewer, input)).schoolId);
    return { ok: true, message: "Đã đánh dấu hồ sơ đã gửi cơ quan có thẩm quyền." };
  });
}

/** Ghi nhận quyết định của cơ quan nhà nước, with the scan (decision.record_external: the principal). */
export async function recordStateDecisionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "decision.record_external", schema: recordStateDecisionSchema, target: (i) => ({ package: i.packageId }) }, async (viewer, input) => {
    packagePaths((await recordStateDecision(viewer, input)).schoolId);
    return { ok: true, message: `Đã ghi nhận Quyết định số ${input.number}; khen thưởng đã vào sổ.` };
  });
}

/** Thêm hoặc sửa một dòng bảng thẩm quyền (authority.manage: admin). */
export async function saveAuthorityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "authority.manage", schema: saveAuthoritySchema, target: (i) => ({ unit: i.unitId }) }, async (viewer, input) => {
    await saveAuthority(viewer, input);
    revalidatePath("/cap-tren", "layout");
    return { ok: true, message: "Đã lưu bảng thẩm quyền." };
  });
}
