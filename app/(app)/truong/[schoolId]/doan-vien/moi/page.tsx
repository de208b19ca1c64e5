import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { requireAccess } from "@/lib/authz/gate";
import { getSchoolForMembers } from "@/lib/members/queries";
import { listGroupOptions } from "@/lib/groups/queries";
import { orNotFound, routeId } from "@/lib/server/page";
import { Card, PageHeader } from "@/components/ui/page";
import { MemberForm } from "@/components/members/member-form";

export const metadata: Metadata = { title: "Thêm đoàn viên" };

/** Thêm đoàn viên: the school's chair (member.manage). */
export default async function NewMemberPage({ params }: { params: Promise<{ schoolId: string }> }) {
  // A place the viewer works in with member.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("member.read", { school: (await params).schoolId, within: true });
  const school = await orNotFound(getSchoolForMembers(viewer, routeId((await params).schoolId), "member.manage"));
  const groups = await listGroupOptions(viewer, school.id);
  const base = `/truong/${school.id}/doan-vien`;
  return (
    <>
      <PageHeader title="Thêm đoàn viên" subtitle={school.name} />
      <Card className="max-w-3xl">
        {/* A fresh key per visit: a double submit or a resubmit after "back" creates one member. */}
        <MemberForm mode="create" schoolId={school.id} idempotencyKey={randomUUID()} groups={groups} cancelHref={base} />
      </Card>
    </>
  );
}
