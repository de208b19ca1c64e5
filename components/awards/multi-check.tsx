"use client";
// Several checkboxes sent as one field ("a,b,c"): the action wrapper reads one value per name.
//
// React resets a form after its action returns, refused or not; a reset puts every checkbox back
// to how it was first drawn (all ticked for an attendance list) while this component still holds
// the choice that was sent — issue 11: after "Chưa đủ túc số" nine boxes showed ticked beside
// "5/9". On the form's reset the boxes are drawn again from the choice held here, so they show
// what was sent.
import { useEffect, useRef, useState } from "react";

/**
 * A fieldset's ref and a count of its form's resets: key the checkboxes by it so that a reset draws
 * them again from the component's state (MultiCheck, DecisionNominees).
 */
export function useRedrawOnReset() {
  const [drawn, setDrawn] = useState(0);
  const box = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    const form = box.current?.form;
    if (!form) return;
    const redraw = () => setDrawn((n) => n + 1);
    form.addEventListener("reset", redraw);
    return () => form.removeEventListener("reset", redraw);
  }, []);
  return { box, drawn };
}

export function MultiCheck({ name, options, initial = [], legend }: { name: string; options: { id: string; label: string }[]; initial?: string[]; legend: string }) {
  const [chosen, setChosen] = useState<string[]>(initial);
  const { box, drawn } = useRedrawOnReset();
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  return (
    <fieldset ref={box} className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      <input type="hidden" name={name} value={chosen.join(",")} />
      {options.map((o) => (
        <label key={`${o.id}:${drawn}`} className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={chosen.includes(o.id)} onChange={() => toggle(o.id)} />
          {o.label}
        </label>
      ))}
      <p className="text-xs text-slate-500">Đã chọn {chosen.length}/{options.length}</p>
    </fieldset>
  );
}
