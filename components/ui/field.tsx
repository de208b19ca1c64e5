import type { ReactNode } from "react";

/** A labelled form field with its error beside it (aria-describedby), keeping typed values. */
export function Field({
  name,
  label,
  errors,
  hint,
  children,
}: {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
  children?: ReactNode;
}) {
  const errId = `${name}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !errors?.length && <p className="text-xs text-slate-500">{hint}</p>}
      <div id={errId} aria-live="polite">
        {errors?.map((e) => (
          <p key={e} className="text-sm text-red-700">
            {e}
          </p>
        ))}
      </div>
    </div>
  );
}

export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

/** Props that wire an input to its Field: id, name, default value and error state. */
export function fieldProps(name: string, state: { values?: Record<string, string>; fieldErrors?: Record<string, string[] | undefined> } | null | undefined, fallback?: string | number | null) {
  const errors = state?.fieldErrors?.[name];
  return {
    id: name,
    name,
    defaultValue: state?.values?.[name] ?? (fallback == null ? "" : String(fallback)),
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": `${name}-error`,
    className: inputClass,
  } as const;
}
