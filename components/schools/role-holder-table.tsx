import type { RoleHolder } from "@/lib/roles/queries";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { formatDate } from "@/lib/format";
import { Badge, EmptyState } from "@/components/ui/page";

/** People and the roles they hold, each with where it applies and its validity dates. */
export function RoleHolderTable({ holders }: { holders: RoleHolder[] }) {
  if (holders.length === 0) return <EmptyState>Không có ai giữ vai trò phù hợp với bộ lọc.</EmptyState>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">Người dùng</th>
            <th scope="col" className="px-3 py-2">Vai trò</th>
            <th scope="col" className="px-3 py-2">Phạm vi</th>
            <th scope="col" className="px-3 py-2 whitespace-nowrap">Hiệu lực</th>
          </tr>
        </thead>
        {holders.map((h) => (
          <tbody key={h.userId} className="border-t border-slate-200 align-top">
            {h.roles.map((r, i) => (
              <tr key={r.id}>
                {i === 0 && (
                  <td rowSpan={h.roles.length} className="px-3 py-2">
                    <div className="font-medium text-slate-900">{h.displayName}</div>
                    <div className="text-xs text-slate-500">{h.email}</div>
                    {h.disabled && <Badge tone="red">Tài khoản đã khóa</Badge>}
                  </td>
                )}
                <td className="px-3 py-2 whitespace-nowrap">
                  {ROLE_LABELS[r.role]}
                  {r.expired && (
                    <span className="ml-2">
                      <Badge tone="amber">Hết hiệu lực</Badge>
                    </span>
                  )}
                </td>
                <td className="px-3 py-2">
                  {r.schoolName ?? r.unitName ?? "—"}
                  {r.groupName && <div className="text-xs text-slate-500">{r.groupName}</div>}
                </td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums text-slate-700">
                  {formatDate(r.validFrom)} – {r.validTo ? formatDate(r.validTo) : "nay"}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
