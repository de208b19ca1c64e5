"use client";
import { usePathname } from "next/navigation";
import { useEffect } from "react";

// Wide tables scroll sideways inside their box (class overflow-x-auto / overflow-auto). A keyboard
// user must be able to reach such a box to scroll it (WCAG 2.1.1; axe "scrollable-region-focusable",
// issue 11: the audit tables could not be scrolled without a mouse). Rather than trusting every
// page to remember it, the app shell gives every box that really scrolls a tab stop, the region
// role and a name (the table's caption or aria-label, else the heading above it), and takes them
// back when the box no longer scrolls. Markup that sets its own (components/ui/page.tsx
// scrollRegion) is left alone.

const BOXES = ".overflow-x-auto, .overflow-auto, .overflow-x-scroll, .overflow-scroll";
const MARK = "data-scroll-region";

function headingBefore(el: Element): string | null {
  for (let a: Element | null = el.parentElement; a && a !== document.body; a = a.parentElement) {
    const hs = [...a.querySelectorAll("h1, h2, h3, h4")].filter((h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    const h = hs[hs.length - 1];
    if (h?.textContent?.trim()) return h.textContent.trim();
  }
  return null;
}

function nameOf(el: Element): string {
  const table = el.querySelector("table");
  const own = table?.querySelector("caption")?.textContent?.trim() || table?.getAttribute("aria-label")?.trim();
  return own || headingBefore(el) || "Bảng";
}

function update(root: ParentNode) {
  for (const el of root.querySelectorAll<HTMLElement>(BOXES)) {
    const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    const ours = el.hasAttribute(MARK);
    if (scrolls && !el.hasAttribute("tabindex")) {
      el.setAttribute(MARK, "");
      el.tabIndex = 0;
      if (!el.hasAttribute("role")) el.setAttribute("role", "region");
      if (!el.hasAttribute("aria-label") && !el.hasAttribute("aria-labelledby")) el.setAttribute("aria-label", nameOf(el));
    } else if (!scrolls && ours) {
      el.removeAttribute(MARK);
      el.removeAttribute("tabindex");
      el.removeAttribute("role");
      el.removeAttribute("aria-label");
    }
  }
}

export function ScrollRegions() {
  const path = usePathname();
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => update(document));
    };
    schedule();
    const observer = new MutationObserver((records) => {
      // our own attribute changes do not call for another pass
      if (records.some((r) => r.type === "childList")) schedule();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener("resize", schedule);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener("resize", schedule);
    };
  }, [path]);
  return null;
}
