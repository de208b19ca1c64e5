"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { ImportResult } from "@/lib/members/actions";
import type { ActionState } from "@/lib/server/action";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SubmissionKey } from "@/components/ui/submission-key";
import { formatNumber, formatPercent } from "@/lib/format";

/** Where the work is: the file going up (with its bytes), then the server's own stages. */
type Progress = { intent: string; fileName: string } & ({ phase: "upload"; loaded: number; total: number } | { phase: "checking" } | { phase: "writing"; rows: number });

/** Reads the route's answer as it comes: one JSON line per stage, the last one the result. */
function readLines(text: string, onStage: (line: Record<string, unknown>) => void): ActionState | undefined {
  let done: ActionState | undefined;
  for (const raw of text.split("\n")) {
    if (!raw.trim()) continue;
    try {
      const line = JSON.parse(raw) as Record<string, unknown>;
      if (line.done) done = line.state as ActionState;
      else onStage(line);
    } catch {
      // a line still arriving
    }
  }
  return done;
}

/**
 * Upload → check → import, up to the limit said before a file is chosen. The form is sent with
 * XMLHttpRequest to the upload route (…/doan-vien/nhap/tai-len), so a large file shows how much
 * has gone up, then what the server is doing ("đang kiểm tra", "đang ghi N dòng"). The chosen file
 * stays selected after a check: the person ticks "only valid rows" or fixes nothing and imports.
 */
