import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getQuotaListPage, QUOTA_SORTS, type QuotaSort } from "@/lib/awards/quota-page";
import { Pagination } from "@/components/ui/pagination";
import { ListFilters, sortField } from "@/components/ui/list-filters";
import { CATALOGUE_ENTRIES } from "@/lib/awards/catalogue";
import { orNotFound, routeId, idParam, pageParam, textParam } from "@/lib/server/page";
import { formatNumber } from "@/lib/format";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { AwardYearTabs } from "@/components/awards/year-tabs";
import { AddQuotaForm, DeleteQuotaForm, EditQuotaForm } from "@/components/awards/quota-forms";

export const metadata: Metadata = { title: "Chỉ tiêu khen thưởng" };

const TITLE_OPTIONS = CATALOGUE_ENTRIES.map((e) => ({ code: e.code, name: e.name }));
const SORT_LABELS: Record<QuotaSort, string> = { ten: "Tên trường", "da-gui": "Gửi nhiều nhất trước", vuot: "Vượt chỉ tiêu trước" };

function Usage({ used, pending, max }: { used: number; pending: number; max: number | null }) {
  return (
    <>
      <span className={max !== null && used > max ? "font-semibold text-red-700" : "font-medium"}>
        {formatNumber(used)}
        {max !== null ? `/${formatNumber(max)}` : ""}
      </span>
      {pending > 0 && <span className="block text-xs text-slate-500">+{formatNumber(pending)} đang lập</span>}
    </>
  );
}

/**
 * Chỉ tiêu khen thưởng of an upper unit for a school year (rule 11): per unit or per school, with
 * what is already sent vs the quota, the quotas set above, and the numbers per school. award.read
 * to see; award.settings to add, edit, delete.
 */
