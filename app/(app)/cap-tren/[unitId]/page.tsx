import type { Metadata } from "next";
import Link from "next/link";
import { canSee, requireAccess } from "@/lib/authz/gate";
import { getUnitOverview } from "@/lib/schools/queries";
import { orNotFound, routeId } from "@/lib/server/page";
import { formatNumber } from "@/lib/format";
import { buttonClass } from "@/components/ui/button";
import { PageHeader, Stat } from "@/components/ui/page";
import { SchoolTable } from "@/components/schools/school-table";

export const metadata: Metadata = { title: "Tổng quan đơn vị" };

export default async function UnitOverviewPage({ params }: { params: Promise<{ unitId: string }> }) {
  // The unit itself must be one the viewer serves with school.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("school.read", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const o = await orNotFound(getUnitOverview(viewer, unitId));
  const base = `/cap-tren/${o.unit.id}`;
  return (
    <>
      <PageHeader
        title={o.unit.name}
        subtitle="Tổng quan các trường trực thuộc"
        actions={
          <>
            <Link href={`${base}/truong`} className={buttonClass("secondary")}>Danh sách trường</Link>
            {o.canCreate && <Link href={`${base}/truong/moi`} className={buttonClass()}>Thêm trường</Link>}
          </>
        }
      />
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Stat label="Trường trực thuộc" value={formatNumber(o.totals.schools)} />
        <Stat label="Đoàn viên" value={formatNumber(o.totals.members)} hint="không tính người đã nghỉ, chuyển đi" />
        <Stat label="Tổ công đoàn" value={formatNumber(o.totals.groups)} />
      </div>
      <h2 className="mb-3 text-lg font-semibold text-slate-900">Các trường</h2>
      <SchoolTable rows={o.rows} unitId={o.unit.id} canEdit={canSee(viewer, "school.update", { unitId: o.unit.id })} empty="Đơn vị chưa có trường trực thuộc." />
      <p className="mt-4 flex flex-wrap gap-4 text-sm">
        <Link href={`${base}/nguoi-dung`} className="text-brand-700 hover:underline">Người giữ vai trò →</Link>
        <Link href={`${base}/nhat-ky`} className="text-brand-700 hover:underline">Nhật ký thay đổi →</Link>
      </p>
    </>
  );
}
