import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getOwnSheetPrint } from "@/lib/scoring/print";
import { orNotFound, routeId } from "@/lib/server/page";
import { PrintSheets } from "@/components/scoring/print-sheets";

export const metadata: Metadata = { title: "In phiếu thi đua của tôi" };

/** The member's own scoring sheet as it prints (anyone else's: 404). */
export default async function MySheetPrintPage({ params }: { params: Promise<{ sheetId: string }> }) {
  const viewer = await requireViewer();
  const sheetId = routeId((await params).sheetId);
  const view = await orNotFound(getOwnSheetPrint(viewer, sheetId));
  return <PrintSheets view={view} back={`/ca-nhan/thi-dua/${sheetId}`} backLabel="Phiếu thi đua của tôi" scope={view.period.name} />;
}
