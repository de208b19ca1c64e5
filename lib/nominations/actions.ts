"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "../server/action";
import { gatedAction } from "../authz/gate";
import {
  addDocumentSchema,
  addEligibleSchema,
  addItemSchema,
  answerObjectionSchema,
  bulkApproveSchema,
  createPackageSchema,
  deleteDocumentSchema,
  objectionSchema,
  packageVersionSchema,
  postPackageSchema,
  reviewItemSchema,
  setDeadlineSchema,
  updateCoverSchema,
  updateItemSchema,
  withdrawItemSchema,
} from "./schemas";
import { addDocument, addEligible, addItem, answerObjection, createPackage, deleteDocument, lodgeObjection, postPackage, submitPackage, unpostPackage, updateCover, updateItem, withdrawItem } from "./mutations";
import { bulkApprove, reviewItem, setDeadline } from "./review";

const pkgPath = (schoolId: string, packageId?: string) => `/truong/${schoolId}/de-nghi${packageId ? `/${packageId}` : ""}`;
const refresh = (schoolId: string) => revalidatePath(`/truong/${schoolId}/de-nghi`, "layout");

/** Lập hồ sơ đề nghị (nomination.manage). Redirects to the new package. */
export async function createPackageAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  const state = await gatedAction(formData, { cap: "nomination.manage", schema: createPackageSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    const p = await createPackage(viewer, input);
    to = pkgPath(p.schoolId, p.id);
  });
  if (!state?.ok || !to) return state;
  redirect(to);
}

export async function addItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.manage", schema: addItemSchema, target: (i) => ({ package: i.packageId }) }, async (viewer, input) => {
    refresh((await addItem(viewer, input)).schoolId);
    return { ok: true, message: "Đã thêm vào danh sách." };
  });
}

export async function addEligibleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.manage", schema: addEligibleSchema, target: (i) => ({ package: i.packageId }) }, async (viewer, input) => {
    const r = await addEligible(viewer, input);
    refresh(r.schoolId);
    return { ok: true, message: `Đã thêm ${r.added} người đủ điều kiện.` };
  });
}

export async function updateItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.manage", schema: updateItemSchema, target: (i) => ({ nominationItem: i.itemId }) }, async (viewer, input) => {
    refresh((await updateItem(viewer, input)).schoolId);
    return { ok: true, message: "Đã lưu báo cáo thành tích." };
  });
}

export async function withdrawItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.manage", schema: withdrawItemSchema, target: (i) => ({ nominationItem: i.itemId }) }, async (viewer, input) => {
    refresh((await withdrawItem(viewer, input)).schoolId);
    return { ok: true, message: "Đã rút khỏi danh sách." };
  });
}

export async function updateCoverAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.manage", schema: updateCoverSchema, target: (i) => ({ package: i.packageId }) }, async (viewer, input) => {
    refresh((await updateCover(viewer, input)).schoolId);
    return { ok: true, message: "Đã lưu tờ trình." };
  });
}

/** Bổ sung a paper (with an optional file) while the school may edit (nomination.manage). */
export async function addDocumentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.manage", schema: addDocumentSchema, target: (i) => ({ package: i.packageId }) }, async (viewer, input) => {
    refresh((await addDocument(viewer, input)).schoolId);
    return { ok: true, message: "Đã bổ sung tài liệu." };
  });
}

/** Gỡ a paper and its file while the school may edit (nomination.manage). */
export async function deleteDocumentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.manage", schema: deleteDocumentSchema, target: (i) => ({ document: i.documentId }) }, async (viewer, input) => {
    refresh((await deleteDocument(viewer, input)).schoolId);
    return { ok: true, message: "Đã gỡ tài liệu." };
  });
}

export async function postPackageAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.manage", schema: postPackageSchema, target: (i) => ({ package: i.packageId }) }, async (viewer, input) => {
    refresh((await postPackage(viewer, input)).schoolId);
    return { ok: true, message: "Đã công khai danh sách." };
  });
}

export async function unpostPackageAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.manage", schema: packageVersionSchema, target: (i) => ({ package: i.packageId }) }, async (viewer, input) => {
    refresh((await unpostPackage(viewer, input)).schoolId);
    return { ok: true, message: "Đã thôi công khai; có thể sửa danh sách." };
  });
}

export async function submitPackageAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.propose_union", schema: packageVersionSchema, target: (i) => ({ package: i.packageId }) }, async (viewer, input) => {
    refresh((await submitPackage(viewer, input)).schoolId);
    return { ok: true, message: "Đã gửi hồ sơ lên cấp trên." };
  });
}

export async function lodgeObjectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.object", schema: objectionSchema, target: (i) => ({ package: i.packageId }) }, async (viewer, input) => {
    refresh((await lodgeObjection(viewer, input)).schoolId);
    return { ok: true, message: "Đã gửi ý kiến; Hội đồng sẽ trả lời." };
  });
}

export async function answerObjectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.manage", schema: answerObjectionSchema, target: (i) => ({ objection: i.objectionId }) }, async (viewer, input) => {
    refresh((await answerObjection(viewer, input)).schoolId);
    return { ok: true, message: "Đã trả lời ý kiến." };
  });
}

const reviewPath = (unitId: string, packageId: string) => `/cap-tren/${unitId}/duyet/${packageId}`;

export async function reviewItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.review", schema: reviewItemSchema, target: (i) => ({ nominationItem: i.itemId }) }, async (viewer, input) => {
    const r = await reviewItem(viewer, input);
    revalidatePath(reviewPath(r.unitId, r.packageId));
    revalidatePath(`/cap-tren/${r.unitId}/duyet`);
    return { ok: true, message: "Đã ghi ý kiến xét duyệt." };
  });
}

export async function bulkApproveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.review", schema: bulkApproveSchema, target: (i) => ({ package: i.packageId }) }, async (viewer, input) => {
    const r = await bulkApprove(viewer, input);
    revalidatePath("/cap-tren", "layout");
    return { ok: true, message: `Đã duyệt ${r.approved} người.` };
  });
}

export async function setDeadlineAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "nomination.review", schema: setDeadlineSchema, target: (i) => ({ package: i.packageId }) }, async (viewer, input) => {
    await setDeadline(viewer, input);
    revalidatePath("/cap-tren", "layout");
    return { ok: true, message: "Đã lưu hạn nộp." };
  });
}
