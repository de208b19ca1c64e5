import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { getUnitOrThrow } from "@/lib/orgs/queries";
import { listGovUnitOptions, listUnionUnitOptions } from "@/lib/schools/queries";
import { createSchoolAction } from "@/lib/schools/actions";
import { orNotFound, routeId } from "@/lib/server/page";
import { formatDate } from "@/lib/format";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page";
import { SchoolForm } from "@/components/schools/school-form";

export const metadata: Metadata = { title: "Thêm trường" };

export default async function NewSchoolPage({ params }: { params: Promise<{ unitId: string }> }) {
  const viewer = await requireViewer();
  const unit = await orNotFound(getUnitOrThrow(viewer, routeId((await params).unitId)));
  if (!can(viewer, "school.create", { unitId: unit.id })) notFound();
  const [unionUnits, govUnits] = await Promise.all([listUnionUnitOptions(viewer), listGovUnitOptions()]);
  const base = `/cap-tren/${unit.id}/truong`;
  return (
    <>
      <PageHeader title="Thêm trường" subtitle={unit.name} />
      <SchoolForm
        action={createSchoolAction}
        unitId={unit.id}
        unionUnits={unionUnits}
        govUnits={govUnits.map((g) => ({ id: g.id, name: g.name, closed: g.validTo ? formatDate(g.validTo) : null }))}
        initial={{ code: "", name: "", level: "", address: null, unionName: null, unionUnitId: unit.id, govUnitId: null }}
        submitLabel="Thêm trường"
        cancelHref={base}
      />
    </>
  );
}
