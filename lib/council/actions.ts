"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "../server/action";
import { gatedAction } from "../authz/gate";
import { addCouncilMemberSchema, closeMeetingSchema, createCouncilSchema, openMeetingSchema, recordBallotSheetSchema, recordListVoteSchema, recordVoteSchema, removeCouncilMemberSchema } from "./schemas";
import { addCouncilMember, closeMeeting, createCouncil, openMeeting, recordBallotSheet, recordListVote, recordVote, removeCouncilMember } from "./mutations";

const councilPath = (schoolId: string) => `/truong/${schoolId}/hoi-dong`;

/** Thành lập Hội đồng cho năm học (council.manage). */
export async function createCouncilAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "council.manage", schema: createCouncilSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    await createCouncil(viewer, input);
    revalidatePath(councilPath(input.schoolId));
    return { ok: true, message: "Đã thành lập Hội đồng." };
  });
}

/** Thêm thành viên Hội đồng (council.manage). */
export async function addCouncilMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "council.manage", schema: addCouncilMemberSchema, target: (i) => ({ council: i.councilId }) }, async (viewer, input) => {
    const { schoolId } = await addCouncilMember(viewer, input);
    revalidatePath(councilPath(schoolId));
    return { ok: true, message: "Đã thêm thành viên." };
  });
}

/** Bớt thành viên chưa dự họp (council.manage). */
export async function removeCouncilMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "council.manage", schema: removeCouncilMemberSchema, target: (i) => ({ councilMember: i.councilMemberId }) }, async (viewer, input) => {
    const { schoolId } = await removeCouncilMember(viewer, input);
    revalidatePath(councilPath(schoolId));
    return { ok: true, message: "Đã bớt thành viên." };
  });
}

/** Khai mạc phiên họp: kiểm tra số lẻ và túc số (council.manage). Redirects to the meeting. */
export async function openMeetingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  const state = await gatedAction(formData, { cap: "council.manage", schema: openMeetingSchema, target: (i) => ({ council: i.councilId }) }, async (viewer, input) => {
    const m = await openMeeting(viewer, input);
    to = `${councilPath(m.schoolId)}/${m.id}`;
  });
  if (!state?.ok || !to) return state;
  redirect(to);
}

/** Ghi kết quả kiểm phiếu của một người (council.manage). */
export async function recordVoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "council.manage", schema: recordVoteSchema, target: (i) => ({ councilMeeting: i.meetingId }) }, async (viewer, input) => {
    const r = await recordVote(viewer, input);
    revalidatePath(`${councilPath(r.schoolId)}/${input.meetingId}`);
    return { ok: true, message: `${r.name}: ${r.passed ? "ĐẠT" : "KHÔNG ĐẠT"} – ${r.detail}.` };
  });
}

/** Biểu quyết cả danh sách (các danh hiệu không cần bỏ phiếu kín). */
export async function recordListVoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "council.manage", schema: recordListVoteSchema, target: (i) => ({ councilMeeting: i.meetingId }) }, async (viewer, input) => {
    const r = await recordListVote(viewer, input);
    revalidatePath(`${councilPath(r.schoolId)}/${input.meetingId}`);
    return { ok: true, message: `Đã ghi biểu quyết cho ${r.count} người; ${r.passed} đạt.` };
  });
}

/** Ghi phiếu bầu liệt kê từng người: số phiếu chung và số đồng ý của mỗi người (council.manage). */
export async function recordBallotSheetAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "council.manage", schema: recordBallotSheetSchema, target: (i) => ({ councilMeeting: i.meetingId }) }, async (viewer, input) => {
    const r = await recordBallotSheet(viewer, input);
    revalidatePath(`${councilPath(r.schoolId)}/${input.meetingId}`);
    return { ok: true, message: `Đã ghi phiếu của ${r.count} người; ${r.passed} đạt, ${r.count - r.passed} không đạt.` };
  });
}

/** Bế mạc: biên bản và kết quả kiểm phiếu không sửa được nữa (council.manage). */
export async function closeMeetingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: "council.manage", schema: closeMeetingSchema, target: (i) => ({ councilMeeting: i.meetingId }) }, async (viewer, input) => {
    const { schoolId } = await closeMeeting(viewer, input);
    revalidatePath(`${councilPath(schoolId)}/${input.meetingId}`);
    return { ok: true, message: "Đã kết thúc phiên họp." };
  });
}
