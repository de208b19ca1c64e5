import type { Metadata } from "next";
import { requireAccess } from "@/lib/authz/gate";
import { canSome } from "@/lib/authz/permissions";
import { listSchoolRegistry } from "@/lib/awards/queries";
import { orNotFound, routeId, idParam } from "@/lib/server/page";
import { Card, PageHeader } from "@/components/ui/page";
import { SchoolAwardsNav } from "@/components/awards/year-tabs";
import { RegistryTable } from "@/components/awards/registry-table";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Sổ khen thưởng" };

/** The school's awards (award.read: managers see all, a member their own), per year. */
export default async function SchoolRegistryPage({ params, searchParams }: { params: Promise<{ schoolId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The gate first: a place where the viewer holds the capability (the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("award.read", { school: (await params).schoolId, within: true });
  const schoolId = routeId((await params).schoolId);
  const yearId = idParam((await searchParams).nam);
  const page = await orNotFound(listSchoolRegistry(viewer, schoolId, { yearId }));
  const path = `/truong/${page.school.id}/de-nghi/so-khen-thuong`;
  return (
    <>
      <PageHeader title="Sổ khen thưởng" subtitle={`${page.school.name} · ${formatNumber(page.total)} lượt`} />
      <SchoolAwardsNav schoolId={page.school.id} active={path} manage={canSome(viewer, "nomination.read")} />
      <nav className="mb-4 flex flex-wrap gap-2 text-sm">
        <a href={path} className={`rounded-full border px-3 py-1 ${!yearId ? "border-brand-600 bg-brand-50" : "border-slate-300"}`}>
          Tất cả
        </a>
        {page.years.map((yr) => (
          <a key={yr.id} href={`${path}?nam=${yr.id}`} className={`rounded-full border px-3 py-1 ${yearId === yr.id ? "border-brand-600 bg-brand-50" : "border-slate-300"}`}>
            {yr.label}
          </a>
        ))}
      </nav>
      <Card>
        <RegistryTable rows={page.rows} showSchool={false} />
      </Card>
    </>
  );
}
