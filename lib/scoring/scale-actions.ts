"use server";
// Scale builder actions (chair): create, import from Excel, save draft, adopt, new version.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "../server/action";
import { gatedAction } from "../authz/gate";
import { AppError } from "../server/errors";
import { adoptScaleSchema, createScaleSchema, importScaleSchema, newScaleVersionSchema, saveScaleDraftSchema } from "./scale-schemas";
import { adoptScale, createScale, importScale, newScaleVersion, saveScaleDraft } from "./scale-mutations";

/** Creates a scale from a template or last year's, then opens it. */
export async function createScaleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  const state = await gatedAction(formData, { cap: ["scale.manage"], schema: createScaleSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    const s = await createScale(viewer, input);
    to = `/truong/${input.schoolId}/bieu-diem/${s.id}`;
  });
  if (!state?.ok || !to) return state;
  revalidatePath("/", "layout");
  redirect(to);
}

/**
 * Nhập biểu điểm từ Excel (chair): a new draft scale from the uploaded workbook, then opens it.
 * Problems come back as fieldErrors.file (summary) and fieldErrors.rows (sheet, row, message).
 */
export async function importScaleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  const state = await gatedAction(formData, { cap: ["scale.manage"], schema: importScaleSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    if (input.file.size === 0 && !input.file.name) throw new AppError("INVALID", "Vui lòng chọn tệp Excel (.xlsx).", { file: ["Vui lòng chọn tệp Excel (.xlsx)."] });
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const s = await importScale(viewer, { schoolId: input.schoolId, schoolYearId: input.schoolYearId, name: input.name, fileName: input.file.name, bytes, submissionKey: input.submissionKey });
    to = `/truong/${input.schoolId}/bieu-diem/${s.id}`;
  });
  if (!state?.ok || !to) return state;
  revalidatePath("/", "layout");
  redirect(to);
}

/** Saves the draft's content (refused once adopted). */
export async function saveScaleDraftAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["scale.manage"], schema: saveScaleDraftSchema, target: (i) => ({ scaleVersion: i.versionId }) }, async (viewer, input) => {
    await saveScaleDraft(viewer, input);
    revalidatePath("/", "layout");
    return { ok: true, message: "Đã lưu bản nháp biểu điểm.", data: { version: input.version + 1 } };
  });
}

/** Records adoption at the staff conference: the version is locked. */
export async function adoptScaleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["scale.manage"], schema: adoptScaleSchema, target: (i) => ({ scaleVersion: i.versionId }) }, async (viewer, input) => {
    await adoptScale(viewer, input);
    revalidatePath("/", "layout");
    return { ok: true, message: "Đã ghi nhận biểu điểm được thông qua. Phiên bản này đã khóa." };
  });
}

/** Starts a new draft version from the adopted one. */
export async function newScaleVersionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["scale.manage"], schema: newScaleVersionSchema, target: (i) => ({ scale: i.scaleId }) }, async (viewer, input) => {
    await newScaleVersion(viewer, input);
    revalidatePath("/", "layout");
    return { ok: true, message: "Đã tạo phiên bản mới (bản nháp) từ biểu điểm đã thông qua." };
  });
}
