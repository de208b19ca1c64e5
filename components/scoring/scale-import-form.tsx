"use client";
// Nhập biểu điểm từ Excel (chair): name, school year and the file; a clean file becomes a new
// draft and opens; otherwise every problem is listed beside the form with its sheet and row. The
// form is sent by hand (not through `action=`) so the typed name and the chosen file stay put.
import { startTransition, useActionState } from "react";
import { SubmissionKey } from "@/components/ui/submission-key";
import type { ActionState } from "@/lib/server/action";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export function ScaleImportForm({
  action,
  schoolId,
  years,
  currentYearId,
  templateHref,
  maxMb,
}: {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  schoolId: string;
  years: { id: string; label: string }[];
  currentYearId?: string;
  templateHref: string;
  maxMb: number;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    startTransition(() => formAction(fd));
  }

  const fieldError = (name: string) =>
    errors?.[name]?.length ? (
      <span id={`import-${name}-error`} className="text-sm text-red-700">
        {errors[name]!.join(" ")}
      </span>
    ) : null;

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} encType="multipart/form-data" className="flex flex-col gap-3" noValidate aria-label="Nhập biểu điểm từ Excel">
        <input type="hidden" name="schoolId" value={schoolId} />
        {/* One scale per rendered form: a double click or a resend creates one (lib/server/submission.ts). */}
        <SubmissionKey after={state} />
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Đặt tên cho biểu điểm</span>
          <input name="name" required className={inputClass} placeholder="Biểu điểm thi đua năm học …" aria-invalid={errors?.name ? true : undefined} aria-describedby="import-name-error" />
          {fieldError("name")}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Năm học áp dụng</span>
          <select name="schoolYearId" className={inputClass} defaultValue={currentYearId} aria-describedby="import-schoolYearId-error">
            {years.map((y) => (
              <option key={y.id} value={y.id}>
                {y.label}
              </option>
            ))}
          </select>
          {fieldError("schoolYearId")}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Tệp Excel (.xlsx, tối đa {maxMb} MB)</span>
          <input
            name="file"
            type="file"
            required
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={errors?.file ? true : undefined}
            aria-describedby="import-file-error"
            className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-brand-700 hover:file:bg-brand-100"
          />
          {errors?.file?.[0] !== state?.message ? fieldError("file") : null}
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Đang đọc tệp…" : "Nhập biểu điểm"}
          </Button>
          <a href={templateHref} download className="text-sm text-brand-700 underline">
            Tải tệp mẫu
          </a>
        </div>
        <p className="text-xs text-slate-500">Tệp mẫu và tệp “Xuất Excel” của một biểu điểm có cùng cách trình bày. Nhập xong, biểu điểm mới là bản nháp để xem lại trước khi thông qua.</p>
      </form>
      {state && !state.ok && (
        <div role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-medium">{state.message}</p>
          {errors?.rows && (
            <ul className="mt-2 list-disc space-y-1 pl-5" aria-label="Các lỗi trong tệp">
              {errors.rows.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
