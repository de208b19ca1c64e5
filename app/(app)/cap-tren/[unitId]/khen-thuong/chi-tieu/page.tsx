import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getQuotaPage } from "@/lib/awards/quotas";
import { CATALOGUE_ENTRIES } from "@/lib/awards/catalogue";
import { orNotFound, routeId, idParam } from "@/lib/server/page";
import { formatNumber } from "@/lib/format";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { AwardYearTabs } from "@/components/awards/year-tabs";
import { AddQuotaForm, DeleteQuotaForm, EditQuotaForm } from "@/components/awards/quota-forms";

export const metadata: Metadata = { title: "Chỉ tiêu khen thưởng" };

const TITLE_OPTIONS = CATALOGUE_ENTRIES.map((e) => ({ code: e.code, name: e.name }));

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
  const page = await orNotFound(getQuotaPage(viewer, unitId, idParam((await searchParams).nam)));
  const base = `/cap-tren/${page.unit.id}/khen-thuong`;
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
      <Card title={`Chỉ tiêu do ${page.unit.name} giao`}>
        {page.rows.length === 0 ? (
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
                {page.rows.map((q) => {
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
        <Card title="Theo trường: số đã gửi / chỉ tiêu của trường" className="mt-6">
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
                {page.bySchool.map((s) => (
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
          <p className="mt-2 text-xs text-slate-500">Ô không có “/” là trường chưa có chỉ tiêu riêng (chỉ áp dụng chỉ tiêu chung của đơn vị, nếu có).</p>
        </Card>
      )}

      {page.canEdit && (
        <Card title="Giao chỉ tiêu" className="mt-6">
          <AddQuotaForm unitId={page.unit.id} unitName={page.unit.name} schoolYearId={page.year.id} schools={page.schools} titles={TITLE_OPTIONS} />
        </Card>
      )}
    </>
  );
}