export default async function QuotaPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The unit itself must be one the viewer serves with award.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("award.read", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const sp = await searchParams;
  const sortRaw = textParam(sp["sap-xep"], 20);
  const opts = { yearId: idParam(sp.nam), q: textParam(sp.q), sort: QUOTA_SORTS.find((k) => k === sortRaw), page: pageParam(sp.trang), quotaPage: pageParam(sp["trang-ct"]) };
  const page = await orNotFound(getQuotaListPage(viewer, unitId, opts));
  const base = `/cap-tren/${page.unit.id}/khen-thuong`;
  const kept = { nam: opts.yearId, q: opts.q, "sap-xep": opts.sort, trang: opts.page > 1 ? String(opts.page) : undefined, "trang-ct": opts.quotaPage > 1 ? String(opts.quotaPage) : undefined };
  return (
    <>
      <PageHeader
        title="Chỉ tiêu khen thưởng"
        subtitle={`${page.unit.name} · năm học ${page.year.label}`}
        actions={
          <>
            <Link href={base} className={buttonClass("secondary")}>
              Sổ khen thưởng
            </Link>
            <Link href={`${base}/quy-dinh`} className={buttonClass("secondary")}>
              Quy định, ngưỡng
            </Link>
          </>
        }
      />
      <AwardYearTabs years={page.years} current={page.year.id} path={`${base}/chi-tieu`} />
      <p className="mb-4 text-sm text-slate-600">
        Khi trường gửi hồ sơ đề nghị, hệ thống cộng số đã gửi (đã gửi, được duyệt, đã có quyết định) với số đề nghị mới và từ chối nếu vượt chỉ tiêu. Số “đang lập” là các đề nghị trường chưa gửi.
      </p>
      <Card title={`Chỉ tiêu do ${page.unit.name} giao (${formatNumber(page.quotas.total)}${page.overQuota ? `, ${formatNumber(page.overQuota)} vượt` : ""})`}>
        {page.quotas.total === 0 ? (
          <EmptyState>Chưa giao chỉ tiêu nào cho năm học {page.year.label}.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="quota-table">
              <thead className="text-left text-slate-600">
                <tr>
                  <th className="py-2 pr-3">Phạm vi</th>
                  <th className="py-2 pr-3">Danh hiệu, hình thức</th>
                  <th className="whitespace-nowrap py-2 pr-3 text-right">Tối đa</th>
                  <th className="whitespace-nowrap py-2 pr-3 text-right">Đã gửi</th>
                  <th className="py-2 pr-3">Văn bản giao chỉ tiêu</th>
                  {page.canEdit && <th className="py-2 pr-3">Thao tác</th>}
                </tr>
              </thead>
              <tbody>
                {page.quotas.rows.map((q) => {
                  const label = `${q.titleName} – ${q.scopeName}`;
                  return (
                    <tr key={q.id} className="border-t border-slate-100 align-top">
                      <td className="py-2 pr-3">{q.scopeName}</td>
                      <td className="py-2 pr-3">{q.titleName}</td>
                      <td className="py-2 pr-3 text-right font-medium">{formatNumber(q.max)}</td>
                      <td className="whitespace-nowrap py-2 pr-3 text-right">
                        <Usage used={q.used} pending={q.pending} max={q.max} />
                        {q.used > q.max ? (
                          <Badge tone="red">Vượt chỉ tiêu</Badge>
                        ) : q.used + q.pending > q.max ? (
                          <Badge tone="amber">Đang lập vượt</Badge>
                        ) : null}
                      </td>
                      <td className="py-2 pr-3 text-xs">{q.basis}</td>
                      {page.canEdit && (
                        <td className="py-2 pr-3">
                          <details>
                            <summary className="cursor-pointer text-brand-700">Sửa</summary>
                            <EditQuotaForm quota={{ id: q.id, version: q.version, max: q.max, basis: q.basis, label }} />
                          </details>
                          <div className="mt-2">
                            <DeleteQuotaForm quota={{ id: q.id, version: q.version, label }} />
                          </div>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page.quotas.page} pageSize={page.quotas.pageSize} total={page.quotas.total} basePath={`${base}/chi-tieu`} params={kept} param="trang-ct" />
      </Card>

      {page.inherited.length > 0 && (
        <Card title="Chỉ tiêu do đơn vị cấp trên giao (áp dụng cả cho các trường của đơn vị)" className="mt-6">
          <ul className="space-y-1 text-sm">
            {page.inherited.map((q) => (
              <li key={q.id}>
                <span className="font-medium">{q.titleName}</span>: tối đa {formatNumber(q.max)} · {q.scopeName} · {q.unitName}
                {q.basis ? <span className="text-xs text-slate-500"> · {q.basis}</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      )}

      {page.titles.length > 0 && (
        <Card title={`Theo trường: số đã gửi / chỉ tiêu của trường (${formatNumber(page.schoolCount)} trường)`} className="mt-6">
          <ListFilters action={`${base}/chi-tieu`} keep={{ nam: opts.yearId }} fields={[{ kind: "search", label: "Tên trường", value: opts.q }, sortField(QUOTA_SORTS, SORT_LABELS, page.filters.sort)]} />
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="quota-by-school">
              <thead className="text-left text-slate-600">
                <tr>
                  <th className="py-2 pr-3">Trường</th>
                  {page.titles.map((t) => (
                    <th key={t.code} className="py-2 pr-3 text-right">
                      {t.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.bySchool.rows.map((s) => (
                  <tr key={s.id} className="border-t border-slate-100 align-top">
                    <td className="py-2 pr-3">{s.name}</td>
                    {s.cells.map((c) => (
                      <td key={c.titleCode} className="py-2 pr-3 text-right">
                        <Usage used={c.used} pending={c.pending} max={c.max} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page.bySchool.page} pageSize={page.bySchool.pageSize} total={page.bySchool.total} basePath={`${base}/chi-tieu`} params={kept} />
          <p className="mt-2 text-xs text-slate-500">Ô không có “/” là trường chưa có chỉ tiêu riêng (chỉ áp dụng chỉ tiêu chung của đơn vị, nếu có).</p>
        </Card>
      )}

      {page.canEdit && (
        <Card title="Giao chỉ tiêu" className="mt-6">
          {page.schoolChoicesLimited && <p className="mb-2 text-sm text-slate-600">Đơn vị có nhiều trường: danh sách chọn trường chỉ gồm các trường khớp ô tìm kiếm ở bảng trên ({formatNumber(page.schoolChoices.length)} trường).</p>}
          <AddQuotaForm unitId={page.unit.id} unitName={page.unit.name} schoolYearId={page.year.id} schools={page.schoolChoices} titles={TITLE_OPTIONS} />
        </Card>
      )}
    </>
  );
}
