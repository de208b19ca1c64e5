import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getMeetingDetail } from "@/lib/meetings/queries";
import { ATTENDEE_ROLE_LABELS, MEETING_KIND_LABELS, MEETING_STATUS_LABELS } from "@/lib/meetings/rules";
import { formatDate, formatDateTime, toDateInput } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/server/page";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { AddTaskForm, FollowUpForm, MeetingStateForm, MinutesForm, type MinutesValues } from "@/components/plans/meeting-forms";
import { TaskTable } from "@/components/plans/task-table";

export const metadata: Metadata = { title: "Họp liên tịch" };

function Text({ label, text }: { label: string; text: string | null }) {
  return (
    <div className="mb-3">
      <h3 className="text-sm font-semibold text-slate-700">{label}</h3>
      {text ? <p className="whitespace-pre-line text-sm">{text}</p> : <p className="text-sm text-slate-500">—</p>}
    </div>
  );
}

/** One joint meeting: its minutes (written by the principal and the chair), tasks and follow-up. */
export default async function MeetingPage({ params }: { params: Promise<{ schoolId: string; meetingId: string }> }) {
  // A place the viewer works in with meeting.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("meeting.read", { school: (await params).schoolId, within: true });
  const { schoolId, meetingId } = await params;
  const sid = routeId(schoolId);
  const d = await orNotFound(getMeetingDetail(viewer, sid, routeId(meetingId)));
  const m = d.meeting;
  const base = `/truong/${sid}/hop-lien-tich`;
  const href = `${base}/${m.id}`;
  const editable = d.actions.includes("record");
  const att = (role: keyof typeof ATTENDEE_ROLE_LABELS) => m.attendees.find((a) => a.role === role);
  const vn = m.heldAt ? new Date(m.heldAt.getTime() + 7 * 3600_000) : null;
  const values: MinutesValues = {
    heldOn: toDateInput(vn ? new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate())) : m.scheduledOn),
    heldTime: vn ? `${String(vn.getUTCHours()).padStart(2, "0")}:${String(vn.getUTCMinutes()).padStart(2, "0")}` : "14:00",
    location: m.location ?? "Phòng họp Hội đồng",
    docNumber: m.docNumber ?? "",
    chairName: m.chairName ?? d.defaults.principal ?? "",
    secretaryName: m.secretaryName ?? "",
    attendees: {
      principal: { name: att("PRINCIPAL")?.name ?? d.defaults.principal ?? "", present: att("PRINCIPAL")?.present ?? true },
      partySecretary: { name: att("PARTY_SECRETARY")?.name ?? "", present: att("PARTY_SECRETARY")?.present ?? true },
      unionChair: { name: att("UNION_CHAIR")?.name ?? d.defaults.chair ?? "", present: att("UNION_CHAIR")?.present ?? true },
      youthUnion: { name: att("YOUTH_UNION")?.name ?? "", present: att("YOUTH_UNION")?.present ?? true },
      pioneerLeader: { name: att("PIONEER_LEADER")?.name ?? "", present: att("PIONEER_LEADER")?.present ?? true },
    },
    others: m.attendees
      .filter((a) => a.role === "OTHER")
      .map((a) => (a.title ? `${a.name} – ${a.title}` : a.name))
      .join("\n"),
    agenda: m.agenda ?? "",
    discussion: m.discussion ?? "",
    decisions: m.decisions ?? "",
  };
  const carriedOpen = d.carried;
  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={
          <>
            {m.school.name} · năm học {m.schoolYear.label} ·{" "}
            <Link className="text-brand-700 hover:underline" href={`${base}?nam=${m.schoolYear.id}`}>
              Tất cả cuộc họp
            </Link>
          </>
        }
        actions={
          <>
            <a className={buttonClass("secondary")} href={`${href}/pdf`}>
              Tải PDF biên bản
            </a>
            <Link className={buttonClass("secondary")} href={`${href}/in`}>
              Bản in
            </Link>
          </>
        }
      />
      <Card className="mb-6">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Badge tone={m.status === "CLOSED" ? "green" : m.status === "HELD" ? "amber" : m.status === "CANCELLED" ? "red" : "slate"}>{MEETING_STATUS_LABELS[m.status]}</Badge>
          <span>{MEETING_KIND_LABELS[m.kind]}</span>
          <span>Dự kiến ngày {formatDate(m.scheduledOn)}</span>
          {m.heldAt && <span>· họp lúc {formatDateTime(m.heldAt)}</span>}
          {m.closedAt && <span>· chốt biên bản lúc {formatDateTime(m.closedAt)}</span>}
        </div>
        {(d.actions.includes("close") || d.actions.includes("cancel")) && (
          <div className="mt-4 flex flex-wrap gap-3">
            {d.actions.includes("close") && <MeetingStateForm meetingId={m.id} version={m.version} action="close" />}
            {d.actions.includes("cancel") && <MeetingStateForm meetingId={m.id} version={m.version} action="cancel" />}
          </div>
        )}
      </Card>

      {carriedOpen.length > 0 && (
        <Card title="Kiểm điểm nhiệm vụ các cuộc họp trước" className="mb-6">
          {editable ? (
            <ul className="space-y-4">
              {carriedOpen.map((t) => (
                <li key={t.id} className="rounded-md border border-slate-100 p-2 text-sm">
                  <div className="mb-1">
                    <span className="font-medium">{t.content}</span> – {t.ownerName}
                    {t.dueOn && <span className="text-slate-600"> · hạn {formatDate(t.dueOn)}</span>} {t.overdue && <Badge tone="red">Quá hạn</Badge>}
                    <div className="text-xs text-slate-500">{t.meeting.title}</div>
                  </div>
                  <FollowUpForm task={t} meetingId={m.id} />
                </li>
              ))}
            </ul>
          ) : (
            <TaskTable tasks={carriedOpen} showMeeting base={base} />
          )}
        </Card>
      )}

      <Card title="Biên bản" className="mb-6">
        {editable ? (
          <MinutesForm meetingId={m.id} version={m.version} values={values} />
        ) : m.status === "PLANNED" || m.status === "CANCELLED" ? (
          <EmptyState>Chưa có biên bản.</EmptyState>
        ) : (
          <>
            <p className="mb-3 text-sm">
              Số {m.docNumber ?? "—"} · {m.location ?? ""} · Chủ trì: {m.chairName ?? "—"} · Thư ký: {m.secretaryName ?? "—"}
            </p>
            <div className="mb-3">
              <h3 className="text-sm font-semibold text-slate-700">Thành phần</h3>
              <ul className="text-sm">
                {m.attendees.map((a) => (
                  <li key={a.id}>
                    {a.name} – {a.role === "OTHER" ? (a.title ?? "") : ATTENDEE_ROLE_LABELS[a.role]}
                    {!a.present && <span className="text-red-700"> (vắng)</span>}
                  </li>
                ))}
              </ul>
            </div>
            <Text label="Nội dung" text={m.agenda} />
            <Text label="Ý kiến thảo luận" text={m.discussion} />
            <Text label="Kết luận" text={m.decisions} />
          </>
        )}
      </Card>

      <Card title="Nhiệm vụ được giao tại cuộc họp" className="mb-6">
        {d.tasks.length ? <TaskTable tasks={d.tasks} base={base} completable={d.actions.includes("add_task") || d.canManage} /> : <p className="text-sm text-slate-500">Chưa giao nhiệm vụ nào.</p>}
        {d.actions.includes("add_task") && (
          <div className="mt-4 border-t border-slate-100 pt-3">
            <AddTaskForm meetingId={m.id} />
          </div>
        )}
      </Card>
    </>
  );
}