export function ImportForm({ schoolId, listHref, maxRows, maxMegabytes }: { schoolId: string; listHref: string; maxRows: number; maxMegabytes: number }) {
  const [state, setState] = useState<ActionState>(null);
  const [work, setWork] = useState<Progress | null>(null);
  const pending = work !== null;
  const result = state?.ok ? (state.data?.result as ImportResult | undefined) : undefined;
  const fileErrors = state && !state.ok ? state.fieldErrors?.file : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  // After an import, clear the chosen file so the same file is not sent twice by a second click.
  useEffect(() => {
    if (result && result.imported > 0) formRef.current?.reset();
  }, [result]);
  const tone = !state ? "" : !state.ok || (result && result.problems.length > 0 && result.imported === 0) ? "bg-amber-50 text-amber-900" : "bg-green-50 text-green-800";

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const fd = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    const file = fd.get("file");
    const base = { intent: String(fd.get("intent") ?? "check"), fileName: file instanceof File ? file.name : "" };
    setWork({ ...base, phase: "upload", loaded: 0, total: file instanceof File ? file.size : 0 });
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${listHref}/nhap/tai-len`);
    xhr.upload.onprogress = (ev) => setWork({ ...base, phase: "upload", loaded: ev.loaded, total: ev.lengthComputable ? ev.total : ev.loaded });
    xhr.upload.onload = () => setWork({ ...base, phase: "checking" });
    const onStage = (line: Record<string, unknown>) =>
      setWork(line.stage === "writing" ? { ...base, phase: "writing", rows: Number(line.rows) || 0 } : { ...base, phase: "checking" });
    xhr.onprogress = () => readLines(xhr.responseText, onStage);
    xhr.onload = () => {
      const done = readLines(xhr.responseText, () => {});
      setState(done ?? { ok: false, message: xhr.status === 413 ? xhr.responseText.trim() : "Máy chủ không trả lời như mong đợi; chưa rõ tệp đã được nhập chưa. Hãy tải lại trang và xem danh sách." });
      setWork(null);
    };
    xhr.onerror = () => {
      setState({ ok: false, message: "Mất kết nối khi gửi tệp. Hãy kiểm tra mạng rồi thử lại." });
      setWork(null);
    };
    xhr.send(fd);
  }

  return (
    <div className="flex flex-col gap-4">
      <form ref={formRef} onSubmit={onSubmit} encType="multipart/form-data" className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="schoolId" value={schoolId} />
        {/* One import per rendered form: a double click or a resend imports once (lib/server/submission.ts). */}
        <SubmissionKey after={state} />
        <Field name="file" label={`Tệp Excel (.xlsx, tối đa ${formatNumber(maxRows)} dòng, ${maxMegabytes} MB)`} errors={fileErrors} hint={`Mỗi lần nhập tối đa ${formatNumber(maxRows)} đoàn viên; tệp lớn hơn hãy chia thành nhiều tệp.`}>
          <input
            id="file"
            name="file"
            type="file"
            required
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileErrors?.length ? true : undefined}
            aria-describedby="file-error"
            className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-brand-700 hover:file:bg-brand-100"
          />
        </Field>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="validOnly" className="mt-0.5 h-4 w-4" />
          <span>
            Chỉ nhập các dòng hợp lệ
            <span className="block text-xs text-slate-500">Không chọn: nếu còn dòng chưa hợp lệ thì không nhập dòng nào.</span>
          </span>
        </label>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="check" variant="secondary" disabled={pending}>
            {pending && work?.intent === "check" ? "Đang kiểm tra…" : "Kiểm tra tệp"}
          </Button>
          <Button type="submit" name="intent" value="import" disabled={pending}>
            Nhập đoàn viên
          </Button>
        </div>
      </form>

      {work && (
        <div aria-live="polite" className="flex flex-col gap-2 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800" data-testid="import-progress">
          <span data-stage={work.phase}>
            {work.phase === "upload"
              ? `Đang tải lên “${work.fileName}”: ${formatNumber(Math.round(work.loaded / 1024))} / ${formatNumber(Math.max(1, Math.round(work.total / 1024)))} KB (${formatPercent(work.total ? work.loaded / work.total : 0, 0)}).`
              : work.phase === "checking"
                ? `Đã tải lên. Đang kiểm tra từng dòng của “${work.fileName}”…`
                : `Tệp hợp lệ. Đang ghi ${formatNumber(work.rows)} đoàn viên (theo từng lô 1.000 dòng, tất cả trong một lần: lỗi giữa chừng thì không dòng nào được ghi)…`}{" "}
            {work.phase !== "upload" && "Tệp lớn có thể mất đến một phút; đừng đóng trang."}
          </span>
          {work.phase === "upload" ? (
            <progress className="h-2 w-full accent-brand-600" max={Math.max(1, work.total)} value={work.loaded} aria-label="Tiến độ tải tệp lên" />
          ) : (
            // The server's stage has no percentage: an indeterminate bar, with the stage in words.
            <progress className="h-2 w-full accent-brand-600" aria-label={work.phase === "writing" ? "Đang ghi" : "Đang kiểm tra"} />
          )}
        </div>
      )}

      {state?.message && (
        <p role={state.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${tone}`}>
          {state.message}
          {result && result.imported > 0 && (
            <>
              {" "}
              <Link href={listHref} className="font-medium underline">
                Xem danh sách
              </Link>
            </>
          )}
        </p>
      )}

      {result && (
        <section aria-labelledby="report-title" className="flex flex-col gap-3">
          <h2 id="report-title" className="text-base font-semibold">
            Kết quả kiểm tra
          </h2>
          <p className="text-sm text-slate-700">
            {formatNumber(result.total)} dòng dữ liệu · {formatNumber(result.valid)} hợp lệ · {formatNumber(result.total - result.valid)} chưa hợp lệ
            {result.imported > 0 && ` · đã nhập ${formatNumber(result.imported)}`}
          </p>
          {result.problems.length > 0 && (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Các dòng chưa hợp lệ</caption>
                <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col" className="px-3 py-2">Dòng</th>
                    <th scope="col" className="px-3 py-2">Họ và tên</th>
                    <th scope="col" className="px-3 py-2">Cột</th>
                    <th scope="col" className="px-3 py-2">Giá trị</th>
                    <th scope="col" className="px-3 py-2">Vấn đề</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {result.problems.map((p, i) => (
                    <tr key={i}>
                      <td className="px-3 py-2 tabular-nums">{p.row}</td>
                      <td className="px-3 py-2">{p.name || <span className="text-slate-600">(trống)</span>}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{p.column}</td>
                      <td className="px-3 py-2 break-all">{p.value ? <code className="rounded bg-slate-100 px-1">{p.value}</code> : <span className="text-slate-600">(trống)</span>}</td>
                      <td className="px-3 py-2">{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
