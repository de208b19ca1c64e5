import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { listViewerPlaces } from "@/lib/orgs/queries";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLinks, type NavSection } from "@/components/layout/nav-links";
import { NotificationBell } from "@/components/layout/notification-bell";
import { loadNotificationSummary } from "@/lib/notifications/queries";

// The shell only: navigation by role. Every page, action and query checks access itself.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  // Places and the bell's data in parallel: a handful of counts, shared with the dashboard.
  const [places, notes] = await Promise.all([listViewerPlaces(viewer), loadNotificationSummary(viewer)]);
  const sections: NavSection[] = [{ title: "", links: [{ href: "/", label: "Tổng quan" }] }];
  for (const u of places.units) {
    sections.push({
      title: u.name,
      links: [
        { href: `/cap-tren/${u.id}`, label: "Tổng quan đơn vị" },
        { href: `/cap-tren/${u.id}/truong`, label: "Trường trực thuộc" },
        { href: `/cap-tren/${u.id}/nguoi-dung`, label: "Người giữ vai trò" },
        { href: `/cap-tren/${u.id}/nhat-ky`, label: "Nhật ký thay đổi" },
      ],
    });
  }
  for (const s of places.schools) {
    const manage = s.roles.some((r) => r === "UNION_CHAIR" || r === "PRINCIPAL");
    const leader = s.roles.includes("GROUP_LEADER");
    sections.push({
      title: s.name,
      links: [
        { href: `/truong/${s.id}`, label: "Trường" },
        ...(manage || leader ? [{ href: `/truong/${s.id}/doan-vien`, label: "Đoàn viên" }] : []),
        { href: `/truong/${s.id}/to-cong-doan`, label: "Tổ công đoàn" },
        ...(manage ? [{ href: `/truong/${s.id}/nhat-ky`, label: "Nhật ký thay đổi" }] : []),
      ],
    });
  }
  // Thi đua (issue 4): campaigns, scales and scoring in each place's section.
  for (const u of places.units) sections.find((x) => x.title === u.name)?.links.push({ href: `/cap-tren/${u.id}/phong-trao`, label: "Phong trào thi đua" });
  for (const s of places.schools) {
    const scorer = s.roles.some((r) => r === "UNION_CHAIR" || r === "PRINCIPAL" || r === "GROUP_LEADER");
    sections.find((x) => x.title === s.name)?.links.push({ href: `/truong/${s.id}/phong-trao`, label: "Phong trào thi đua" }, { href: `/truong/${s.id}/bieu-diem`, label: "Biểu điểm" }, ...(scorer ? [{ href: `/truong/${s.id}/cham-diem`, label: "Chấm điểm" }] : []));
  }
  // Kế hoạch phối hợp, họp liên tịch (issue 3).
  for (const u of places.units) sections.find((x) => x.title === u.name)?.links.push({ href: `/cap-tren/${u.id}/ke-hoach`, label: "Kế hoạch phối hợp" });
  for (const s of places.schools) sections.find((x) => x.title === s.name)?.links.push({ href: `/truong/${s.id}/ke-hoach`, label: "Kế hoạch phối hợp" }, { href: `/truong/${s.id}/hop-lien-tich`, label: "Họp liên tịch" });
  // Khen thưởng (issue 5): review and registry for units; nominations, council, initiatives for schools.
  for (const u of places.units) sections.find((x) => x.title === u.name)?.links.push({ href: `/cap-tren/${u.id}/duyet`, label: "Duyệt hồ sơ khen thưởng" }, { href: `/cap-tren/${u.id}/khen-thuong`, label: "Sổ khen thưởng" }, { href: `/cap-tren/${u.id}/khen-thuong/chi-tieu`, label: "Chỉ tiêu khen thưởng" });
  for (const s of places.schools) sections.find((x) => x.title === s.name)?.links.push({ href: `/truong/${s.id}/de-nghi`, label: "Khen thưởng" }, { href: `/truong/${s.id}/sang-kien`, label: "Sáng kiến" });
  if (viewer.memberId) sections.push({ title: "Cá nhân", links: [{ href: "/ca-nhan", label: "Hồ sơ của tôi" }, { href: "/ca-nhan/thi-dua", label: "Thi đua của tôi" }] });
  const roleText = [...new Set(viewer.grants.map((g) => ROLE_LABELS[g.role]))].join(", ");
  const placeNames = Object.fromEntries([...places.units, ...places.schools].map((p) => [p.id, p.name]));
  const bell = <NotificationBell items={notes.items} unread={notes.unread} waiting={notes.waiting} places={placeNames} />;

  return (
    <div className="min-h-screen lg:flex">
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
      <div className="flex-1">
        <header className="no-print hidden items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 py-2 lg:flex">
          {bell}
          <div className="text-right text-sm">
            <div className="font-medium">{viewer.displayName}</div>
            <div className="text-xs text-slate-500">{roleText}</div>
          </div>
          <SignOutButton />
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6 lg:px-8">{children}</main>
      </div>
    </div>
  );
}
