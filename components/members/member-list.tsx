import Link from "next/link";
import type { MemberListItem } from "@/lib/members/queries";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/members/rules";
import { Badge, EmptyState } from "@/components/ui/page";

/**
 * Members as one table, drawn as a table on wide screens and as one card per member on phones
 * by CSS (`.member-table`, app/globals.css). Each member is rendered once: the page used to draw
 * a table and a list of cards and hide one, twice the markup for every row (`npm run bench`).
 */
export function MemberList({ items, basePath, empty }: { items: MemberListItem[]; basePath: string; empty: React.ReactNode }) {
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <div className="md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white md:shadow-sm">
      <table className="member-table">
        <thead>
          <tr>
            <th scope="col">Họ và tên</th>
            <th scope="col">Giới tính</th>
            <th scope="col">Ngày sinh</th>
            <th scope="col">Chức vụ</th>
            <th scope="col">Tổ công đoàn</th>
            <th scope="col">Trạng thái</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <td>
                <Link href={`${basePath}/${m.id}`}>{m.fullName}</Link>
              </td>
              <td>{m.gender}</td>
              <td>{m.dateOfBirth}</td>
              <td>{m.position}</td>
              <td>{m.unionGroup || <span className="text-slate-400">Chưa xếp tổ</span>}</td>
              <td>
                <Badge tone={STATUS_TONES[m.status]}>{STATUS_LABELS[m.status]}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
