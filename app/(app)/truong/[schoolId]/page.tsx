import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { can } from "@/lib/authz/permissions";
import { getSchoolCounts } from "@/lib/orgs/queries";
import { canListMembers } from "@/lib/members/rules";
import { SCHOOL_LEVEL_LABELS } from "@/lib/schools/schemas";
import { formatNumber } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/server/page";
import { Card, PageHeader, Stat } from "@/components/ui/page";
import { canSee } from "@/lib/authz/decide";
import { getSchoolDashboard } from "@/lib/dashboards/school";
import { idParam } from "@/lib/server/page";
import { buttonClass } from "@/components/ui/button";
import { SelectFilter } from "@/components/dashboards/figures";
import { AwardsCard, CouncilSection, GroupProgressFigure, TargetsCard, WaitingList } from "@/components/dashboards/school-sections";

export const metadata: Metadata = { title: "Trường" };

/**
 * A school's overview and dashboard (issue 9): everyone with a role at the school, its upper
 * unit's staff, admins (school.read); each dashboard section only for those who may read it.
 */
export default async function SchoolPage({ params, searchParams }: { params: Promise<{ schoolId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // A place the viewer works in with school.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("school.read", { school: (await params).schoolId, within: true });
  const schoolId = routeId((await params).schoolId);
  const yearId = idParam((await searchParams).nam);
  const [c, d] = await Promise.all([orNotFound(getSchoolCounts(viewer, schoolId)), orNotFound(getSchoolDashboard(viewer, schoolId, { yearId }))]);
  const s = c.school;
  const base = `/truong/${s.id}`;
  const listMembers = canListMembers(viewer, s);
  const ownHere = !!viewer.memberId && canSee(viewer, "member.read", { schoolId: s.id, memberId: viewer.memberId });
  const links = [
    ...(listMembers ? [{ href: `${base}/doan-vien`, title: "Đoàn viên", text: c.canManage ? "Thêm, sửa, chuyển tổ, nhập và xuất Excel" : "Danh sách đoàn viên" }] : []),
    { href: `${base}/to-cong-doan`, title: "Tổ công đoàn", text: can(viewer, "group.manage", { schoolId: s.id }) ? "Các tổ, số đoàn viên; thêm và đổi tên tổ" : "Các tổ và số đoàn viên" },
    ...(ownHere ? [{ href: "/ca-nhan", title: "Hồ sơ của tôi", text: "Thông tin đoàn viên của bạn" }] : []),
  ];
  return (
    <>
      <PageHeader title={s.name} subtitle={`${SCHOOL_LEVEL_LABELS[s.level]} · mã ${s.code}`} />
      <div className="mb-6">
        <WaitingList items={d.waiting} />
      </div>
      <Card className="mb-6">
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Công đoàn cơ sở</dt>
            <dd className="mt-0.5">{s.unionName}</dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Công đoàn cấp trên</dt>
            <dd className="mt-0.5">{s.unionUnit.name}</dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Địa chỉ</dt>
            <dd className="mt-0.5">{s.address || <span className="text-slate-400">Chưa có</span>}</dd>
          </div>
        </dl>
      </Card>
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Đoàn viên" value={formatNumber(c.members)} hint="không tính người đã nghỉ việc" />
        <Stat label="Đang công tác" value={formatNumber(c.active)} />
        <Stat label="Nữ" value={formatNumber(c.women)} />
        <Stat label="Tổ công đoàn" value={formatNumber(c.groups)} />
      </div>
      <section aria-labelledby="ket-qua-nam-hoc" className="mb-6 flex min-w-0 flex-col gap-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="ket-qua-nam-hoc" className="text-lg font-semibold text-slate-900">Kết quả năm học {d.year?.label ?? ""}</h2>
          <form method="get" className="flex items-end gap-2" aria-label="Chọn năm học">
            <div className="w-44">
              <SelectFilter name="nam" label="Năm học" value={d.year?.id ?? ""} options={d.years.map((y) => ({ value: y.id, label: y.label }))} />
            </div>
            <button type="submit" className={buttonClass("secondary")}>Xem</button>
          </form>
        </div>
        <TargetsCard d={d} />
        <GroupProgressFigure d={d} />
        <CouncilSection d={d} />
        <AwardsCard d={d} />
      </section>
      <nav aria-label="Các mục của trường" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {links.map((l) => (
          <Link key={l.href} href={l.href} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
            <span className="font-semibold text-brand-700">{l.title} →</span>
            <span className="mt-1 block text-sm text-slate-600">{l.text}</span>
          </Link>
        ))}
      </nav>
    </>
  );
}
