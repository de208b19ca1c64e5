// The chair's controls on a period: confirm and seal the current stage (with the appeal deadline
// when sealing the council stage), take group scores as council scores, close, add missing sheets.
import type { PeriodOverview } from "@/lib/scoring/queries";
import { closePeriodAction, confirmGroupScoresAction, sealStageAction, syncSheetsAction } from "@/lib/scoring/actions";
import { ActionForm } from "./action-form";
import { DateInput } from "@/components/ui/date-input";

const SEAL_LABELS = {
  SELF_ASSESSMENT: "Kết thúc tự chấm, chuyển tổ chấm",
  GROUP_SCORING: "Xác nhận điểm tổ, chuyển hội đồng xét",
  COUNCIL_REVIEW: "Hội đồng xác nhận, mở nhận khiếu nại",
} as const;

export function PeriodControls({ o }: { o: PeriodOverview }) {
  const p = o.period;
  const state = p.state;
  if (!o.can.manage && !o.can.council) return null;
  return (
    <div className="flex flex-wrap items-start gap-6">
      {o.can.council && state === "COUNCIL_REVIEW" && (
        <ActionForm action={confirmGroupScoresAction} hidden={{ periodId: p.id }} label="Lấy điểm tổ làm điểm hội đồng (phiếu chưa chấm)" variant="secondary" />
      )}
      {o.can.seal && state !== "APPEALS" && state !== "CLOSED" && (
        <ActionForm action={sealStageAction} hidden={{ periodId: p.id, version: p.version }} label={SEAL_LABELS[state]} confirm="Số liệu của bước này sẽ được niêm phong và không sửa được nữa. Tiếp tục?">
          {state === "COUNCIL_REVIEW" && (
            <DateInput name="appealDeadline" id={`appealDeadline-${p.id}`} label="Hạn nhận khiếu nại (dd/mm/yyyy)" required className="w-56 text-sm" />
          )}
        </ActionForm>
      )}
      {o.can.close && (
        <ActionForm action={closePeriodAction} hidden={{ periodId: p.id, version: p.version }} label="Khóa sổ kỳ chấm" variant="danger" confirm="Sau khi khóa sổ, mọi thay đổi điểm phải ghi lý do. Khóa sổ?" />
      )}
      {o.can.manage && state === "SELF_ASSESSMENT" && <ActionForm action={syncSheetsAction} hidden={{ periodId: p.id }} label="Thêm phiếu cho đoàn viên mới" variant="secondary" />}
    </div>
  );
}
