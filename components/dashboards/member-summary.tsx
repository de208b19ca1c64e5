// The member's own dashboard (issue 9): registrations, scores at each stage, appeals and the
// tasks given at joint meetings, above the profile on "Hồ sơ của tôi" (awards are listed below it).
import Link from "next/link";
import type { MemberDashboard } from "@/lib/dashboards/member";
import { CAMPAIGN_STATE_LABELS } from "@/lib/campaigns/rules";
import { PERIOD_STATE_LABELS } from "@/lib/scoring/workflow";
import { formatPoints } from "@/lib/scoring/points";
import { formatDate, formatNumber } from "@/lib/format";
import { Badge, Card, EmptyState, Stat } from "@/components/ui/page";
import { TaskDoneForm } from "@/components/plans/task-done-form";

const APPEAL_LABELS = { OPEN: "Đang chờ trả lời", ACCEPTED: "Được chấp nhận", REJECTED: "Không chấp nhận" } as const;
const APPEAL_TONES = { OPEN: "amber", ACCEPTED: "green", REJECTED: "slate" } as const;
const TASK_LABELS = { OPEN: "Đang thực hiện", DONE: "Đã xong", CANCELLED: "Đã hủy" } as const;
const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const td = "px-3 py-1.5 text-sm";

function StageCell({ s }: { s: { totalTenths: number; complete: boolean } | undefined }) {
  if (!s) return <span className="text-slate-500">—</span>;
  return (
    <span className="tabular-nums">
      {formatPoints(s.totalTenths)}
      {!s.complete && <span className="block text-xs text-slate-500">chưa xong</span>}
    </span>
  );
}

export function MemberSummary({ d }: { d: MemberDashboard }) {
  const openAppeals = d.appeals.filter((a) => a.state === "OPEN").length;
  const openTasks = d.tasks.filter((t) => t.status === "OPEN").length;
  return (
    <div className="mb-6 flex min-w-0 flex-col gap-4">
      <h2 className="sr-only">Thi đua của tôi</h2>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Đăng ký thi đua" value={formatNumber(d.registrations.length)} hint="lượt đăng ký danh hiệu" />
        <Stat label="Phiếu chấm điểm" value={formatNumber(d.sheets.length)} hint={openAppeals ? `${formatNumber(openAppeals)} khiếu nại đang chờ` : `${formatNumber(d.appeals.length)} khiếu nại`} />
        <Stat label="Khen thưởng" value={formatNumber(d.awardCount)} hint="danh hiệu, hình thức đã nhận" />
        <Stat label="Việc được giao" value={formatNumber(openTasks)} hint="đang thực hiện, từ họp liên tịch" />
      </div>

      <Card title="Đăng ký thi đua">
        {d.registrations.length === 0 ? (
          <EmptyState>Bạn chưa đăng ký danh hiệu nào.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {d.registrations.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0">
                  <span className="font-medium">{r.title}</span> <span className="text-slate-600">· {r.campaign} · {r.year}</span>
                </span>
                <Badge tone={r.campaignState === "OPEN" ? "green" : "slate"}>{CAMPAIGN_STATE_LABELS[r.campaignState]}</Badge>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm">
          <Link href="/ca-nhan/thi-dua" className="text-brand-700 hover:underline">Thi đua của tôi →</Link>
        </p>
      </Card>

      <Card title="Điểm ở từng bước">
        {d.sheets.length === 0 ? (
          <EmptyState>Bạn chưa có phiếu chấm điểm nào.</EmptyState>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>Đợt chấm</th>
                  <th scope="col" className={`${th} text-right`}>Tự chấm</th>
                  <th scope="col" className={`${th} text-right`}>Tổ chấm</th>
                  <th scope="col" className={`${th} text-right`}>Hội đồng</th>
                  <th scope="col" className={th}>Xếp loại</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.sheets.map((s) => (
                  <tr key={s.id} className="align-top">
                    <th scope="row" className={`${td} min-w-40 text-left font-normal`}>
                      <Link href={`/ca-nhan/thi-dua/${s.id}`} className="font-medium text-brand-700 hover:underline">{s.periodName}</Link>
                      <span className="block text-xs text-slate-500">
                        {s.campaign} · {s.year} · {PERIOD_STATE_LABELS[s.periodState]}
                      </span>
                    </th>
                    <td className={`${td} text-right`}><StageCell s={s.stages.SELF} /></td>
                    <td className={`${td} text-right`}><StageCell s={s.stages.GROUP} /></td>
                    <td className={`${td} text-right`}><StageCell s={s.stages.COUNCIL} /></td>
                    <td className={td}>{s.stages.COUNCIL?.complete ? (s.stages.COUNCIL.classification ?? "Không xếp loại") : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      {d.appeals.length > 0 && (
        <Card title="Khiếu nại về điểm">
          <ul className="divide-y divide-slate-100 text-sm">
            {d.appeals.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0">
                  <Link href={`/ca-nhan/thi-dua/${a.sheetId}`} className="text-brand-700 hover:underline">{a.periodName}</Link>
                  <span className="text-slate-600"> · gửi {formatDate(a.createdAt)}</span>
                  {a.resolution && <span className="block text-slate-600">Trả lời: {a.resolution}</span>}
                </span>
                <Badge tone={APPEAL_TONES[a.state]}>{APPEAL_LABELS[a.state]}</Badge>
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card title="Việc được giao trong họp liên tịch">
        {d.tasks.length === 0 ? (
          <EmptyState>Chưa có việc nào giao cho bạn trong biên bản họp liên tịch.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {d.tasks.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0">
                  <span className="font-medium">{t.content}</span>
                  <span className="block text-slate-600">
                    <Link href={t.href} className="text-brand-700 hover:underline">{t.meetingTitle}</Link>
                    {t.dueOn && ` · hạn ${formatDate(t.dueOn)}`}
                  </span>
                </span>
                <Badge tone={t.status === "OPEN" ? "amber" : t.status === "DONE" ? "green" : "slate"}>{TASK_LABELS[t.status]}</Badge>
                {t.canComplete && <TaskDoneForm taskId={t.id} version={t.version} />}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
