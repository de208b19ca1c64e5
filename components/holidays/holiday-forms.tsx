"use client";
// Forms of the upper unit's holiday calendar page: add a day off (or Tết as announced), delete one.
import { useActionState } from "react";
import { createHolidayAction, deleteHolidayAction } from "@/lib/holidays/actions";
import { HOLIDAY_KIND_LABELS } from "@/lib/holidays/calendar";
import { Field, fieldProps } from "@/components/ui/field";
import { DateInput } from "@/components/ui/date-input";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SubmissionKey } from "@/components/ui/submission-key";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";

export function CreateHolidayForm({ unitId }: { unitId: string }) {
  const [state, action] = useActionState(createHolidayAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} noValidate className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="unitId" value={unitId} />
      <SubmissionKey after={state} />
      <Field name="kind" label="Loại ngày nghỉ" errors={failed?.fieldErrors?.kind}>
        <select {...fieldProps("kind", failed, "EXTRA")}>
          {(["EXTRA", "TET", "PUBLIC"] as const).map((k) => (
            <option key={k} value={k}>
              {HOLIDAY_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="name" label="Tên" errors={failed?.fieldErrors?.name}>
        <input {...fieldProps("name", failed)} maxLength={160} />
      </Field>
      <DateInput name="startsOn" label="Nghỉ từ ngày" state={failed} />
      <DateInput name="endsOn" label="Đến hết ngày" state={failed} />
      <DateInput name="lunarNewYear" label="Mùng 1 Tết (chỉ với Tết Nguyên đán)" hint="Tết của đơn vị thay cho Tết của lịch chung cùng năm." state={failed} />
      <div className="sm:col-span-2">
        <SubmitButton pendingText="Đang thêm…">Thêm ngày nghỉ</SubmitButton>
        <FormMessage state={failed} />
      </div>
    </form>
  );
}

export function DeleteHolidayForm({ holidayId, version, name }: { holidayId: string; version: number; name: string }) {
  const [state, action] = useActionState(deleteHolidayAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="holidayId" value={holidayId} />
      <input type="hidden" name="version" value={version} />
      <ConfirmSubmit label="Xóa" title={`Xóa ngày nghỉ "${name}"?`} message="Các cuộc họp đã lập giữ nguyên ngày." variant="danger" triggerVariant="secondary" />
      <FormMessage state={state} />
    </form>
  );
}
