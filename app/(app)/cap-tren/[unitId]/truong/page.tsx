import type { Metadata } from "next";
import Link from "next/link";
import { canSee, requireAccess } from "@/lib/authz/gate";
import { getUnitOrThrow } from "@/lib/orgs/queries";
import { listUnitSchools } from "@/lib/schools/queries";
import { SCHOOL_CODE_RE } from "@/lib/schools/schemas";
import { orNotFound, pageParam, routeId, textParam } from "@/lib/server/page";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page";
import { Pagination } from "@/components/ui/pagination";
import { SchoolTable } from "@/components/schools/school-table";

export const metadata: Metadata = { title: "Trường trực thuộc" };

type Search = Record<string, string | string[] | undefined>;

export default async function UnitSchoolsPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Search> }) {
  // The unit itself must be one the viewer serves with school.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("school.read", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const sp = await searchParams;
  const q = textParam(sp.q, 100);
  const saved = textParam(sp["da-luu"], 30);
  const unit = await orNotFound(getUnitOrThrow(viewer, unitId));
  const list = await orNotFound(listUnitSchools(viewer, unit.id, { q, page: pageParam(sp.trang) }));
  const base = `/cap-tren/${unit.id}/truong`;
  return (
    <>
      <PageHeader
        title="Trường trực thuộc"
        subtitle={unit.name}
        actions={list.canCreate && <Link href={`${base}/moi`} className={buttonClass()}>Thêm trường</Link>}
      />
      {saved && SCHOOL_CODE_RE.test(saved) && (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Đã lưu trường có mã {saved}.
        </p>
      )}
      <form method="get" action={base} role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="flex min-w-64 flex-1 flex-col gap-1 sm:max-w-md">
          <label htmlFor="q" className="text-sm font-medium text-slate-700">Tìm theo tên hoặc mã trường</label>
          <input id="q" name="q" type="search" defaultValue={q ?? ""} placeholder="Ví dụ: kim dong" className={inputClass} />
        </div>
        <button type="submit" className={buttonClass("secondary")}>Tìm</button>
        {q && <Link href={base} className={buttonClass("ghost")}>Xóa tìm kiếm</Link>}
      </form>
      <SchoolTable
        rows={list.rows}
        unitId={unit.id}
        canEdit={canSee(viewer, "school.update", { unitId: unit.id })}
        showAddress
        empty={q ? `Không có trường nào khớp với “${q}”.` : "Đơn vị chưa có trường trực thuộc."}
      />
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} basePath={base} params={{ q }} />
    </>
  );
}
