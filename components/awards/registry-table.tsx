// Rows of the awards registry: recipient, title, level, decision; revoked ones stay, marked.
import type { ReactNode } from "react";
import { formatIsoDay } from "@/lib/awards/facts";
import { Badge, EmptyState } from "@/components/ui/page";

export interface RegistryRow {
  id: string;
  recipientName: string;
  schoolName: string;
  yearLabel: string;
  titleName: string;
  level: string;
  decisionNumber: string;
  signedOn: string;
  issuerName: string;
  revoked: boolean;
  revokedReason: string | null;
  decisionId: string;
}

/** `action`: an optional last column (e.g. the member's own certificate download). `showRecipient`
 *  false on one member's own history, where every row would repeat their name. */
export function RegistryTable({ rows, showSchool = true, showRecipient = true, decisionHref, action }: { rows: RegistryRow[]; showSchool?: boolean; showRecipient?: boolean; decisionHref?: (id: string) => string; action?: { header: string; cell: (row: RegistryRow) => ReactNode } }) {
  if (!rows.length) return <EmptyState>Chưa có khen thưởng nào.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-left text-slate-600">
          <tr>
            {showRecipient && <th className="py-2 pr-3">Họ và tên / Tập thể</th>}
            {showSchool && <th className="py-2 pr-3">Đơn vị</th>}
            <th className="py-2 pr-3">Năm học</th>
            <th className="py-2 pr-3">Danh hiệu, hình thức</th>
            <th className="py-2 pr-3">Quyết định</th>
            <th className="py-2 pr-3">Trạng thái</th>
            {action && <th className="py-2 pr-3">{action.header}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={`border-t border-slate-100 align-top ${r.revoked ? "text-slate-500" : ""}`}>
              {showRecipient && <td className="py-2 pr-3 font-medium">{r.recipientName}</td>}
              {showSchool && <td className="py-2 pr-3">{r.schoolName}</td>}
              <td className="py-2 pr-3">{r.yearLabel}</td>
              <td className="py-2 pr-3">
                {r.titleName}
                <div className="text-xs text-slate-500">{r.level}</div>
              </td>
              <td className="py-2 pr-3">
                {decisionHref ? (
                  <a className="text-brand-700 hover:underline" href={decisionHref(r.decisionId)}>
                    {r.decisionNumber}
                  </a>
                ) : (
                  r.decisionNumber
                )}
                <div className="text-xs text-slate-500">
                  {formatIsoDay(r.signedOn)} · {r.issuerName}
                </div>
              </td>
              <td className="py-2 pr-3">{r.revoked ? <Badge tone="red">Đã thu hồi</Badge> : <Badge tone="green">Hiệu lực</Badge>}{r.revokedReason && <div className="text-xs">{r.revokedReason}</div>}</td>
              {action && <td className="py-2 pr-3">{action.cell(r)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
