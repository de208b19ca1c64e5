"use client";
// Công khai danh sách: the posting date, kept when refused, with the refusal beside the field
// (a date before the council met, or before the last withdrawal of the posting, is refused).
import type { FormAction } from "./action-form";
import { ActionForm } from "./action-form";
import { DateInput } from "@/components/ui/date-input";

export function PostPackageForm({ action, packageId, version, today, noticeDays }: { action: FormAction; packageId: string; version: number; today: string; noticeDays: number }) {
  return (
    <ActionForm action={action} hidden={{ packageId, version }} label="Công khai danh sách" className="mt-3">
      {(state) => {
        const errors = state && !state.ok ? (state.fieldErrors?.postedOn ?? []) : [];
        const value = (state && !state.ok ? state.values?.postedOn : undefined) ?? today;
        return (
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor="postedOn">Ngày niêm yết công khai</label>
            <DateInput
              bare
              key={value}
              name="postedOn"
              defaultValue={value}
              max={today}
              required
              state={null}
              aria-invalid={errors.length ? true : undefined}
              aria-describedby="postedOn-error postedOn-hint"
            />
            <span id="postedOn-hint" className="text-xs text-slate-500">
              Công khai tối thiểu {noticeDays} ngày làm việc (không tính thứ Bảy, Chủ nhật, ngày lễ, Tết), tính từ ngày sau ngày niêm yết.
            </span>
            <span id="postedOn-error" aria-live="polite" className="text-sm text-red-700">
              {errors.join(" ")}
            </span>
          </div>
        );
      }}
    </ActionForm>
  );
}
