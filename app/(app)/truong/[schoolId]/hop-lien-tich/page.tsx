import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { listMeetings } from "@/lib/meetings/queries";
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS } from "@/lib/meetings/rules";
import { formatDate } from "@/lib/format";
import { orNotFound, routeId, textParam } from "@/lib/server/page";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { CreateMeetingForm, GenerateMeetingsForm } from "@/components/plans/meeting-forms";
import { TaskTable } from "@/components/plans/task-table";
import { YearTabs } from "@/components/plans/year-tabs";

export const metadata: Metadata = { title: "Họp liên tịch" };

const TONE = { PLANNED: "slate", HELD: "amber", CLOSED: "green", CANCELLED: "red" } as const;

/**
 * A school's joint meetings of a school year (meeting.read: closed minutes; principal and
 * union chair see and run them all), with the overdue tasks of both sides.
 */
export default async function MeetingsPage({ params, searchParams }: { params: Promise<{ schoolId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // A place the viewer works in with meeting.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("meeting.read", { school: (await params).schoolId, within: true });
  const sid = routeId((await params).schoolId);
  const r = await orNotFound(listMeetings(viewer, sid, textParam((await searchParams).nam, 64)));
  const base = `/truong/${r.school.id}/hop-lien-tich`;
  return (
    <>
      <PageHeader
        title="Họp liên tịch"
        subtitle={
          <>
            <Link href={`/truong/${r.school.id}`} className="hover:underline">
              {r.school.name}
            </Link>{" "}
            ·{" "}
            <Link href={`/truong/${r.school.id}/ke-hoach${r.year ? `?nam=${r.year.id}` : ""}`} className="text-brand-700 hover:underline">
              Kế hoạch phối hợp
            </Link>
          </>
        }
      />
      <YearTabs years={r.years} current={r.year?.id ?? null} path={base} />
      {r.overdue.length > 0 && (
        <Card title={`Nhiệm vụ quá hạn (${r.overdue.length})`} className="mb-6 border-red-200">
          <TaskTable tasks={r.overdue} showMeeting base={base} completable={r.canManage} />
        </Card>
      )}
      {r.meetings.length === 0 ? (
        <EmptyState>{r.canManage ? "Chưa có cuộc họp nào trong năm học này." : "Chưa có biên bản họp liên tịch nào được chốt trong năm học này."}</EmptyState>
      ) : (
        <Card className="mb-6">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th className="py-2 pr-3">Ngày</th>
                  <th className="py-2 pr-3">Cuộc họp</th>
                  <th className="py-2 pr-3">Loại</th>
                  <th className="py-2 pr-3">Nhiệm vụ</th>
                  <th className="py-2">Trạng thái</th>
                </tr>
              </thead>
              <tbody>
                {r.meetings.map((m) => (
                  <tr key={m.id} className="border-b border-slate-100">
                    <td className="whitespace-nowrap py-2 pr-3">{formatDate(m.heldAt ?? m.scheduledOn)}</td>
                    <td className="py-2 pr-3">
                      <Link className="text-brand-700 hover:underline" href={`${base}/${m.id}`}>
                        {m.title}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">{MEETING_KIND_LABELS[m.kind]}</td>
                    <td className="py-2 pr-3">{m._count.tasks}</td>
                    <td className="py-2">
                      <Badge tone={TONE[m.status]}>{MEETING_STATUS_LABELS[m.status]}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      {r.canManage && r.year && (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Họp định kỳ hằng tháng">
            {r.regime ? (
              <GenerateMeetingsForm schoolId={r.school.id} schoolYearId={r.year.id} day={r.regime.meetingDay} />
            ) : (
              <p className="text-sm text-slate-600">
                Chưa có kế hoạch phối hợp năm học {r.year.label}.{" "}
                <Link className="text-brand-700 underline" href={`/truong/${r.school.id}/ke-hoach?nam=${r.year.id}`}>
                  Lập kế hoạch
                </Link>{" "}
                để có chế độ họp.
              </p>
            )}
          </Card>
          <Card title="Họp bất thường">
            <CreateMeetingForm schoolId={r.school.id} schoolYearId={r.year.id} />
          </Card>
        </div>
      )}
    </>
  );
}
