import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { listGroups } from "@/lib/groups/queries";
import { canListMembers } from "@/lib/members/rules";
import { formatNumber } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/server/page";
import { Card, PageHeader } from "@/components/ui/page";
import { GroupList } from "@/components/groups/group-list";
import { CreateGroupForm } from "@/components/groups/group-forms";

export const metadata: Metadata = { title: "Tổ công đoàn" };

/** A school's union groups (group.read: everyone at the school); the chair adds and renames (group.manage). */
export default async function GroupsPage({ params }: { params: Promise<{ schoolId: string }> }) {
  // A place the viewer works in with group.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("group.read", { school: (await params).schoolId, within: true });
  const r = await orNotFound(listGroups(viewer, routeId((await params).schoolId)));
  const membersHref = `/truong/${r.school.id}/doan-vien`;
  const mayList = canListMembers(viewer, r.school);
  return (
    <>
      <PageHeader
        title="Tổ công đoàn"
        subtitle={
          <Link href={`/truong/${r.school.id}`} className="hover:underline">
            {r.school.name}
          </Link>
        }
      />
      <GroupList items={r.items} membersHref={membersHref} canManage={r.canManage} canListMembers={mayList} />
      {r.unassigned > 0 && (
        <p className="mt-4 text-sm text-slate-600">
          {mayList ? (
            <Link href={`${membersHref}?to=chua-xep`} className="text-brand-700 hover:underline">
              {formatNumber(r.unassigned)} đoàn viên chưa xếp tổ
            </Link>
          ) : (
            `${formatNumber(r.unassigned)} đoàn viên chưa xếp tổ`
          )}
        </p>
      )}
      {r.canManage && (
        <Card title="Thêm tổ công đoàn" className="mt-6 max-w-xl">
          <CreateGroupForm schoolId={r.school.id} />
        </Card>
      )}
    </>
  );
}
