// A stage result as a person reads it: total, classification with its reasons, what is missing.
// No hooks: used by server pages and client editors alike.
import type { StageResult } from "@/lib/scoring/rules";
import type { ScaleDefinition } from "@/lib/scoring/scale";
import { formatPoints } from "@/lib/scoring/points";
import { Badge } from "@/components/ui/page";

export function ResultSummary({ result, scale, title = "Kết quả" }: { result: StageResult; scale: ScaleDefinition; title?: string }) {
  const c = result.classification;
  return (
    <section aria-live="polite" className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm">
      <div className="flex flex-wrap items-baseline gap-3">
        <span className="font-semibold">{title}:</span>
        <span className="text-2xl font-semibold" data-testid="stage-total">
          {formatPoints(result.total)}
        </span>
        <span className="text-slate-500">
          / {formatPoints(scale.kind === "DEDUCT_FROM_START" ? (scale.start ?? 0) : result.criteriaMax)}
        </span>
        {c ? <Badge tone={c.key ? "green" : "red"}>{c.label}</Badge> : <Badge tone="amber">Chưa chấm đủ ({result.missing.length} tiêu chí)</Badge>}
      </div>
      <p className="mt-1 text-slate-600">
        Điểm tiêu chí {formatPoints(result.criteriaScore)}
        {result.criteriaScaled !== result.criteriaScore && <> (quy đổi theo tiêu chí áp dụng: {formatPoints(result.criteriaScaled)})</>}
        {result.deductionTotal > 0 && <> · trừ {formatPoints(result.deductionTotal)}</>}
        {result.bonusCapped > 0 && (
          <>
            {" "}
            · cộng {formatPoints(result.bonusCapped)}
            {result.bonusTotal > result.bonusCapped && <> (đã giới hạn từ {formatPoints(result.bonusTotal)})</>}
          </>
        )}
      </p>
      {c && c.reasons.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-slate-700">
          {c.reasons.map((r) => (
            <li key={r.rule}>{r.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
