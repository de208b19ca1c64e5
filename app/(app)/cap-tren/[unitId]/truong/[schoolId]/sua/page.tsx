import type { Metadata } from "next";
import { requireAccess } from "@/lib/authz/gate";
import { getSchoolForEdit, listGovUnitOptions, listUnionUnitOptions } from "@/lib/schools/queries";
import { updateSchoolAction } from "@/lib/schools/actions";
import { orNotFound, routeId } from "@/lib/server/page";
import { formatDate } from "@/lib/format";
import { PageHeader } from "@/components/ui/page";
import { SchoolForm } from "@/components/schools/school-form";

export const metadata: Metadata = { title: "Sửa thông tin trường" };

export default async function EditSchoolPage({ params }: { params: Promise<{ unitId: string; schoolId: string }> }) {
  // The unit itself must be one the viewer serves with school.update (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("school.update", { unit: (await params).unitId });
  const p = await params;
  const unitId = routeId(p.unitId);
  const school = await orNotFound(getSchoolForEdit(viewer, unitId, routeId(p.schoolId)));
  const [unionUnits, govUnits] = await Promise.all([listUnionUnitOptions(viewer), listGovUnitOptions()]);
  return (
    <>
      <PageHeader title="Sửa thông tin trường" subtitle={school.name} />
      <SchoolForm
        action={updateSchoolAction}
        unitId={unitId}
        unionUnits={unionUnits}
        govUnits={govUnits.map((g) => ({ id: g.id, name: g.name, closed: g.validTo ? formatDate(g.validTo) : null }))}
        initial={school}
        submitLabel="Lưu thay đổi"
        cancelHref={`/cap-tren/${unitId}/truong`}
      />
    </>
  );
}
