"use client";
// Several checkboxes sent as one field ("a,b,c"): the action wrapper reads one value per name.
import { useState } from "react";

export function MultiCheck({ name, options, initial = [], legend }: { name: string; options: { id: string; label: string }[]; initial?: string[]; legend: string }) {
  const [chosen, setChosen] = useState<string[]>(initial);
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      <input type="hidden" name={name} value={chosen.join(",")} />
      {options.map((o) => (
        <label key={o.id} className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={chosen.includes(o.id)} onChange={() => toggle(o.id)} />
          {o.label}
        </label>
      ))}
      <p className="text-xs text-slate-500">Đã chọn {chosen.length}/{options.length}</p>
    </fieldset>
  );
}
