"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";

export interface NavSection {
  title: string;
  links: { href: string; label: string }[];
}

/**
 * The main navigation. From lg up it is the side column; on a phone (issue 11: a 1,534-px strip
 * that scrolled sideways with nothing to show more was there) a "Menu" button opens the same
 * links as a vertical list, so nothing is off-screen and the page never scrolls sideways
 * (WCAG 1.4.10 reflow).
 */
export function NavLinks({ sections }: { sections: NavSection[] }) {
  const path = usePathname();
  const [open, setOpen] = useState(false);
  // The longest matching link is the current one ("Trường" is not active on its sub-pages).
  const best = sections
    .flatMap((x) => x.links)
    .filter((x) => path === x.href || path.startsWith(x.href + "/"))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <>
      <div className="px-4 pb-3 lg:hidden">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="dieu-huong-chinh"
          onClick={() => setOpen((o) => !o)}
          className="flex w-full items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-left text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 shrink-0" fill="currentColor">
            {open ? (
              <path d="M5.3 4.3a1 1 0 0 1 1.4 0L10 7.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 9l3.3 3.3a1 1 0 0 1-1.4 1.4L10 10.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 9 5.3 5.7a1 1 0 0 1 0-1.4Z" />
            ) : (
              <path d="M3 5a1 1 0 0 1 1-1h12a1 1 0 1 1 0 2H4a1 1 0 0 1-1-1Zm0 5a1 1 0 0 1 1-1h12a1 1 0 1 1 0 2H4a1 1 0 0 1-1-1Zm1 4a1 1 0 1 0 0 2h12a1 1 0 1 0 0-2H4Z" />
            )}
          </svg>
          <span>Menu</span>
          {best && <span className="min-w-0 truncate font-normal text-slate-600">· {best.label}</span>}
        </button>
      </div>
      <nav id="dieu-huong-chinh" aria-label="Điều hướng chính" className={`${open ? "flex" : "hidden"} flex-col gap-3 px-2 pb-3 text-sm lg:flex`}>
        {sections.map((s, i) => (
          <div key={i} className="min-w-0">
            {s.title && <div className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{s.title}</div>}
            <ul className="flex flex-col gap-1">
              {s.links.map((l) => {
                const active = best?.href === l.href;
                return (
                  <li key={l.href}>
                    <Link
                      href={l.href}
                      onClick={() => setOpen(false)}
                      aria-current={active ? "page" : undefined}
                      className={`block rounded-md px-2 py-1.5 ${active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
                    >
                      {l.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </nav>
    </>
  );
}
