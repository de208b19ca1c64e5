import Link from "next/link";
import type { SchoolRow } from "@/lib/schools/queries";
import { SCHOOL_LEVEL_LABELS } from "@/lib/schools/schemas";
import { formatNumber } from "@/lib/format";
import { EmptyState } from "@/components/ui/page";

/** Schools with their live counts; an "edit" link when the viewer may edit them. */
export function SchoolTable({ rows, unitId, canEdit, showAddress = false, empty }: { rows: SchoolRow[]; unitId: string; canEdit: boolean; showAddress?: boolean; empty: string }) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">Trường</th>
            <th scope="col" className="px-3 py-2">Mã</th>
            <th scope="col" className="px-3 py-2">Cấp học</th>
            <th scope="col" className="px-3 py-2 text-right">Đoàn viên</th>
            <th scope="col" className="px-3 py-2 text-right">Tổ CĐ</th>
            {canEdit && <th scope="col" className="px-3 py-2"><span className="sr-only">Thao tác</span></th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((s) => (
            <tr key={s.id} className="hover:bg-slate-50">
              <td className="px-3 py-2">
                <Link href={`/truong/${s.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {s.name}
                </Link>
                {showAddress && s.address && <div className="text-xs text-slate-500">{s.address}</div>}
              </td>
              <td className="px-3 py-2 font-mono text-xs text-slate-600 whitespace-nowrap">{s.code}</td>
              <td className="px-3 py-2 whitespace-nowrap">{SCHOOL_LEVEL_LABELS[s.level]}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(s.members)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(s.groups)}</td>
              {canEdit && (
                <td className="px-3 py-2 text-right whitespace-nowrap">
                  <Link href={`/cap-tren/${unitId}/truong/${s.id}/sua`} className="text-brand-700 hover:underline" aria-label={`Sửa ${s.name}`}>
                    Sửa
                  </Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
