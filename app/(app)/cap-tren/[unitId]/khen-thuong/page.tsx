import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { listUnitRegistry, REGISTRY_SORTS, type RegistrySort } from "@/lib/awards/queries";
import { Pagination } from "@/components/ui/pagination";
import { CATALOGUE_ENTRIES } from "@/lib/awards/catalogue";
import { orNotFound, routeId, textParam, idParam, pageParam } from "@/lib/server/page";
import { Card, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { ListFilters, sortField } from "@/components/ui/list-filters";
import { RegistryTable } from "@/components/awards/registry-table";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Sổ khen thưởng" };

const SORT_LABELS: Record<RegistrySort, string> = { "moi-nhat": "Quyết định mới nhất trước", ten: "Tên người, tập thể", truong: "Tên trường" };
const STATUS_OPTIONS = [
  { value: "hieu-luc", label: "Hiệu lực" },
  { value: "thu-hoi", label: "Đã thu hồi" },
];

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
      {/* Without schools to choose from, a school named in the address is kept as it was. */}
      <ListFilters
        action={base}
        className="mb-4"
        keep={reg.schools.length > 0 ? {} : { truong: filters.schoolId }}
        fields={[
          { kind: "select", label: "Năm học", name: "nam", value: filters.yearId, all: "Tất cả", options: reg.years.map((y) => ({ value: y.id, label: y.label })) },
          ...(reg.schools.length > 0 ? [{ kind: "select", label: "Trường", name: "truong", value: filters.schoolId, all: "Tất cả", options: reg.schools.map((s) => ({ value: s.id, label: s.name })) } as const] : []),
          { kind: "search", label: "Tên người, tập thể hoặc trường", value: filters.q },
          { kind: "select", label: "Danh hiệu, hình thức", name: "danh-hieu", value: filters.titleCode, all: "Tất cả", options: CATALOGUE_ENTRIES.map((e) => ({ value: e.code, label: e.name })) },
          { kind: "select", label: "Trạng thái", name: "trang-thai", value: filters.status, all: "Tất cả", options: STATUS_OPTIONS },
          sortField(REGISTRY_SORTS, SORT_LABELS, filters.sort ?? "moi-nhat"),
        ]}
      />
      <Card>
        <RegistryTable rows={reg.rows} decisionHref={(id) => `${base}/quyet-dinh/${id}`} />
        <Pagination page={reg.page} pageSize={reg.pageSize} total={reg.total} basePath={base} params={kept} />
      </Card>
    </>
  );
}
