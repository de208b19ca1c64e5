"use client";
// The scale builder (chair): groups and criteria (max, evidence, Đạt/Không đạt), itemised
// deductions, bonus items with a cap, disqualifiers, classification bands with group floors, the
// N/A and exempt policies. Group maxima follow their criteria. Problems are shown live (the same
// checks the server runs); the draft is saved under its version.
import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/server/action";
import { editorProblems, type Band, type ScaleDefinition } from "@/lib/scoring/scale";
import { formatPoints, readPointsField } from "@/lib/scoring/points";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { inputClass } from "@/components/ui/field";
import { ConfirmButton } from "@/components/ui/confirm-dialog";

/**
 * A points field. What is typed always reaches the scale (a negative number too, so the checks
 * refuse it) or, when it is not a number, is reported as unparsed; the field's own problem is
 * shown beside it and tied to it (aria-describedby), not only in the list at the bottom.
 */
function PointsInput({ value, onChange, label, className = "w-20", path, error, onUnparsed }: { value: number | undefined; onChange: (t: number) => void; label: string; className?: string; path: string; error?: string; onUnparsed: (path: string, message: string | null) => void }) {
  const [text, setText] = useState(value === undefined ? "" : formatPoints(value));
  const errorId = `err-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  return (
    <span className="inline-flex flex-col gap-0.5">
      <input
        aria-label={label}
        inputMode="decimal"
        className={`${inputClass} ${className}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-path={path}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const r = readPointsField(e.target.value);
          onUnparsed(path, r.error);
          if (r.value !== null) onChange(r.value);
        }}
      />
      {error && (
        <span id={errorId} className="max-w-56 text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}

let counter = 0;
const newKey = (prefix: string, taken: string[]) => {
  let k = "";
  do k = `${prefix}_${Date.now().toString(36).slice(-4)}${(counter++).toString(36)}`;
  while (taken.includes(k));
  return k;
};

export function ScaleEditor({ action, versionId, version, initial }: { action: (prev: ActionState, fd: FormData) => Promise<ActionState>; versionId: string; version: number; initial: ScaleDefinition }) {
  const [state, formAction] = useActionState(action, null);
  const [s, setS] = useState<ScaleDefinition>(initial);
  const currentVersion = state?.ok && typeof state.data?.version === "number" ? state.data.version : version;
  const def: ScaleDefinition = { ...s, groups: s.groups.map((g) => ({ ...g, max: g.criteria.reduce((n, c) => n + c.max, 0) })) };
  const [unparsed, setUnparsed] = useState<Record<string, string>>({});
  const { list: problems, byPath } = editorProblems(def, unparsed);
  const onUnparsed = (path: string, message: string | null) =>
    setUnparsed((u) => {
      if ((u[path] ?? null) === message) return u;
      const next = { ...u };
      if (message) next[path] = message;
      else delete next[path];
      return next;
    });
  /** Props of a points field at `path`: its problem shown beside it. */
  const pts = (path: string) => ({ path, error: byPath[path], onUnparsed });
  const allKeys = [...s.groups.flatMap((g) => [g.key, ...g.criteria.map((c) => c.key)]), ...s.deductions.map((d) => d.key), ...s.bonus.map((b) => b.key), ...s.disqualifiers.map((d) => d.key), ...s.bands.map((b) => b.key)];
  const up = (patch: Partial<ScaleDefinition>) => setS((x) => ({ ...x, ...patch }));
  const setGroup = (gi: number, patch: Partial<ScaleDefinition["groups"][number]>) => up({ groups: s.groups.map((g, i) => (i === gi ? { ...g, ...patch } : g)) });
  const setCrit = (gi: number, ci: number, patch: Partial<ScaleDefinition["groups"][number]["criteria"][number]>) =>
    setGroup(gi, { criteria: s.groups[gi].criteria.map((c, i) => (i === ci ? { ...c, ...patch } : c)) });
  const setBand = (bi: number, patch: Partial<Band>) => up({ bands: s.bands.map((b, i) => (i === bi ? { ...b, ...patch } : b)) });
  const remove = <T,>(xs: T[], i: number) => xs.filter((_, j) => j !== i);
  const small = "text-xs text-red-700 hover:underline";
  const add = "text-sm text-brand-700 hover:underline";

  return (
    <form
      action={formAction}
      className="flex flex-col gap-5 text-sm"
      onSubmit={(e) => {
        // A field that is not a number still holds its old value in the scale: never save that silently.
        if (Object.keys(unparsed).length > 0) {
          e.preventDefault();
          e.currentTarget.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
        }
      }}
    >
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="version" value={currentVersion} />
      <input type="hidden" name="definition" value={JSON.stringify(def)} />

      <fieldset className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-3">
        <legend className="px-1 font-semibold">Cách tính</legend>
        <label className="flex flex-col gap-1">
          Kiểu biểu điểm
          <select className={inputClass} value={s.kind} onChange={(e) => up({ kind: e.target.value as ScaleDefinition["kind"], start: e.target.value === "DEDUCT_FROM_START" ? (s.start ?? 7500) : undefined })}>
            <option value="ADDITIVE">Cộng điểm theo nhóm tiêu chí</option>
            <option value="DEDUCT_FROM_START">Khởi đầu một số điểm rồi trừ dần</option>
          </select>
        </label>
        {s.kind === "DEDUCT_FROM_START" && (
          <label className="flex flex-col gap-1">
            Điểm khởi đầu
            <PointsInput label="Điểm khởi đầu" value={s.start} onChange={(t) => up({ start: t })} className="w-28" {...pts("start")} />
          </label>
        )}
        <label className="flex flex-col gap-1">
          Kỳ chấm
          <select className={inputClass} value={s.periodKind} onChange={(e) => up({ periodKind: e.target.value as ScaleDefinition["periodKind"] })}>
            <option value="MONTH">Hằng tháng</option>
            <option value="SEMESTER">Theo học kỳ</option>
            <option value="YEAR">Cả năm</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Kết quả năm
          <select className={inputClass} value={s.aggregation} onChange={(e) => up({ aggregation: e.target.value as ScaleDefinition["aggregation"] })}>
            <option value="AVERAGE">Trung bình các kỳ</option>
            <option value="SUM">Cộng các kỳ</option>
            <option value="LAST">Lấy kỳ cuối</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Tiêu chí không áp dụng
          <select className={inputClass} value={s.notApplicable} onChange={(e) => up({ notApplicable: e.target.value as ScaleDefinition["notApplicable"] })}>
            <option value="RESCALE">Bỏ khỏi điểm tối đa, quy đổi tổng điểm</option>
            <option value="FULL_CREDIT">Tính đủ điểm tối đa</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Tiêu chí được miễn
          <select className={inputClass} value={s.exempt} onChange={(e) => up({ exempt: e.target.value as ScaleDefinition["exempt"] })}>
            <option value="FULL_CREDIT">Tính đủ điểm tối đa</option>
            <option value="RESCALE">Bỏ khỏi điểm tối đa, quy đổi tổng điểm</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 sm:col-span-3">
          Căn cứ (quy chế, nghị quyết)
          <input className={inputClass} value={s.basis ?? ""} onChange={(e) => up({ basis: e.target.value || undefined })} />
        </label>
      </fieldset>

      {s.groups.map((g, gi) => (
        <fieldset key={g.key} className="rounded-lg border border-slate-200 p-3">
          <legend className="px-1 font-semibold">
            Nhóm {gi + 1}: tối đa {formatPoints(def.groups[gi].max)} điểm
          </legend>
          <div className="mb-2 flex flex-wrap items-end gap-2">
            <label className="flex flex-1 flex-col gap-1">
              Tên nhóm
              <input className={inputClass} value={g.name} onChange={(e) => setGroup(gi, { name: e.target.value })} />
            </label>
            <label className="flex flex-col gap-1">
              Mức sàn riêng (%)
              <input inputMode="numeric" className={`${inputClass} w-24`} value={g.floorPercent ?? ""} onChange={(e) => setGroup(gi, { floorPercent: e.target.value === "" ? undefined : Math.min(100, Math.max(0, Math.round(Number(e.target.value)) || 0)) })} />
            </label>
            <ConfirmButton
              label="Xóa nhóm"
              title={`Xóa nhóm “${g.name || `nhóm ${gi + 1}`}”?`}
              message={`Nhóm và ${g.criteria.length} tiêu chí của nhóm sẽ bị bỏ khỏi bản nháp (chưa lưu cho đến khi bấm Lưu bản nháp).`}
              confirmLabel="Xóa nhóm"
              className={small}
              onConfirm={() => up({ groups: remove(s.groups, gi) })}
            />
          </div>
          <ul className="flex flex-col gap-2">
            {g.criteria.map((c, ci) => (
              <li key={c.key} className="grid gap-2 sm:grid-cols-[3fr_auto_auto_auto_auto]">
                <input aria-label="Tên tiêu chí" className={inputClass} value={c.name} onChange={(e) => setCrit(gi, ci, { name: e.target.value })} />
                <select aria-label="Cách chấm" className={inputClass} value={c.type} onChange={(e) => setCrit(gi, ci, { type: e.target.value as "POINTS" | "PASS_FAIL", max: e.target.value === "PASS_FAIL" ? 0 : c.max || 10 })}>
                  <option value="POINTS">Chấm điểm</option>
                  <option value="PASS_FAIL">Đạt/Không đạt</option>
                </select>
                {c.type === "POINTS" ? <PointsInput label="Điểm tối đa" value={c.max} onChange={(t) => setCrit(gi, ci, { max: t })} {...pts(`groups.${gi}.criteria.${ci}.max`)} /> : <span className="self-center text-slate-500">—</span>}
                <label className="flex items-center gap-1 whitespace-nowrap">
                  <input type="checkbox" checked={c.evidenceRequired} onChange={(e) => setCrit(gi, ci, { evidenceRequired: e.target.checked })} /> cần minh chứng
                </label>
                <button type="button" className={small} onClick={() => setGroup(gi, { criteria: remove(g.criteria, ci) })}>
                  Xóa
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className={`${add} mt-2`} onClick={() => setGroup(gi, { criteria: [...g.criteria, { key: newKey("tc", allKeys), name: "Tiêu chí mới", max: 10, evidenceRequired: false, type: "POINTS" }] })}>
            + Thêm tiêu chí
          </button>
        </fieldset>
      ))}
      <button type="button" className={add} onClick={() => up({ groups: [...s.groups, { key: newKey("nhom", allKeys), name: "Nhóm tiêu chí mới", max: 0, criteria: [{ key: newKey("tc", allKeys), name: "Tiêu chí mới", max: 50, evidenceRequired: false, type: "POINTS" }] }] })}>
        + Thêm nhóm tiêu chí
      </button>

      <fieldset className="rounded-lg border border-slate-200 p-3">
        <legend className="px-1 font-semibold">Khoản trừ theo lần</legend>
        {s.deductions.map((d, i) => (
          <div key={d.key} className="mb-2 grid gap-2 sm:grid-cols-[3fr_auto_2fr_auto]">
            <input aria-label="Tên khoản trừ" className={inputClass} value={d.name} onChange={(e) => up({ deductions: s.deductions.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })} />
            <PointsInput label="Điểm trừ mỗi lần" value={d.points} onChange={(t) => up({ deductions: s.deductions.map((x, j) => (j === i ? { ...x, points: t } : x)) })} {...pts(`deductions.${i}.points`)} />
            <select aria-label="Trừ vào" className={inputClass} value={d.groupKey ?? ""} onChange={(e) => up({ deductions: s.deductions.map((x, j) => (j === i ? { ...x, groupKey: e.target.value || undefined } : x)) })}>
              <option value="">Trừ vào tổng điểm</option>
              {s.groups.map((g) => (
                <option key={g.key} value={g.key}>
                  Trừ vào nhóm: {g.name}
                </option>
              ))}
            </select>
            <button type="button" className={small} onClick={() => up({ deductions: remove(s.deductions, i) })}>
              Xóa
            </button>
          </div>
        ))}
        <button type="button" className={add} onClick={() => up({ deductions: [...s.deductions, { key: newKey("tru", allKeys), name: "Khoản trừ mới (mỗi lần)", points: 10 }] })}>
          + Thêm khoản trừ
        </button>
      </fieldset>

      <fieldset className="rounded-lg border border-slate-200 p-3">
        <legend className="px-1 font-semibold">Điểm cộng</legend>
        <label className="mb-2 flex items-center gap-2">
          Tổng điểm cộng tối đa <PointsInput label="Tổng điểm cộng tối đa" value={s.bonusCap} onChange={(t) => up({ bonusCap: t })} {...pts("bonusCap")} />
        </label>
        {s.bonus.map((b, i) => (
          <div key={b.key} className="mb-2 grid gap-2 sm:grid-cols-[3fr_auto_auto]">
            <input aria-label="Tên mục cộng điểm" className={inputClass} value={b.name} onChange={(e) => up({ bonus: s.bonus.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })} />
            <PointsInput label="Cộng tối đa" value={b.max} onChange={(t) => up({ bonus: s.bonus.map((x, j) => (j === i ? { ...x, max: t } : x)) })} {...pts(`bonus.${i}.max`)} />
            <button type="button" className={small} onClick={() => up({ bonus: remove(s.bonus, i) })}>
              Xóa
            </button>
          </div>
        ))}
        <button type="button" className={add} onClick={() => up({ bonus: [...s.bonus, { key: newKey("cong", allKeys), name: "Mục cộng điểm mới", max: 20 }] })}>
          + Thêm mục cộng điểm
        </button>
      </fieldset>

      <fieldset className="rounded-lg border border-slate-200 p-3">
        <legend className="px-1 font-semibold">Trường hợp không xếp loại</legend>
        {s.disqualifiers.map((d, i) => (
          <div key={d.key} className="mb-2 grid gap-2 sm:grid-cols-[1fr_auto]">
            <input aria-label="Trường hợp không xếp loại" className={inputClass} value={d.name} onChange={(e) => up({ disqualifiers: s.disqualifiers.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })} />
            <button type="button" className={small} onClick={() => up({ disqualifiers: remove(s.disqualifiers, i) })}>
              Xóa
            </button>
          </div>
        ))}
        <button type="button" className={add} onClick={() => up({ disqualifiers: [...s.disqualifiers, { key: newKey("loai", allKeys), name: "Trường hợp mới" }] })}>
          + Thêm trường hợp
        </button>
      </fieldset>

      <fieldset className="rounded-lg border border-slate-200 p-3">
        <legend className="px-1 font-semibold">Mức xếp loại (từ cao xuống thấp)</legend>
        {s.bands.map((b, i) => (
          <div key={b.key} className="mb-2 flex flex-wrap items-center gap-2">
            <input aria-label="Tên mức" className={`${inputClass} w-40`} value={b.label} onChange={(e) => setBand(i, { label: e.target.value })} />
            từ <PointsInput label={`Điểm tối thiểu – ${b.label}`} value={b.min} onChange={(t) => setBand(i, { min: t })} {...pts(`bands.${i}.min`)} />
            <label className="flex items-center gap-1">
              <input type="checkbox" checked={b.applyGroupFloors} onChange={(e) => setBand(i, { applyGroupFloors: e.target.checked, groupFloorPercent: e.target.checked ? (b.groupFloorPercent ?? 70) : undefined })} /> mỗi nhóm đạt tối thiểu
            </label>
            {b.applyGroupFloors && <input aria-label="Phần trăm tối thiểu mỗi nhóm" inputMode="numeric" className={`${inputClass} w-16`} value={b.groupFloorPercent ?? ""} onChange={(e) => setBand(i, { groupFloorPercent: e.target.value === "" ? undefined : Math.min(100, Math.max(0, Math.round(Number(e.target.value)) || 0)) })} />}
            {b.applyGroupFloors && "%"}
            <label className="flex items-center gap-1">
              <input type="checkbox" checked={!!b.requireAllPass} onChange={(e) => setBand(i, { requireAllPass: e.target.checked || undefined })} /> mọi tiêu chí Đạt
            </label>
            <button type="button" className={small} onClick={() => up({ bands: remove(s.bands, i) })}>
              Xóa
            </button>
          </div>
        ))}
        <button type="button" className={add} onClick={() => up({ bands: [...s.bands, { key: newKey("muc", allKeys), label: "Mức mới", min: Math.max(0, (s.bands.at(-1)?.min ?? 100) - 100), applyGroupFloors: false }] })}>
          + Thêm mức
        </button>
        <label className="mt-2 flex items-center gap-2">
          Dưới mức thấp nhất:
          <input className={`${inputClass} w-48`} value={s.unrankedLabel} onChange={(e) => up({ unrankedLabel: e.target.value })} />
        </label>
      </fieldset>

      {problems.length > 0 ? (
        <ul role="alert" className="list-disc rounded-md bg-amber-50 py-2 pl-8 pr-3 text-amber-900">
          {problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      ) : (
        <p className="text-green-800">Biểu điểm hợp lệ: tổng điểm tiêu chí {formatPoints(def.groups.reduce((n, g) => n + g.max, 0))}, cộng tối đa {formatPoints(s.bonusCap)}.</p>
      )}
      <div className="sticky bottom-0 border-t border-slate-200 bg-white py-3">
        <SubmitButton>Lưu bản nháp</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
