import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";

/** One choice of a select; `value` goes into the query string. */
export type FilterOption = { value: string; label: string };

/**
 * One control of a list's filter form, in the order shown:
 * - search: a text box (default name "q", searched without diacritics by the page's query);
 * - select: a drop-down; with `all` it starts with an empty choice of that label ("Tất cả"),
 *   without it (a sort order) one of the options is always chosen.
 */
export type FilterField =
  | { kind: "search"; label: string; value: string | null | undefined; name?: string; placeholder?: string }
  | { kind: "select"; label: string; name: string; value: string | null | undefined; options: readonly FilterOption[]; all?: string };

/** The sort drop-down ("Sắp xếp", query parameter sap-xep) from a list of keys and their labels. */
export function sortField<K extends string>(keys: readonly K[], labels: Record<K, string>, value: K): FilterField {
  return { kind: "select", label: "Sắp xếp", name: "sap-xep", value, options: keys.map((k) => ({ value: k, label: labels[k] })) };
}

/**
 * The filter-and-sort form of a paged list (a GET form to the list's own address, so the filters
 * live in the URL and a reload or a shared link shows the same list). `keep` carries parameters
 * the form does not show (e.g. the school year chosen by the tabs above it) as hidden inputs; an
 * empty value is left out. A server component: no state, the browser submits the form.
 */
export function ListFilters({ action, fields, keep = {}, className = "mb-3" }: { action: string; fields: readonly FilterField[]; keep?: Record<string, string | null | undefined>; className?: string }) {
  return (
    <form method="get" action={action} className={`${className} flex flex-wrap items-end gap-2 text-sm no-print`}>
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {fields.map((f) =>
        f.kind === "search" ? (
          <label key={f.name ?? "q"} className="flex flex-col gap-1">
            {f.label}
            <input name={f.name ?? "q"} defaultValue={f.value ?? ""} placeholder={f.placeholder ?? "Tìm (không cần dấu)"} className={inputClass} />
          </label>
        ) : (
          <label key={f.name} className="flex flex-col gap-1">
            {f.label}
            <select name={f.name} defaultValue={f.value ?? ""} className={inputClass}>
              {f.all !== undefined && <option value="">{f.all}</option>}
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ),
      )}
      <button type="submit" className={buttonClass("secondary")}>
        Lọc
      </button>
    </form>
  );
}
