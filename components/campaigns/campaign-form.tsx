"use client";
// Create or edit a campaign: name, movement, school year, audience, titles open for registration,
// scale (school campaigns), registration deadline and up to four rounds.
import { useActionState } from "react";
import type { ActionState } from "@/lib/server/action";
import { AUDIENCE_LABELS, MOVEMENT_LABELS, TITLES, TITLE_CODES } from "@/lib/campaigns/rules";
import { ROUND_SLOTS } from "@/lib/campaigns/schemas";
import { formatDate } from "@/lib/format";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmissionKey } from "@/components/ui/submission-key";
import { DateInput } from "@/components/ui/date-input";

export interface CampaignFormInitial {
  name: string;
  movement: string;
  description: string | null;
  schoolYearId: string;
  audience: string;
  scaleId: string | null;
  registrationDeadline: Date | null;
  titles: string[];
  rounds: { name: string; startsOn: Date; endsOn: Date }[];
}

export function CampaignForm({
  action,
  hidden,
  years,
  currentYearId,
  scales,
  initial,
  submitLabel,
  once = false,
}: {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  hidden: Record<string, string | number>;
  years: { id: string; label: string }[];
  currentYearId?: string;
  scales: { id: string; name: string; schoolYear: { label: string } }[] | null;
  initial?: CampaignFormInitial;
  submitLabel: string;
  /** A create form: carries a per-render submission key (one record per submit). */
  once?: boolean;
}) {
  const [state, formAction] = useActionState(action, null);
  const v = (name: string, fallback?: string | null) => fieldProps(name, state?.ok ? null : state, fallback);
  const checked = (code: string) => (state && !state.ok && state.values ? state.values[`title_${code}`] === "on" : (initial?.titles.includes(code) ?? code === "LDTT"));
  const errors = (k: string) => (state && !state.ok ? state.fieldErrors?.[k] : undefined);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      {Object.entries(hidden).map(([k, val]) => (
        <input key={k} type="hidden" name={k} value={String(val)} />
      ))}
      {once && <SubmissionKey after={state} />}
      <Field name="name" label="Tên phong trào / đợt thi đua" errors={errors("name")}>
        <input {...v("name", initial?.name)} required />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="movement" label="Phong trào" errors={errors("movement")}>
          <select {...v("movement", initial?.movement ?? "HAI_TOT")}>
            {Object.entries(MOVEMENT_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        <Field name="schoolYearId" label="Năm học" errors={errors("schoolYearId")}>
          <select {...v("schoolYearId", initial?.schoolYearId ?? currentYearId ?? years[0]?.id)}>
            {years.map((y) => (
              <option key={y.id} value={y.id}>
                {y.label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="audience" label="Đối tượng" errors={errors("audience")}>
          <select {...v("audience", initial?.audience ?? "ALL_MEMBERS")}>
            {Object.entries(AUDIENCE_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        <Field name="registrationDeadline" label="Hạn đăng ký (dd/mm/yyyy)" errors={errors("registrationDeadline")}>
          <DateInput bare {...v("registrationDeadline", initial?.registrationDeadline ? formatDate(initial.registrationDeadline) : "")} state={null} />
        </Field>
        {scales && (
          <Field name="scaleId" label="Biểu điểm" errors={errors("scaleId")}>
            <select {...v("scaleId", initial?.scaleId ?? scales[0]?.id ?? "")}>
              <option value="">(chưa chọn)</option>
              {scales.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.schoolYear.label})
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3" aria-describedby="titles-error">
        <legend className="px-1 text-sm font-medium">Danh hiệu được đăng ký</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {TITLE_CODES.map((c) => (
            <label key={c} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`title_${c}`} defaultChecked={checked(c)} />
              {TITLES[c].label}
              {TITLES[c].collective && <span className="text-xs text-slate-500">(tập thể)</span>}
            </label>
          ))}
        </div>
        <div id="titles-error">{errors("titles")?.map((m) => <p key={m} className="text-sm text-red-700">{m}</p>)}</div>
      </fieldset>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">Các đợt (không bắt buộc)</legend>
        {Array.from({ length: ROUND_SLOTS }, (_, i) => {
          const r = initial?.rounds[i];
          return (
            <div key={i} className="mb-2 grid gap-2 sm:grid-cols-[2fr_1fr_1fr]">
              <input aria-label={`Tên đợt ${i + 1}`} placeholder={`Đợt ${i + 1}, ví dụ: chào mừng 20/11`} {...v(`round${i}_name`, r?.name)} />
              <DateInput bare aria-label={`Bắt đầu đợt ${i + 1}`} {...v(`round${i}_start`, r ? formatDate(r.startsOn) : "")} state={null} />
              <DateInput bare aria-label={`Kết thúc đợt ${i + 1}`} {...v(`round${i}_end`, r ? formatDate(r.endsOn) : "")} state={null} />
              {(errors(`round${i}_name`) ?? errors(`round${i}_end`))?.map((m) => (
                <p key={m} className="text-sm text-red-700 sm:col-span-3">
                  {m}
                </p>
              ))}
            </div>
          );
        })}
      </fieldset>
      <Field name="description" label="Mô tả, chỉ tiêu" errors={errors("description")}>
        <textarea {...v("description", initial?.description)} rows={3} className={inputClass} />
      </Field>
      <div>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
