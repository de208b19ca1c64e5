import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { routeId, textParam } from "@/lib/server/page";
import { ComparePage } from "@/components/plans/compare-page";

export const metadata: Metadata = { title: "So sánh phiên bản kế hoạch" };

export default async function UnitPlanComparePage({ params, searchParams }: { params: Promise<{ unitId: string; planId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const { unitId, planId } = await params;
  const uid = routeId(unitId);
  const voi = textParam((await searchParams).voi, 64);
  return <ComparePage viewer={viewer} owner={{ organisationId: uid }} planId={routeId(planId)} fromId={voi ? routeId(voi) : undefined} base={`/cap-tren/${uid}/ke-hoach`} />;
}
