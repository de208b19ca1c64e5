"use client";
// Forms of the upper unit's holiday calendar page: add a day off (or Tết as announced), edit one
// (version-checked), delete one.
import { useActionState, useId } from "react";
import { createHolidayAction, deleteHolidayAction, updateHolidayAction } from "@/lib/holidays/actions";
import { HOLIDAY_KIND_LABELS } from "@/lib/holidays/calendar";
import type { HolidayKind } from "@/lib/generated/prisma/enums";
import { Field, fieldProps } from "@/components/ui/field";
import { DateInput } from "@/components/ui/date-input";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SubmissionKey } from "@/components/ui/submission-key";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";

/** The kinds of day off an upper unit adds, in the order offered. */
function KindOptions() {
  return (["EXTRA", "TET", "PUBLIC"] as const).map((k) => (
    <option key={k} value={k}>
      {HOLIDAY_KIND_LABELS[k]}
    </option>
  ));
}

export function CreateHolidayForm({ unitId }: { unitId: string }) {
  const [state, action] = useActionState(createHolidayAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} noValidate className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="unitId" value={unitId} />
      <SubmissionKey after={state} />
      <Field name="kind" label="Loại ngày nghỉ" errors={failed?.fieldErrors?.kind}>
        <select {...fieldProps("kind", failed, "EXTRA")}>
          <KindOptions />
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

/** The unit's own day off as the edit form starts from it. */
export type EditableHoliday = { id: string; version: number; kind: HolidayKind; name: string; startsOn: Date; endsOn: Date; lunarNewYear: Date | null };

/**
 * Sửa ngày nghỉ: one per row of the unit's own days, so every id is made unique on the page (the
 * create form below uses the plain names). Version in a hidden input (a stale form gets the
 * conflict message); errors beside their fields; what was typed stays after a refusal. The fields
 * are keyed by the version, so after a save they show the saved row.
 */
export function EditHolidayForm({ holiday }: { holiday: EditableHoliday }) {
  const [state, action] = useActionState(updateHolidayAction, null);
  const failed = state && !state.ok ? state : null;
  const p = useId();
  const k = holiday.version;
  const at = (name: string) => ({ id: `${p}-${name}`, "aria-describedby": `${p}-${name}-error` });
  return (
    <form action={action} noValidate aria-label={`Sửa ngày nghỉ ${holiday.name}`} className="mt-2 grid min-w-64 gap-3">
      <input type="hidden" name="holidayId" value={holiday.id} />
      <input type="hidden" name="version" value={holiday.version} />
      <Field name={`${p}-kind`} label="Loại ngày nghỉ" errors={failed?.fieldErrors?.kind}>
        <select key={`kind-${k}`} {...fieldProps("kind", failed, holiday.kind)} {...at("kind")}>
          <KindOptions />
        </select>
      </Field>
      <Field name={`${p}-name`} label="Tên" errors={failed?.fieldErrors?.name}>
        <input key={`name-${k}`} {...fieldProps("name", failed, holiday.name)} {...at("name")} maxLength={160} />
      </Field>
      <DateInput key={`from-${k}`} id={`${p}-startsOn`} name="startsOn" label="Nghỉ từ ngày" defaultValue={holiday.startsOn} state={failed} />
      <DateInput key={`to-${k}`} id={`${p}-endsOn`} name="endsOn" label="Đến hết ngày" defaultValue={holiday.endsOn} state={failed} />
      <DateInput key={`tet-${k}`} id={`${p}-lunarNewYear`} name="lunarNewYear" label="Mùng 1 Tết (chỉ với Tết Nguyên đán)" defaultValue={holiday.lunarNewYear} state={failed} />
      <div>
        <SubmitButton pendingText="Đang lưu…">Lưu</SubmitButton>
        <FormMessage state={state} />
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
