"use server";
// Actions of the two routes (issue 12), each through the access gate (lib/authz/gate.ts): split a
// package by deciding body (nomination.manage), mark the government dossier sent
// (nomination.propose_state), record the government decision with its scan
// (decision.record_external), edit the authority table (authority.manage); the school union BCH's
// own decision (decision.issue of the school) and the revocation of a decision kept by the school.
import { revalidatePath } from "next/cache";
import { gatedAction } from "../authz/gate";
import type { ActionState } from "../server/action";
import { markStateSent, recordStateDecision, splitPackage } from "./routes";
import { saveAuthority } from "./routes-authority";
import { issueSchoolDecision, revokeSchoolDecision } from "./routes-school";
import { issueSchoolDecisionSchema, markSentSchema, recordStateDecisionSchema, revokeSchoolDecisionSchema, saveAuthoritySchema, splitPackageSchema } from "./routes-schemas";

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

/** Ra quyết định của Ban Chấp hành công đoàn cơ sở (decision.issue of the school: the union chair). */
export async function issueSchoolDecisionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "decision.issue", schema: issueSchoolDecisionSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    const r = await issueSchoolDecision(viewer, input);
    packagePaths(r.schoolId);
    return { ok: true, message: `Đã ban hành Quyết định số ${r.number} của Ban Chấp hành; khen thưởng đã vào sổ.` };
  });
}

/**
 * Thu hồi a decision kept by the school: the BCH's own (the chair) or a recorded government decision
 * revoked by its authority (the principal). The mutation checks the capability of the decision's kind.
 */
export async function revokeSchoolDecisionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["decision.issue", "decision.record_external"], schema: revokeSchoolDecisionSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    packagePaths((await revokeSchoolDecision(viewer, input)).schoolId);
    return { ok: true, message: "Đã ghi nhận việc thu hồi quyết định; các trường hợp liên quan có thể được xét lại." };
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
