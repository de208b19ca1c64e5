import type { Metadata } from "next";
import { requireAccess } from "@/lib/authz/gate";
import { routeId, textParam } from "@/lib/server/page";
import { ComparePage } from "@/components/plans/compare-page";

export const metadata: Metadata = { title: "So sánh phiên bản kế hoạch" };

/** What changed between this revision and the previous one (or ?voi=<id>), field by field. */
export default async function PlanComparePage({ params, searchParams }: { params: Promise<{ schoolId: string; planId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // A place the viewer works in with plan.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("plan.read", { school: (await params).schoolId, within: true });
  const { schoolId, planId } = await params;
  const sid = routeId(schoolId);
  const voi = textParam((await searchParams).voi, 64);
  return <ComparePage viewer={viewer} owner={{ schoolId: sid }} planId={routeId(planId)} fromId={voi ? routeId(voi) : undefined} base={`/truong/${sid}/ke-hoach`} />;
}
