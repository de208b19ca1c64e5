"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "../server/action";
import { gatedAction } from "../authz/gate";
import type { Viewer } from "../authz/permissions";
import { canSee } from "../authz/decide";
import { createSchoolSchema, updateSchoolSchema } from "./schemas";
import { createSchool, updateSchool } from "./mutations";

/**
 * Where to go back to: the unit page the form came from when the viewer serves it (it is only
 * a destination, never written), else the school's own union unit.
 */
function backTo(viewer: Viewer, formUnitId: string | undefined, schoolUnitId: string): string {
  const unit = formUnitId && canSee(viewer, "school.read", { unitId: formUnitId }) ? formUnitId : schoolUnitId;
  return `/cap-tren/${unit}/truong`;
}

/** Thêm trường: UPPER_STAFF of the chosen unit, or ADMIN. Redirects to the unit's school list. */
export async function createSchoolAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  const state = await gatedAction(formData, { cap: "school.create", schema: createSchoolSchema, target: (i) => ({ unit: i.unionUnitId }) }, async (viewer, input) => {
    const school = await createSchool(viewer, input);
    to = `${backTo(viewer, input.unitId, school.unionUnitId)}?da-luu=${encodeURIComponent(school.code)}`;
  });
  if (!state?.ok || !to) return state;
  revalidatePath("/cap-tren", "layout");
  redirect(to);
}

/** Sửa trường: UPPER_STAFF of its unit, or ADMIN; version-checked. Redirects to the list. */
export async function updateSchoolAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  const state = await gatedAction(formData, { cap: "school.update", schema: updateSchoolSchema, target: (i) => ({ school: i.id }) }, async (viewer, input) => {
    const school = await updateSchool(viewer, input);
    to = `${backTo(viewer, input.unitId, school.unionUnitId)}?da-luu=${encodeURIComponent(school.code)}`;
  });
  if (!state?.ok || !to) return state;
  revalidatePath("/cap-tren", "layout");
  redirect(to);
}
