import Link from "next/link";
import type { AuditRow } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format";
import { EmptyState } from "@/components/ui/page";
import { actionLabel, diffChanges, entityLabel, entityName, importedRowsHref, roleLabels } from "./audit-format";

/** The audit log as a table: time, who (name and role), what, on which thing, what changed. */
export function AuditTable({ rows, names, showSchool, empty }: { rows: AuditRow[]; names: Record<string, string>; showSchool: boolean; empty: string }) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 whitespace-nowrap">Thời gian</th>
            <th scope="col" className="px-3 py-2">Người thực hiện</th>
            <th scope="col" className="px-3 py-2">Thao tác</th>
            <th scope="col" className="px-3 py-2">Đối tượng</th>
            <th scope="col" className="px-3 py-2">Thay đổi</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((r) => {
            const changes = diffChanges(r.before, r.after, names, r.entity);
            const name = entityName(r.before, r.after, names, r.entityId) ?? (r.entity === "School" ? r.schoolName : null);
            const rowsLink = importedRowsHref(r);
            return (
              <tr key={r.id}>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums text-slate-700">
                  {formatDateTime(r.at)}
                  <div className="text-xs text-slate-400">#{r.id}</div>
                </td>
                <td className="px-3 py-2">
                  <div className="font-medium text-slate-900">{r.actorName ?? "Hệ thống"}</div>
                  {r.actorRole && <div className="text-xs text-slate-500">{roleLabels(r.actorRole)}</div>}
                </td>
                <td className="px-3 py-2">{actionLabel(r.action)}</td>
                <td className="px-3 py-2">
                  <div>
                    {entityLabel(r.entity)}
                    {name && <span className="text-slate-700">: {name}</span>}
                  </div>
                  {showSchool && r.schoolName && r.entity !== "School" && <div className="text-xs text-slate-500">{r.schoolName}</div>}
                </td>
                <td className="px-3 py-2">
                  {changes.length === 0 ? (
                    <span className="text-slate-400">—</span>
                  ) : (
                    <ul className="space-y-0.5">
                      {changes.map((c) => (
                        <li key={c.field}>
                          <span className="text-slate-500">{c.label}: </span>
                          {c.before !== null && <span className="text-red-700 line-through decoration-red-300">{c.before}</span>}
                          {c.before !== null && c.after !== null && <span className="px-1 text-slate-400" aria-label="thành">→</span>}
                          {c.after !== null && <span className="text-green-800">{c.after}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                  {rowsLink && (
                    <Link href={rowsLink} className="mt-1 inline-block font-medium text-brand-700 underline">
                      Xem các đoàn viên đã nhập
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
