import type { RoleHolder } from "@/lib/roles/queries";
import type { SchoolMissingHolders } from "@/lib/roles/missing-holders";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { formatDate } from "@/lib/format";
import { Badge, EmptyState } from "@/components/ui/page";

/**
 * The schools with no principal or no union chair in office today, said first (issue 11): a
 * school nobody heads is easy to miss in a list of the people who do.
 */
export function MissingHoldersNotice({ schools }: { schools: SchoolMissingHolders[] }) {
  if (schools.length === 0) return null;
  return (
    <section aria-labelledby="missing-holders-title" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="missing-holders">
      <h2 id="missing-holders-title" className="font-semibold">
        {schools.length} trường thiếu người giữ vai trò bắt buộc
      </h2>
      <ul className="mt-2 flex flex-col gap-1">
        {schools.map((s) => (
          <li key={s.schoolId}>
            <span className="font-medium">{s.schoolName}</span>: chưa có {s.missing.map((r) => ROLE_LABELS[r].toLocaleLowerCase("vi-VN")).join(" và ")}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** People and the roles they hold, each with where it applies and its validity dates; schools missing a principal or chair flagged first. */
export function RoleHolderTable({ holders, missing = [] }: { holders: RoleHolder[]; missing?: SchoolMissingHolders[] }) {
  if (holders.length === 0)
    return (
      <>
        <MissingHoldersNotice schools={missing} />
        <EmptyState>Không có ai giữ vai trò phù hợp với bộ lọc.</EmptyState>
      </>
    );
  return (
    <>
    <MissingHoldersNotice schools={missing} />
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
    </>
  );
}
