// Small pieces shared by the dashboards: a share as "55,6%" or "—", last year → this year.
import type { ReactNode } from "react";
import { formatNumber, formatPercent } from "@/lib/format";

export function pct(v: number | null): string {
  return v === null ? "—" : formatPercent(v);
}

export function num(v: number | null): string {
  return v === null ? "—" : formatNumber(v);
}

/** "80% → 92%": last year's figure muted, this year's in bold (both read out to screen readers). */
export function Trend({ prev, cur, prevLabel }: { prev: ReactNode; cur: ReactNode; prevLabel?: string }) {
  return (
    <span className="whitespace-nowrap">
      <span className="text-slate-500" title={prevLabel ? `Năm học ${prevLabel}` : undefined}>
        {prev}
      </span>
      <span aria-hidden="true" className="px-1 text-slate-500">
        →
      </span>
      <span className="sr-only"> đến </span>
      <span className="font-semibold text-slate-900">{cur}</span>
    </span>
  );
}

/** A GET form's select (filters and pickers without client code). */
export function SelectFilter({ name, label, value, options }: { name: string; label: string; value: string; options: readonly { value: string; label: string }[] }) {
  return (
    <label className="flex min-w-0 flex-col gap-1 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={value} className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
