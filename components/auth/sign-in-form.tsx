"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { Field, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { EnrolmentDetails } from "@/components/auth/enrolment-details";
import { startSignInEnrolmentAction, type EnrolmentState } from "@/lib/auth/two-step-actions";
import { lockMessageFor } from "@/lib/auth/lock-message";

const LOCK = "Đăng nhập vào tài khoản này tạm khóa 15 phút vì có 5 lần nhập sai mật khẩu liên tiếp. Vui lòng thử lại sau.";

/** The Vietnamese text for what lib/auth/options.ts `signInErrorCode` sends back. */
export function signInMessage(code: string): string {
  const left = /^INVALID_LEFT_(\d)$/.exec(code);
  if (left) return `Email hoặc mật khẩu không đúng. Còn ${left[1]} lần thử trước khi đăng nhập bị tạm khóa 15 phút.`;
  const codeLeft = /^CODE_INVALID_LEFT_(\d)$/.exec(code);
  if (codeLeft) return `Mã xác thực không đúng hoặc đã được dùng. Còn ${codeLeft[1]} lần thử trước khi bị tạm khóa 15 phút.`;
  if (code.startsWith("NEW_PASSWORD_WEAK:")) return code.slice("NEW_PASSWORD_WEAK:".length);
  const locked = lockMessageFor(code);
  if (locked) return locked;
  switch (code) {
    case "PASSWORD_CHANGE_REQUIRED":
      return "Mật khẩu của bạn vừa được đặt lại. Hãy chọn mật khẩu mới (ít nhất 10 ký tự, có cả chữ và số) để đăng nhập.";
    case "LOCKED":
      return LOCK;
    case "CODE_REQUIRED":
      return "Nhập mã 6 số trong ứng dụng xác thực (hoặc một mã khôi phục).";
    case "ENROL_REQUIRED":
      return "Vai trò của bạn bắt buộc dùng xác thực hai bước. Hãy đăng ký ứng dụng xác thực để tiếp tục.";
    case "CODE_INVALID":
      return "Mã xác thực không đúng hoặc đã được dùng.";
    case "CODE_LOCKED":
      return "Đã nhập sai mã xác thực 5 lần: tạm khóa 15 phút. Vui lòng thử lại sau.";
    default:
      return "Email hoặc mật khẩu không đúng.";
  }
}

type Step = "password" | "code" | "enrol";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [step, setStep] = useState<Step>("password");
  const [enrolment, setEnrolment] = useState<EnrolmentState>(null);
  /** The password was reset by an administrator: a new one is chosen with this sign-in. */
  const [changing, setChanging] = useState(false);
  const [mismatch, setMismatch] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setError(null);
    setMismatch(null);
    if (changing && String(form.get("newPassword") ?? "") !== String(form.get("confirmPassword") ?? "")) {
      setMismatch("Hai lần nhập mật khẩu mới chưa giống nhau.");
      return;
    }
    setPending(true);
    try {
      const res = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        code: String(form.get("code") ?? ""),
        newPassword: changing ? String(form.get("newPassword") ?? "") : "",
        redirect: false,
      });
      if (!res || res.error) {
        const code = res?.error ?? "";
        if (code === "PASSWORD_CHANGE_REQUIRED") {
          setChanging(true);
          setInfo(signInMessage(code));
        } else if (code === "CODE_REQUIRED") {
          setStep("code");
          setInfo(signInMessage(code));
        } else if (code === "ENROL_REQUIRED") {
          setInfo(signInMessage(code));
          const started = await startSignInEnrolmentAction(null, form);
          if (started?.ok) {
            setEnrolment(started);
            setStep("enrol");
          } else setError(started?.message ?? signInMessage(""));
        } else setError(signInMessage(code));
        setPending(false);
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError("Không kết nối được máy chủ. Vui lòng thử lại.");
      setPending(false);
    }
  }

  const askCode = step !== "password";
  const locked = askCode || changing;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field name="email" label="Email">
        <input id="email" name="email" type="email" autoComplete="username" required readOnly={locked} className={inputClass} />
      </Field>
      <Field name="password" label={changing ? "Mật khẩu tạm thời" : "Mật khẩu"}>
        <input id="password" name="password" type="password" autoComplete="current-password" required readOnly={locked} className={inputClass} />
      </Field>
      {changing ? (
        <>
          <Field name="newPassword" label="Mật khẩu mới" hint="Ít nhất 10 ký tự, có cả chữ và số; không chứa email hay họ tên.">
            <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={10} maxLength={128} readOnly={askCode} autoFocus={!askCode} className={inputClass} />
          </Field>
          <Field name="confirmPassword" label="Nhập lại mật khẩu mới" errors={mismatch ? [mismatch] : undefined}>
            <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required maxLength={128} readOnly={askCode} aria-invalid={mismatch ? true : undefined} aria-describedby="confirmPassword-error" className={inputClass} />
          </Field>
        </>
      ) : null}
      {step === "enrol" && enrolment?.ok ? <EnrolmentDetails qr={enrolment.qr} secret={enrolment.secret} recoveryCodes={enrolment.recoveryCodes} /> : null}
      {info && (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {info}
        </p>
      )}
      {askCode ? (
        <Field name="code" label="Mã xác thực" hint={step === "enrol" ? "Nhập mã 6 số đang hiện trong ứng dụng để xác nhận." : undefined}>
          <input id="code" name="code" type="text" inputMode="text" autoComplete="one-time-code" required autoFocus maxLength={32} className={inputClass} />
        </Field>
      ) : null}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Đang đăng nhập…" : askCode ? "Xác nhận" : changing ? "Đổi mật khẩu và đăng nhập" : "Đăng nhập"}
      </Button>
    </form>
  );
}
