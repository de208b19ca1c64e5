"use client";
// The group leader's (or council's) grid: members × criteria, keyboard first. Arrow keys move
// between cells (left/right when the caret is at the edge), Enter goes down, Shift+Enter up, Tab
// as usual. Totals and classification are live, from lib/scoring/rules.ts. One save sends every
// changed row with the version it was loaded at; rows someone else changed meanwhile come back as
// conflicts and keep what you typed until you reload them.
import { useActionState, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import Link from "next/link";
import type { ActionState } from "@/lib/server/action";
import type { GridView } from "@/lib/scoring/queries";
import { computeStage, type StageData } from "@/lib/scoring/rules";
import { allCriteria } from "@/lib/scoring/scale";
import { cellText, parseCell } from "@/lib/scoring/cells";
import { formatPoints, parsePoints } from "@/lib/scoring/points";
import { SubmitButton } from "@/components/ui/submit-button";
import { Badge } from "@/components/ui/page";
import { SkipLink } from "./skip-link";

type Row = GridView["rows"][number];
interface Outcome {
  saved: { sheetId: string; version: number; total: number; classification: string | null }[];
  conflicts: string[];
  errors: Record<string, string[]>;
}

/** The message of one cell as typed (criteria first, then bonus items), or null when it is acceptable. */
function cellErrorOf(i: number, text: string, criteria: ReturnType<typeof allCriteria>, bonus: GridView["scale"]["bonus"]): string | null {
  if (i < criteria.length) {
    const p = parseCell(text, criteria[i]);
    return p.ok ? null : p.message;
  }
  const b = bonus[i - criteria.length];
  const s = text.trim();
  if (!s) return null;
  const p = parsePoints(s);
  return p === null || p > b.max ? `"${b.name}": từ 0 đến ${formatPoints(b.max)}.` : null;
}

function rowTexts(row: Row, keys: string[], bonusKeys: string[]): string[] {
  return [...keys.map((k) => cellText(row.entries[k])), ...bonusKeys.map((k) => formatPoints(row.bonus[k] ?? null))];
}

export function ScoringGrid({ view, action, sheetHref }: { view: GridView; action: (prev: ActionState, formData: FormData) => Promise<ActionState>; sheetHref: string }) {
  const criteria = useMemo(() => allCriteria(view.scale), [view.scale]);
  const keys = criteria.map((c) => c.key);
  const bonusKeys = view.scale.bonus.map((b) => b.key);
  const cols = keys.length + bonusKeys.length;
  const [texts, setTexts] = useState(() => Object.fromEntries(view.rows.map((r) => [r.sheetId, rowTexts(r, keys, bonusKeys)])));
  const [versions, setVersions] = useState(() => Object.fromEntries(view.rows.map((r) => [r.sheetId, r.version])));
  const [dirty, setDirty] = useState<Set<string>>(new Set());
  const [conflicts, setConflicts] = useState<Set<string>>(new Set());
  const [state, formAction] = useActionState(action, null);
  const refs = useRef(new Map<string, HTMLInputElement>());
  const formRef = useRef<HTMLFormElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const gridId = useId();
  /** What the live region says: the error of the cell just typed in (or that it is fixed). */
  const [announce, setAnnounce] = useState("");
  const outcome = ((state as { data?: unknown } | null)?.data ?? null) as Outcome | null;

  // A new answer from the server: take its versions and conflicts while rendering (React's
  // "adjust state when a prop changes"), not in an effect that would render twice.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (outcome) {
      setVersions((v) => ({ ...v, ...Object.fromEntries(outcome.saved.map((s) => [s.sheetId, s.version])) }));
      setDirty((d) => new Set([...d].filter((id) => !outcome.saved.some((s) => s.sheetId === id))));
      setConflicts(new Set(outcome.conflicts));
    }
  }

  const parsed = useMemo(() => {
    const out: Record<string, { data: StageData; errors: Record<number, string> }> = {};
    for (const r of view.rows) {
      const t = texts[r.sheetId];
      const entries: StageData["entries"] = {};
      const bonus: Record<string, number> = {};
      const errors: Record<number, string> = {};
      criteria.forEach((c, i) => {
        const p = parseCell(t[i], c);
        if (!p.ok) errors[i] = p.message;
        else if (p.entry) entries[c.key] = p.entry;
      });
      view.scale.bonus.forEach((b, j) => {
        const e = cellErrorOf(keys.length + j, t[keys.length + j], criteria, view.scale.bonus);
        if (e) errors[keys.length + j] = e;
        else {
          const p = parsePoints(t[keys.length + j].trim());
          if (p) bonus[b.key] = p;
        }
      });
      out[r.sheetId] = { data: { entries, bonus, deductions: r.deductions, disqualifiers: r.disqualifiers }, errors };
    }
    return out;
  }, [texts, view.rows, criteria, view.scale.bonus, keys.length]);

  const editableRows = view.rows.filter((r) => view.editable && !r.blocked);
  const anyErrors = editableRows.some((r) => Object.keys(parsed[r.sheetId].errors).length > 0);
  const payload = JSON.stringify(
    editableRows.filter((r) => dirty.has(r.sheetId)).map((r) => ({ sheetId: r.sheetId, version: versions[r.sheetId], entries: parsed[r.sheetId].data.entries, bonus: parsed[r.sheetId].data.bonus })),
  );

  const cellName = (r: Row, i: number) => `${r.memberName} – ${i < keys.length ? criteria[i].name : view.scale.bonus[i - keys.length].name}`;
  const setText = (r: Row, i: number, value: string) => {
    const sheetId = r.sheetId;
    const before = cellErrorOf(i, texts[sheetId][i], criteria, view.scale.bonus);
    const after = cellErrorOf(i, value, criteria, view.scale.bonus);
    // Said aloud (the live region), not only shown: a new error, or that the cell is right again.
    if (after && after !== before) setAnnounce(`${r.memberName}: ${after}`);
    else if (!after && before) setAnnounce(`${cellName(r, i)}: đã hợp lệ.`);
    setTexts((t) => ({ ...t, [sheetId]: t[sheetId].map((x, j) => (j === i ? value : x)) }));
    setDirty((d) => new Set(d).add(sheetId));
  };
  /** Ctrl+Enter (⌘+Enter) saves the whole grid from any cell; with an invalid cell it goes there and says why. */
  const saveShortcut = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || !view.editable) return;
    e.preventDefault();
    if (anyErrors) {
      const first = editableRows.flatMap((r) => Object.keys(parsed[r.sheetId].errors).map((ci) => ({ r, ci: Number(ci) })))[0];
      if (first) {
        refs.current.get(`${first.r.sheetId}:${first.ci}`)?.focus();
        setAnnounce(`Chưa lưu: ${first.r.memberName}: ${parsed[first.r.sheetId].errors[first.ci]}`);
      }
      return;
    }
    formRef.current?.requestSubmit();
  };
  /** The skip link's target: the first cell one may type in (else the grid's box). */
  const focusGrid = () => {
    const row = view.rows.find((r) => view.editable && !r.blocked) ?? view.rows[0];
    const cell = row && refs.current.get(`${row.sheetId}:0`);
    if (cell && view.editable && !row.blocked) {
      cell.focus();
      cell.select();
    } else boxRef.current?.focus();
  };
  const focus = (r: number, c: number) => {
    const row = view.rows[r];
    if (!row) return;
    const el = refs.current.get(`${row.sheetId}:${Math.max(0, Math.min(cols - 1, c))}`);
    if (el) {
      el.focus();
      el.select();
    }
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>, r: number, c: number) => {
    const el = e.currentTarget;
    const atStart = el.selectionStart === 0 && el.selectionEnd === 0;
    const atEnd = el.selectionStart === el.value.length;
    const all = el.selectionStart === 0 && el.selectionEnd === el.value.length;
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) return; // the form's shortcut: save
    if (e.key === "ArrowDown" || (e.key === "Enter" && !e.shiftKey)) {
      e.preventDefault();
      focus(r + 1, c);
    } else if (e.key === "ArrowUp" || (e.key === "Enter" && e.shiftKey)) {
      e.preventDefault();
      focus(r - 1, c);
    } else if (e.key === "ArrowLeft" && (atStart || all)) {
      e.preventDefault();
      focus(r, c - 1);
    } else if (e.key === "ArrowRight" && (atEnd || all)) {
      e.preventDefault();
      focus(r, c + 1);
    }
  };
  /** Fills empty cells from the previous stage (self-scores for the group, group scores for the council). */
  const fillFromReference = () => {
    const changed = new Set<string>();
    const next = { ...texts };
    for (const r of editableRows) {
      const ref = view.stage === "GROUP" ? r.self : r.group;
      if (!ref) continue;
      const cur = [...next[r.sheetId]];
      keys.forEach((k, i) => {
        if (!cur[i].trim() && ref.entries[k]) {
          cur[i] = cellText(ref.entries[k]);
          changed.add(r.sheetId);
        }
      });
      bonusKeys.forEach((k, j) => {
        if (!cur[keys.length + j].trim() && ref.bonus[k]) {
          cur[keys.length + j] = formatPoints(ref.bonus[k]);
          changed.add(r.sheetId);
        }
      });
      next[r.sheetId] = cur;
    }
    setTexts(next);
    setDirty((d) => new Set([...d, ...changed]));
  };
  const reloadRow = (r: Row) => {
    setTexts((t) => ({ ...t, [r.sheetId]: rowTexts(r, keys, bonusKeys) }));
    setVersions((v) => ({ ...v, [r.sheetId]: r.version }));
    setConflicts((c) => new Set([...c].filter((x) => x !== r.sheetId)));
    setDirty((d) => new Set([...d].filter((x) => x !== r.sheetId)));
  };

  return (
    <form
      ref={formRef}
      action={formAction}
      className="flex min-w-0 flex-col gap-3"
      onKeyDown={saveShortcut}
      aria-keyshortcuts="Control+Enter"
      onSubmit={(e) => {
        if (anyErrors) e.preventDefault();
      }}
    >
      <SkipLink href={`#${gridId}-box`} onActivate={focusGrid}>
        Đến bảng chấm điểm
      </SkipLink>
      {/* One live region for the cells' errors (WCAG 4.1.3): heard as they are typed, not only a tooltip. */}
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="grid-live">
        {announce}
      </div>
      <input type="hidden" name="periodId" value={view.period.id} />
      <input type="hidden" name="stage" value={view.stage} />
      <input type="hidden" name="rows" value={payload} />
      <p className="text-sm text-slate-600">
        Gõ điểm (7,5), <kbd>-</kbd> = không áp dụng, <kbd>M</kbd> = miễn, để trống = chưa chấm; tiêu chí Đạt/Không đạt gõ <kbd>Đ</kbd>/<kbd>K</kbd>. Mũi tên và Enter để di chuyển; <kbd>Ctrl</kbd>+<kbd>Enter</kbd> để lưu cả bảng. Khoản trừ, trường hợp không xếp loại và giải trình nhập ở trang từng người.
      </p>
      {view.editable && (
        <div className="flex flex-wrap gap-2 no-print">
          <button type="button" onClick={fillFromReference} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
            {view.stage === "GROUP" ? "Lấy điểm tự chấm cho ô trống" : "Lấy điểm tổ chấm cho ô trống"}
          </button>
        </div>
      )}
      {/* The grid scrolls inside its own box, both ways (the page never scrolls sideways): the
          header row sticks to the top, the names to the left, the totals to the right. */}
      <div
        ref={boxRef}
        id={`${gridId}-box`}
        tabIndex={-1}
        role="region"
        aria-label={`Bảng chấm điểm ${view.group.name}`}
        data-testid="grid-box"
        className="max-h-[calc(100vh-16rem)] min-h-64 max-w-full scroll-pt-20 scroll-pl-56 scroll-pr-44 overflow-auto overscroll-contain rounded-lg border border-slate-200 bg-white focus:outline-2 focus:outline-brand-600"
      >
        <table className="min-w-full border-separate border-spacing-0 text-sm" aria-label={`Bảng điểm ${view.group.name}`}>
          <thead className="text-xs">
            <tr>
              <th scope="col" className="sticky left-0 top-0 z-30 border-b border-slate-200 bg-slate-50 px-2 py-2 text-left">
                Đoàn viên
              </th>
              {criteria.map((c) => (
                <th key={c.key} scope="col" title={c.name} className="sticky top-0 z-20 min-w-16 border-b border-l border-slate-200 bg-slate-50 px-1 py-2 text-center font-medium">
                  <span className="line-clamp-3 block max-w-24">{c.name}</span>
                  <span className="text-slate-500">{c.type === "PASS_FAIL" ? "Đ/K" : formatPoints(c.max)}</span>
                </th>
              ))}
              {view.scale.bonus.map((b) => (
                <th key={b.key} scope="col" title={b.name} className="sticky top-0 z-20 min-w-16 border-b border-l border-slate-200 bg-green-50 px-1 py-2 text-center font-medium">
                  <span className="line-clamp-3 block max-w-24">+ {b.name}</span>
                  <span className="text-slate-500">≤ {formatPoints(b.max)}</span>
                </th>
              ))}
              <th scope="col" className="sticky top-0 z-20 border-b border-l border-slate-200 bg-slate-50 px-2 py-2">Trừ</th>
              <th scope="col" className="sticky right-28 top-0 z-30 w-16 min-w-16 border-b border-l border-slate-200 bg-slate-50 px-2 py-2">Tổng</th>
              <th scope="col" className="sticky right-0 top-0 z-30 w-28 min-w-28 border-b border-l border-slate-200 bg-slate-50 px-2 py-2">Xếp loại</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r, ri) => {
              const p = parsed[r.sheetId];
              const res = computeStage(view.scale, p.data);
              const locked = !view.editable || !!r.blocked;
              const conflict = conflicts.has(r.sheetId);
              const rowErrors = outcome?.errors?.[r.sheetId];
              const rowBg = conflict ? "bg-red-50" : dirty.has(r.sheetId) ? "bg-amber-50" : "bg-white";
              const errId = (ci: number) => `${gridId}-err-${ri}-${ci}`;
              return (
                <tr key={r.sheetId} className={conflict ? "bg-red-50" : dirty.has(r.sheetId) ? "bg-amber-50" : ""} data-testid={`row-${r.sheetId}`}>
                  <th scope="row" className={`sticky left-0 z-10 w-56 min-w-48 border-t border-slate-200 px-2 py-1 text-left font-normal ${rowBg}`}>
                    <Link href={`${sheetHref}/${r.sheetId}`} className="font-medium text-brand-700 hover:underline">
                      {r.memberName}
                    </Link>
                    {r.blocked && (
                      <div className="text-xs text-slate-500" title={r.blocked}>
                        {r.blocked.includes("chính mình") ? "Phiếu của bạn: người khác chấm." : "Bạn không tham gia chấm phiếu này."}
                      </div>
                    )}
                    {conflict && (
                      <div className="text-xs text-red-700">
                        Người khác vừa sửa phiếu này.{" "}
                        <button type="button" className="underline" onClick={() => reloadRow(r)}>
                          Tải lại dòng này
                        </button>
                      </div>
                    )}
                    {rowErrors?.map((m) => (
                      <div key={m} className="text-xs text-red-700">
                        {m}
                      </div>
                    ))}
                    {/* Each cell's error in words beside the name, tied to the cell (aria-describedby), not only a tooltip. */}
                    {Object.entries(p.errors).map(([ci, m]) => (
                      <div key={ci} id={errId(Number(ci))} className="text-xs text-red-700" data-testid="cell-error">
                        {m}
                      </div>
                    ))}
                  </th>
                  {texts[r.sheetId].map((t, ci) => (
                    <td key={ci} className="border-l border-t border-slate-200 p-0">
                      <input
                        ref={(el) => {
                          if (el) refs.current.set(`${r.sheetId}:${ci}`, el);
                          else refs.current.delete(`${r.sheetId}:${ci}`);
                        }}
                        aria-label={cellName(r, ci)}
                        aria-invalid={p.errors[ci] ? true : undefined}
                        aria-describedby={p.errors[ci] ? errId(ci) : undefined}
                        title={p.errors[ci]}
                        readOnly={locked}
                        value={t}
                        inputMode="decimal"
                        autoComplete="off"
                        onChange={(e) => setText(r, ci, e.target.value)}
                        onKeyDown={(e) => onKey(e, ri, ci)}
                        onFocus={(e) => e.currentTarget.select()}
                        className={`w-full min-w-14 bg-transparent px-1 py-1.5 text-center focus:bg-brand-50 focus:outline-2 focus:outline-brand-600 ${p.errors[ci] ? "bg-red-100 text-red-800" : ""} ${locked ? "text-slate-500" : ""}`}
                      />
                    </td>
                  ))}
                  <td className="border-l border-t border-slate-200 px-2 text-center text-slate-600">{res.deductionTotal ? `−${formatPoints(res.deductionTotal)}` : ""}</td>
                  <td className={`sticky right-28 z-10 w-16 min-w-16 border-l border-t border-slate-200 px-2 text-center font-semibold ${rowBg}`} data-testid="row-total">
                    {formatPoints(res.total)}
                  </td>
                  <td className={`sticky right-0 z-10 w-28 min-w-28 whitespace-nowrap border-l border-t border-slate-200 px-2 text-center ${rowBg}`}>
                    {res.classification ? <Badge tone={res.classification.key ? "green" : "red"}>{res.classification.label}</Badge> : <span className="text-xs text-slate-500">thiếu {res.missing.length}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {view.editable && (
        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white py-3 no-print">
          <SubmitButton>Lưu cả bảng ({dirty.size} dòng đã sửa)</SubmitButton>
          {anyErrors && <span className="text-sm text-red-700">Có ô chưa hợp lệ (tô đỏ); sửa trước khi lưu.</span>}
        </div>
      )}
      {state?.message && (
        <p role={state.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
