import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { listSchoolPlans } from "@/lib/plans/queries";
import { formatDateTime } from "@/lib/format";
import { orNotFound, routeId, textParam } from "@/lib/server/page";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { CreatePlanForm } from "@/components/plans/plan-forms";
import { StateBadge } from "@/components/plans/plan-view";
import { YearTabs } from "@/components/plans/year-tabs";

export const metadata: Metadata = { title: "Kế hoạch phối hợp" };

/**
 * The school's coordination plans of a school year (school.read; drafts only for the
 * principal, the union chair and the upper unit). The principal creates one here.
 */
export default async function PlansPage({ params, searchParams }: { params: Promise<{ schoolId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // A place the viewer works in with plan.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("plan.read", { school: (await params).schoolId, within: true });
  const sid = routeId((await params).schoolId);
  const nam = textParam((await searchParams).nam, 64);
  const r = await orNotFound(listSchoolPlans(viewer, sid, nam));
  const base = `/truong/${r.school.id}/ke-hoach`;
  return (
    <>
      <PageHeader
        title="Kế hoạch phối hợp"
        subtitle={
          <>
            <Link href={`/truong/${r.school.id}`} className="hover:underline">
              {r.school.name}
            </Link>{" "}
            · giữa nhà trường và Ban Chấp hành Công đoàn ·{" "}
            <Link href={`/truong/${r.school.id}/hop-lien-tich${r.year ? `?nam=${r.year.id}` : ""}`} className="text-brand-700 hover:underline">
              Họp liên tịch
            </Link>
          </>
        }
      />
      <YearTabs years={r.years} current={r.year?.id ?? null} path={base} />
      {r.plans.length === 0 && !r.canCreate && <EmptyState>Chưa có kế hoạch phối hợp đã ký kết của năm học này.</EmptyState>}
      {r.plans.length > 0 && (
        <Card className="mb-6">
          <ul className="divide-y divide-slate-100">
            {r.plans.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link href={`${base}/${p.id}`} className="font-medium text-brand-700 hover:underline">
                    {p.revision > 1 ? `Bản sửa đổi lần ${p.revision - 1}` : "Kế hoạch"} – {p.title}
                  </Link>
                  {p.amendmentReason && <div className="text-sm text-slate-600">Lý do sửa đổi: {p.amendmentReason}</div>}
                  <div className="text-xs text-slate-500">{p.signedAt ? `Ký kết ngày ${formatDateTime(p.signedAt).slice(0, 10)}` : `Cập nhật ${formatDateTime(p.updatedAt)}`}</div>
                </div>
                <StateBadge state={p.state} replacedBy={p.replacedBy} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      {r.canCreate && r.year && (
        <Card title={`Lập kế hoạch phối hợp năm học ${r.year.label}`} className="max-w-2xl">
          <CreatePlanForm schoolId={r.school.id} schoolYearId={r.year.id} copyLabel={r.copyFrom?.schoolYear.label ?? null} />
        </Card>
      )}
    </>
  );
}
