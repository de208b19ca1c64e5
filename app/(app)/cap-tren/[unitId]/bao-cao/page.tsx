import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getReportUnit } from "@/lib/reports/queries";
import { reportPeriod } from "@/lib/reports/page-period";
import { PERIOD_BASIS } from "@/lib/reports/period";
import { REPORT_SLUGS, REPORT_TITLES } from "@/lib/reports/views";
import { orNotFound, routeId } from "@/lib/server/page";
import { formatDate, formatNumber } from "@/lib/format";
import { PageHeader } from "@/components/ui/page";
import { PeriodPicker } from "@/components/reports/period-picker";

export const metadata: Metadata = { title: "Báo cáo thống kê" };

/** The reports of an upper unit over itself and the units below it, for a chosen period (report.read). */
export default async function ReportsIndexPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer } = await requireAccess("report.read", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const unit = await orNotFound(getReportUnit(viewer, unitId));
  const { choices, parsed, query } = await reportPeriod(viewer, unitId, await searchParams);
  return (
    <>
      <PageHeader title="Báo cáo thống kê" subtitle={`${unit.name} và các đơn vị trực thuộc · ${formatNumber(unit.schools.length)} trường`} />
      <PeriodPicker values={parsed.values} errors={parsed.ok ? {} : parsed.errors} schoolYears={choices.schoolYears} unionTerms={choices.unionTerms} />
      {parsed.period ? (
        <p className="mb-4 text-sm text-slate-700">
          Kỳ báo cáo: <strong>{parsed.period.label}</strong> ({formatDate(parsed.period.from)} – {formatDate(parsed.period.to)}). {PERIOD_BASIS}
        </p>
      ) : (
        <p className="mb-4 text-sm text-red-700" role="alert">
          Kỳ báo cáo chưa hợp lệ: sửa các ô được đánh dấu rồi bấm “Xem báo cáo”.
        </p>
      )}
      <ul className="grid gap-4 md:grid-cols-2">
        {REPORT_SLUGS.map((slug) => (
          <li key={slug} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="text-base font-semibold">
              {parsed.period ? (
                <Link className="text-brand-700 hover:underline" href={`/cap-tren/${unit.id}/bao-cao/${slug}?${query}`}>
                  {REPORT_TITLES[slug].title}
                </Link>
              ) : (
                REPORT_TITLES[slug].title
              )}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{REPORT_TITLES[slug].description}</p>
          </li>
        ))}
      </ul>
      {choices.unionTerms.length === 0 && <p className="mt-4 text-sm text-slate-500">Đơn vị chưa khai báo nhiệm kỳ công đoàn nên chưa chọn được kỳ báo cáo theo nhiệm kỳ.</p>}
    </>
  );
}
