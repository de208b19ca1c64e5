"use client";
import { useActionState } from "react";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { EnrolmentDetails } from "@/components/auth/enrolment-details";
import { confirmEnrolmentAction, disableTwoStepAction, resetTwoStepAction, startEnrolmentAction } from "@/lib/auth/two-step-actions";

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
