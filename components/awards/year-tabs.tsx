import Link from "next/link";

/** School-year switcher as links (?nam=<id>), newest first. */
export function AwardYearTabs({ years, current, path }: { years: { id: string; label: string }[]; current: string; path: string }) {
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

/** Links between the school's awards rooms. */
export function SchoolAwardsNav({ schoolId, active, manage }: { schoolId: string; active: string; manage: boolean }) {
  const base = `/truong/${schoolId}`;
  const links = [
    ...(manage ? [{ href: `${base}/de-nghi`, label: "Hồ sơ đề nghị" }, { href: `${base}/de-nghi/xet-dieu-kien`, label: "Xét điều kiện" }, { href: `${base}/hoi-dong`, label: "Hội đồng TĐ-KT" }, { href: `${base}/de-nghi/quyet-dinh`, label: "Quyết định" }] : []),
    { href: `${base}/sang-kien`, label: "Sáng kiến" },
    { href: `${base}/de-nghi/cong-khai`, label: "Danh sách công khai" },
    { href: `${base}/de-nghi/so-khen-thuong`, label: "Sổ khen thưởng" },
  ];
  return (
    <nav aria-label="Thi đua – khen thưởng" className="mb-4 flex flex-wrap gap-1 border-b border-slate-200 text-sm no-print">
      {links.map((l) => (
        <Link key={l.href} href={l.href} aria-current={l.href === active ? "page" : undefined} className={`-mb-px border-b-2 px-3 py-2 ${l.href === active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
