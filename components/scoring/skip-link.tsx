"use client";
// A skip link ("Đến bảng chấm điểm"): the first thing a keyboard user meets on the page, before
// the menu (issue 11: the grid was 21 Tabs away). It is drawn into the app shell's skip-link slot
// (#skip-links, first in the page) when there is one, else where it stands; hidden until focused.
// Activating it calls `onActivate` (which moves focus into the target), so it works the same
// whether the target is a cell, a box or a heading.
import { useSyncExternalStore, type ReactNode } from "react";
import { createPortal } from "react-dom";

export const SKIP_LINKS_SLOT = "skip-links";
const noSubscription = () => () => {};

export function SkipLink({ onActivate, children, href = "#" }: { onActivate: () => void; children: ReactNode; href?: string }) {
  // The shell's slot, read after hydration (none on the server: the link is drawn in place there).
  const slot = useSyncExternalStore(noSubscription, () => document.getElementById(SKIP_LINKS_SLOT), () => null);
  const link = (
    <a
      href={href}
      className="sr-only rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:outline-2 focus:outline-offset-2 focus:outline-brand-700"
      onClick={(e) => {
        e.preventDefault();
        onActivate();
      }}
    >
      {children}
    </a>
  );
  return slot ? createPortal(link, slot) : link;
}
