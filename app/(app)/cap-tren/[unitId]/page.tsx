import type { Metadata } from "next";
import Link from "next/link";
import { canSee, requireAccess } from "@/lib/authz/gate";
import { getUpperDashboard } from "@/lib/dashboards/upper";
import { idParam, orNotFound, pageParam, routeId, textParam } from "@/lib/server/page";
import { formatNumber } from "@/lib/format";
import { UNIT_PLAN_STATUS_LABELS } from "@/lib/plans/rules";
import { SCHOOL_LEVEL_LABELS } from "@/lib/schools/schemas";
import { buttonClass } from "@/components/ui/button";
import { PageHeader, Stat } from "@/components/ui/page";
import { Pagination } from "@/components/ui/pagination";
import { pct, SelectFilter } from "@/components/dashboards/figures";
import { DistributionFigure, PipelineFigure } from "@/components/dashboards/upper-charts";
import { UpperTable } from "@/components/dashboards/upper-table";

export const metadata: Metadata = { title: "Tổng quan đơn vị" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The upper unit's dashboard: totals first, then its schools (whole subtree) 50 a page, sorted and filtered on the server. */
export default async function UnitOverviewPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Search }) {
  // The unit itself must be one the viewer serves with school.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("school.read", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const sp = await searchParams;
  const query = {
    nam: idParam(sp.nam),
    q: textParam(sp.q),
    "cap-hoc": textParam(sp["cap-hoc"], 20),
    "ke-hoach": textParam(sp["ke-hoach"], 20),
    "sap-xep": textParam(sp["sap-xep"], 20),
    chieu: textParam(sp.chieu, 4),
  };
  const d = await orNotFound(
    getUpperDashboard(viewer, unitId, { yearId: query.nam, page: pageParam(sp.trang), q: query.q, level: query["cap-hoc"], planStatus: query["ke-hoach"], sort: query["sap-xep"], dir: query.chieu }),
  );
  const base = `/cap-tren/${d.unit.id}`;
  const t = d.totals;
  const cur = d.year?.label ?? "—";
  const prev = d.prevYear?.label ?? "năm trước";
  const years = [...(d.prevYear ? [{ label: d.prevYear.label, f: t.prev }] : []), { label: cur, f: t.cur }];
  return (
    <>
      <PageHeader
        title={d.unit.name}
        subtitle={`Tổng quan các trường trực thuộc · năm học ${cur}${d.prevYear ? `, so với ${prev}` : ""}`}
        actions={
          <>
            <Link href={`${base}/truong`} className={buttonClass("secondary")}>Danh sách trường</Link>
            {canSee(viewer, "school.create", { unitId: d.unit.id }) && <Link href={`${base}/truong/moi`} className={buttonClass()}>Thêm trường</Link>}
          </>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Chọn năm học">
        <div className="w-48 max-w-full">
          <SelectFilter name="nam" label="Năm học" value={d.year?.id ?? ""} options={d.years.map((y) => ({ value: y.id, label: y.label }))} />
        </div>
        <button type="submit" className={buttonClass("secondary")}>Xem</button>
      </form>

      <h2 className="sr-only">Số liệu chung</h2>
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Trường trực thuộc" value={formatNumber(t.schools)} hint={`${formatNumber(t.members)} đoàn viên`} />
        <Stat label="Kế hoạch phối hợp đã ký" value={`${formatNumber(t.plans.SIGNED)}/${formatNumber(t.schools)}`} hint={`${prev}: ${formatNumber(t.plansPrev.SIGNED)} trường`} />
        <Stat label="Đăng ký thi đua" value={pct(t.cur.registration)} hint={`${prev}: ${pct(t.prev.registration)}`} />
        <Stat label="Phiếu hội đồng đã chấm" value={pct(t.cur.scoring)} hint={`${formatNumber(t.cur.scored)}/${formatNumber(t.cur.sheets)} phiếu · ${prev}: ${pct(t.prev.scoring)}`} />
        <Stat label="Xếp loại Xuất sắc" value={pct(t.cur.excellentShare)} hint={`${formatNumber(t.cur.excellent)}/${formatNumber(t.cur.classified)} người · ${prev}: ${pct(t.prev.excellentShare)}`} />
        <Stat label="Đề nghị bị trả lại" value={formatNumber(t.cur.pipeline.returned)} hint={`đang chờ duyệt: ${formatNumber(t.cur.pipeline.submitted)}`} />
        <Stat label="Khen thưởng" value={formatNumber(t.cur.awards)} hint={`${formatNumber(t.cur.individualAwards)} cá nhân · ${prev}: ${formatNumber(t.prev.awards)}`} />
        <Stat label="Trường thiếu người giữ vai trò" value={formatNumber(t.missingAny)} hint={`chưa có hiệu trưởng: ${formatNumber(t.missingPrincipal)} · chưa có chủ tịch CĐ: ${formatNumber(t.missingChair)}`} />
      </div>

      <div className="mb-6 grid min-w-0 gap-4 lg:grid-cols-2">
        <DistributionFigure years={years} />
        <PipelineFigure years={years} />
      </div>

      <h2 className="mb-3 text-lg font-semibold text-slate-900">Các trường</h2>
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-2 lg:grid-cols-5" aria-label="Tìm và lọc trường">
        {query.nam && <input type="hidden" name="nam" value={query.nam} />}
        {query["sap-xep"] && <input type="hidden" name="sap-xep" value={query["sap-xep"]} />}
        {query.chieu && <input type="hidden" name="chieu" value={query.chieu} />}
        <label className="flex min-w-0 flex-col gap-1 text-sm lg:col-span-2">
          <span className="font-medium text-slate-700">Tìm trường</span>
          <input type="search" name="q" defaultValue={query.q ?? ""} placeholder="Tên hoặc mã trường, gõ không dấu cũng được" className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm" />
        </label>
        <SelectFilter name="cap-hoc" label="Cấp học" value={d.query.level ?? ""} options={[{ value: "", label: "Tất cả" }, ...Object.entries(SCHOOL_LEVEL_LABELS).map(([value, label]) => ({ value, label }))]} />
        <SelectFilter name="ke-hoach" label="Kế hoạch phối hợp" value={d.query.planStatus ?? ""} options={[{ value: "", label: "Tất cả" }, ...Object.entries(UNIT_PLAN_STATUS_LABELS).map(([value, label]) => ({ value, label }))]} />
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass()}>Lọc</button>
          <Link href={d.year ? `${base}?nam=${d.year.id}` : base} className={buttonClass("ghost")}>Bỏ lọc</Link>
        </div>
      </form>
      <p className="mb-2 text-sm text-slate-600" role="status">
        {formatNumber(d.matched)} trường khớp (trên {formatNumber(t.schools)} trường trực thuộc)
      </p>
      <UpperTable d={d} basePath={base} params={query} />
      <Pagination page={d.page} pageSize={d.pageSize} total={d.matched} basePath={base} params={query} />
      <p className="mt-4 flex flex-wrap gap-4 text-sm">
        <Link href={`${base}/nguoi-dung`} className="text-brand-700 hover:underline">Người giữ vai trò →</Link>
        <Link href={`${base}/nhat-ky`} className="text-brand-700 hover:underline">Nhật ký thay đổi →</Link>
      </p>
    </>
  );
}
