"use client";
// Who a decision covers, when the waiting list runs to hundreds or thousands: every nominee
// matching the screen's filter (all pages; their ids come from the server), less the ones unticked
// on the page drawn. Sent as one field ("a,b,c") like MultiCheck; on the form's reset the boxes are
// drawn again from the choice held here (see multi-check.tsx).
import { useState } from "react";
import { formatNumber } from "@/lib/format";
import { useRedrawOnReset } from "./multi-check";

export function DecisionNominees({ name, matchingIds, rows, legend }: { name: string; matchingIds: string[]; rows: { id: string; label: string }[]; legend: string }) {
  const [excluded, setExcluded] = useState<string[]>([]);
  const { box, drawn } = useRedrawOnReset();
  const toggle = (id: string) => setExcluded((x) => (x.includes(id) ? x.filter((y) => y !== id) : [...x, id]));
  const chosen = excluded.length ? matchingIds.filter((id) => !excluded.includes(id)) : matchingIds;
  const others = matchingIds.length - rows.length;
  return (
    <fieldset ref={box} className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      <input type="hidden" name={name} value={chosen.join(",")} />
      {rows.map((o) => (
        <label key={`${o.id}:${drawn}`} className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={!excluded.includes(o.id)} onChange={() => toggle(o.id)} />
          {o.label}
        </label>
      ))}
      <p className="text-xs text-slate-500" aria-live="polite">
        Quyết định gồm {formatNumber(chosen.length)}/{formatNumber(matchingIds.length)} người đang lọc
        {others > 0 ? ` (kể cả ${formatNumber(others)} người ở các trang khác; bỏ chọn chỉ áp dụng cho trang đang xem)` : ""}.
      </p>
    </fieldset>
  );
}
