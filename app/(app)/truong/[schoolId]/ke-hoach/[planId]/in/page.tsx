import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getPlanDocument } from "@/lib/plans/export";
import { orNotFound, routeId } from "@/lib/server/page";
import { DocumentView } from "@/components/plans/document-view";
import { PrintButton } from "@/components/plans/print-button";

export const metadata: Metadata = { title: "Bản in kế hoạch phối hợp" };

/** The plan as it prints (same reader rights as the plan page). */
export default async function PlanPrintPage({ params }: { params: Promise<{ schoolId: string; planId: string }> }) {
  // A place the viewer works in with plan.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("plan.read", { school: (await params).schoolId, within: true });
  const { schoolId, planId } = await params;
  const sid = routeId(schoolId);
  const { doc } = await orNotFound(getPlanDocument(viewer, { schoolId: sid }, routeId(planId)));
  const back = `/truong/${sid}/ke-hoach/${routeId(planId)}`;
  return (
    <>
      <div className="no-print mb-4 flex gap-3">
        <Link href={back} className="text-brand-700 hover:underline">
          ← Về kế hoạch
        </Link>
        <PrintButton />
        <a href={`${back}/pdf`} className="text-brand-700 hover:underline">
          Tải PDF
        </a>
      </div>
      <DocumentView doc={doc} />
    </>
  );
}
