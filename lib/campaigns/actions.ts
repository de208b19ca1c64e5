"use server";
// Campaign and registration actions.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "../server/action";
import { gatedAction } from "../authz/gate";
import { createCampaignSchema, registerCollectiveSchema, registerSchema, remindSchema, transitionCampaignSchema, updateCampaignSchema, withdrawSchema } from "./schemas";
import { createCampaign, registerCollective, registerSelf, remindUnregistered, transitionCampaign, updateCampaign, withdrawRegistration } from "./mutations";

const refresh = () => revalidatePath("/", "layout");

/** Launches a campaign for the page's school (chair) or upper unit (its staff); opens it. */
export async function createCampaignAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let to = "";
  const state = await gatedAction(formData, { cap: ["campaign.manage"], schema: createCampaignSchema, target: (i) => (i.schoolId ? { school: i.schoolId } : { unit: i.unitId }) }, async (viewer, input) => {
    const c = await createCampaign(viewer, input);
    to = input.schoolId ? `/truong/${input.schoolId}/phong-trao/${c.id}` : `/cap-tren/${input.unitId}/phong-trao/${c.id}`;
  });
  if (!state?.ok || !to) return state;
  refresh();
  redirect(to);
}

export async function updateCampaignAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["campaign.manage"], schema: updateCampaignSchema, target: (i) => ({ campaign: i.campaignId }) }, async (viewer, input) => {
    await updateCampaign(viewer, input);
    refresh();
    return { ok: true, message: "Đã lưu phong trào." };
  });
}

const TRANSITION_MESSAGES = { open: "Đã mở đăng ký thi đua.", startScoring: "Đã chuyển sang giai đoạn chấm điểm.", close: "Đã kết thúc phong trào." } as const;

export async function transitionCampaignAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["campaign.manage"], schema: transitionCampaignSchema, target: (i) => ({ campaign: i.campaignId }) }, async (viewer, input) => {
    await transitionCampaign(viewer, input);
    refresh();
    return { ok: true, message: TRANSITION_MESSAGES[input.action] };
  });
}

/** A member registers themselves for a title. */
export async function registerSelfAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["registration.self"], schema: registerSchema, target: (_i, v) => ({ member: v.memberId }) }, async (viewer, input) => {
    await registerSelf(viewer, input);
    refresh();
    return { ok: true, message: "Đã đăng ký danh hiệu." };
  });
}

/** The chair registers the school or a union group for a collective title. */
export async function registerCollectiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["registration.manage"], schema: registerCollectiveSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    await registerCollective(viewer, input);
    refresh();
    return { ok: true, message: "Đã đăng ký danh hiệu tập thể." };
  });
}

export async function withdrawRegistrationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["registration.self", "registration.manage"], schema: withdrawSchema, target: (i) => ({ registration: i.registrationId }) }, async (viewer, input) => {
    await withdrawRegistration(viewer, input);
    refresh();
    return { ok: true, message: "Đã rút đăng ký." };
  });
}

/** In-app reminders to everyone in the audience who has not registered. */
export async function remindAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return gatedAction(formData, { cap: ["registration.manage"], schema: remindSchema, target: (i) => ({ school: i.schoolId }) }, async (viewer, input) => {
    const n = await remindUnregistered(viewer, input);
    refresh();
    return { ok: true, message: n ? `Đã nhắc ${n} đoàn viên chưa đăng ký.` : "Mọi người đã đăng ký." };
  });
}
