import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getGrid } from "@/lib/scoring/queries";
import { saveGridAction } from "@/lib/scoring/actions";
import { orNotFound, routeId, textParam } from "@/lib/server/page";
import { PERIOD_STATE_LABELS, STAGE_LABELS } from "@/lib/scoring/workflow";
import { Badge, EmptyState, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { ScoringGrid } from "@/components/scoring/scoring-grid";

export const metadata: Metadata = { title: "Bảng chấm điểm tổ" };

/**
 * The grid of one union group: the group stage for its leader (or the chair), ?buoc=hoi-dong for
 * the council stage. Rows are those the viewer may score; the mutation checks everything again.
 */
export default async function GroupGridPage({ params, searchParams }: { params: Promise<{ schoolId: string; periodId: string; groupId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // A place the viewer works in with scoring.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("scoring.read", { school: (await params).schoolId, within: true });
  const p = await params;
  const stage = textParam((await searchParams).buoc) === "hoi-dong" ? "COUNCIL" : "GROUP";
  const view = await orNotFound(getGrid(viewer, routeId(p.schoolId), routeId(p.periodId), routeId(p.groupId), stage));
  const base = `/truong/${p.schoolId}/cham-diem/${view.period.id}`;
  return (
    <>
      <p className="mb-2 text-sm no-print">
        <Link href={base} className="text-brand-700 hover:underline">
          ← {view.period.name}
        </Link>
      </p>
      <PageHeader
        title={`${view.group.name} – ${STAGE_LABELS[stage]}`}
        subtitle={
          <>
            {view.period.campaignName} · <Badge tone="blue">{PERIOD_STATE_LABELS[view.period.state]}</Badge>
            {!view.editable && <span className="ml-2 text-amber-700">Chỉ xem: bước này chưa mở hoặc đã xác nhận.</span>}
          </>
        }
        actions={
          view.rows.length > 0 ? (
            <Link className={buttonClass("secondary")} href={`${base}/in?to=${view.group.id}`}>
              In phiếu chấm
            </Link>
          ) : undefined
        }
      />
      {view.rows.length === 0 ? <EmptyState>Không có phiếu nào bạn được chấm trong tổ này ở bước này.</EmptyState> : <ScoringGrid view={view} action={saveGridAction} sheetHref={`${base}/phieu`} />}
    </>
  );
}
