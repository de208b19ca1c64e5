import type { Metadata } from "next";
import { requireAccess } from "@/lib/authz/gate";
import { getUnitOrThrow } from "@/lib/orgs/queries";
import { listGovUnitOptions, listUnionUnitOptions } from "@/lib/schools/queries";
import { createSchoolAction } from "@/lib/schools/actions";
import { orNotFound, routeId } from "@/lib/server/page";
import { formatDate } from "@/lib/format";
import { PageHeader } from "@/components/ui/page";
import { SchoolForm } from "@/components/schools/school-form";

export const metadata: Metadata = { title: "Thêm trường" };

export default async function NewSchoolPage({ params }: { params: Promise<{ unitId: string }> }) {
  // The unit itself must be one the viewer serves with school.create (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("school.create", { unit: (await params).unitId });
  const unit = await orNotFound(getUnitOrThrow(viewer, routeId((await params).unitId)));
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
