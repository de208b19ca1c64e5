"use server";
// Evidence upload and removal.
import { revalidatePath } from "next/cache";
import type { ActionState } from "../server/action";
import { guarded } from "../scoring/guard";
import { deleteEvidenceSchema, uploadEvidenceSchema } from "./schemas";
import { deleteEvidence, uploadEvidence } from "./mutations";

export async function uploadEvidenceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return guarded(["evidence.upload"], formData, uploadEvidenceSchema, async (viewer, input) => {
    await uploadEvidence(viewer, input);
    revalidatePath("/", "layout");
    return { ok: true, message: "Đã tải lên minh chứng." };
  });
}

export async function deleteEvidenceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return guarded(["evidence.upload"], formData, deleteEvidenceSchema, async (viewer, input) => {
    await deleteEvidence(viewer, input);
    revalidatePath("/", "layout");
    return { ok: true, message: "Đã xóa tệp." };
  });
}
