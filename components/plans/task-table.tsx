import Link from "next/link";
import { SIDE_LABELS } from "@/lib/plans/content";
import { TASK_STATUS_LABELS } from "@/lib/meetings/rules";
import { formatDate } from "@/lib/format";
import { Badge } from "@/components/ui/page";
import { TaskDoneForm } from "./task-done-form";

export interface TaskRow {
  id: string;
  content: string;
  ownerName: string;
  ownerSide: "GOV" | "UNION" | "BOTH";
  dueOn: Date | null;
  status: "OPEN" | "DONE" | "CANCELLED";
  followUp: string | null;
  version?: number;
  overdue?: boolean;
  meeting: { id: string; title: string };
}

/** Tasks with owner, side, due date and status; overdue ones marked; "đã hoàn thành" for those who run the meetings. */
export function TaskTable({ tasks, showMeeting, base, completable }: { tasks: TaskRow[]; showMeeting?: boolean; base: string; completable?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th className="py-2 pr-3">Nhiệm vụ</th>
            <th className="py-2 pr-3">Người thực hiện</th>
            <th className="py-2 pr-3">Hạn</th>
            <th className="py-2">Kết quả</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => (
            <tr key={t.id} className="border-b border-slate-100 align-top">
              <td className="py-2 pr-3">
                {t.content}
                {showMeeting && (
                  <div className="text-xs">
                    <Link className="text-brand-700 hover:underline" href={`${base}/${t.meeting.id}`}>
                      {t.meeting.title}
                    </Link>
                  </div>
                )}
              </td>
              <td className="py-2 pr-3">
                {t.ownerName}
                <div className="text-xs text-slate-500">{SIDE_LABELS[t.ownerSide]}</div>
              </td>
              <td className="whitespace-nowrap py-2 pr-3">
                {t.dueOn ? formatDate(t.dueOn) : "—"} {(t.overdue ?? true) && t.status === "OPEN" && t.dueOn && t.dueOn < new Date() && <Badge tone="red">Quá hạn</Badge>}
              </td>
              <td className="py-2">
                {TASK_STATUS_LABELS[t.status]}
                {t.followUp && <div className="text-xs text-slate-600">{t.followUp}</div>}
                {completable && t.status === "OPEN" && t.version !== undefined && <TaskDoneForm taskId={t.id} version={t.version} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
