import Link from "next/link";
import { formatNumber } from "@/lib/format";

/** Page links that keep the other query parameters (search, filters). */
export function Pagination({ page, pageSize, total, basePath, params }: { page: number; pageSize: number; total: number; basePath: string; params: Record<string, string | undefined> }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    if (p > 1) q.set("trang", String(p));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Phân trang" className="mt-4 flex items-center justify-between text-sm text-slate-600 no-print">
      <span>
        {formatNumber(from)}–{formatNumber(to)} trên {formatNumber(total)}
      </span>
      <span className="flex gap-2">
        {page > 1 && <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={href(page - 1)}>← Trước</Link>}
        <span className="px-2 py-1">Trang {page}/{pages}</span>
        {page < pages && <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={href(page + 1)}>Sau →</Link>}
      </span>
    </nav>
  );
}
