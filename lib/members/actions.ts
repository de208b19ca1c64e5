"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "../server/action";
import { gatedAction } from "../authz/gate";
import { AppError } from "../server/errors";
import { changeStatusSchema, createMemberSchema, importMembersSchema, moveMemberSchema, updateMemberSchema } from "./schemas";
import { changeMemberStatus, createMember, importMembers, moveMember, updateMember } from "./mutations";
import { getImportContext } from "./queries";
import { checkUpload, parseMemberWorkbook } from "./excel";
import { STATUS_LABELS, validateImportRows, type ImportProblem } from "./rules";
import { formatNumber } from "../format";

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

/** What the import form shows: the report of the last check or import. */
export interface ImportResult {
  total: number;
  valid: number;
  problems: ImportProblem[];
  imported: number;
}

const MAX_PROBLEMS_SHOWN = 300;

/**
 * Kiểm tra / nhập đoàn viên từ Excel (member.manage). Checks the file (extension, zip
 * signature, size), reads it, validates every row; "import" writes only when every row is
 * valid, or the valid ones when "chỉ nhập các dòng hợp lệ" is ticked.
 */
export async function importMembersAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let schoolId = "";
  const state = await gatedAction(formData, { cap: "member.manage", schema: importMembersSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    const fileError = (m: string) => new AppError("INVALID", m, { file: [m] });
    const ctx = await getImportContext(viewer, input.schoolId);
    if (input.file.size === 0 && !input.file.name) throw fileError("Vui lòng chọn tệp Excel (.xlsx).");
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const bad = checkUpload(input.file.name, bytes);
    if (bad) throw fileError(bad);
    const parsed = await parseMemberWorkbook(bytes);
    if (!parsed.ok) throw fileError(parsed.message);
    if (parsed.rows.length === 0) throw fileError("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.");

    const report = validateImportRows(parsed.rows, ctx);
    const result: ImportResult = { total: report.total, valid: report.valid.length, problems: report.problems.slice(0, MAX_PROBLEMS_SHOWN), imported: 0 };
    const invalidRows = [...new Set(report.problems.map((p) => p.row))];
    const mayImport = input.intent === "import" && report.valid.length > 0 && (invalidRows.length === 0 || input.validOnly === "on");
    if (!mayImport) {
      const message =
        invalidRows.length === 0
          ? `Tệp hợp lệ: ${formatNumber(report.valid.length)} đoàn viên sẵn sàng để nhập.`
          : `${formatNumber(invalidRows.length)} dòng chưa hợp lệ, ${formatNumber(report.valid.length)} dòng hợp lệ. Chưa nhập dòng nào${input.intent === "import" ? ": sửa tệp, hoặc chọn \u201cchỉ nhập các dòng hợp lệ\u201d" : ""}.`;
      return { ok: true, message, data: { result } };
    }
    const { imported } = await importMembers(viewer, ctx.school.id, report.valid, { fileName: input.file.name.slice(0, 200), skippedRows: invalidRows, submissionKey: input.submissionKey });
    schoolId = ctx.school.id;
    const skipped = invalidRows.length ? ` Bỏ qua ${formatNumber(invalidRows.length)} dòng chưa hợp lệ.` : "";
    return { ok: true, message: `Đã nhập ${formatNumber(imported)} đoàn viên.${skipped}`, data: { result: { ...result, imported } } };
  });
  if (schoolId) revalidatePath(`/truong/${schoolId}`, "layout");
  return state;
}
