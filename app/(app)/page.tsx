import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getSchoolCounts, getUnitCounts, loadViewerPlaces } from "@/lib/orgs/queries";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { roleLabels } from "@/lib/authz/scope";
import { Card, PageHeader, Stat } from "@/components/ui/page";
import { formatNumber } from "@/lib/format";
import { loadNotificationSummary } from "@/lib/notifications/queries";
import { getMemberDashboard } from "@/lib/dashboards/member";
import { MemberSummary } from "@/components/dashboards/member-summary";

export default async function DashboardPage() {
  const viewer = await requireViewer();
  // Everyone with a member record sees their own emulation first (issue 9's member dashboard).
  const [places, notes, mine] = await Promise.all([loadViewerPlaces(viewer), loadNotificationSummary(viewer), getMemberDashboard(viewer)]);
  const todo = notes.waiting.filter((w) => w.count > 0);
  const placeName = new Map([...places.units, ...places.schools].map((p) => [p.id, p.name]));
  const upper = places.isAdmin || places.units.length > 0 ? await getUnitCounts(viewer) : null;
  const schools = await Promise.all(places.schools.map((s) => getSchoolCounts(viewer, s.id).then((c) => ({ ...c, roles: s.roles }))));

  return (
    <>
      <PageHeader title={`Xin chào, ${viewer.displayName}`} subtitle={roleLabels(viewer).join(" · ")} />
      {todo.length > 0 && (
        <section className="mb-8" aria-labelledby="viec-dang-cho">
          <h2 id="viec-dang-cho" className="mb-3 text-lg font-semibold">
            Việc đang chờ
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {todo.map((w) => (
              <li key={w.key}>
                <Link href={w.href} className="block rounded-lg border border-amber-200 bg-amber-50 p-4 shadow-sm hover:border-amber-300 hover:bg-amber-100">
                  <div className="text-sm text-slate-700">{w.label}</div>
                  <div className="mt-1 text-3xl font-semibold text-slate-900">{formatNumber(w.count)}</div>
                  <div className="mt-1 text-xs text-slate-600">{w.placeId ? placeName.get(w.placeId) : "Của bạn"} · Mở →</div>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {mine && (
        <section className="mb-8" aria-label="Thi đua của tôi">
          <MemberSummary d={mine} />
          <p className="mt-2 text-sm">
            <Link className="text-brand-700 underline" href="/ca-nhan">
              Hồ sơ của tôi →
            </Link>
          </p>
        </section>
      )}
      {upper && (
        <section className="mb-8">
          <h2 className="mb-3 text-lg font-semibold">{places.isAdmin ? "Toàn hệ thống" : places.units.map((u) => u.name).join(", ")}</h2>
          <div className="grid gap-4 sm:grid-cols-3">
            <Stat label="Trường" value={formatNumber(upper.schools)} />
            <Stat label="Đoàn viên" value={formatNumber(upper.members)} hint="không tính người đã nghỉ" />
            <Stat label="Tổ công đoàn" value={formatNumber(upper.groups)} />
          </div>
          {places.units.map((u) => (
            <p key={u.id} className="mt-3 text-sm">
              <Link className="text-brand-700 underline" href={`/cap-tren/${u.id}/truong`}>
                Xem các trường của {u.name} →
              </Link>
            </p>
          ))}
        </section>
      )}
      {schools.map((s) => (
        <section key={s.school.id} className="mb-8">
          <h2 className="mb-3 text-lg font-semibold">
            <Link href={`/truong/${s.school.id}`} className="hover:underline">
              {s.school.name}
            </Link>
            <span className="ml-2 text-sm font-normal text-slate-500">{s.roles.map((r) => ROLE_LABELS[r]).join(", ")}</span>
          </h2>
          <div className="grid gap-4 sm:grid-cols-4">
            <Stat label="Đoàn viên" value={formatNumber(s.members)} />
            <Stat label="Đang công tác" value={formatNumber(s.active)} />
            <Stat label="Nữ" value={formatNumber(s.women)} />
            <Stat label="Tổ công đoàn" value={formatNumber(s.groups)} />
          </div>
        </section>
      ))}
      {!upper && schools.length === 0 && (
        <Card>
          <p className="text-sm text-slate-600">Tài khoản của bạn chưa được giao vai trò nào. Vui lòng liên hệ chủ tịch công đoàn trường hoặc quản trị hệ thống.</p>
        </Card>
      )}
    </>
  );
}
