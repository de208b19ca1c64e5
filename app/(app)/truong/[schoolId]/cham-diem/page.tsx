import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { listPeriods } from "@/lib/scoring/queries";
import { SCHOOL_BRIEF, schoolFor } from "@/lib/authz/load";
import { getDb } from "@/lib/server/db";
import { orNotFound, routeId } from "@/lib/server/page";
import { formatDate } from "@/lib/format";
import { PERIOD_STATE_LABELS } from "@/lib/scoring/workflow";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";

export const metadata: Metadata = { title: "Chấm điểm thi đua" };

/** The school's scoring periods (scoring.read: members see theirs via their own page). */
export default async function ScoringPeriodsPage({ params }: { params: Promise<{ schoolId: string }> }) {
  // A place the viewer works in with scoring.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("scoring.read", { school: (await params).schoolId, within: true });
  const schoolId = routeId((await params).schoolId);
  const school = await orNotFound(getDb().then((db) => schoolFor(viewer, schoolId, "scoring.read", db, SCHOOL_BRIEF)));
  const periods = await listPeriods(viewer, school.id);
  return (
    <>
      <PageHeader title="Chấm điểm thi đua" subtitle={school.name} />
      <Card>
        {periods.length === 0 ? (
          <EmptyState>Chưa có kỳ chấm điểm. Chủ tịch công đoàn tạo kỳ chấm trong trang phong trào khi phong trào chuyển sang giai đoạn chấm điểm.</EmptyState>
        ) : (
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2">Kỳ chấm</th>
                <th>Phong trào</th>
                <th>Thời gian</th>
                <th>Trạng thái</th>
                <th className="text-right">Phiếu</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.id} className="border-t border-slate-200">
                  <td className="py-2">
                    <Link className="font-medium text-brand-700 hover:underline" href={`/truong/${school.id}/cham-diem/${p.id}`}>
                      {p.name}
                    </Link>
                  </td>
                  <td>{p.campaign.name}</td>
                  <td>
                    {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
                  </td>
                  <td>
                    <Badge tone={p.state === "CLOSED" ? "slate" : "blue"}>{PERIOD_STATE_LABELS[p.state]}</Badge>
                  </td>
                  <td className="text-right">{p._count.sheets}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
