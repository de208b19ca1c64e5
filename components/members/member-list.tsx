import Link from "next/link";
import type { MemberListItem } from "@/lib/members/queries";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/members/rules";
import { Badge, EmptyState } from "@/components/ui/page";

/** Members as a table on wide screens and as stacked cards on phones. */
export function MemberList({ items, basePath, empty }: { items: MemberListItem[]; basePath: string; empty: React.ReactNode }) {
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm md:block">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">Họ và tên</th>
              <th scope="col" className="px-3 py-2">Giới tính</th>
              <th scope="col" className="px-3 py-2">Ngày sinh</th>
              <th scope="col" className="px-3 py-2">Chức vụ</th>
              <th scope="col" className="px-3 py-2">Tổ công đoàn</th>
              <th scope="col" className="px-3 py-2">Trạng thái</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((m) => (
              <tr key={m.id} className="hover:bg-slate-50">
                <td className="px-3 py-2">
                  <Link href={`${basePath}/${m.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline focus-visible:underline">
                    {m.fullName}
                  </Link>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{m.gender}</td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{m.dateOfBirth}</td>
                <td className="px-3 py-2">{m.position}</td>
                <td className="px-3 py-2">{m.unionGroup || <span className="text-slate-400">Chưa xếp tổ</span>}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <Badge tone={STATUS_TONES[m.status]}>{STATUS_LABELS[m.status]}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="flex flex-col gap-2 md:hidden">
        {items.map((m) => (
          <li key={m.id}>
            <Link href={`${basePath}/${m.id}`} className="block rounded-lg border border-slate-200 bg-white p-3 shadow-sm active:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none">
              <div className="flex items-start justify-between gap-2">
                <span className="font-medium text-slate-900">{m.fullName}</span>
                <Badge tone={STATUS_TONES[m.status]}>{STATUS_LABELS[m.status]}</Badge>
              </div>
              <div className="mt-1 text-sm text-slate-600">
                {[m.position, m.unionGroup || "Chưa xếp tổ"].filter(Boolean).join(" · ")}
              </div>
              <div className="mt-0.5 text-xs text-slate-500">
                {m.gender}
                {m.dateOfBirth && ` · sinh ${m.dateOfBirth}`}
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
