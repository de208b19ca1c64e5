import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getPlanStatusPage, PLAN_STATUSES, PLAN_STATUS_SORTS, type PlanStatusFilter, type PlanStatusSort } from "@/lib/plans/status-page";
import { Pagination } from "@/components/ui/pagination";
import { ListFilters, sortField } from "@/components/ui/list-filters";
import { PLAN_DEADLINE, UNIT_PLAN_STATUS_LABELS } from "@/lib/plans/rules";
import { formatDateTime } from "@/lib/format";
import { orNotFound, routeId, textParam, pageParam } from "@/lib/server/page";
import { Badge, Card, PageHeader, Stat } from "@/components/ui/page";
import { CreateUnitPlanForm } from "@/components/plans/plan-forms";
import { StateBadge } from "@/components/plans/plan-view";
import { YearTabs } from "@/components/plans/year-tabs";

export const metadata: Metadata = { title: "Kế hoạch phối hợp các trường" };

const TONE = { NONE: "slate", DRAFT: "slate", SUBMITTED: "amber", SIGNED: "green" } as const;
const SORT_LABELS: Record<PlanStatusSort, string> = { ten: "Tên trường", "trang-thai": "Chậm nhất trước", "ngay-ky": "Ký gần nhất trước" };
const FILTERS: PlanStatusFilter[] = [...PLAN_STATUSES, "LATE"];

/**
 * For an upper unit's staff (or an admin): every school under the unit with its plan status
 * for a school year, late when not signed by 31/10; any plan opens read-only. Also the unit's
 * own plan with its government counterpart.
 */
export default async function UnitPlansPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The unit itself must be one the viewer serves with plan.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("plan.read", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const sp = await searchParams;
  const statusRaw = textParam(sp["trang-thai"], 20);
  const sortRaw = textParam(sp["sap-xep"], 20);
  const opts = { yearId: textParam(sp.nam, 64), q: textParam(sp.q), status: FILTERS.find((f) => f === statusRaw), sort: PLAN_STATUS_SORTS.find((f) => f === sortRaw), page: pageParam(sp.trang) };
  const r = await orNotFound(getPlanStatusPage(viewer, unitId, opts));
  const base = `/cap-tren/${r.unit.id}/ke-hoach`;
  const count = (s: keyof typeof TONE) => r.totals[s];
  const kept = { nam: opts.yearId, q: opts.q, "trang-thai": opts.status, "sap-xep": opts.sort };
  const deadline = r.year ? `${PLAN_DEADLINE.day}/${PLAN_DEADLINE.month}/${r.year.startsOn.getUTCFullYear()}` : "";
  return (
    <>
      <PageHeader title="Kế hoạch phối hợp" subtitle={`${r.unit.name} · hạn ký kết ${deadline}`} />
      <YearTabs years={r.years} current={r.year?.id ?? null} path={base} />
      <div className="mb-6 grid gap-4 sm:grid-cols-4">
        <Stat label="Đã ký kết" value={count("SIGNED")} />
        <Stat label="Đang trình ký" value={count("SUBMITTED")} />
        <Stat label="Dự thảo" value={count("DRAFT")} />
        <Stat label="Chưa có" value={count("NONE")} hint={`${r.totals.late} trường trễ hạn`} />
      </div>
      <Card title={`Các trường (${r.totals.schools})`} className="mb-6">
        <ListFilters
          action={base}
          keep={{ nam: opts.yearId }}
          fields={[
            { kind: "search", label: "Tên trường", value: opts.q },
            { kind: "select", label: "Trạng thái", name: "trang-thai", value: opts.status, all: "Tất cả", options: FILTERS.map((f) => ({ value: f, label: f === "LATE" ? "Trễ hạn" : UNIT_PLAN_STATUS_LABELS[f] })) },
            sortField(PLAN_STATUS_SORTS, SORT_LABELS, r.filters.sort),
          ]}
        />
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
              {r.list.rows.map((s) => (
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
        <Pagination page={r.list.page} pageSize={r.list.pageSize} total={r.list.total} basePath={base} params={kept} />
      </Card>
      <Card title="Kế hoạch phối hợp của đơn vị với cơ quan quản lý cùng cấp">
        {r.ownPlans.length > 0 ? (
          <ul className="space-y-2 text-sm">
            {r.ownPlans.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2">
                <Link className="text-brand-700 hover:underline" href={`${base}/${p.id}`}>
                  {p.revision > 1 ? `Bản sửa đổi lần ${p.revision - 1}` : "Kế hoạch"} – {p.title}
                </Link>
                <StateBadge state={p.state} replacedBy={p.replacedBy} />
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
