"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "../server/action";
import { gatedAction } from "../authz/gate";
import { changeStatusSchema, createMemberSchema, importMembersSchema, moveMemberSchema, updateMemberSchema } from "./schemas";
import { changeMemberStatus, createMember, moveMember, updateMember } from "./mutations";
import { STATUS_LABELS } from "./rules";
import { runMemberImport } from "./import-run";

const membersPath = (schoolId: string) => `/truong/${schoolId}/doan-vien`;

/** Thêm đoàn viên (member.manage of the school). Redirects to the new member's page. */
export async function createMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  let schoolId = "";
  const state = await gatedAction(formData, { cap: "member.manage", schema: createMemberSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    const { id } = await createMember(viewer, input);
    schoolId = input.schoolId;
    // A second submit of the same form created nothing: show the list instead.
    to = id ? `${membersPath(input.schoolId)}/${id}?da-luu=moi` : `${membersPath(input.schoolId)}?da-luu=trung`;
  });
  if (!state?.ok || !to) return state;
  revalidatePath(`/truong/${schoolId}`, "layout");
  redirect(to);
}

/** Sửa thông tin đoàn viên (member.manage), version-checked. */
export async function updateMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "member.manage", schema: updateMemberSchema, target: (i) => ({ member: i.memberId }) }, async (viewer, input) => {
    const m = await updateMember(viewer, input);
    revalidatePath(`/truong/${m.schoolId}`, "layout");
    return { ok: true, message: "Đã lưu thay đổi." };
  });
}

/** Chuyển tổ công đoàn (member.manage), version-checked. */
export async function moveMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "member.manage", schema: moveMemberSchema, target: (i) => ({ member: i.memberId }) }, async (viewer, input) => {
    const m = await moveMember(viewer, input);
    revalidatePath(`/truong/${m.schoolId}`, "layout");
    return { ok: true, message: m.unionGroupId ? "Đã chuyển tổ công đoàn." : "Đã bỏ đoàn viên khỏi tổ công đoàn." };
  });
}

/** Nghỉ phép / thai sản / trở lại / nghỉ việc (member.manage), version-checked. */
export async function changeMemberStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "member.manage", schema: changeStatusSchema, target: (i) => ({ member: i.memberId }) }, async (viewer, input) => {
    const m = await changeMemberStatus(viewer, input);
    revalidatePath(`/truong/${m.schoolId}`, "layout");
    return { ok: true, message: `Đã cập nhật trạng thái: ${STATUS_LABELS[m.status]}.` };
  });
}

export type { ImportResult } from "./import-run";

/**
 * Kiểm tra / nhập đoàn viên từ Excel (member.manage). Checks the file (extension, zip
 * signature, size), reads it, validates every row; "import" writes only when every row is
 * valid, or the valid ones when "chỉ nhập các dòng hợp lệ" is ticked.
 */
export async function importMembersAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let schoolId = "";
  const state = await gatedAction(formData, { cap: "member.manage", schema: importMembersSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    const r = await runMemberImport(viewer, input);
    schoolId = r.schoolId ?? "";
    return r.state;
  });
  if (schoolId) revalidatePath(`/truong/${schoolId}`, "layout");
  return state;
}
