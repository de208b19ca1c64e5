import Link from "next/link";
import { formatNumber } from "@/lib/format";

const LINK = "rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50";

/** The page numbers to offer: the first, the last, and two either side of the current one; null = a gap. */
export function pageWindow(page: number, pages: number, around = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= around) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/** Page links that keep the other query parameters (search, filters); totals first, then the pages. */
export function Pagination({ page, pageSize, total, basePath, params, param = "trang" }: { page: number; pageSize: number; total: number; basePath: string; params: Record<string, string | undefined>; param?: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v && k !== param) q.set(k, v);
    if (p > 1) q.set(param, String(p));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Phân trang" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600 no-print">
      <span>
        {formatNumber(from)}–{formatNumber(to)} trên {formatNumber(total)}
      </span>
      <span className="flex flex-wrap items-center gap-1">
        {page > 1 && <Link className={LINK} href={href(page - 1)}>← Trước</Link>}
        <span className="sr-only">Trang {page}/{pages}</span>
        {pages > 1 &&
          pageWindow(page, pages).map((p, i) =>
            p === null ? (
              <span key={`gap-${i}`} className="px-1" aria-hidden>
                …
              </span>
            ) : p === page ? (
              <span key={p} aria-current="page" className="rounded border border-brand-600 bg-brand-50 px-3 py-1 font-medium text-brand-700">
                {p}
              </span>
            ) : (
              <Link key={p} className={LINK} href={href(p)} aria-label={`Trang ${p}`}>
                {p}
              </Link>
            ),
          )}
        {pages <= 1 && <span className="px-2 py-1">Trang 1/1</span>}
        {page < pages && <Link className={LINK} href={href(page + 1)}>Sau →</Link>}
      </span>
    </nav>
  );
}
