"use client";
// Evidence files of a sheet: download links (through the permission-checked route), upload with
// an optional criterion, and removal of one's own files while scoring is open.
import { useActionState } from "react";
import type { ActionState } from "@/lib/server/action";
import { EVIDENCE_ACCEPT, MAX_EVIDENCE_BYTES } from "@/lib/evidence/rules";
import { formatDateTime } from "@/lib/format";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { SubmissionKey } from "@/components/ui/submission-key";
import { inputClass } from "@/components/ui/field";

interface Item {
  id: string;
  criterionKey: string | null;
  fileName: string;
  sizeBytes: number;
  createdAt: Date;
  uploadedBy: string;
  mine: boolean;
}

export function EvidencePanel({
  schoolId,
  sheetId,
  items,
  criteria,
  canUpload,
  uploadAction,
  deleteAction,
}: {
  schoolId: string;
  sheetId: string;
  items: Item[];
  criteria: { key: string; name: string; evidenceRequired: boolean }[];
  canUpload: boolean;
  uploadAction: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  deleteAction: (prev: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const [state, formAction] = useActionState(uploadAction, null);
  const [delState, delAction] = useActionState(deleteAction, null);
  const name = (k: string | null) => criteria.find((c) => c.key === k)?.name ?? "Chung";
  const missing = criteria.filter((c) => c.evidenceRequired && !items.some((i) => i.criterionKey === c.key));
  return (
    <div className="flex flex-col gap-3 text-sm">
      {missing.length > 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-800">Tiêu chí cần minh chứng chưa có tệp: {missing.map((c) => c.name).join("; ")}.</p>
      )}
      {items.length === 0 ? (
        <p className="text-slate-500">Chưa có minh chứng.</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {items.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center gap-2">
              <a className="text-brand-700 underline" href={`/truong/${schoolId}/cham-diem/minh-chung/${i.id}`} download>
                {i.fileName}
              </a>
              <span className="text-xs text-slate-500">
                {name(i.criterionKey)} · {Math.ceil(i.sizeBytes / 1024)} KB · {i.uploadedBy} · {formatDateTime(i.createdAt)}
              </span>
              {i.mine && canUpload && (
                <form action={delAction}>
                  <input type="hidden" name="evidenceId" value={i.id} />
                  <ConfirmSubmit
                    label="Xóa"
                    title={`Xóa tệp minh chứng “${i.fileName}”?`}
                    message="Tệp sẽ bị xóa khỏi phiếu chấm và không khôi phục được."
                    confirmLabel="Xóa tệp"
                    triggerClassName="text-xs text-red-700 hover:underline"
                  />
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormMessage state={delState} />
      {canUpload && (
        <form action={formAction} className="flex flex-col gap-2 rounded-md border border-dashed border-slate-300 p-3">
          <input type="hidden" name="sheetId" value={sheetId} />
          <SubmissionKey after={state} />
          <label className="flex flex-col gap-1">
            <span className="font-medium">Tiêu chí</span>
            <select name="criterionKey" className={inputClass} defaultValue="">
              <option value="">Chung cho cả phiếu</option>
              {criteria.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                  {c.evidenceRequired ? " (cần minh chứng)" : ""}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="font-medium">Tệp (ảnh, PDF, Word, Excel, PowerPoint; tối đa {MAX_EVIDENCE_BYTES / 1024 / 1024} MB)</span>
            <input type="file" name="file" required accept={EVIDENCE_ACCEPT} className="text-sm" aria-describedby="file-error" />
          </label>
          <div id="file-error">{!state?.ok && state?.fieldErrors?.file?.map((m) => <p key={m} className="text-red-700">{m}</p>)}</div>
          <div>
            <SubmitButton pendingText="Đang tải lên…">Tải lên minh chứng</SubmitButton>
          </div>
          <FormMessage state={state} />
        </form>
      )}
    </div>
  );
}
