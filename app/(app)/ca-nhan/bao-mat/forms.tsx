"use client";
import { useActionState } from "react";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { EnrolmentDetails } from "@/components/auth/enrolment-details";
import { confirmEnrolmentAction, disableTwoStepAction, resetTwoStepAction, startEnrolmentAction } from "@/lib/auth/two-step-actions";
import { changeOwnPasswordAction, resetPasswordAction } from "@/lib/auth/password-actions";

export function EnrolPanel() {
  const [started, start] = useActionState(startEnrolmentAction, null);
  const [confirmed, confirm] = useActionState(confirmEnrolmentAction, null);
  if (confirmed?.ok) return <FormMessage state={confirmed} />;
  return (
    <div className="flex flex-col gap-4">
      <form action={start}>
        <SubmitButton variant={started?.ok ? "secondary" : "primary"} pendingText="Đang tạo khóa…">
          {started?.ok ? "Tạo khóa mới" : "Bật xác thực hai bước"}
        </SubmitButton>
      </form>
      {started && !started.ok ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{started.message}</p> : null}
      {started?.ok ? (
        <>
          <EnrolmentDetails qr={started.qr} secret={started.secret} recoveryCodes={started.recoveryCodes} />
          <form action={confirm} className="flex max-w-xs flex-col gap-3">
            <Field name="code" label="Mã xác thực" errors={confirmed && !confirmed.ok ? confirmed.fieldErrors?.code : undefined} hint="Nhập mã 6 số đang hiện trong ứng dụng để xác nhận.">
              <input {...fieldProps("code", confirmed && !confirmed.ok ? confirmed : null)} autoComplete="one-time-code" inputMode="numeric" maxLength={32} required className={inputClass} />
            </Field>
            <FormMessage state={confirmed} />
            <SubmitButton pendingText="Đang kiểm tra…">Xác nhận và bật</SubmitButton>
          </form>
        </>
      ) : null}
    </div>
  );
}

export function DisableForm() {
  const [state, action] = useActionState(disableTwoStepAction, null);
  return (
    <form action={action} className="flex max-w-xs flex-col gap-3">
      <Field name="code" label="Mã xác thực hiện tại" errors={state && !state.ok ? state.fieldErrors?.code : undefined}>
        <input {...fieldProps("code", state && !state.ok ? state : null)} autoComplete="one-time-code" maxLength={32} required className={inputClass} />
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingText="Đang tắt…">
        Tắt xác thực hai bước
      </SubmitButton>
    </form>
  );
}

export function AdminResetForm() {
  const [state, action] = useActionState(resetTwoStepAction, null);
  return (
    <form action={action} className="flex max-w-sm flex-col gap-3">
      <Field name="email" label="Email người dùng" errors={state && !state.ok ? state.fieldErrors?.email : undefined}>
        <input {...fieldProps("email", state && !state.ok ? state : null)} type="email" required className={inputClass} />
      </Field>
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingText="Đang đặt lại…">
        Đặt lại
      </SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action] = useActionState(changeOwnPasswordAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form key={state?.ok ? "saved" : "form"} action={action} className="flex max-w-sm flex-col gap-3" noValidate>
      <Field name="currentPassword" label="Mật khẩu hiện tại" errors={failed?.fieldErrors?.currentPassword}>
        <input {...fieldProps("currentPassword", failed)} type="password" autoComplete="current-password" required maxLength={200} />
      </Field>
      <Field name="newPassword" label="Mật khẩu mới" errors={failed?.fieldErrors?.newPassword} hint="Ít nhất 10 ký tự, có cả chữ và số; không chứa email hay họ tên; không phải mật khẩu phổ biến.">
        <input {...fieldProps("newPassword", failed)} type="password" autoComplete="new-password" required minLength={10} maxLength={128} />
      </Field>
      <Field name="confirmPassword" label="Nhập lại mật khẩu mới" errors={failed?.fieldErrors?.confirmPassword}>
        <input {...fieldProps("confirmPassword", failed)} type="password" autoComplete="new-password" required maxLength={128} />
      </Field>
      <FormMessage state={state} />
      <SubmitButton pendingText="Đang đổi…">Đổi mật khẩu</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm() {
  const [state, action] = useActionState(resetPasswordAction, null);
  const failed = state && !state.ok ? state : null;
  const temporary = state?.ok ? (state.data?.temporaryPassword as string | undefined) : undefined;
  return (
    <div className="flex flex-col gap-3">
      <form action={action} className="flex max-w-sm flex-col gap-3" noValidate>
        <Field name="email" label="Email người dùng" errors={failed?.fieldErrors?.email}>
          <input {...fieldProps("email", failed)} type="email" required maxLength={254} autoComplete="off" />
        </Field>
        <Field
          name="temporaryPassword"
          label="Mật khẩu tạm (không bắt buộc)"
          errors={failed?.fieldErrors?.temporaryPassword}
          hint="Để trống: hệ thống tạo một mật khẩu tạm và chỉ hiện một lần."
        >
          <input {...fieldProps("temporaryPassword", failed)} type="text" autoComplete="off" maxLength={128} />
        </Field>
        <FormMessage state={state} />
        <SubmitButton variant="danger" pendingText="Đang đặt lại…">
          Đặt lại mật khẩu
        </SubmitButton>
      </form>
      {temporary ? (
        <div className="max-w-sm rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Mật khẩu tạm (chỉ hiện một lần)</p>
          <p className="mt-1">
            <code className="rounded bg-white px-2 py-1 font-mono text-base" data-testid="temporary-password">
              {temporary}
            </code>
          </p>
          <p className="mt-2">Trao trực tiếp cho người dùng (không gửi qua nhóm chat). Khi đăng nhập bằng mật khẩu này, họ phải chọn mật khẩu mới.</p>
        </div>
      ) : null}
    </div>
  );
}
