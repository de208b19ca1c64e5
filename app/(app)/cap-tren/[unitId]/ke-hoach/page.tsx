import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { unitPlanOverview } from "@/lib/plans/queries";
import { PLAN_DEADLINE, UNIT_PLAN_STATUS_LABELS } from "@/lib/plans/rules";
import { formatDateTime } from "@/lib/format";
import { orNotFound, routeId, textParam } from "@/lib/server/page";
import { Badge, Card, PageHeader, Stat } from "@/components/ui/page";
import { CreateUnitPlanForm } from "@/components/plans/plan-forms";
import { StateBadge } from "@/components/plans/plan-view";
import { YearTabs } from "@/components/plans/year-tabs";

export const metadata: Metadata = { title: "Kế hoạch phối hợp các trường" };

const TONE = { NONE: "slate", DRAFT: "slate", SUBMITTED: "amber", SIGNED: "green" } as const;

/**
 * For an upper unit's staff (or an admin): every school under the unit with its plan status
 * for a school year, late when not signed by 31/10; any plan opens read-only. Also the unit's
 * own plan with its government counterpart.
 */
export default async function UnitPlansPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The unit itself must be one the viewer serves with plan.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("plan.read", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const r = await orNotFound(unitPlanOverview(viewer, unitId, textParam((await searchParams).nam, 64)));
  const base = `/cap-tren/${r.unit.id}/ke-hoach`;
  const count = (s: keyof typeof TONE) => r.schools.filter((x) => x.status === s).length;
  const deadline = r.year ? `${PLAN_DEADLINE.day}/${PLAN_DEADLINE.month}/${r.year.startsOn.getUTCFullYear()}` : "";
  return (
    <>
      <PageHeader title="Kế hoạch phối hợp" subtitle={`${r.unit.name} · hạn ký kết ${deadline}`} />
      <YearTabs years={r.years} current={r.year?.id ?? null} path={base} />
      <div className="mb-6 grid gap-4 sm:grid-cols-4">
        <Stat label="Đã ký kết" value={count("SIGNED")} />
        <Stat label="Đang trình ký" value={count("SUBMITTED")} />
        <Stat label="Dự thảo" value={count("DRAFT")} />
        <Stat label="Chưa có" value={count("NONE")} hint={`${r.schools.filter((s) => s.late).length} trường trễ hạn`} />
      </div>
      <Card title="Các trường" className="mb-6">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th className="py-2 pr-3">Trường</th>
                <th className="py-2 pr-3">Trạng thái</th>
                <th className="py-2 pr-3">Ngày ký kết</th>
                <th className="py-2">Kế hoạch</th>
              </tr>
            </thead>
            <tbody>
              {r.schools.map((s) => (
                <tr key={s.id} className="border-b border-slate-100">
                  <td className="py-2 pr-3">{s.name}</td>
                  <td className="py-2 pr-3">
                    <Badge tone={TONE[s.status]}>{UNIT_PLAN_STATUS_LABELS[s.status]}</Badge> {s.late && <Badge tone="red">{s.status === "SIGNED" ? "Ký trễ hạn" : "Trễ hạn"}</Badge>}
                  </td>
                  <td className="py-2 pr-3">{s.signedAt ? formatDateTime(s.signedAt).slice(0, 10) : "—"}</td>
                  <td className="py-2">
                    {s.latestId ? (
                      <Link className="text-brand-700 hover:underline" href={`/truong/${s.id}/ke-hoach/${s.latestId}`}>
                        Xem{s.revisions > 1 ? ` (${s.revisions} bản)` : ""}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title="Kế hoạch phối hợp của đơn vị với cơ quan quản lý cùng cấp">
        {r.ownPlans.length > 0 ? (
          <ul className="space-y-2 text-sm">
            {r.ownPlans.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2">
                <Link className="text-brand-700 hover:underline" href={`${base}/${p.id}`}>
                  {p.revision > 1 ? `Bản sửa đổi lần ${p.revision - 1}` : "Kế hoạch"} – {p.title}
                </Link>
                <StateBadge state={p.state} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-3 text-sm text-slate-600">Chưa có kế hoạch của đơn vị cho năm học này.</p>
        )}
        {r.canCreateOwn && r.year && <CreateUnitPlanForm unitId={r.unit.id} schoolYearId={r.year.id} />}
      </Card>
    </>
  );
}
