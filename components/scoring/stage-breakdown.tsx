// A sheet's breakdown in the layout schools use: criteria × (max / self / group / council), then
// deductions, bonus, totals and classification with reasons, and each stage's explanation.
import type { ScoreStageKind } from "@/lib/generated/prisma/enums";
import type { StageData, StageResult } from "@/lib/scoring/rules";
import type { ScaleDefinition } from "@/lib/scoring/scale";
import { cellText } from "@/lib/scoring/cells";
import { formatPoints } from "@/lib/scoring/points";
import { STAGE_LABELS } from "@/lib/scoring/workflow";
import { Badge } from "@/components/ui/page";

type Stages = Partial<Record<ScoreStageKind, { data: StageData; result: StageResult; explanation: string | null; enteredBy: string }>>;
const ORDER: ScoreStageKind[] = ["SELF", "GROUP", "COUNCIL"];

export function StageBreakdown({ scale, stages }: { scale: ScaleDefinition; stages: Stages }) {
  const td = "border-t border-slate-200 px-2 py-1.5";
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-2">Tiêu chí</th>
            <th scope="col" className="px-2 py-2 text-center">Tối đa</th>
            {ORDER.map((s) => (
              <th key={s} scope="col" className="px-2 py-2 text-center">
                {STAGE_LABELS[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scale.groups.map((g) => (
            <GroupRows key={g.key} g={g} stages={stages} td={td} />
          ))}
          {scale.deductions.length > 0 && (
            <tr>
              <th scope="row" className={`${td} text-left font-medium`}>Khoản trừ</th>
              <td className={td} />
              {ORDER.map((s) => (
                <td key={s} className={`${td} text-center`}>
                  {stages[s] ? (stages[s]!.result.deductionTotal ? `−${formatPoints(stages[s]!.result.deductionTotal)}` : "0") : ""}
                  {stages[s]?.data.deductions.map((d) => (
                    <div key={d.key} className="text-xs text-slate-500">
                      {scale.deductions.find((x) => x.key === d.key)?.name} × {d.count}: {d.reason}
                    </div>
                  ))}
                </td>
              ))}
            </tr>
          )}
          {scale.bonus.length > 0 && (
            <tr>
              <th scope="row" className={`${td} text-left font-medium`}>Điểm cộng</th>
              <td className={`${td} text-center`}>≤ {formatPoints(scale.bonusCap)}</td>
              {ORDER.map((s) => (
                <td key={s} className={`${td} text-center`}>
                  {stages[s] ? formatPoints(stages[s]!.result.bonusCapped) : ""}
                </td>
              ))}
            </tr>
          )}
          <tr className="bg-slate-50 font-semibold">
            <th scope="row" className={`${td} text-left`}>Tổng điểm</th>
            <td className={`${td} text-center`}>{formatPoints(scale.kind === "DEDUCT_FROM_START" ? (scale.start ?? 0) : scale.groups.reduce((n, g) => n + g.max, 0))}</td>
            {ORDER.map((s) => (
              <td key={s} className={`${td} text-center`} data-testid={`total-${s}`}>
                {stages[s] ? formatPoints(stages[s]!.result.total) : ""}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className={`${td} text-left font-medium`}>Xếp loại</th>
            <td className={td} />
            {ORDER.map((s) => {
              const c = stages[s]?.result.classification;
              return (
                <td key={s} className={`${td} text-center`} data-testid={`class-${s}`}>
                  {stages[s] ? c ? <Badge tone={c.key ? "green" : "red"}>{c.label}</Badge> : <Badge tone="amber">Chưa đủ</Badge> : ""}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
      <div className="mt-3 grid gap-3 sm:grid-cols-3">
        {ORDER.filter((s) => stages[s]).map((s) => {
          const st = stages[s]!;
          return (
            <div key={s} className="rounded-md border border-slate-200 p-2 text-sm">
              <div className="font-medium">
                {STAGE_LABELS[s]} <span className="font-normal text-slate-500">– {st.enteredBy}</span>
              </div>
              {st.explanation && <p className="mt-1 whitespace-pre-line">{st.explanation}</p>}
              {st.result.disqualified.map((d) => (
                <p key={d.key} className="mt-1 text-red-700">
                  {d.name}: {d.reason}
                </p>
              ))}
              {st.result.classification && (
                <ul className="mt-1 list-disc pl-5 text-xs text-slate-600">
                  {st.result.classification.reasons.map((r) => (
                    <li key={r.rule}>{r.message}</li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function GroupRows({ g, stages, td }: { g: ScaleDefinition["groups"][number]; stages: Stages; td: string }) {
  return (
    <>
      <tr className="bg-slate-50/60">
        <th scope="rowgroup" colSpan={2} className={`${td} text-left font-semibold`}>
          {g.name} ({formatPoints(g.max)})
        </th>
        {ORDER.map((s) => (
          <td key={s} className={`${td} text-center font-semibold`}>
            {stages[s] ? formatPoints(stages[s]!.result.groups.find((x) => x.key === g.key)?.score ?? 0) : ""}
          </td>
        ))}
      </tr>
      {g.criteria.map((c) => (
        <tr key={c.key}>
          <th scope="row" className={`${td} pl-5 text-left font-normal`}>
            {c.name}
          </th>
          <td className={`${td} text-center`}>{c.type === "PASS_FAIL" ? "Đ/K" : formatPoints(c.max)}</td>
          {ORDER.map((s) => (
            <td key={s} className={`${td} text-center`}>
              {stages[s] ? cellText(stages[s]!.data.entries[c.key]) || <span className="text-amber-700">chưa chấm</span> : ""}
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}
