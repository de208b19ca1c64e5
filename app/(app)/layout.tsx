import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { loadViewerPlaces } from "@/lib/orgs/queries";
import { roleLabels } from "@/lib/authz/scope";
import { navFor } from "@/lib/authz/nav";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLinks, type NavSection } from "@/components/layout/nav-links";
import { NotificationBell } from "@/components/layout/notification-bell";
import { ScrollRegions } from "@/components/layout/scroll-regions";
import { loadNotificationSummary } from "@/lib/notifications/queries";

// The shell only: navigation by capability (lib/authz/nav.ts). Every page, action and query checks access itself.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  // Places and the bell's data in parallel: a handful of counts, shared with the dashboard.
  const [places, notes] = await Promise.all([loadViewerPlaces(viewer), loadNotificationSummary(viewer)]);
  // Which links: the gate's decision per capability and place (lib/authz/nav.ts), not role names.
  const sections: NavSection[] = navFor(viewer, places);
  const roleText = roleLabels(viewer).join(", ");
  const placeNames = Object.fromEntries([...places.units, ...places.schools].map((p) => [p.id, p.name]));
  const bell = <NotificationBell items={notes.items} unread={notes.unread} waiting={notes.waiting} places={placeNames} />;

  return (
    <div className="min-h-screen lg:flex">
      {/* Skip links of the page (components/scoring/skip-link.tsx draws them here): first in the Tab order. */}
      <div id="skip-links" className="no-print" />
      <aside className="no-print border-b border-slate-200 bg-white lg:w-64 lg:shrink-0 lg:border-r lg:border-b-0">
        <div className="flex items-center justify-between px-4 py-3 lg:block">
          <Link href="/" className="text-lg font-semibold text-brand-700">
            Thi đua
          </Link>
          <div className="flex items-center gap-1 lg:hidden">
            {bell}
            <SignOutButton />
          </div>
        </div>
        <NavLinks sections={sections} />
      </aside>
      <div className="min-w-0 flex-1">
        <header className="no-print hidden items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 py-2 lg:flex">
          {bell}
          <div className="text-right text-sm">
            <div className="font-medium">{viewer.displayName}</div>
            <div className="text-xs text-slate-500">{roleText}</div>
          </div>
          <Link href="/ca-nhan/bao-mat" className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
            Bảo mật
          </Link>
          <SignOutButton />
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6 lg:px-8">{children}</main>
        <ScrollRegions />
      </div>
    </div>
  );
}
