// Sections of the school dashboard (issue 9): "Việc chờ tôi", plan targets against live figures,
// union groups' scoring progress (chart + table), the council's results, the awards.
import Link from "next/link";
import type { SchoolDashboard } from "@/lib/dashboards/school";
import { share } from "@/lib/dashboards/rules";
import { PERIOD_STATE_LABELS } from "@/lib/scoring/workflow";
import { PLAN_STATE_LABELS } from "@/lib/plans/rules";
import { formatNumber } from "@/lib/format";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Badge, Card, EmptyState } from "@/components/ui/page";
import { pct } from "./figures";
import { DistributionFigure } from "./upper-charts";

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const td = "px-3 py-1.5 text-sm tabular-nums";

export function WaitingList({ items }: { items: SchoolDashboard["waiting"] }) {
  return (
    <section aria-labelledby="viec-cho-toi" className="rounded-lg border border-brand-100 bg-brand-50 p-4 shadow-sm">
      <h2 id="viec-cho-toi" className="mb-2 text-base font-semibold text-slate-900">Việc chờ tôi</h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">Hiện không có việc nào đang chờ bạn.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {items.map((w) => (
            <li key={`${w.kind}:${w.href}`}>
              <Link href={w.href} className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-white px-3 py-2 text-sm shadow-sm hover:text-brand-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
                <span className="min-w-0 break-words">{w.text}</span>
                {w.count > 1 && <Badge tone="amber">{formatNumber(w.count)}</Badge>}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function TargetsCard({ d }: { d: SchoolDashboard }) {
  if (!d.showPlan) return null;
  const base = `/truong/${d.schoolId}/ke-hoach`;
  return (
    <Card title="Chỉ tiêu của kế hoạch phối hợp">
      {!d.plan ? (
        <EmptyState>
          Năm học {d.year?.label ?? ""} chưa có kế hoạch phối hợp. <Link href={base} className="text-brand-700 hover:underline">Kế hoạch phối hợp →</Link>
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">
            <Link href={`${base}/${d.plan.id}`} className="font-medium text-brand-700 hover:underline">{d.plan.title}</Link> · lần {d.plan.revision} · {PLAN_STATE_LABELS[d.plan.state]}
          </p>
          {d.targets.length === 0 ? (
            <EmptyState>Kế hoạch chưa có chỉ tiêu.</EmptyState>
          ) : (
            <div className="relative overflow-x-auto">
              <table className="w-full">
                <thead className="bg-slate-50">
                  <tr>
                    <th scope="col" className={th}>Chỉ tiêu</th>
                    <th scope="col" className={`${th} text-right`}>Mục tiêu</th>
                    <th scope="col" className={`${th} text-right`}>Thực tế</th>
                    <th scope="col" className={th}>Đánh giá</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {d.targets.map((t) => (
                    <tr key={t.id}>
                      <th scope="row" className={`${td} text-left font-medium`}>
                        {t.label}
                        {t.basis && <span className="block text-xs font-normal text-slate-500">{t.basis}</span>}
                      </th>
                      <td className={`${td} text-right`}>{t.target}</td>
                      <td className={`${td} text-right`}>
                        {t.actual === null ? "—" : t.unit === "PERCENT" ? pct(t.actual / 100) : formatNumber(t.actual)}
                        <span className="block text-xs text-slate-500">{t.live ? "số liệu trực tiếp" : "nhập tay"}</span>
                      </td>
                      <td className={td}>{t.met === null ? <Badge>Chưa có số liệu</Badge> : t.met ? <Badge tone="green">Đạt</Badge> : <Badge tone="amber">Chưa đạt</Badge>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Card>
  );
}

export function GroupProgressFigure({ d }: { d: SchoolDashboard }) {
  if (!d.period || d.groups.length === 0) return null;
  const title = "Tiến độ chấm điểm của các tổ công đoàn";
  const done = d.groups.reduce((s, g) => s + g.council, 0);
  const sheets = d.groups.reduce((s, g) => s + g.sheets, 0);
  const summary = `${d.period.name} (${d.period.campaignName}), ${PERIOD_STATE_LABELS[d.period.state].toLowerCase()}: hội đồng đã chấm ${formatNumber(done)}/${formatNumber(sheets)} phiếu; ${d.groups.map((g) => `${g.name} tổ chấm ${pct(share(g.group, g.sheets))}`).join("; ")}.`;
  return (
    <ChartFigure
      title={title}
      summary={summary}
      table={
        <table className="w-full">
          <caption className="sr-only">{title}: số phiếu đã xong ở từng bước</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={th}>Tổ</th>
              <th scope="col" className={`${th} text-right`}>Phiếu</th>
              <th scope="col" className={`${th} text-right`}>Tự chấm</th>
              <th scope="col" className={`${th} text-right`}>Tổ chấm</th>
              <th scope="col" className={`${th} text-right`}>Hội đồng</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {d.groups.map((g) => (
              <tr key={g.id || "none"}>
                <th scope="row" className={`${td} text-left font-medium`}>{g.name}</th>
                <td className={`${td} text-right`}>{formatNumber(g.sheets)}</td>
                <td className={`${td} text-right`}>{formatNumber(g.self)}</td>
                <td className={`${td} text-right`}>{formatNumber(g.group)}</td>
                <td className={`${td} text-right`}>{formatNumber(g.council)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <BarChart
        title={title}
        horizontal
        percent
        data={d.groups.map((g) => ({ label: g.name, self: share(g.self, g.sheets) ?? 0, group: share(g.group, g.sheets) ?? 0, council: share(g.council, g.sheets) ?? 0 }))}
        series={[
          { key: "self", label: "Tự chấm" },
          { key: "group", label: "Tổ chấm" },
          { key: "council", label: "Hội đồng" },
        ]}
      />
    </ChartFigure>
  );
}

export function CouncilSection({ d }: { d: SchoolDashboard }) {
  if (!d.council) return null;
  const c = d.council;
  const year = d.year?.label ?? "";
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <DistributionFigure
        title="Kết quả xếp loại của hội đồng"
        years={[{ label: year, f: { classified: c.classified, distribution: c.distribution } }]}
      />
      <Card title="Kết quả bỏ phiếu của Hội đồng Thi đua – Khen thưởng">
        {c.votes.length === 0 ? (
          <EmptyState>Hội đồng chưa bỏ phiếu trong năm học {year}.</EmptyState>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>Danh hiệu, hình thức</th>
                  <th scope="col" className={`${th} text-right`}>Đã bỏ phiếu</th>
                  <th scope="col" className={`${th} text-right`}>Đạt</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {c.votes.map((v) => (
                  <tr key={v.titleCode}>
                    <th scope="row" className={`${td} text-left font-medium`}>{v.title}</th>
                    <td className={`${td} text-right`}>{formatNumber(v.voted)}</td>
                    <td className={`${td} text-right`}>
                      {formatNumber(v.passed)} ({pct(v.share)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

export function AwardsCard({ d }: { d: SchoolDashboard }) {
  if (!d.awards) return null;
  return (
    <Card title={`Khen thưởng năm học ${d.year?.label ?? ""}`}>
      {d.awards.rows.length === 0 ? (
        <EmptyState>Chưa có quyết định khen thưởng nào trong năm học này.</EmptyState>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Danh hiệu, hình thức</th>
                <th scope="col" className={`${th} text-right`}>Cá nhân</th>
                <th scope="col" className={`${th} text-right`}>Tập thể</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {d.awards.rows.map((a) => (
                <tr key={a.titleCode}>
                  <th scope="row" className={`${td} text-left font-medium`}>{a.title}</th>
                  <td className={`${td} text-right`}>{formatNumber(a.individuals)}</td>
                  <td className={`${td} text-right`}>{formatNumber(a.collectives)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className={`${td} text-left`}>Tổng cộng</th>
                <td colSpan={2} className={`${td} text-right font-semibold`}>{formatNumber(d.awards.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p className="mt-2 text-sm">
        <Link href={`/truong/${d.schoolId}/de-nghi/so-khen-thuong`} className="text-brand-700 hover:underline">Sổ khen thưởng →</Link>
      </p>
    </Card>
  );
}
