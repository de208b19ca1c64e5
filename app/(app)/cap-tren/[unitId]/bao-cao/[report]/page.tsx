import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAccess } from "@/lib/authz/gate";
import { reportPeriod } from "@/lib/reports/page-period";
import { isReportSlug, loadReport, REPORT_TITLES } from "@/lib/reports/views";
import { orNotFound, pageParam, routeId } from "@/lib/server/page";
import { formatDate } from "@/lib/format";
import { PageHeader, EmptyState } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { PeriodPicker } from "@/components/reports/period-picker";
import { ReportTableView } from "@/components/reports/report-table";

export const metadata: Metadata = { title: "Báo cáo" };

const PAGE_SIZE = 25;

/** One report of the unit for a period: summary, chart with its table, Excel and print (report.read). */
export default async function ReportPage({ params, searchParams }: { params: Promise<{ unitId: string; report: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer } = await requireAccess("report.read", { unit: (await params).unitId });
  const { report } = await params;
  const unitId = routeId((await params).unitId);
  if (!isReportSlug(report)) notFound();
  const sp = await searchParams;
  const { choices, parsed, query } = await reportPeriod(viewer, unitId, sp);
  const base = `/cap-tren/${unitId}/bao-cao`;
  const header = (
    <>
      <nav className="mb-2 text-sm no-print">
        <Link href={`${base}${query ? `?${query}` : ""}`} className="text-brand-700 hover:underline">
          ← Các báo cáo
        </Link>
      </nav>
    </>
  );
  if (!parsed.period) {
    return (
      <>
        {header}
        <PageHeader title={REPORT_TITLES[report].title} />
        <PeriodPicker values={parsed.values} errors={parsed.ok ? {} : parsed.errors} schoolYears={choices.schoolYears} unionTerms={choices.unionTerms} />
        <EmptyState>Kỳ báo cáo chưa hợp lệ: sửa các ô được đánh dấu rồi bấm “Xem báo cáo”.</EmptyState>
      </>
    );
  }
  const view = await orNotFound(loadReport(viewer, report, unitId, parsed.period));
  const table = view.tables[0];
  // Per-school reports are paged on the server: the totals first, then one page of schools (the
  // chart shows the same schools). The Excel file and the print view carry every school.
  const page = pageParam(sp.trang);
  const head = view.perSchool?.head ?? table.rows.length;
  const schoolCount = table.rows.length - head;
  const start = head + (page - 1) * PAGE_SIZE;
  const shown = view.perSchool ? [...table.rows.slice(0, head).map((_, i) => i), ...table.rows.slice(start, start + PAGE_SIZE).map((_, i) => start + i)] : table.rows.map((_, i) => i);
  const rows = shown.map((i) => ({ cells: table.rows[i], strong: !!table.strong?.includes(i) }));
  const chartData = view.perSchool ? view.chart.data.slice((page - 1) * PAGE_SIZE, (page - 1) * PAGE_SIZE + PAGE_SIZE) : view.chart.data;
  return (
    <>
      {header}
      <PageHeader
        title={view.title}
        subtitle={`${view.unit.name} và các đơn vị trực thuộc · ${view.period.label} (${formatDate(view.period.from)} – ${formatDate(view.period.to)})`}
        actions={
          <>
            <a href={`${base}/${report}/excel?${query}`} className={buttonClass("secondary")} download>
              Xuất Excel
            </a>
            <Link href={`${base}/${report}/in?${query}`} className={buttonClass("secondary")}>
              Bản in
            </Link>
          </>
        }
      />
      <PeriodPicker values={parsed.values} schoolYears={choices.schoolYears} unionTerms={choices.unionTerms} />
      <p className="mb-4 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm text-slate-800" data-report-summary>
        {view.summary}
      </p>
      <ChartFigure
        title={view.chart.title}
        summary={view.chart.summary}
        table={
          <>
            <ReportTableView table={table} rows={rows} />
            {view.perSchool && <Pagination page={page} pageSize={PAGE_SIZE} total={schoolCount} basePath={`${base}/${report}`} params={Object.fromEntries(new URLSearchParams(query))} />}
          </>
        }
      >
        {chartData.length ? (
          <BarChart title={view.chart.title} data={chartData} series={view.chart.series} stacked={view.chart.stacked} horizontal={view.chart.horizontal} percent={view.chart.percent} />
        ) : (
          <EmptyState>Không có số liệu để vẽ biểu đồ.</EmptyState>
        )}
      </ChartFigure>
      <ul className="mt-4 list-disc space-y-1 pl-5 text-xs text-slate-600">
        {view.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </>
  );
}
