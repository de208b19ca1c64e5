import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { listUnitRegistry, REGISTRY_SORTS, type RegistrySort } from "@/lib/awards/queries";
import { Pagination } from "@/components/ui/pagination";
import { CATALOGUE_ENTRIES } from "@/lib/awards/catalogue";
import { orNotFound, routeId, textParam, idParam, pageParam } from "@/lib/server/page";
import { Card, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { RegistryTable } from "@/components/awards/registry-table";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Sổ khen thưởng" };

const SORT_LABELS: Record<RegistrySort, string> = { "moi-nhat": "Quyết định mới nhất trước", ten: "Tên người, tập thể", truong: "Tên trường" };

/** The unit's awards registry with filters and Excel export (award.read; export: award.export). */
export default async function UnitRegistryPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The unit itself must be one the viewer serves with award.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("award.read", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const sp = await searchParams;
  const titleCode = textParam(sp["danh-hieu"], 40);
  const statusRaw = textParam(sp["trang-thai"], 20);
  const sortRaw = textParam(sp["sap-xep"], 20);
  const filters = {
    q: textParam(sp.q),
    sort: REGISTRY_SORTS.find((k) => k === sortRaw),
    page: pageParam(sp.trang),
    yearId: idParam(sp.nam),
    schoolId: idParam(sp.truong),
    titleCode: titleCode && CATALOGUE_ENTRIES.some((e) => e.code === titleCode) ? titleCode : undefined,
    status: statusRaw === "hieu-luc" || statusRaw === "thu-hoi" ? statusRaw : undefined,
  } as const;
  const reg = await orNotFound(listUnitRegistry(viewer, unitId, filters));
  const base = `/cap-tren/${reg.unit.id}/khen-thuong`;
  const kept = { nam: filters.yearId, truong: filters.schoolId, "danh-hieu": filters.titleCode, "trang-thai": filters.status, q: filters.q, "sap-xep": filters.sort };
  const query = new URLSearchParams(Object.entries(kept).filter((e): e is [string, string] => !!e[1] && e[0] !== "sap-xep")).toString();
  return (
    <>
      <PageHeader
        title="Sổ khen thưởng"
        subtitle={`${reg.unit.name} · ${formatNumber(reg.total)} lượt`}
        actions={
          <>
            <Link href={`${base}/quyet-dinh`} className={buttonClass()}>
              Quyết định khen thưởng
            </Link>
            <Link href={`${base}/quy-dinh`} className={buttonClass("secondary")}>
              Quy định, ngưỡng
            </Link>
            <Link href={`${base}/chi-tieu`} className={buttonClass("secondary")}>
              Chỉ tiêu khen thưởng
            </Link>
            {reg.canExport && (
              <a href={`${base}/xuat-excel${query ? `?${query}` : ""}`} className={buttonClass("secondary")}>
                Xuất Excel
              </a>
            )}
          </>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          Năm học
          <select name="nam" defaultValue={filters.yearId ?? ""} className={inputClass}>
            <option value="">Tất cả</option>
            {reg.years.map((y) => (
              <option key={y.id} value={y.id}>
                {y.label}
              </option>
            ))}
          </select>
        </label>
        {reg.schools.length > 0 ? (
          <label className="flex flex-col gap-1">
            Trường
            <select name="truong" defaultValue={filters.schoolId ?? ""} className={inputClass}>
              <option value="">Tất cả</option>
              {reg.schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          filters.schoolId && <input type="hidden" name="truong" value={filters.schoolId} />
        )}
        <label className="flex flex-col gap-1">
          Tên người, tập thể hoặc trường
          <input name="q" defaultValue={filters.q ?? ""} placeholder="Tìm (không cần dấu)" className={inputClass} />
        </label>
        <label className="flex flex-col gap-1">
          Danh hiệu, hình thức
          <select name="danh-hieu" defaultValue={filters.titleCode ?? ""} className={inputClass}>
            <option value="">Tất cả</option>
            {CATALOGUE_ENTRIES.map((e) => (
              <option key={e.code} value={e.code}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Trạng thái
          <select name="trang-thai" defaultValue={filters.status ?? ""} className={inputClass}>
            <option value="">Tất cả</option>
            <option value="hieu-luc">Hiệu lực</option>
            <option value="thu-hoi">Đã thu hồi</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Sắp xếp
          <select name="sap-xep" defaultValue={filters.sort ?? "moi-nhat"} className={inputClass}>
            {REGISTRY_SORTS.map((k) => (
              <option key={k} value={k}>
                {SORT_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <button className={buttonClass("secondary")}>Lọc</button>
      </form>
      <Card>
        <RegistryTable rows={reg.rows} decisionHref={(id) => `${base}/quyet-dinh/${id}`} />
        <Pagination page={reg.page} pageSize={reg.pageSize} total={reg.total} basePath={base} params={kept} />
      </Card>
    </>
  );
}
