import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getDecisionsPage } from "@/lib/awards/queries";
import { issueDecisionAction } from "@/lib/awards/actions";
import { formatIsoDay } from "@/lib/awards/facts";
import { orNotFound, routeId, idParam, textParam, pageParam } from "@/lib/server/page";
import { ListFilters } from "@/components/ui/list-filters";
import { Pagination } from "@/components/ui/pagination";
import { formatNumber } from "@/lib/format";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { AwardYearTabs } from "@/components/awards/year-tabs";
import { IssueDecisionForm } from "@/components/awards/issue-decision-form";

export const metadata: Metadata = { title: "Quyết định khen thưởng" };

/** The unit's decisions of a year and the form to issue one for approved nominees (decision.issue). */
export default async function DecisionsPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The unit itself must be one the viewer serves with award.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("award.read", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const sp = await searchParams;
  const page = await orNotFound(getDecisionsPage(viewer, unitId, { yearId: idParam(sp.nam), titleCode: idParam(sp["hinh-thuc"]), q: textParam(sp.q), page: pageParam(sp.trang) }));
  const base = `/cap-tren/${page.unit.id}/khen-thuong/quyet-dinh`;
  const keepParams = { nam: page.year.id, "hinh-thuc": page.filters.titleCode, q: page.filters.q };
  return (
    <>
      <PageHeader title="Quyết định khen thưởng" subtitle={`${page.unit.name} · năm học ${page.year.label}`} actions={<Link href={`/cap-tren/${page.unit.id}/khen-thuong`} className="text-sm text-brand-700 hover:underline">← Sổ khen thưởng</Link>} />
      <AwardYearTabs years={page.years} current={page.year.id} path={base} />
      <Card title="Đã ban hành">
        {page.decisions.length === 0 ? (
          <EmptyState>Chưa có quyết định nào trong năm học này.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {page.decisions.map((d) => (
              <li key={d.id} className="py-2">
                <Link href={`${base}/${d.id}`} className="font-medium text-brand-700 hover:underline">
                  Quyết định số {d.number}
                </Link>{" "}
                ngày {formatIsoDay(d.signedOn)} · {d.count} lượt · {d.level} {d.revoked ? <Badge tone="red">Đã thu hồi</Badge> : <Badge tone="green">Hiệu lực</Badge>}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={`Đã duyệt, chờ quyết định (${formatNumber(page.waitingTotal)})`} className="mt-6">
        {page.notDecidable > 0 && <p className="mb-2 text-xs text-slate-500">Chỉ hiện hình thức thuộc thẩm quyền của đơn vị; {formatNumber(page.notDecidable)} người đã duyệt ở hình thức của cấp khác.</p>}
        {page.forms.length > 0 && (
          <ul className="mb-3 flex flex-wrap gap-2 text-sm" aria-label="Số người chờ quyết định theo hình thức">
            {[{ code: undefined, name: "Tất cả hình thức", count: page.waitingTotal }, ...page.forms].map((f) => (
              <li key={f.code ?? ""}>
                <Link href={`${base}?${new URLSearchParams(f.code ? { nam: page.year.id, "hinh-thuc": f.code } : { nam: page.year.id })}`} aria-current={page.filters.titleCode === f.code ? "true" : undefined} className={`inline-block rounded border px-2 py-1 ${page.filters.titleCode === f.code ? "border-brand-600 bg-brand-50 font-medium" : "border-slate-300 hover:bg-slate-50"}`}>
                  {f.name}: {formatNumber(f.count)}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {page.waitingTotal > page.pageSize && (
          // The form is chosen by the counts above; the search keeps it.
          <ListFilters action={base} keep={{ nam: page.year.id, "hinh-thuc": page.filters.titleCode }} fields={[{ kind: "search", label: "Người hoặc trường", value: page.filters.q }]} />
        )}
        {page.total === 0 ? (
          <EmptyState>{page.waitingTotal === 0 ? "Không có người nào đang chờ quyết định." : "Không có người nào khớp bộ lọc."}</EmptyState>
        ) : page.canIssue ? (
          <IssueDecisionForm
            action={issueDecisionAction}
            unitId={page.unit.id}
            schoolYearId={page.year.id}
            issuerName={page.unit.name}
            signerName={viewer.displayName}
            matchingIds={page.matchingIds}
            level={page.defaultLevel}
            approved={page.approved.map((a) => ({ id: a.id, label: `${a.nomineeName} (${a.schoolName}) – ${a.titleName}${a.changed ? " (đổi hình thức)" : ""}${a.redecide ? " (quyết định trước đã thu hồi, xét lại)" : ""}` }))}
          />
        ) : (
          <ul className="text-sm">
            {page.approved.map((a) => (
              <li key={a.id}>
                {a.nomineeName} ({a.schoolName}) – {a.titleName}
              </li>
            ))}
          </ul>
        )}
        {page.total > page.pageSize && <Pagination page={page.page} pageSize={page.pageSize} total={page.total} basePath={base} params={keepParams} />}
      </Card>
    </>
  );
}
