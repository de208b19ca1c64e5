"use server";
// Two-step sign-in actions. Public POST endpoints like every action: the sign-in enrolment
// re-checks the password under the same throttle; the others need a session.
import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import QRCode from "qrcode";
import { z } from "@/lib/validation";
import { getDb } from "@/lib/server/db";
import type { ActionState } from "@/lib/server/action";
import { gatedAction, OWN, publicAction } from "@/lib/authz/gate";
import { AppError, ERROR_MESSAGES } from "@/lib/server/errors";
import { record } from "@/lib/audit/record";
import { clientAddress } from "./address";
import { deviceFor } from "./device";
import { checkPassword } from "./sessions";
import { deviceCookieName } from "./tls";
import { checkSecondStep, confirmEnrolment, isEnrolled, removeTwoStep, resetTwoStep, startEnrolment, twoStepRequired, type Enrolment } from "./two-step";
import { cookieFrom, signInErrorCode } from "./options";
import { lockMessageFor } from "./lock-message";

export type EnrolmentState =
  | { ok: true; qr: string; secret: string; recoveryCodes: string[]; message?: string }
  | { ok: false; message: string }
  | null;

async function requestClient(email: string) {
  const h = await headers();
  const jar = await cookies();
  const name = deviceCookieName();
  return { address: clientAddress(h), device: deviceFor(jar.get(name)?.value ?? cookieFrom(h.get("cookie"), name), email) };
}

async function shown(e: Enrolment): Promise<EnrolmentState> {
  return { ok: true, qr: await QRCode.toDataURL(e.uri, { margin: 1, width: 220 }), secret: e.secret, recoveryCodes: e.recoveryCodes };
}

const CODE_MESSAGES: Record<string, string> = {
  CODE_INVALID: "Mã xác thực không đúng hoặc đã được dùng.",
  CODE_LOCKED: "Đã nhập sai mã xác thực 5 lần: tạm khóa 15 phút. Vui lòng thử lại sau.",
};

/**
 * At sign-in, for an account that must use two-step sign-in but has not enrolled yet: the
 * password again (same throttle), then a new secret and recovery codes, shown once. The sign-in
 * then completes with the first code (lib/auth/sessions.ts confirms the enrolment).
 */
export async function startSignInEnrolmentAction(_prev: EnrolmentState, formData: FormData): Promise<EnrolmentState> {
  // Before any session: the password itself is the check (lib/authz/gate.ts publicAction).
  return publicAction("sign-in", () => startSignInEnrolment(formData));
}

async function startSignInEnrolment(formData: FormData): Promise<EnrolmentState> {
  if (!(formData instanceof FormData)) return { ok: false, message: ERROR_MESSAGES.INVALID };
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const password = String(formData.get("password") ?? "").slice(0, 200);
  if (!email || !password) return { ok: false, message: "Email hoặc mật khẩu không đúng." };
  const db = await getDb();
  const checked = await checkPassword(db, email, password, await requestClient(email));
  if (!checked.ok) {
    const code = signInErrorCode(checked);
    return { ok: false, message: (code && lockMessageFor(code)) || "Email hoặc mật khẩu không đúng." };
  }
  // Only an account that must enrol and has not: an enrolled account never gets a new secret
  // from its password alone.
  if (isEnrolled(checked.user.twoStep) || !twoStepRequired(checked.user.roles)) return { ok: false, message: ERROR_MESSAGES.STATE };
  return shown(await startEnrolment(db, checked.user.id, checked.user.email));
}

/** Signed in: start (or restart) an enrolment from the security page. */
export async function startEnrolmentAction(_prev: EnrolmentState, formData: FormData): Promise<EnrolmentState> {
  let out: EnrolmentState = null;
  const res = await gatedAction(formData, { cap: OWN, schema: z.object({}), target: () => "self" }, async (viewer) => {
    const db = await getDb();
    const row = await db.twoStep.findUnique({ where: { userId: viewer.userId } });
    if (isEnrolled(row)) throw new AppError("STATE", "Xác thực hai bước đã bật. Hãy tắt (hoặc nhờ quản trị đặt lại) trước khi đăng ký thiết bị mới.");
    out = await shown(await startEnrolment(db, viewer.userId, viewer.email));
  });
  return res && !res.ok ? { ok: false, message: res.message } : out;
}

const codeSchema = z.object({ code: z.string().trim().min(6, "Nhập mã 6 số.").max(32) });

/** Signed in: confirm the enrolment with the first code from the app. */
export async function confirmEnrolmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const res = await gatedAction(formData, { cap: OWN, schema: codeSchema, target: () => "self" }, async (viewer, input) => {
    const db = await getDb();
    const r = await confirmEnrolment(db, viewer.userId, input.code, await requestClient(viewer.email));
    if (!r.ok) throw new AppError("INVALID", CODE_MESSAGES[r.reason === "code_locked" ? "CODE_LOCKED" : "CODE_INVALID"], { code: ["Mã chưa đúng."] });
    return { ok: true, message: "Đã bật xác thực hai bước." };
  });
  revalidatePath("/ca-nhan/bao-mat");
  return res;
}

/** Signed in, not required for the role: turn two-step sign-in off with a current code. */
export async function disableTwoStepAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const res = await gatedAction(formData, { cap: OWN, schema: codeSchema, target: () => "self" }, async (viewer, input) => {
    const db = await getDb();
    if (twoStepRequired(viewer.grants)) throw new AppError("FORBIDDEN", "Vai trò của bạn bắt buộc dùng xác thực hai bước.");
    const row = await db.twoStep.findUnique({ where: { userId: viewer.userId } });
    if (!row || !isEnrolled(row)) throw new AppError("STATE");
    const r = await checkSecondStep(db, viewer.userId, row, input.code, await requestClient(viewer.email));
    if (!r.ok) throw new AppError("INVALID", CODE_MESSAGES[r.reason === "code_locked" ? "CODE_LOCKED" : "CODE_INVALID"], { code: ["Mã chưa đúng."] });
    await db.$transaction(async (tx) => {
      await removeTwoStep(tx, viewer.userId);
      await record(tx, viewer, { action: "twostep.disable", entity: "User", entityId: viewer.userId });
    });
    return { ok: true, message: "Đã tắt xác thực hai bước." };
  });
  revalidatePath("/ca-nhan/bao-mat");
  return res;
}

const resetSchema = z.object({ email: z.string().trim().toLowerCase().email("Email chưa đúng.").max(254) });

/**
 * An admin resets another user's two-step sign-in (lost phone and recovery codes): secret and
 * codes removed, every session of the user ended, one audit row. A required role enrols again
 * at the next sign-in.
 */
export async function resetTwoStepAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const res = await gatedAction(formData, { cap: "user.twostep_reset", schema: resetSchema, target: (i) => ({ userEmail: i.email }) }, async (viewer, input) => {
    await resetTwoStep(await getDb(), viewer, input.email);
    return { ok: true, message: `Đã đặt lại xác thực hai bước của ${input.email}.` };
  });
  return res;
}
