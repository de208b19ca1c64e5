import type { Metadata } from "next";
import { requireAccess } from "@/lib/authz/gate";
import { getPlanDetail } from "@/lib/plans/queries";
import { orNotFound, routeId } from "@/lib/server/page";
import { PlanView } from "@/components/plans/plan-view";

export const metadata: Metadata = { title: "Kế hoạch phối hợp của đơn vị" };

/** The upper unit's own plan with its government counterpart (same feature as a school's). */
export default async function UnitPlanPage({ params }: { params: Promise<{ unitId: string; planId: string }> }) {
  // The unit itself must be one the viewer serves with plan.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("plan.read", { unit: (await params).unitId });
  const { unitId, planId } = await params;
  const uid = routeId(unitId);
  const d = await orNotFound(getPlanDetail(viewer, { organisationId: uid }, routeId(planId)));
  return <PlanView d={d} base={`/cap-tren/${uid}/ke-hoach`} ownerName={d.plan.organisation?.name ?? ""} unitLevel />;
}
