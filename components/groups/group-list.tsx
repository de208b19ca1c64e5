import Link from "next/link";
import type { GroupListItem } from "@/lib/groups/queries";
import { formatNumber } from "@/lib/format";
import { EmptyState } from "@/components/ui/page";
import { RenameGroupForm } from "./group-forms";

/** Union groups with their counts and leaders; rename inline for the chair; counts link to the member list. */
export function GroupList({ items, membersHref, canManage, canListMembers }: { items: GroupListItem[]; membersHref: string; canManage: boolean; canListMembers: boolean }) {
  if (items.length === 0) return <EmptyState>Trường chưa có tổ công đoàn nào.{canManage && " Thêm tổ đầu tiên ở ô bên dưới."}</EmptyState>;
  return (
    <ul className="grid gap-3 md:grid-cols-2">
      {items.map((g) => (
        <li key={g.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h3 className="font-semibold text-slate-900">{g.name}</h3>
          <p className="mt-1 text-sm text-slate-600">
            {canListMembers ? (
              <Link href={`${membersHref}?to=${g.id}`} className="text-brand-700 hover:underline">
                {formatNumber(g.members)} đoàn viên
              </Link>
            ) : (
              `${formatNumber(g.members)} đoàn viên`
            )}
            {" · "}
            {formatNumber(g.women)} nữ
          </p>
          <p className="mt-0.5 text-sm text-slate-600">Tổ trưởng: {g.leaders.length ? g.leaders.join(", ") : <span className="text-slate-400">chưa phân công</span>}</p>
          {canManage && (
            <details className="mt-3 border-t border-slate-100 pt-3">
              <summary className="cursor-pointer text-sm text-brand-700 hover:underline">Đổi tên tổ</summary>
              <div className="mt-2">
                <RenameGroupForm groupId={g.id} version={g.version} name={g.name} />
              </div>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
