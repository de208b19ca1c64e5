import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { compareVietnamese } from "@/lib/format";
import { actionLabel, entityLabel } from "./audit-format";
import { DateInput } from "@/components/ui/date-input";

export interface AuditFilterValues {
  entity?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/**
 * A plain GET form, every choice in Vietnamese: what was changed (entity type), the action, who
 * did it, and a date range (Vietnam days, inclusive, typed dd/mm/yyyy). Options are what the log
 * holds, in Vietnamese alphabetical order of their labels.
 */
export function AuditFilters({
  basePath,
  entities,
  actions,
  actors,
  values,
}: {
  basePath: string;
  entities: string[];
  actions: string[];
  actors: { id: string; name: string }[];
  values: AuditFilterValues;
}) {
  const byLabel = (codes: string[], label: (c: string) => string) => codes.map((c) => ({ c, l: label(c) })).sort((a, b) => compareVietnamese(a.l, b.l));
  const any = Object.values(values).some(Boolean);
  return (
    <form method="get" action={basePath} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm" aria-label="Lọc nhật ký">
      <div className="flex flex-col gap-1">
        <label htmlFor="loai" className="text-sm font-medium text-slate-700">Đối tượng</label>
        <select id="loai" name="loai" defaultValue={values.entity ?? ""} className={`${inputClass} min-w-44`}>
          <option value="">Tất cả</option>
          {byLabel(entities, entityLabel).map(({ c, l }) => (
            <option key={c} value={c}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="thao-tac" className="text-sm font-medium text-slate-700">Thao tác</label>
        <select id="thao-tac" name="thao-tac" defaultValue={values.action ?? ""} className={`${inputClass} min-w-44 max-w-72`}>
          <option value="">Tất cả</option>
          {byLabel(actions, actionLabel).map(({ c, l }) => (
            <option key={c} value={c}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="nguoi" className="text-sm font-medium text-slate-700">Người thực hiện</label>
        <select id="nguoi" name="nguoi" defaultValue={values.actor ?? ""} className={`${inputClass} min-w-44`}>
          <option value="">Tất cả</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="tu" className="text-sm font-medium text-slate-700">Từ ngày</label>
        <DateInput bare name="tu" defaultValue={values.from ?? ""} state={null} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="den" className="text-sm font-medium text-slate-700">Đến ngày</label>
        <DateInput bare name="den" defaultValue={values.to ?? ""} state={null} />
      </div>
      <button type="submit" className={buttonClass("secondary")}>Lọc</button>
      {any && (
        <Link href={basePath} className={buttonClass("ghost")}>
          Bỏ lọc
        </Link>
      )}
    </form>
  );
}
