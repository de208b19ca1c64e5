"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../server/action";
import type { Viewer } from "../authz/permissions";
import { createSchoolSchema, updateSchoolSchema } from "./schemas";
import { createSchool, updateSchool } from "./mutations";

/**
 * Where to go back to: the unit page the form came from when the viewer serves it (it is only
 * a destination, never written), else the school's own union unit.
 */
function backTo(viewer: Viewer, formUnitId: string | undefined, schoolUnitId: string): string {
  const isAdmin = viewer.grants.some((g) => g.role === "ADMIN");
  const unit = formUnitId && (isAdmin || viewer.unitIds.includes(formUnitId)) ? formUnitId : schoolUnitId;
  return `/cap-tren/${unit}/truong`;
}

/** Thêm trường: UPPER_STAFF of the chosen unit, or ADMIN. Redirects to the unit's school list. */
export async function createSchoolAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  const state = await runAction(formData, createSchoolSchema, async (viewer, input) => {
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
  const state = await runAction(formData, updateSchoolSchema, async (viewer, input) => {
    const school = await updateSchool(viewer, input);
    to = `${backTo(viewer, input.unitId, school.unionUnitId)}?da-luu=${encodeURIComponent(school.code)}`;
  });
  if (!state?.ok || !to) return state;
  revalidatePath("/cap-tren", "layout");
  redirect(to);
}
