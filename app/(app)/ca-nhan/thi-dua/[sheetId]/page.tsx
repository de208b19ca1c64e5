import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { getSheetDetail } from "@/lib/scoring/queries";
import { orNotFound, routeId } from "@/lib/server/page";
import { PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { SheetView } from "@/components/scoring/sheet-view";

export const metadata: Metadata = { title: "Phiếu thi đua của tôi" };

/** The member's own sheet: self-assessment (phone-friendly), evidence, breakdown at every stage, appeal. */
export default async function MySheetPage({ params }: { params: Promise<{ sheetId: string }> }) {
  const viewer = await requireViewer();
  const d = await orNotFound(getSheetDetail(viewer, routeId((await params).sheetId)));
  if (d.sheet.memberId !== viewer.memberId) notFound();
  return (
    <>
      <p className="mb-2 text-sm no-print">
        <Link href="/ca-nhan/thi-dua" className="text-brand-700 hover:underline">
          ← Thi đua của tôi
        </Link>
      </p>
      <PageHeader
        title={d.period.name}
        subtitle={`${d.sheet.memberName} · ${d.sheet.groupName}`}
        actions={
          <Link className={buttonClass("secondary")} href={`/ca-nhan/thi-dua/${d.sheet.id}/in`}>
            In phiếu
          </Link>
        }
      />
      <SheetView d={d} />
    </>
  );
}
