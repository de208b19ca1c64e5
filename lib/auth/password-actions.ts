"use server";
// Password actions of the security page (issue 11): change one's own password; reset a
// forgotten one of an account one keeps (user.password_reset).
import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/validation";
import { getDb } from "@/lib/server/db";
import type { ActionState } from "@/lib/server/action";
import { gatedAction, OWN } from "@/lib/authz/gate";
import { clientAddress } from "./address";
import { deviceFor } from "./device";
import { deviceCookieName } from "./tls";
import { cookieFrom } from "./options";
import { changeOwnPassword, resetUserPassword } from "./password-admin";

async function requestClient(email: string) {
  const h = await headers();
  const jar = await cookies();
  const name = deviceCookieName();
  return { address: clientAddress(h), device: deviceFor(jar.get(name)?.value ?? cookieFrom(h.get("cookie"), name), email) };
}

// Passwords are never trimmed or echoed back into the form (runAction returns typed values:
// the password fields are blanked below).
const password = (label: string) => z.string({ error: `Vui lòng nhập ${label}.` }).min(1, `Vui lòng nhập ${label}.`).max(200, `${label} dài quá 200 ký tự.`);

const changeSchema = z.object({
  currentPassword: password("mật khẩu hiện tại"),
  newPassword: password("mật khẩu mới"),
  confirmPassword: password("lại mật khẩu mới"),
});

function withoutSecrets(state: ActionState): ActionState {
  if (!state || state.ok || !state.values) return state;
  const values = { ...state.values };
  for (const k of ["currentPassword", "newPassword", "confirmPassword", "temporaryPassword"]) if (k in values) values[k] = "";
  return { ...state, values };
}

/** Đổi mật khẩu: one's own (any signed-in person); other sessions end, this one stays. */
export async function changeOwnPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const res = await gatedAction(formData, { cap: OWN, schema: changeSchema, target: () => "self" }, async (viewer, input) => {
    await changeOwnPassword(await getDb(), viewer, input, await requestClient(viewer.email));
    return { ok: true, message: "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc." };
  });
  revalidatePath("/ca-nhan/bao-mat");
  return withoutSecrets(res);
}

const resetSchema = z.object({
  email: z.string().trim().toLowerCase().email("Email chưa đúng.").max(254),
  temporaryPassword: z
    .string()
    .max(128, "Mật khẩu tạm dài quá 128 ký tự.")
    .optional()
    .transform((v) => v || undefined),
});

/**
 * Đặt lại mật khẩu (user.password_reset): the upper unit for its schools' accounts, the union
 * chair for plain members of the school. The temporary password is shown once, in this answer.
 */
export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const res = await gatedAction(formData, { cap: "user.password_reset", schema: resetSchema, target: (i) => ({ userEmail: i.email }) }, async (viewer, input) => {
    const r = await resetUserPassword(await getDb(), viewer, input);
    return {
      ok: true,
      message: `Đã đặt lại mật khẩu của ${r.displayName} (${r.email}). Người dùng phải đổi mật khẩu khi đăng nhập lần tới; mọi phiên đăng nhập của họ đã kết thúc.`,
      data: { temporaryPassword: r.temporaryPassword, generated: r.generated },
    };
  });
  return withoutSecrets(res);
}
