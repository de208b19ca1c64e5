import type { Metadata } from "next";
import { requireAccess } from "@/lib/authz/gate";
import { getPeriodPrint } from "@/lib/scoring/print";
import { orNotFound, routeId, textParam } from "@/lib/server/page";
import { PrintSheets } from "@/components/scoring/print-sheets";

export const metadata: Metadata = { title: "In phiếu chấm điểm" };

/**
 * The period's scoring sheets as they print: every sheet the viewer may read (a group leader their
 * group's), ?to=<groupId> for one union group, ?phieu=<sheetId> for one member.
 */
export default async function PeriodPrintPage({ params, searchParams }: { params: Promise<{ schoolId: string; periodId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // A place the viewer works in with scoring.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("scoring.read", { school: (await params).schoolId, within: true });
  const p = await params;
  const q = await searchParams;
  const to = textParam(q.to);
  const phieu = textParam(q.phieu);
  const schoolId = routeId(p.schoolId);
  const view = await orNotFound(getPeriodPrint(viewer, schoolId, routeId(p.periodId), { groupId: to ? routeId(to) : undefined, sheetId: phieu ? routeId(phieu) : undefined }));
  const base = `/truong/${schoolId}/cham-diem/${view.period.id}`;
  const scope = phieu ? view.sheets[0].memberName : to ? view.sheets[0].groupName || "Tổ công đoàn" : "Các phiếu bạn được xem";
  return <PrintSheets view={view} back={phieu ? `${base}/phieu/${view.sheets[0].sheetId}` : base} backLabel={phieu ? view.sheets[0].memberName : view.period.name} scope={scope} />;
}
