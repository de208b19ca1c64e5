"use client";
// One sheet at one stage: the member's self-assessment (works on a phone), or the per-member view
// of a group leader / the council, or an amendment after confirmation (with a reason). Totals,
// floors and classification are live, from the same pure functions the server runs again.
import { useActionState, useMemo, useState } from "react";
import type { ActionState } from "@/lib/server/action";
import { computeStage, validateStageData, type Entry, type StageData } from "@/lib/scoring/rules";
import type { ScaleDefinition } from "@/lib/scoring/scale";
import { formatPoints, parsePoints } from "@/lib/scoring/points";
import { cellText } from "@/lib/scoring/cells";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { inputClass } from "@/components/ui/field";
import { ResultSummary } from "./result-summary";

type Cell = { state: Entry["state"] | ""; text: string; pass: "" | "1" | "0" };

function toCells(scale: ScaleDefinition, data: StageData): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const g of scale.groups)
    for (const c of g.criteria) {
      const e = data.entries[c.key];
      out[c.key] = !e ? { state: "", text: "", pass: "" } : { state: e.state, text: e.state === "SCORED" && e.points !== undefined ? formatPoints(e.points) : "", pass: e.pass === undefined ? "" : e.pass ? "1" : "0" };
    }
  return out;
}

export function StageEditor({
  action,
  scale,
  sheetId,
  stage,
  version,
  initial,
  explanation,
  references,
  amend = false,
  submitLabel = "Lưu",
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  scale: ScaleDefinition;
  sheetId: string;
  stage: "SELF" | "GROUP" | "COUNCIL";
  version: number;
  initial: StageData | null;
  explanation?: string | null;
  /** Other stages' numbers shown beside each criterion (e.g. "Tự chấm"). */
  references?: { label: string; data: StageData }[];
  amend?: boolean;
  submitLabel?: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const start = initial ?? { entries: {}, deductions: [], bonus: {}, disqualifiers: [] };
  const [cells, setCells] = useState(() => toCells(scale, start));
  const [deductions, setDeductions] = useState(start.deductions.map((d) => ({ key: d.key, count: String(d.count), reason: d.reason })));
  const [bonus, setBonus] = useState<Record<string, string>>(Object.fromEntries(Object.entries(start.bonus).map(([k, v]) => [k, formatPoints(v)])));
  const [dq, setDq] = useState<Record<string, string | null>>(Object.fromEntries(start.disqualifiers.map((d) => [d.key, d.reason])));
  const currentVersion = state?.ok && typeof state.data?.version === "number" ? state.data.version : version;

  const { data, inputErrors } = useMemo(() => {
    const errs: Record<string, string> = {};
    const entries: StageData["entries"] = {};
    for (const g of scale.groups)
      for (const c of g.criteria) {
        const cell = cells[c.key];
        if (!cell || cell.state === "") continue;
        if (cell.state !== "SCORED") entries[c.key] = { state: cell.state };
        else if (c.type === "PASS_FAIL") {
          if (cell.pass) entries[c.key] = { state: "SCORED", pass: cell.pass === "1" };
        } else if (cell.text.trim()) {
          const p = parsePoints(cell.text);
          if (p === null) errs[c.key] = "Nhập số, ví dụ 7,5.";
          else entries[c.key] = { state: "SCORED", points: p };
        }
      }
    const b: Record<string, number> = {};
    for (const [k, t] of Object.entries(bonus)) {
      if (!t.trim()) continue;
      const p = parsePoints(t);
      if (p === null) errs[`bonus.${k}`] = "Nhập số, ví dụ 2,5.";
      else if (p > 0) b[k] = p;
    }
    const d: StageData = {
      entries,
      bonus: b,
      deductions: deductions.filter((x) => x.key).map((x) => ({ key: x.key, count: Number(x.count) || 0, reason: x.reason })),
      disqualifiers: Object.entries(dq).filter(([, r]) => r !== null).map(([key, reason]) => ({ key, reason: reason ?? "" })),
    };
    for (const p of validateStageData(scale, d)) errs[p.path.replace(/^entries\./, "")] = p.message;
    return { data: d, inputErrors: errs };
  }, [cells, bonus, deductions, dq, scale]);
  const result = computeStage(scale, data);
  const hasErrors = Object.keys(inputErrors).length > 0;
  const setCell = (key: string, patch: Partial<Cell>) => setCells((c) => ({ ...c, [key]: { ...c[key], ...patch } }));

  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="sheetId" value={sheetId} />
      <input type="hidden" name="stage" value={stage} />
      <input type="hidden" name="version" value={currentVersion} />
      <input type="hidden" name="data" value={JSON.stringify(data)} />
      {scale.groups.map((g) => {
        const gr = result.groups.find((x) => x.key === g.key);
        return (
          <fieldset key={g.key} className="rounded-lg border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold">
              {g.name} <span className="font-normal text-slate-500">(tối đa {formatPoints(g.max)} · đạt {formatPoints(gr?.score ?? 0)})</span>
            </legend>
            <ul className="flex flex-col gap-3">
              {g.criteria.map((c) => {
                const cell = cells[c.key];
                const err = inputErrors[c.key];
                return (
                  <li key={c.key} className="flex flex-col gap-1 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                    <div className="text-sm sm:flex-1">
                      <label htmlFor={`c-${c.key}`} className="font-medium">
                        {c.name}
                      </label>{" "}
                      <span className="text-slate-500">({c.type === "PASS_FAIL" ? "Đạt/Không đạt" : `tối đa ${formatPoints(c.max)}`}{c.evidenceRequired ? ", cần minh chứng" : ""})</span>
                      {c.description && <p className="text-xs text-slate-500">{c.description}</p>}
                      {references?.map((r) => (
                        <span key={r.label} className="mr-3 text-xs text-slate-500">
                          {r.label}: {cellText(r.data.entries[c.key]) || "—"}
                        </span>
                      ))}
                    </div>
                    <div className="flex gap-2 sm:w-72">
                      <select aria-label={`Trạng thái – ${c.name}`} className={`${inputClass} w-36`} value={cell.state} onChange={(e) => setCell(c.key, { state: e.target.value as Cell["state"] })}>
                        <option value="">Chưa chấm</option>
                        <option value="SCORED">Chấm</option>
                        <option value="NOT_APPLICABLE">Không áp dụng</option>
                        <option value="EXEMPT">Miễn</option>
                      </select>
                      {c.type === "PASS_FAIL" ? (
                        <select id={`c-${c.key}`} className={inputClass} disabled={cell.state !== "SCORED"} value={cell.pass} onChange={(e) => setCell(c.key, { pass: e.target.value as Cell["pass"] })}>
                          <option value="">—</option>
                          <option value="1">Đạt</option>
                          <option value="0">Không đạt</option>
                        </select>
                      ) : (
                        <input
                          id={`c-${c.key}`}
                          inputMode="decimal"
                          autoComplete="off"
                          className={inputClass}
                          aria-invalid={err ? true : undefined}
                          aria-describedby={err ? `c-${c.key}-error` : undefined}
                          disabled={cell.state !== "" && cell.state !== "SCORED"}
                          value={cell.text}
                          placeholder="điểm"
                          onChange={(e) => setCell(c.key, { text: e.target.value, state: e.target.value.trim() ? "SCORED" : cell.state === "SCORED" ? "" : cell.state })}
                        />
                      )}
                    </div>
                    {err && (
                      <p id={`c-${c.key}-error`} className="text-sm text-red-700 sm:basis-full">
                        {err}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}

      {scale.deductions.length > 0 && (
        <fieldset className="rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold">Khoản trừ (mỗi khoản cần lý do)</legend>
          {deductions.map((d, i) => (
            <div key={i} className="mb-2 grid gap-2 sm:grid-cols-[2fr_5rem_3fr_auto]">
              <select aria-label="Khoản trừ" className={inputClass} value={d.key} onChange={(e) => setDeductions((x) => x.map((y, j) => (j === i ? { ...y, key: e.target.value } : y)))}>
                <option value="">Chọn khoản trừ…</option>
                {scale.deductions.map((it) => (
                  <option key={it.key} value={it.key}>
                    {it.name} (−{formatPoints(it.points)})
                  </option>
                ))}
              </select>
              <input aria-label="Số lần" inputMode="numeric" className={inputClass} value={d.count} onChange={(e) => setDeductions((x) => x.map((y, j) => (j === i ? { ...y, count: e.target.value } : y)))} />
              <input aria-label="Lý do" placeholder="Lý do, ngày, biên bản…" className={inputClass} value={d.reason} onChange={(e) => setDeductions((x) => x.map((y, j) => (j === i ? { ...y, reason: e.target.value } : y)))} />
              <button type="button" className="text-sm text-red-700 hover:underline" onClick={() => setDeductions((x) => x.filter((_, j) => j !== i))}>
                Bỏ
              </button>
            </div>
          ))}
          {Object.entries(inputErrors)
            .filter(([k]) => k.startsWith("deductions"))
            .map(([k, m]) => (
              <p key={k} className="text-sm text-red-700">
                {m}
              </p>
            ))}
          <button type="button" className="text-sm text-brand-700 hover:underline" onClick={() => setDeductions((x) => [...x, { key: "", count: "1", reason: "" }])}>
            + Thêm khoản trừ
          </button>
        </fieldset>
      )}

      {scale.bonus.length > 0 && (
        <fieldset className="rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold">Điểm cộng (tổng tối đa {formatPoints(scale.bonusCap)})</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {scale.bonus.map((b) => (
              <label key={b.key} className="flex items-center justify-between gap-2 text-sm">
                <span>
                  {b.name} <span className="text-slate-500">(≤ {formatPoints(b.max)})</span>
                </span>
                <input inputMode="decimal" className={`${inputClass} w-20`} value={bonus[b.key] ?? ""} onChange={(e) => setBonus((x) => ({ ...x, [b.key]: e.target.value }))} aria-invalid={inputErrors[`bonus.${b.key}`] ? true : undefined} />
              </label>
            ))}
          </div>
          {Object.entries(inputErrors)
            .filter(([k]) => k.startsWith("bonus"))
            .map(([k, m]) => (
              <p key={k} className="text-sm text-red-700">
                {m}
              </p>
            ))}
        </fieldset>
      )}

      {scale.disqualifiers.length > 0 && (
        <fieldset className="rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold">Trường hợp không xếp loại</legend>
          {scale.disqualifiers.map((q) => (
            <div key={q.key} className="mb-2 flex flex-col gap-1 text-sm sm:flex-row sm:items-center sm:gap-3">
              <label className="flex items-center gap-2 sm:w-80">
                <input type="checkbox" checked={dq[q.key] != null} onChange={(e) => setDq((x) => ({ ...x, [q.key]: e.target.checked ? "" : null }))} />
                {q.name}
              </label>
              {dq[q.key] != null && <input aria-label={`Lý do – ${q.name}`} placeholder="Lý do, quyết định số…" className={inputClass} value={dq[q.key] ?? ""} onChange={(e) => setDq((x) => ({ ...x, [q.key]: e.target.value }))} />}
            </div>
          ))}
        </fieldset>
      )}

      <div className="flex flex-col gap-1">
        <label htmlFor="explanation" className="text-sm font-medium">
          Giải trình
        </label>
        <textarea id="explanation" name="explanation" rows={3} className={inputClass} defaultValue={explanation ?? ""} />
      </div>
      {amend && (
        <div className="flex flex-col gap-1">
          <label htmlFor="reason" className="text-sm font-medium">
            Lý do sửa điểm sau khi đã xác nhận (bắt buộc, được lưu lại)
          </label>
          <textarea id="reason" name="reason" rows={2} required className={inputClass} aria-describedby="reason-error" />
          <div id="reason-error">{!state?.ok && state?.fieldErrors?.reason?.map((m) => <p key={m} className="text-sm text-red-700">{m}</p>)}</div>
        </div>
      )}

      <ResultSummary result={result} scale={scale} />
      {!state?.ok && state?.fieldErrors?.data && (
        <ul className="text-sm text-red-700">
          {state.fieldErrors.data.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div className="sticky bottom-0 flex items-center gap-3 border-t border-slate-200 bg-white py-3">
        <SubmitButton>{submitLabel}</SubmitButton>
        {hasErrors && <span className="text-sm text-red-700">Còn ô chưa hợp lệ.</span>}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
