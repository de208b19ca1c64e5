import type { Metadata } from "next";
import { requireAccess } from "@/lib/authz/gate";
import { getUnitOrThrow } from "@/lib/orgs/queries";
import { orNotFound, routeId } from "@/lib/server/page";
import { PageHeader } from "@/components/ui/page";
import { AuditLogView } from "@/components/audit/audit-log-view";

export const metadata: Metadata = { title: "Nhật ký thay đổi" };

export default async function UnitAuditPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The unit itself must be one the viewer serves with audit.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("audit.read", { unit: (await params).unitId });
  const unit = await orNotFound(getUnitOrThrow(viewer, routeId((await params).unitId)));
  return (
    <>
      <PageHeader title="Nhật ký thay đổi" subtitle={`${unit.name} và các trường trực thuộc`} />
      {await orNotFound(AuditLogView({ viewer, ctx: { unitId: unit.id }, basePath: `/cap-tren/${unit.id}/nhat-ky`, searchParams: await searchParams }))}
    </>
  );
}
