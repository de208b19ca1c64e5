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

export const metadata: Metadata = { title: "Trường" };

/** A school's overview: everyone with a role at the school, its upper unit's staff, admins (school.read). */
export default async function SchoolPage({ params }: { params: Promise<{ schoolId: string }> }) {
  // A place the viewer works in with school.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("school.read", { school: (await params).schoolId, within: true });
  const c = await orNotFound(getSchoolCounts(viewer, routeId((await params).schoolId)));
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
