// Papers of a nomination dossier: what each is, its reference, its file (name, size, a download
// through the permission-checked route of the page it is shown on), removal while the school may
// edit; and the form that adds one (a reference, a file, or both).
import type { DossierPaper } from "@/lib/nominations/queries";
import { addDocumentAction, deleteDocumentAction } from "@/lib/nominations/actions";
import { DOC_LABELS, type DocKind } from "@/lib/awards/rules-dossier";
import { EVIDENCE_ACCEPT, MAX_EVIDENCE_BYTES } from "@/lib/evidence/rules";
import { formatNumber } from "@/lib/format";
import { inputClass } from "@/components/ui/field";
import { ActionForm } from "./action-form";

/** "820 KB", "1,4 MB" (Vietnamese decimal comma). */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.ceil(bytes / 1024)))} KB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

export function DossierPaperList({ papers, fileBase, canDelete, className = "" }: { papers: DossierPaper[]; fileBase: string; canDelete: boolean; className?: string }) {
  if (!papers.length) return null;
  return (
    <ul className={`space-y-1 ${className}`} aria-label="Tài liệu đã bổ sung">
      {papers.map((d) => (
        <li key={d.id} className="text-slate-700" data-testid="ho-so-tai-lieu">
          • {d.label}: {d.title}
          {d.reference ? ` (${d.reference})` : ""}
          {d.file && (
            <>
              {" · "}
              <a href={`${fileBase}/${d.id}`} download className="text-brand-700 underline">
                {d.file.name}
              </a>{" "}
              <span className="text-slate-500">({fileSize(d.file.sizeBytes)})</span>
            </>
          )}
          {canDelete && <ActionForm action={deleteDocumentAction} hidden={{ documentId: d.id }} label="Gỡ" variant="secondary" className="ml-2 inline-flex" inline confirm={`Gỡ "${d.title}" khỏi hồ sơ?`} />}
        </li>
      ))}
    </ul>
  );
}

export function AddPaperForm({ packageId, itemId, kinds, defaultKind, className = "" }: { packageId: string; itemId?: string; kinds: readonly DocKind[]; defaultKind: DocKind; className?: string }) {
  const hidden: Record<string, string> = itemId ? { packageId, itemId } : { packageId };
  return (
    <ActionForm action={addDocumentAction} once hidden={hidden} label="Bổ sung tài liệu" variant="secondary" className={className}>
      <label className="flex flex-col gap-1 text-xs">
        Loại
        <select name="kind" className={inputClass} defaultValue={defaultKind}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {DOC_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs">
        Tên tài liệu
        <input name="title" className={inputClass} required />
      </label>
      <label className="flex flex-col gap-1 text-xs">
        Số, ký hiệu hoặc nơi lưu
        <input name="reference" className={inputClass} />
      </label>
      <label className="flex flex-col gap-1 text-xs">
        Tệp đính kèm (không bắt buộc; ảnh, PDF, Word, Excel, PowerPoint; tối đa {MAX_EVIDENCE_BYTES / 1024 / 1024} MB)
        <input type="file" name="file" accept={EVIDENCE_ACCEPT} className="text-xs" />
      </label>
    </ActionForm>
  );
}
