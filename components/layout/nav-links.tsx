"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavSection {
  title: string;
  links: { href: string; label: string }[];
}

export function NavLinks({ sections }: { sections: NavSection[] }) {
  const path = usePathname();
  return (
    <nav aria-label="Điều hướng chính" className="flex gap-4 overflow-x-auto px-2 pb-3 text-sm lg:flex-col lg:gap-3 lg:overflow-visible">
      {sections.map((s, i) => (
        <div key={i} className="shrink-0">
          {s.title && <div className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{s.title}</div>}
          <ul className="flex gap-1 lg:flex-col">
            {s.links.map((l) => {
              // The longest matching link is the current one ("Trường" is not active on its sub-pages).
              const best = sections.flatMap((x) => x.links).filter((x) => path === x.href || path.startsWith(x.href + "/")).sort((a, b) => b.href.length - a.href.length)[0];
              const active = best?.href === l.href;
              return (
                <li key={l.href}>
                  <Link href={l.href} aria-current={active ? "page" : undefined} className={`block whitespace-nowrap rounded-md px-2 py-1.5 ${active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}>
                    {l.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
