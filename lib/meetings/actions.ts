"use server";
// Server actions of the joint-meeting pages (meeting.manage: principal and union chair).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "../server/action";
import { gatedAction } from "../authz/gate";
import { addTaskSchema, completeTaskSchema, createMeetingSchema, followUpTaskSchema, generateMeetingsSchema, meetingStateSchema, saveMinutesSchema } from "./schemas";
import { addTask, changeMeetingState, completeTask, createMeeting, followUpTask, generateMeetings, saveMinutes } from "./mutations";

const refresh = (schoolId: string) => revalidatePath(`/truong/${schoolId}/hop-lien-tich`, "layout");

/** Lập lịch họp liên tịch hằng tháng theo chế độ họp của kế hoạch. */
export async function generateMeetingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "meeting.manage", schema: generateMeetingsSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    const r = await generateMeetings(viewer, input);
    refresh(input.schoolId);
    const moved = r.moved ? ` Đã dời ${r.moved} cuộc họp trùng ngày nghỉ lễ, Tết.` : "";
    return { ok: true, message: (r.created ? `Đã lập ${r.created} cuộc họp định kỳ.` : "Các cuộc họp định kỳ của năm học đã có đủ.") + moved };
  });
}

/** Thêm cuộc họp bất thường. Redirects to it. */
export async function createMeetingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  const state = await gatedAction(formData, { cap: "meeting.manage", schema: createMeetingSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    const m = await createMeeting(viewer, input);
    refresh(m.schoolId);
    to = `/truong/${m.schoolId}/hop-lien-tich/${m.id}`;
  });
  if (!state?.ok || !to) return state;
  redirect(to);
}

/** Ghi / sửa biên bản (version checked). */
export async function saveMinutesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "meeting.manage", schema: saveMinutesSchema, target: (i) => ({ meeting: i.meetingId }) }, async (viewer, input) => {
    const m = await saveMinutes(viewer, input);
    refresh(m.schoolId);
    return { ok: true, message: "Đã lưu biên bản." };
  });
}

/** Chốt biên bản / hủy cuộc họp. */
export async function meetingStateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "meeting.manage", schema: meetingStateSchema, target: (i) => ({ meeting: i.meetingId }) }, async (viewer, input) => {
    const m = await changeMeetingState(viewer, input);
    refresh(m.schoolId);
    return { ok: true, message: input.action === "close" ? "Đã chốt biên bản." : "Đã hủy cuộc họp." };
  });
}

/** Giao nhiệm vụ. */
export async function addTaskAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "meeting.manage", schema: addTaskSchema, target: (i) => ({ meeting: i.meetingId }) }, async (viewer, input) => {
    const m = await addTask(viewer, input);
    refresh(m.schoolId);
    return { ok: true, message: "Đã giao nhiệm vụ." };
  });
}

/** Kiểm điểm nhiệm vụ. */
export async function followUpTaskAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "meeting.manage", schema: followUpTaskSchema, target: (i) => ({ meetingTask: i.taskId }) }, async (viewer, input) => {
    const m = await followUpTask(viewer, input);
    refresh(m.schoolId);
    return { ok: true, message: "Đã ghi kết quả thực hiện." };
  });
}

/** Đánh dấu hoàn thành: the member responsible for the task, or the principal / union chair. */
export async function completeTaskAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["task.complete", "meeting.manage"], schema: completeTaskSchema, target: (i) => ({ meetingTask: i.taskId }) }, async (viewer, input) => {
    const t = await completeTask(viewer, input);
    refresh(t.schoolId);
    revalidatePath("/ca-nhan");
    return { ok: true, message: "Đã ghi nhận nhiệm vụ hoàn thành." };
  });
}
