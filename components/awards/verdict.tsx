// A verdict with its reasons (each rule, passed or not, with its basis), as in the rules engine.
import { Badge } from "@/components/ui/page";

export interface ReasonView {
  passed: boolean;
  detail: string;
  basis: string;
}

export function Reasons({ reasons }: { reasons: ReasonView[] }) {
  return (
    <ul className="mt-1 space-y-1 text-xs">
      {reasons.map((r, i) => (
        <li key={i} className={r.passed ? "text-slate-600" : "text-red-700"}>
          <span aria-hidden>{r.passed ? "✓ " : "✗ "}</span>
          {r.detail}
          <span className="block text-[11px] text-slate-400">Căn cứ: {r.basis}</span>
        </li>
      ))}
    </ul>
  );
}

export function VerdictCell({ v }: { v: { eligible: boolean; flagOnly?: boolean; summary: string; reasons: ReasonView[] } | null }) {
  if (!v) return <span className="text-xs text-slate-400">–</span>;
  const label = v.eligible ? (v.flagOnly ? "Đủ điều kiện đề xuất" : "Đạt") : v.flagOnly ? "Chưa đủ" : "Không đạt";
  return (
    <details className="text-sm">
      <summary className="cursor-pointer list-none">
        <Badge tone={v.eligible ? "green" : v.flagOnly ? "slate" : "red"}>{label}</Badge>
        {!v.eligible && <span className="ml-1 text-xs text-slate-600">{v.summary}</span>}
      </summary>
      <Reasons reasons={v.reasons} />
    </details>
  );
}

export function CheckList({ checks, empty }: { checks: ReasonView[]; empty?: string }) {
  if (!checks.length) return <p className="text-sm text-green-700">{empty ?? "Không có vướng mắc."}</p>;
  return <Reasons reasons={checks} />;
}
