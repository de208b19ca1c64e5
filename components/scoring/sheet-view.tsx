// One member's sheet, for whoever may see it: the breakdown at every stage, the form for the
// stage the viewer may enter now, evidence, appeals (member: send; chair: resolve), recusal and
// amendments after confirmation. Server component; the forms inside are client components.
import type { SheetDetail } from "@/lib/scoring/queries";
import { allCriteria } from "@/lib/scoring/scale";
import { formatDate, formatDateTime } from "@/lib/format";
import { PERIOD_STATE_LABELS, STAGE_LABELS } from "@/lib/scoring/workflow";
import { amendStageAction, createAppealAction, recuseAction, resolveAppealAction, saveStageAction } from "@/lib/scoring/actions";
import { deleteEvidenceAction, uploadEvidenceAction } from "@/lib/evidence/actions";
import { Badge, Card } from "@/components/ui/page";
import { inputClass } from "@/components/ui/field";
import { StageBreakdown } from "./stage-breakdown";
import { StageEditor } from "./stage-editor";
import { EvidencePanel } from "./evidence-panel";
import { ActionForm } from "./action-form";

const APPEAL_LABELS = { OPEN: "Đang chờ giải quyết", ACCEPTED: "Được chấp nhận", REJECTED: "Không được chấp nhận" } as const;

export function SheetView({ d }: { d: SheetDetail }) {
  const editing = d.can.editStage;
  const current = editing ? d.stages[editing] : undefined;
  const refs = [
    ...(editing !== "SELF" && d.stages.SELF ? [{ label: "Tự chấm", data: d.stages.SELF.data }] : []),
    ...(editing === "COUNCIL" && d.stages.GROUP ? [{ label: "Tổ chấm", data: d.stages.GROUP.data }] : []),
  ];
  const criteria = allCriteria(d.scale).map((c) => ({ key: c.key, name: c.name, evidenceRequired: c.evidenceRequired }));
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-slate-600">
        <Badge tone="blue">{PERIOD_STATE_LABELS[d.period.state]}</Badge> <span className="ml-1">{d.period.campaignName}</span>
        {d.period.appealDeadline && <span className="ml-2">Hạn khiếu nại: {formatDateTime(d.period.appealDeadline)}</span>}
      </p>

      {editing && (
        <Card title={editing === "SELF" ? "Tự đánh giá" : `${STAGE_LABELS[editing]} – nhập điểm`}>
          <StageEditor
            action={saveStageAction}
            scale={d.scale}
            sheetId={d.sheet.id}
            stage={editing}
            version={current?.version ?? 0}
            initial={current?.data ?? null}
            explanation={current?.explanation}
            references={refs}
            submitLabel={editing === "SELF" ? "Lưu phiếu tự đánh giá" : "Lưu điểm"}
          />
        </Card>
      )}

      <Card title="Bảng điểm qua các bước">
        <StageBreakdown scale={d.scale} stages={d.stages} />
      </Card>

      {d.can.amend && (
        <Card title="Sửa điểm hội đồng sau khi đã xác nhận">
          <p className="mb-3 text-sm text-slate-600">Số liệu đã niêm phong không đổi; lần sửa này được lưu riêng cùng lý do và ghi nhật ký.</p>
          <StageEditor action={amendStageAction} scale={d.scale} sheetId={d.sheet.id} stage="COUNCIL" version={d.stages.COUNCIL?.version ?? 0} initial={d.stages.COUNCIL?.data ?? null} explanation={d.stages.COUNCIL?.explanation} amend submitLabel="Lưu điểm đã sửa" />
        </Card>
      )}

      <Card title="Minh chứng">
        <EvidencePanel schoolId={d.period.schoolId} sheetId={d.sheet.id} items={d.evidence} criteria={criteria} canUpload={d.can.upload} uploadAction={uploadEvidenceAction} deleteAction={deleteEvidenceAction} />
      </Card>

      <Card title="Khiếu nại">
        {d.appeals.length === 0 && <p className="text-sm text-slate-500">Chưa có khiếu nại.</p>}
        <ul className="flex flex-col gap-3">
          {d.appeals.map((a) => (
            <li key={a.id} className="rounded-md border border-slate-200 p-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={a.state === "OPEN" ? "amber" : a.state === "ACCEPTED" ? "green" : "slate"}>{APPEAL_LABELS[a.state]}</Badge>
                <span className="text-slate-500">{formatDateTime(a.createdAt)}</span>
              </div>
              <p className="mt-1 whitespace-pre-line">{a.text}</p>
              {a.resolution && (
                <p className="mt-2 rounded bg-slate-50 p-2" data-testid="appeal-resolution">
                  <span className="font-medium">Trả lời ({formatDateTime(a.resolvedAt)}):</span> {a.resolution}
                </p>
              )}
              {a.state === "OPEN" && d.can.resolve && (
                <ActionForm action={resolveAppealAction} hidden={{ appealId: a.id, version: a.version }} label="Trả lời khiếu nại" className="mt-2">
                  <fieldset className="flex gap-4">
                    <legend className="sr-only">Quyết định</legend>
                    <label className="flex items-center gap-1">
                      <input type="radio" name="decision" value="ACCEPTED" required /> Chấp nhận
                    </label>
                    <label className="flex items-center gap-1">
                      <input type="radio" name="decision" value="REJECTED" /> Không chấp nhận
                    </label>
                  </fieldset>
                  <label className="flex flex-col gap-1">
                    <span className="font-medium">Lý do</span>
                    <textarea name="resolution" required rows={2} className={inputClass} />
                  </label>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
        {d.can.appeal && (
          <ActionForm once action={createAppealAction} hidden={{ sheetId: d.sheet.id }} label="Gửi khiếu nại" className="mt-3">
            <label className="flex flex-col gap-1 text-sm">
              <span className="font-medium">Nội dung khiếu nại (hạn {formatDate(d.period.appealDeadline)})</span>
              <textarea name="text" required rows={3} className={inputClass} />
            </label>
          </ActionForm>
        )}
      </Card>

      {(d.can.recuse.length > 0 || d.recusals.length > 0) && (
        <Card title="Không tham gia chấm">
          {d.recusals.map((r, i) => (
            <p key={i} className="text-sm">
              {STAGE_LABELS[r.stage]}: {r.mine ? "bạn" : "một người chấm"} không tham gia – {r.reason}
            </p>
          ))}
          {d.can.recuse.length > 0 && (
            <ActionForm action={recuseAction} hidden={{ sheetId: d.sheet.id }} label="Xin không chấm phiếu này" variant="secondary" className="mt-2">
              <label className="flex flex-col gap-1 text-sm">
                <span className="font-medium">Bước</span>
                <select name="stage" className={inputClass}>
                  {d.can.recuse.map((s) => (
                    <option key={s} value={s}>
                      {STAGE_LABELS[s]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm">
                <span className="font-medium">Lý do (được ghi lại)</span>
                <input name="reason" required className={inputClass} />
              </label>
            </ActionForm>
          )}
        </Card>
      )}

      {d.amendments.length > 0 && (
        <Card title="Các lần sửa điểm sau xác nhận">
          <ul className="text-sm">
            {d.amendments.map((a) => (
              <li key={a.id}>
                {formatDateTime(a.createdAt)} – {a.amendedBy} ({STAGE_LABELS[a.stage]}): {a.reason}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
