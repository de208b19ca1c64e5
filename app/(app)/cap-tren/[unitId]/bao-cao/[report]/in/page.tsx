import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAccess } from "@/lib/authz/gate";
import { reportPeriod } from "@/lib/reports/page-period";
import { reportDocument } from "@/lib/reports/document";
import { isReportSlug, loadReport } from "@/lib/reports/views";
import { orNotFound, routeId } from "@/lib/server/page";
import { DocumentView } from "@/components/plans/document-view";
import { PrintButton } from "@/components/plans/print-button";

export const metadata: Metadata = { title: "Bản in báo cáo" };

/** A report in the administrative layout (Nghị định 30/2020), for printing (report.read). */
export default async function ReportPrintPage({ params, searchParams }: { params: Promise<{ unitId: string; report: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer } = await requireAccess("report.read", { unit: (await params).unitId });
  const { report } = await params;
  const unitId = routeId((await params).unitId);
  if (!isReportSlug(report)) notFound();
  const { parsed, query } = await reportPeriod(viewer, unitId, await searchParams);
  if (!parsed.period) notFound();
  const view = await orNotFound(loadReport(viewer, report, unitId, parsed.period));
  return (
    <>
      <div className="no-print mb-4 flex gap-3">
        <Link href={`/cap-tren/${unitId}/bao-cao/${report}?${query}`} className="text-brand-700 hover:underline">
          ← Về báo cáo
        </Link>
        <PrintButton />
        <a href={`/cap-tren/${unitId}/bao-cao/${report}/pdf?${query}`} className="text-brand-700 hover:underline">
          Tải PDF
        </a>
      </div>
      <DocumentView doc={reportDocument(view, new Date())} />
    </>
  );
}
