"use client";

// The one date input of the app (issue 11): typed dd/mm/yyyy, with a calendar in Vietnamese
// (month names "Tháng 1"…"Tháng 12", weeks from T2 to CN) opened from a button and worked with the
// keyboard (arrows move a day / a week, Home/End the week's ends, PageUp/PageDown a month,
// Shift+PageUp/PageDown a year, Enter or Space picks, Esc closes). The browser's own date picker
// shows the visitor's locale ("01/11/2027" for 11 January, "02:00 PM"); this one does not.
//
// It posts the text shown, dd/mm/yyyy, which lib/validation.ts vnDate/optionalDate parse (they
// still accept ISO yyyy-mm-dd). The field is uncontrolled, so a form reset after a refused
// submit is undone by the form's error feedback (components/ui/form-errors.tsx) like any field.
// TimeInput is the 24-hour hh:mm companion for meeting times.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { formatDate, parseDate } from "@/lib/format";
import { todayVN } from "@/lib/time";
import { inputClass } from "./field";
import { failedState, useFormResult, type FieldState } from "./form-errors";

export const VN_MONTHS = Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`);
/** Week from Monday: short heads and full names. */
const WEEKDAYS: [string, string][] = [
  ["T2", "Thứ Hai"],
  ["T3", "Thứ Ba"],
  ["T4", "Thứ Tư"],
  ["T5", "Thứ Năm"],
  ["T6", "Thứ Sáu"],
  ["T7", "Thứ Bảy"],
  ["CN", "Chủ nhật"],
];

const DAY = 86_400_000;

/** A default value as the input shows it: Date or yyyy-mm-dd → dd/mm/yyyy; anything else as is. */
export function toDateText(v: string | Date | null | undefined): string {
  if (!v) return "";
  if (v instanceof Date) return formatDate(v);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(parseDate(v)) || v : v;
}

/** Tidies what was typed when it is a real date ("1/2/2026", "01022026" → "01/02/2026"). */
function tidy(s: string): string {
  const t = s.trim();
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  const d = parseDate(digits ? `${digits[1]}/${digits[2]}/${digits[3]}` : t);
  return d && /^\d/.test(t) && !/^\d{4}-/.test(t) ? formatDate(d) : t;
}

const weekdayIndex = (d: Date) => (d.getUTCDay() + 6) % 7; // Monday = 0
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
function addMonths(d: Date, n: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}
const sameDay = (a: Date | null, b: Date | null) => !!a && !!b && a.getTime() === b.getTime();
const bound = (v: string | undefined) => (v ? parseDate(v) : null);

interface CommonProps {
  name: string;
  id?: string;
  /** Shown above the field, with the error slot below it; without it give aria-label. */
  label?: ReactNode;
  hint?: string;
  /** The last action result; defaults to the surrounding ActionForm's (FormStateProvider). */
  state?: FieldState;
  required?: boolean;
  disabled?: boolean;
  className?: string;
  "aria-label"?: string;
  /** Only the control: the caller renders the label and the error slot (`<id>-error`). */
  bare?: boolean;
}

function useField(name: string, state: FieldState | undefined) {
  const context = failedState(useFormResult());
  const s = state === undefined ? context : state;
  return { errors: s?.fieldErrors?.[name], typed: s?.values?.[name] };
}

/** Label, control, hint and the error slot `<id>-error` beside the field. */
function Frame({ id, label, hint, errors, bare, className, children }: { id: string; label?: ReactNode; hint?: string; errors?: string[]; bare?: boolean; className?: string; children: ReactNode }) {
  if (bare) return <>{children}</>;
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      {label ? (
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {label}
        </label>
      ) : null}
      {children}
      {hint && !errors?.length ? <p className="text-xs text-slate-500">{hint}</p> : null}
      <div id={`${id}-error`} aria-live="polite">
        {errors?.map((e) => (
          <p key={e} className="text-sm text-red-700">
            {e}
          </p>
        ))}
      </div>
    </div>
  );
}

/** dd/mm/yyyy with a Vietnamese calendar. `min`/`max` (dd/mm/yyyy or yyyy-mm-dd) grey out days. */
export function DateInput({
  name,
  id = name,
  label,
  hint,
  state,
  defaultValue,
  required,
  disabled,
  min,
  max,
  className,
  inputClassName,
  bare,
  "aria-label": ariaLabel,
  ...aria
}: CommonProps & {
  defaultValue?: string | Date | null;
  min?: string;
  max?: string;
  inputClassName?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}) {
  const { errors, typed } = useField(name, state);
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  // Open: the calendar, showing the day typed when it was opened (or today).
  const [open, setOpen] = useState<{ value: Date | null } | null>(null);
  const show = () => setOpen({ value: parseDate(input.current?.value ?? "") });
  const invalid = aria["aria-invalid"] ?? (errors?.length ? true : undefined);
  return (
    <Frame id={id} label={label} hint={hint} errors={errors} bare={bare} className={className}>
      <div className="relative flex items-stretch gap-1">
        <input
          ref={input}
          id={id}
          name={name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd/mm/yyyy"
          maxLength={10}
          defaultValue={typed ?? toDateText(defaultValue)}
          required={required}
          disabled={disabled}
          aria-label={ariaLabel}
          aria-invalid={invalid}
          aria-describedby={aria["aria-describedby"] ?? `${id}-error`}
          className={inputClassName ?? `${inputClass} min-w-[8.5rem]`}
          onBlur={(e) => {
            const t = tidy(e.currentTarget.value);
            if (t !== e.currentTarget.value) e.currentTarget.value = t;
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown" && e.altKey) {
              e.preventDefault();
              show();
            }
          }}
        />
        <button
          ref={opener}
          type="button"
          disabled={disabled}
          aria-haspopup="dialog"
          aria-expanded={!!open}
          // Not named after the field: getByLabel / a screen reader's field list find the input only.
          aria-label="Mở lịch"
          title="Mở lịch"
          onClick={() => (open ? setOpen(null) : show())}
          className="shrink-0 rounded-md border border-slate-300 bg-white px-2 text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
            <path d="M6 2a1 1 0 0 1 1 1v1h6V3a1 1 0 1 1 2 0v1h1a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h1V3a1 1 0 0 1 1-1Zm-2 6v8h12V8H4Z" />
          </svg>
        </button>
        {open ? (
          <Calendar
            value={open.value}
            min={bound(min)}
            max={bound(max)}
            onPick={(d) => {
              const el = input.current;
              if (el) {
                el.value = formatDate(d);
                el.dispatchEvent(new Event("input", { bubbles: true }));
                el.dispatchEvent(new Event("change", { bubbles: true }));
              }
              setOpen(null);
              el?.focus();
            }}
            onClose={(refocus) => {
              setOpen(null);
              if (refocus) opener.current?.focus();
            }}
          />
        ) : null}
      </div>
    </Frame>
  );
}

/** The month grid, a non-modal dialog under the field. */
function Calendar({ value, min, max, onPick, onClose }: { value: Date | null; min: Date | null; max: Date | null; onPick: (d: Date) => void; onClose: (refocus: boolean) => void }) {
  const today = todayVN();
  const [focus, setFocus] = useState<Date>(value ?? today);
  const box = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  const captionId = useId();
  const y = focus.getUTCFullYear();
  const m = focus.getUTCMonth();
  const first = new Date(Date.UTC(y, m, 1));
  const start = addDays(first, -weekdayIndex(first));
  const weeks = Array.from({ length: 6 }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(start, w * 7 + d)));
  const outside = (d: Date) => (min && d < min) || (max && d > max);

  useEffect(() => {
    // Focus follows the keyboard inside the grid (not when the month is changed with the selects).
    if (!moved.current) return;
    grid.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
  }, [focus]);
  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
    const away = (e: MouseEvent) => {
      const root = box.current?.parentElement;
      if (root && !root.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener("mousedown", away);
    return () => document.removeEventListener("mousedown", away);
    // Runs once when the calendar opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function go(d: Date) {
    moved.current = true;
    setFocus(d);
  }
  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    const k = e.key;
    const to =
      k === "ArrowLeft" ? addDays(focus, -1)
      : k === "ArrowRight" ? addDays(focus, 1)
      : k === "ArrowUp" ? addDays(focus, -7)
      : k === "ArrowDown" ? addDays(focus, 7)
      : k === "Home" ? addDays(focus, -weekdayIndex(focus))
      : k === "End" ? addDays(focus, 6 - weekdayIndex(focus))
      : k === "PageUp" ? addMonths(focus, e.shiftKey ? -12 : -1)
      : k === "PageDown" ? addMonths(focus, e.shiftKey ? 12 : 1)
      : null;
    if (to) {
      e.preventDefault();
      go(to);
    }
  }

  const years: number[] = [];
  for (let i = Math.max(1900, (min?.getUTCFullYear() ?? today.getUTCFullYear() - 90)); i <= Math.min(2100, max?.getUTCFullYear() ?? today.getUTCFullYear() + 10); i++) years.push(i);
  if (!years.includes(y)) {
    years.push(y);
    years.sort((a, b) => a - b);
  }

  return (
    <div
      ref={box}
      role="dialog"
      aria-modal="false"
      aria-labelledby={captionId}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          // Esc closes the calendar only, not a confirm dialog around it.
          e.preventDefault();
          e.stopPropagation();
          onClose(true);
        }
      }}
      className="absolute left-0 top-full z-30 mt-1 w-[19rem] rounded-lg border border-slate-200 bg-white p-3 shadow-lg"
    >
      <div className="mb-2 flex items-center gap-1">
        <button type="button" aria-label="Tháng trước" onClick={() => setFocus(addMonths(focus, -1))} className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
          ‹
        </button>
        <h2 id={captionId} className="sr-only" aria-live="polite">
          {`${VN_MONTHS[m]} năm ${y}`}
        </h2>
        <select aria-label="Tháng" value={m} onChange={(e) => setFocus(new Date(Date.UTC(y, Number(e.target.value), Math.min(focus.getUTCDate(), new Date(Date.UTC(y, Number(e.target.value) + 1, 0)).getUTCDate()))))} className="flex-1 rounded border border-slate-300 px-1 py-1 text-sm">
          {VN_MONTHS.map((name, i) => (
            <option key={name} value={i}>
              {name}
            </option>
          ))}
        </select>
        <select aria-label="Năm" value={y} onChange={(e) => setFocus(addMonths(focus, (Number(e.target.value) - y) * 12))} className="rounded border border-slate-300 px-1 py-1 text-sm">
          {years.map((yr) => (
            <option key={yr} value={yr}>
              {yr}
            </option>
          ))}
        </select>
        <button type="button" aria-label="Tháng sau" onClick={() => setFocus(addMonths(focus, 1))} className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
          ›
        </button>
      </div>
      <table ref={grid} role="grid" aria-labelledby={captionId} onKeyDown={onKeyDown} className="w-full border-collapse text-center text-sm">
        <thead>
          <tr>
            {WEEKDAYS.map(([short, full]) => (
              <th key={short} scope="col" className="py-1 text-xs font-medium text-slate-500">
                <abbr title={full} className="no-underline">
                  {short}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0].getTime()}>
              {week.map((d) => {
                const inMonth = d.getUTCMonth() === m;
                const picked = sameDay(d, value);
                const off = !!outside(d);
                return (
                  <td key={d.getTime()} className="p-0.5">
                    <button
                      type="button"
                      tabIndex={sameDay(d, focus) ? 0 : -1}
                      disabled={off}
                      aria-pressed={picked}
                      aria-current={sameDay(d, today) ? "date" : undefined}
                      aria-label={`${WEEKDAYS[weekdayIndex(d)][1]}, ngày ${d.getUTCDate()} tháng ${d.getUTCMonth() + 1} năm ${d.getUTCFullYear()}`}
                      onClick={() => onPick(d)}
                      onFocus={() => {
                        if (!sameDay(d, focus)) setFocus(d);
                      }}
                      className={`h-8 w-8 rounded-md ${picked ? "bg-brand-600 font-semibold text-white" : inMonth ? "text-slate-900 hover:bg-brand-50" : "text-slate-400 hover:bg-slate-50"} ${sameDay(d, today) && !picked ? "ring-1 ring-brand-600" : ""} disabled:cursor-not-allowed disabled:text-slate-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600`}
                    >
                      {d.getUTCDate()}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-2 flex justify-between text-sm">
        <button type="button" className="rounded px-2 py-1 text-brand-700 hover:bg-brand-50" disabled={!!outside(today)} onClick={() => onPick(today)}>
          Hôm nay
        </button>
        <button type="button" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100" onClick={() => onClose(true)}>
          Đóng
        </button>
      </div>
    </div>
  );
}

/** "930", "9h30", "9:30", "14" → "09:30", "14:00"; anything else as typed (the schema refuses it). */
function tidyTime(s: string): string {
  const t = s.trim().toLowerCase();
  const m = /^(\d{1,2})(?:[:h.]?(\d{2}))?$/.exec(t) ?? /^(\d{1,2})(\d{2})$/.exec(t);
  if (!m) return s;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  return h < 24 && min < 60 ? `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}` : s;
}

/** A 24-hour time, typed hh:mm (never "02:00 PM"). */
export function TimeInput({
  name,
  id = name,
  label,
  hint,
  state,
  defaultValue,
  required,
  disabled,
  className,
  inputClassName,
  bare,
  "aria-label": ariaLabel,
  ...aria
}: CommonProps & { defaultValue?: string | null; inputClassName?: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) {
  const { errors, typed } = useField(name, state);
  return (
    <Frame id={id} label={label} hint={hint ?? "24 giờ, ví dụ 14:00"} errors={errors} bare={bare} className={className}>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="hh:mm"
        maxLength={5}
        defaultValue={typed ?? defaultValue ?? ""}
        required={required}
        disabled={disabled}
        aria-label={ariaLabel}
        aria-invalid={aria["aria-invalid"] ?? (errors?.length ? true : undefined)}
        aria-describedby={aria["aria-describedby"] ?? `${id}-error`}
        className={inputClassName ?? `${inputClass} w-28`}
        onBlur={(e) => {
          const t = tidyTime(e.currentTarget.value);
          if (t !== e.currentTarget.value) e.currentTarget.value = t;
        }}
      />
    </Frame>
  );
}
