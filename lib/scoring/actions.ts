"use server";
// Scoring actions: parse → mutation (scoped, state-checked, audited) → revalidate → result.
// Every export is a public POST endpoint; each is guarded by the capabilities it needs.
import { revalidatePath } from "next/cache";
import type { ActionState } from "../server/action";
import { gatedAction } from "../authz/gate";
import { amendStageSchema, appealSchema, createPeriodSchema, periodIdSchema, periodStepSchema, recuseSchema, resolveAppealSchema, saveGridSchema, saveStageSchema } from "./schemas";
import { amendStage, recuse, saveGrid, saveStage } from "./mutations";
import { closePeriod, confirmGroupScores, createPeriod, sealStage, syncSheets } from "./period-mutations";
import { createAppeal, resolveAppeal } from "./appeals";
import { formatPoints } from "./points";
import { SEAL_CAPS } from "./workflow";
import { z, id } from "../validation";

const refresh = () => revalidatePath("/", "layout");

/** Saves one sheet's stage: self-assessment (member), group or council score (per-member view). */
export async function saveStageAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["scoring.self", "scoring.group", "scoring.council"], schema: saveStageSchema, target: (i) => ({ sheet: i.sheetId }) }, async (viewer, input) => {
    const r = await saveStage(viewer, input);
    refresh();
    return { ok: true, message: `Đã lưu. Tổng điểm ${formatPoints(r.total)}${r.classification ? ` – ${r.classification}` : " (chưa chấm đủ tiêu chí)"}.`, data: { version: r.version ?? 0 } };
  });
}

/** Saves a whole union group's grid in one round trip; conflicts and errors come back per row. */
export async function saveGridAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["scoring.group", "scoring.council"], schema: saveGridSchema, target: (i) => ({ period: i.periodId, within: true }) }, async (viewer, input) => {
    const r = await saveGrid(viewer, input);
    if (Object.keys(r.errors).length) return { ok: false, message: "Chưa lưu: có ô điểm không hợp lệ hoặc phiếu bạn không được chấm.", data: { ...r } };
    refresh();
    const message = r.conflicts.length
      ? `Đã lưu ${r.saved.length} phiếu. ${r.conflicts.length} phiếu đã được người khác sửa trong lúc bạn nhập: chưa lưu, hãy tải lại để xem bản mới.`
      : `Đã lưu ${r.saved.length} phiếu.`;
    return { ok: r.conflicts.length === 0, message, data: { ...r } } as ActionState;
  });
}

/** Steps aside from one member's sheet at a stage, with the reason. */
export async function recuseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["scoring.group", "scoring.council"], schema: recuseSchema, target: (i) => ({ sheet: i.sheetId }) }, async (viewer, input) => {
    await recuse(viewer, input);
    refresh();
    return { ok: true, message: "Đã ghi nhận việc không tham gia chấm phiếu này." };
  });
}

/** After confirmation: changes the council's numbers with a logged reason (chair). */
export async function amendStageAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["scoring.manage"], schema: amendStageSchema, target: (i) => ({ sheet: i.sheetId }) }, async (viewer, input) => {
    const r = await amendStage(viewer, input);
    refresh();
    return { ok: true, message: `Đã sửa điểm (có ghi lý do). Tổng điểm mới ${formatPoints(r.total)}.`, data: { version: r.version ?? 0 } };
  });
}

/** Creates a scoring period of a campaign for the school (chair). */
export async function createPeriodAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["scoring.manage"], schema: createPeriodSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    await createPeriod(viewer, input);
    refresh();
    return { ok: true, message: "Đã tạo kỳ chấm điểm và phiếu cho từng đoàn viên đã đăng ký thi đua." };
  });
}

/** Confirms the current stage (sealed snapshot) and moves the period on (chair). */
export async function sealStageAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: SEAL_CAPS, schema: periodStepSchema, target: (i) => ({ period: i.periodId }) }, async (viewer, input) => {
    const r = await sealStage(viewer, input);
    refresh();
    return { ok: true, message: `Đã xác nhận và niêm phong. Mã kiểm tra: ${r.checksum.slice(0, 16)}…` };
  });
}

/** Adds sheets for members who joined after the period started (chair). */
export async function syncSheetsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["scoring.manage"], schema: z.strictObject({ periodId: id("kỳ chấm") }), target: (i) => ({ period: i.periodId }) }, async (viewer, input) => {
    const n = await syncSheets(viewer, input);
    refresh();
    return { ok: true, message: n ? `Đã thêm ${n} phiếu.` : "Không có đoàn viên nào thiếu phiếu." };
  });
}

/** The council takes the group's numbers for every sheet it has not scored (not the chair's own). */
export async function confirmGroupScoresAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["scoring.council"], schema: z.strictObject({ periodId: id("kỳ chấm") }), target: (i) => ({ period: i.periodId }) }, async (viewer, input) => {
    const r = await confirmGroupScores(viewer, input);
    refresh();
    return { ok: true, message: `Đã lấy điểm tổ cho ${r.copied} phiếu.${r.left ? ` Còn ${r.left} phiếu cần chấm riêng (chưa có điểm tổ, phiếu của chính bạn hoặc phiếu bạn không tham gia chấm).` : ""}` };
  });
}

/** Closes the period: numbers frozen (chair). */
export async function closePeriodAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["scoring.manage"], schema: periodIdSchema, target: (i) => ({ period: i.periodId }) }, async (viewer, input) => {
    await closePeriod(viewer, input);
    refresh();
    return { ok: true, message: "Đã khóa sổ kỳ chấm. Mọi thay đổi sau này phải ghi lý do." };
  });
}

/** A member appeals their confirmed sheet within the window. */
export async function createAppealAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["appeal.create"], schema: appealSchema, target: (i) => ({ sheet: i.sheetId }) }, async (viewer, input) => {
    await createAppeal(viewer, input);
    refresh();
    return { ok: true, message: "Đã gửi khiếu nại. Chủ tịch công đoàn sẽ trả lời." };
  });
}

/** The chair resolves an appeal with a reason. */
export async function resolveAppealAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["appeal.resolve"], schema: resolveAppealSchema, target: (i) => ({ appeal: i.appealId }) }, async (viewer, input) => {
    await resolveAppeal(viewer, input);
    refresh();
    return { ok: true, message: "Đã trả lời khiếu nại." };
  });
}
