import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAccess } from "@/lib/authz/gate";
import { getSheetDetail } from "@/lib/scoring/queries";
import { orNotFound, routeId } from "@/lib/server/page";
import { PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { SheetView } from "@/components/scoring/sheet-view";

export const metadata: Metadata = { title: "Phiếu chấm điểm" };

/** One member's sheet (scoring.read scope: the member, their group leader, chair, principal, upper unit). */
export default async function SheetPage({ params }: { params: Promise<{ schoolId: string; periodId: string; sheetId: string }> }) {
  // A place the viewer works in with scoring.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("scoring.read", { school: (await params).schoolId, within: true });
  const p = await params;
  const d = await orNotFound(getSheetDetail(viewer, routeId(p.sheetId), routeId(p.schoolId)));
  if (d.period.id !== p.periodId) notFound();
  return (
    <>
      <p className="mb-2 text-sm no-print">
        <Link href={`/truong/${d.period.schoolId}/cham-diem/${d.period.id}`} className="text-brand-700 hover:underline">
          ← {d.period.name}
        </Link>
      </p>
      <PageHeader
        title={d.sheet.memberName}
        subtitle={`${d.sheet.position ?? ""}${d.sheet.groupName ? ` · ${d.sheet.groupName}` : ""} · ${d.period.name}`}
        actions={
          <Link className={buttonClass("secondary")} href={`/truong/${d.period.schoolId}/cham-diem/${d.period.id}/in?phieu=${d.sheet.id}`}>
            In phiếu
          </Link>
        }
      />
      <SheetView d={d} />
    </>
  );
}
