import "server-only";
// Kiểm tra / nhập đoàn viên từ Excel, shared by the server action (importMembersAction) and the
// upload route that reports progress (app/(app)/truong/[schoolId]/doan-vien/nhap/tai-len): the
// file is checked (extension, zip signature, size), read, every row validated; "import" writes
// only when every row is valid, or the valid ones when "chỉ nhập các dòng hợp lệ" is ticked.
// `onStage` is told when the checking starts and when the writing starts (with the row count).
import type { Viewer } from "../authz/permissions";
import type { ActionState } from "../server/action";
import { AppError } from "../server/errors";
import { formatNumber } from "../format";
import type { z } from "../validation";
import type { importMembersSchema } from "./schemas";

type ImportMembersInput = z.output<typeof importMembersSchema>;
import { importMembers } from "./mutations";
import { getImportContext } from "./queries";
import { checkUpload, parseMemberWorkbook } from "./excel";
import { validateImportRows, type ImportProblem } from "./rules";

/** What the import form shows: the report of the last check or import. */
export interface ImportResult {
  total: number;
  valid: number;
  problems: ImportProblem[];
  imported: number;
}

export type ImportStage = { stage: "checking" } | { stage: "writing"; rows: number };

const MAX_PROBLEMS_SHOWN = 300;

/** Throws AppError (INVALID with the file's field error, NOT_FOUND); returns the state the form shows. */
export async function runMemberImport(viewer: Viewer, input: ImportMembersInput, onStage: (s: ImportStage) => void = () => {}): Promise<{ state: ActionState; schoolId?: string }> {
  const fileError = (m: string) => new AppError("INVALID", m, { file: [m] });
  const ctx = await getImportContext(viewer, input.schoolId);
  if (input.file.size === 0 && !input.file.name) throw fileError("Vui lòng chọn tệp Excel (.xlsx).");
  onStage({ stage: "checking" });
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
    return { state: { ok: true, message, data: { result } } };
  }
  onStage({ stage: "writing", rows: report.valid.length });
  const { imported } = await importMembers(viewer, ctx.school.id, report.valid, { fileName: input.file.name.slice(0, 200), skippedRows: invalidRows, submissionKey: input.submissionKey });
  const skipped = invalidRows.length ? ` Bỏ qua ${formatNumber(invalidRows.length)} dòng chưa hợp lệ.` : "";
  return { state: { ok: true, message: `Đã nhập ${formatNumber(imported)} đoàn viên.${skipped}`, data: { result: { ...result, imported } } }, schoolId: ctx.school.id };
}
