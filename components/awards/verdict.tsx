// A verdict with its reasons (each rule, passed or not, with its basis), as in the rules engine.
import { Badge } from "@/components/ui/page";

export interface ReasonView {
  passed: boolean;
  detail: string;
  basis: string;
}

/**
 * The legal bases of a table numbered once (the same few texts recur in every row: a page of 50
 * members repeated them 1,000 times): each reason then says "Căn cứ [n]" and BasisNotes lists them
 * under the table.
 */
export type BasisNumbers = Map<string, number>;

export function numberBases(reasons: Iterable<ReasonView>): BasisNumbers {
  const out: BasisNumbers = new Map();
  for (const r of reasons) if (!out.has(r.basis)) out.set(r.basis, out.size + 1);
  return out;
}

export function BasisNotes({ bases }: { bases: BasisNumbers }) {
  if (!bases.size) return null;
  return (
    <ol aria-label="Căn cứ" className="mt-3 space-y-0.5 text-xs text-slate-500">
      {[...bases].map(([basis, n]) => (
        <li key={n} id={`can-cu-${n}`}>
          [{n}] {basis}
        </li>
      ))}
    </ol>
  );
}

export function Reasons({ reasons, bases }: { reasons: ReasonView[]; bases?: BasisNumbers }) {
  return (
    <ul className="mt-1 space-y-1 text-xs">
      {reasons.map((r, i) => {
        const n = bases?.get(r.basis);
        return (
          <li key={i} className={r.passed ? "text-slate-600" : "text-red-700"}>
            <span aria-hidden>{r.passed ? "✓ " : "✗ "}</span>
            {r.detail}
            {n ? (
              <a href={`#can-cu-${n}`} className="ml-1 text-[11px] text-slate-400 hover:underline">
                Căn cứ [{n}]
              </a>
            ) : (
              <span className="block text-[11px] text-slate-400">Căn cứ: {r.basis}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function VerdictCell({ v, bases }: { v: { eligible: boolean; flagOnly?: boolean; summary: string; reasons: ReasonView[] } | null; bases?: BasisNumbers }) {
  if (!v) return <span className="text-xs text-slate-400">–</span>;
  const label = v.eligible ? (v.flagOnly ? "Đủ điều kiện đề xuất" : "Đạt") : v.flagOnly ? "Chưa đủ" : "Không đạt";
  return (
    <details className="text-sm">
      <summary className="cursor-pointer list-none">
        <Badge tone={v.eligible ? "green" : v.flagOnly ? "slate" : "red"}>{label}</Badge>
        {!v.eligible && <span className="ml-1 text-xs text-slate-600">{v.summary}</span>}
      </summary>
      <Reasons reasons={v.reasons} bases={bases} />
    </details>
  );
}

export function CheckList({ checks, empty }: { checks: ReasonView[]; empty?: string }) {
  if (!checks.length) return <p className="text-sm text-green-700">{empty ?? "Không có vướng mắc."}</p>;
  return <Reasons reasons={checks} />;
}
