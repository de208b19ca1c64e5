import type { Metadata } from "next";
import { requireAccess } from "@/lib/authz/gate";
import { routeId, textParam } from "@/lib/server/page";
import { ComparePage } from "@/components/plans/compare-page";

export const metadata: Metadata = { title: "So sánh phiên bản kế hoạch" };

export default async function UnitPlanComparePage({ params, searchParams }: { params: Promise<{ unitId: string; planId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The unit itself must be one the viewer serves with plan.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("plan.read", { unit: (await params).unitId });
  const { unitId, planId } = await params;
  const uid = routeId(unitId);
  const voi = textParam((await searchParams).voi, 64);
  return <ComparePage viewer={viewer} owner={{ organisationId: uid }} planId={routeId(planId)} fromId={voi ? routeId(voi) : undefined} base={`/cap-tren/${uid}/ke-hoach`} />;
}
