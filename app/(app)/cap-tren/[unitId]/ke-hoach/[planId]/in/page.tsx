import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getPlanDocument } from "@/lib/plans/export";
import { orNotFound, routeId } from "@/lib/server/page";
import { DocumentView } from "@/components/plans/document-view";
import { PrintButton } from "@/components/plans/print-button";

export const metadata: Metadata = { title: "Bản in kế hoạch phối hợp" };

export default async function UnitPlanPrintPage({ params }: { params: Promise<{ unitId: string; planId: string }> }) {
  // The unit itself must be one the viewer serves with plan.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("plan.read", { unit: (await params).unitId });
  const { unitId, planId } = await params;
  const uid = routeId(unitId);
  const pid = routeId(planId);
  const { doc } = await orNotFound(getPlanDocument(viewer, { organisationId: uid }, pid));
  const back = `/cap-tren/${uid}/ke-hoach/${pid}`;
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
