import type { Metadata } from "next";
import { requireAccess } from "@/lib/authz/gate";
import { getSchoolOrThrow } from "@/lib/orgs/queries";
import { orNotFound, routeId } from "@/lib/server/page";
import { PageHeader } from "@/components/ui/page";
import { AuditLogView } from "@/components/audit/audit-log-view";

export const metadata: Metadata = { title: "Nhật ký thay đổi" };

/** A school's audit log: its chair and principal (audit.read, school scope), upper staff, admins. */
export default async function SchoolAuditPage({ params, searchParams }: { params: Promise<{ schoolId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // A place the viewer works in with audit.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("audit.read", { school: (await params).schoolId, within: true });
  const school = await orNotFound(getSchoolOrThrow(viewer, routeId((await params).schoolId)));
  return (
    <>
      <PageHeader title="Nhật ký thay đổi" subtitle={school.name} />
      {await orNotFound(AuditLogView({ viewer, ctx: { schoolId: school.id }, basePath: `/truong/${school.id}/nhat-ky`, searchParams: await searchParams }))}
    </>
  );
}
