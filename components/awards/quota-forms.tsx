"use client";
// Forms of the quota screen (chỉ tiêu khen thưởng): add, edit (number and basis, version-checked),
// delete. Typed values survive a refusal; errors sit beside their field (aria-describedby).
import { useActionState, useId } from "react";
import type { ActionState } from "@/lib/server/action";
import { createQuotaAction, deleteQuotaAction, updateQuotaAction } from "@/lib/awards/actions";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { SubmissionKey } from "@/components/ui/submission-key";

/** Like fieldProps, with ids unique on a page that has many forms. */
function field(prefix: string, name: string, state: ActionState, fallback?: string | number | null) {
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  return {
    input: {
      id: `${prefix}-${name}`,
      name,
      defaultValue: (state && !state.ok ? state.values?.[name] : undefined) ?? (fallback == null ? "" : String(fallback)),
      "aria-invalid": errors?.length ? true : undefined,
      "aria-describedby": `${prefix}-${name}-error`,
      className: inputClass,
    },
    error: (
      <div id={`${prefix}-${name}-error`} aria-live="polite">
        {errors?.map((e) => (
          <p key={e} className="text-xs text-red-700">
            {e}
          </p>
        ))}
      </div>
    ),
  };
}

export function AddQuotaForm({ unitId, unitName, schoolYearId, schools, titles }: { unitId: string; unitName: string; schoolYearId: string; schools: { id: string; name: string }[]; titles: { code: string; name: string }[] }) {
  const [state, action] = useActionState(createQuotaAction, null);
  const p = useId();
  const school = field(p, "schoolId", state);
  const title = field(p, "titleCode", state);
  const max = field(p, "max", state);
  const basis = field(p, "basis", state);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="unitId" value={unitId} />
      <SubmissionKey after={state} />
      <input type="hidden" name="schoolYearId" value={schoolYearId} />
      <div className="flex flex-col gap-1">
        <label htmlFor={school.input.id} className="text-sm font-medium text-slate-700">
          Phạm vi
        </label>
        <select {...school.input} key={`s-${school.input.defaultValue}`}>
          <option value="">Toàn {unitName}</option>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {school.error}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={title.input.id} className="text-sm font-medium text-slate-700">
          Danh hiệu, hình thức khen thưởng
        </label>
        <select {...title.input} key={`t-${title.input.defaultValue}`}>
          <option value="">— Chọn —</option>
          {titles.map((t) => (
            <option key={t.code} value={t.code}>
              {t.name}
            </option>
          ))}
        </select>
        {title.error}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={max.input.id} className="text-sm font-medium text-slate-700">
          Số tối đa
        </label>
        <input {...max.input} type="number" min={0} max={10000} step={1} inputMode="numeric" />
        {max.error}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={basis.input.id} className="text-sm font-medium text-slate-700">
          Văn bản giao chỉ tiêu
        </label>
        <input {...basis.input} placeholder="Số, ngày, cơ quan ban hành" />
        {basis.error}
      </div>
      <div className="flex flex-col gap-2 sm:col-span-2">
        <div>
          <SubmitButton pendingText="Đang lưu…">Thêm chỉ tiêu</SubmitButton>
        </div>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function EditQuotaForm({ quota }: { quota: { id: string; version: number; max: number; basis: string | null; label: string } }) {
  const [state, action] = useActionState(updateQuotaAction, null);
  const p = useId();
  const max = field(p, "max", state, quota.max);
  const basis = field(p, "basis", state, quota.basis);
  return (
    <form action={action} aria-label={`Sửa chỉ tiêu ${quota.label}`} className="mt-2 flex flex-col gap-2">
      <input type="hidden" name="quotaId" value={quota.id} />
      <input type="hidden" name="version" value={quota.version} />
      <label htmlFor={max.input.id} className="text-xs font-medium text-slate-700">
        Số tối đa
      </label>
      <input {...max.input} key={`m-${quota.version}`} type="number" min={0} max={10000} step={1} inputMode="numeric" />
      {max.error}
      <label htmlFor={basis.input.id} className="text-xs font-medium text-slate-700">
        Văn bản giao chỉ tiêu
      </label>
      <input {...basis.input} key={`b-${quota.version}`} />
      {basis.error}
      <div>
        <SubmitButton pendingText="Đang lưu…">Lưu</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export function DeleteQuotaForm({ quota }: { quota: { id: string; version: number; label: string } }) {
  const [state, action] = useActionState(deleteQuotaAction, null);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="quotaId" value={quota.id} />
      <input type="hidden" name="version" value={quota.version} />
      <div>
        <ConfirmSubmit label="Xóa" title={`Xóa chỉ tiêu ${quota.label}?`} confirmLabel="Xóa chỉ tiêu" variant="danger" triggerVariant="secondary" />
      </div>
      <FormMessage state={state} />
    </form>
  );
}
