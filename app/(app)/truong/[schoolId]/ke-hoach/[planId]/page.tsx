import type { Metadata } from "next";
import { requireAccess } from "@/lib/authz/gate";
import { getPlanDetail } from "@/lib/plans/queries";
import { orNotFound, routeId } from "@/lib/server/page";
import { PlanView } from "@/components/plans/plan-view";

export const metadata: Metadata = { title: "Kế hoạch phối hợp" };

/** One plan of a school (plan.read; drafts for plan.read_draft), editable in place while a draft. */
export default async function PlanPage({ params }: { params: Promise<{ schoolId: string; planId: string }> }) {
  // A place the viewer works in with plan.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("plan.read", { school: (await params).schoolId, within: true });
  const { schoolId, planId } = await params;
  const sid = routeId(schoolId);
  const d = await orNotFound(getPlanDetail(viewer, { schoolId: sid }, routeId(planId)));
  return <PlanView d={d} base={`/truong/${sid}/ke-hoach`} ownerName={d.plan.school?.name ?? ""} unitLevel={false} />;
}
