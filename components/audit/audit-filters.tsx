import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { entityLabel } from "./audit-format";

/** A plain GET form: entity type and a date range (Vietnam days, inclusive, typed dd/mm/yyyy). */
export function AuditFilters({ basePath, entities, entity, from, to }: { basePath: string; entities: string[]; entity?: string; from?: string; to?: string }) {
  return (
    <form method="get" action={basePath} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="flex flex-col gap-1">
        <label htmlFor="loai" className="text-sm font-medium text-slate-700">Loại đối tượng</label>
        <select id="loai" name="loai" defaultValue={entity ?? ""} className={`${inputClass} min-w-44`}>
          <option value="">Tất cả</option>
          {entities.map((e) => (
            <option key={e} value={e}>
              {entityLabel(e)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="tu" className="text-sm font-medium text-slate-700">Từ ngày</label>
        <input id="tu" name="tu" defaultValue={from ?? ""} placeholder="dd/mm/yyyy" inputMode="numeric" maxLength={10} className={`${inputClass} w-36`} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="den" className="text-sm font-medium text-slate-700">Đến ngày</label>
        <input id="den" name="den" defaultValue={to ?? ""} placeholder="dd/mm/yyyy" inputMode="numeric" maxLength={10} className={`${inputClass} w-36`} />
      </div>
      <button type="submit" className={buttonClass("secondary")}>Lọc</button>
      {(entity || from || to) && (
        <Link href={basePath} className={buttonClass("ghost")}>
          Bỏ lọc
        </Link>
      )}
    </form>
  );
}
