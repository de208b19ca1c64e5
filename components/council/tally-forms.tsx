"use client";
// The council's tally forms (rule 13). Each keeps what was typed when the server refuses a tally
// (values come back in the action state) and shows the refusal beside the field it concerns.
import { useId } from "react";
import type { ActionState } from "@/lib/server/action";
import { ActionForm, type FormAction } from "@/components/awards/action-form";
import { inputClass } from "@/components/ui/field";

type State = ActionState;

function value(state: State, name: string, fallback: number | string): string {
  return (state && !state.ok ? state.values?.[name] : undefined) ?? String(fallback);
}
function errorsOf(state: State, name: string): string[] {
  return (state && !state.ok ? state.fieldErrors?.[name] : undefined) ?? [];
}

function CountInput({ state, name, label, fallback, max, className = "w-24" }: { state: State; name: string; label: string; fallback: number | string; max: number; className?: string }) {
  const errs = errorsOf(state, name);
  const id = useId();
  const v = value(state, name, fallback);
  return (
    <div className={`flex flex-col gap-1 text-xs ${className}`}>
      <label htmlFor={id}>{label}</label>
      <input
        key={`${name}:${v}`}
        id={id}
        name={name}
        type="number"
        min={0}
        max={max}
        defaultValue={v}
        className={inputClass}
        aria-invalid={errs.length ? true : undefined}
        aria-describedby={errs.length ? `${id}-error` : undefined}
      />
      {errs.length > 0 && (
        <span id={`${id}-error`} className="text-red-700">
          {errs.join(" ")}
        </span>
      )}
    </div>
  );
}

function SharedCounts({ state, present, initial }: { state: State; present: number; initial?: { issued: number; returned: number; valid: number } | null }) {
  return (
    <>
      <CountInput state={state} name="issued" label="Phát ra" fallback={initial?.issued ?? present} max={present} />
      <CountInput state={state} name="returned" label="Thu về" fallback={initial?.returned ?? present} max={present} />
      <CountInput state={state} name="valid" label="Hợp lệ" fallback={initial?.valid ?? present} max={present} />
    </>
  );
}

/** One tally (issued, returned, valid, agree): a single nominee's ballot or a whole-list show of hands. */
export function TallyForm({ action, hidden, label, present, initial }: { action: FormAction; hidden: Record<string, string>; label: string; present: number; initial?: { issued: number; returned: number; valid: number; agree: number } | null }) {
  return (
    <ActionForm action={action} hidden={hidden} label={label} inline>
      {(state) => (
        <>
          <SharedCounts state={state} present={present} initial={initial} />
          <CountInput state={state} name="agree" label="Đồng ý" fallback={initial?.agree ?? present} max={present} />
        </>
      )}
    </ActionForm>
  );
}

export interface SheetNominee {
  id: string;
  nomineeName: string;
  titleName: string;
  rule: string;
  vote: { issued: number; returned: number; valid: number; agree: number; passed: boolean; baseCount: number } | null;
}

/**
 * A ballot sheet listing every nominee: the counts of ballots once, then "agree" for each person
 * (a secret ballot lists each name; a show of hands can be taken person by person too).
 */
export function BallotSheetForm({ action, meetingId, packageId, kind, present, nominees, label }: { action: FormAction; meetingId: string; packageId: string; kind: "secret" | "open"; present: number; nominees: SheetNominee[]; label: string }) {
  const first = nominees.find((n) => n.vote)?.vote ?? null;
  return (
    <ActionForm action={action} hidden={{ meetingId, packageId, kind }} label={label}>
      {(state) => (
        <>
          <div className="flex flex-wrap items-end gap-2">
            <SharedCounts state={state} present={present} initial={first} />
          </div>
          <table className="w-full text-sm" aria-label={kind === "secret" ? "Phiếu bầu kín theo từng người" : "Biểu quyết theo từng người"}>
            <thead className="text-left text-xs text-slate-600">
              <tr>
                <th className="py-1 pr-2">Họ và tên</th>
                <th className="py-1 pr-2">Đề nghị</th>
                <th className="py-1 pr-2">Số phiếu đồng ý</th>
                <th className="py-1 pr-2">Đã ghi</th>
              </tr>
            </thead>
            <tbody>
              {nominees.map((n) => (
                <tr key={n.id} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-2">{n.nomineeName}</td>
                  <td className="py-1 pr-2 text-xs">
                    {n.titleName} <span className="text-slate-500">(cần {n.rule})</span>
                  </td>
                  <td className="py-1 pr-2">
                    <CountInput state={state} name={`agree_${n.id}`} label={`Đồng ý – ${n.nomineeName}`} fallback={n.vote?.agree ?? ""} max={present} className="w-40" />
                  </td>
                  <td className="py-1 pr-2 text-xs">{n.vote ? `${n.vote.passed ? "Đạt" : "Không đạt"} ${n.vote.agree}/${n.vote.baseCount}` : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </ActionForm>
  );
}
