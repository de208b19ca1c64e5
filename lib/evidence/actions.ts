"use server";
// Evidence upload and removal.
import { revalidatePath } from "next/cache";
import type { ActionState } from "../server/action";
import { gatedAction } from "../authz/gate";
import { deleteEvidenceSchema, uploadEvidenceSchema } from "./schemas";
import { deleteEvidence, uploadEvidence } from "./mutations";

export async function uploadEvidenceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["evidence.upload"], schema: uploadEvidenceSchema, target: (i) => ({ sheet: i.sheetId }) }, async (viewer, input) => {
    await uploadEvidence(viewer, input);
    revalidatePath("/", "layout");
    return { ok: true, message: "Đã tải lên minh chứng." };
  });
}

export async function deleteEvidenceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["evidence.upload"], schema: deleteEvidenceSchema, target: (i) => ({ evidence: i.evidenceId }) }, async (viewer, input) => {
    await deleteEvidence(viewer, input);
    revalidatePath("/", "layout");
    return { ok: true, message: "Đã xóa tệp." };
  });
}
