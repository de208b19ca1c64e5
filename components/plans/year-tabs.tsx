import Link from "next/link";

/** School-year switcher as links (?nam=<id>), newest first. */
export function YearTabs({ years, current, path }: { years: { id: string; label: string }[]; current: string | null; path: string }) {
  return (
    <nav aria-label="Năm học" className="mb-4 flex flex-wrap gap-2 text-sm no-print">
      {years.map((y) => (
        <Link
          key={y.id}
          href={`${path}?nam=${y.id}`}
          aria-current={y.id === current ? "page" : undefined}
          className={`rounded-full border px-3 py-1 ${y.id === current ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
        >
          Năm học {y.label}
        </Link>
      ))}
    </nav>
  );
}
