"use client";
import Link from "next/link";
import { useActionState } from "react";
import type { ActionState } from "@/lib/server/action";
import { SCHOOL_LEVEL_LABELS, SCHOOL_LEVELS } from "@/lib/schools/schemas";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass } from "@/components/ui/button";
import { SubmissionKey } from "@/components/ui/submission-key";

export interface SchoolFormValues {
  id?: string;
  version?: number;
  code: string;
  name: string;
  level: string;
  address: string | null;
  unionName: string | null;
  unionUnitId: string;
  govUnitId: string | null;
}

interface Props {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** The unit page the form was opened from (where to go back to). */
  unitId: string;
  unionUnits: { id: string; name: string }[];
  govUnits: { id: string; name: string; closed: string | null }[];
  initial: SchoolFormValues;
  submitLabel: string;
  cancelHref: string;
}

/** Create / edit a school. Errors appear beside the fields and what was typed is kept. */
export function SchoolForm({ action, unitId, unionUnits, govUnits, initial, submitLabel, cancelHref }: Props) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const fp = (name: keyof SchoolFormValues) => fieldProps(name, state && !state.ok ? state : null, initial[name] as string | number | null | undefined);
  // A select ignores a new defaultValue after mounting: remount the form with the returned values
  // so React's post-action reset shows what was chosen, not the first default.
  const key = state && !state.ok ? JSON.stringify(state.values ?? {}) : "initial";
  return (
    <form key={key} action={formAction} noValidate className="flex max-w-2xl flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      {state && !state.ok && <FormMessage state={state} />}
      <input type="hidden" name="unitId" value={unitId} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {!initial.id && <SubmissionKey after={state} />}
      {initial.version !== undefined && <input type="hidden" name="version" value={initial.version} />}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="code" label="Mã trường" errors={errors?.code} hint="Ví dụ: ST-TH-KD">
          <input {...fp("code")} required maxLength={30} autoCapitalize="characters" spellCheck={false} className={`${fp("code").className} font-mono uppercase`} />
        </Field>
        <div className="sm:col-span-2">
          <Field name="name" label="Tên trường" errors={errors?.name}>
            <input {...fp("name")} required maxLength={200} placeholder="Trường Tiểu học …" />
          </Field>
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="level" label="Cấp học" errors={errors?.level}>
          <select {...fp("level")} required>
            <option value="">— Chọn cấp học —</option>
            {SCHOOL_LEVELS.map((l) => (
              <option key={l} value={l}>
                {SCHOOL_LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </Field>
        <div className="sm:col-span-2">
          <Field name="address" label="Địa chỉ" errors={errors?.address}>
            <input {...fp("address")} maxLength={300} />
          </Field>
        </div>
      </div>
      <Field name="unionName" label="Tên công đoàn cơ sở" errors={errors?.unionName} hint="Để trống: “Công đoàn cơ sở” + tên trường.">
        <input {...fp("unionName")} maxLength={250} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="unionUnitId" label="Đơn vị cấp trên (công đoàn)" errors={errors?.unionUnitId}>
          <select {...fp("unionUnitId")} required>
            {unionUnits.length !== 1 && <option value="">— Chọn đơn vị —</option>}
            {unionUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="govUnitId" label="Đơn vị quản lý nhà nước (không bắt buộc)" errors={errors?.govUnitId}>
          <select {...fp("govUnitId")}>
            <option value="">— Không chọn —</option>
            {govUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.closed ? `${u.name} (đến ${u.closed})` : u.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="flex flex-wrap gap-2 pt-2">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          Hủy
        </Link>
      </div>
    </form>
  );
}
