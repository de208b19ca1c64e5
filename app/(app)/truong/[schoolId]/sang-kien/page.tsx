import type { Metadata } from "next";
import { requireAccess } from "@/lib/authz/gate";
import { canSome } from "@/lib/authz/permissions";
import { listInitiatives } from "@/lib/initiatives/queries";
import { createInitiativeAction, updateInitiativeAction } from "@/lib/initiatives/actions";
import { LEVEL_LABELS } from "@/lib/awards/catalogue";
import { formatIsoDay } from "@/lib/awards/facts";
import { orNotFound, routeId, idParam } from "@/lib/server/page";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { AwardYearTabs, SchoolAwardsNav } from "@/components/awards/year-tabs";
import { InitiativeForm } from "@/components/awards/initiative-form";

export const metadata: Metadata = { title: "Sáng kiến" };

/** Sổ sáng kiến of a school (initiative.read; chair and principal record and edit). */
export default async function InitiativesPage({ params, searchParams }: { params: Promise<{ schoolId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The gate first: a place where the viewer holds the capability (the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("initiative.read", { school: (await params).schoolId, within: true });
  const schoolId = routeId((await params).schoolId);
  const page = await orNotFound(listInitiatives(viewer, schoolId, idParam((await searchParams).nam)));
  const path = `/truong/${page.school.id}/sang-kien`;
  return (
    <>
      <PageHeader title="Sáng kiến" subtitle={`${page.school.name} · năm học ${page.year.label}`} />
      <SchoolAwardsNav schoolId={page.school.id} active={path} manage={canSome(viewer, "nomination.read")} />
      <AwardYearTabs years={page.years} current={page.year.id} path={path} />
      <Card title={`Sổ sáng kiến năm học ${page.year.label} (${page.items.length})`}>
        {page.items.length === 0 ? (
          <EmptyState>Chưa có sáng kiến nào được ghi nhận trong năm học này.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="text-left text-slate-600">
                <tr>
                  <th className="py-2 pr-3">Tên sáng kiến</th>
                  <th className="py-2 pr-3">Tác giả</th>
                  <th className="py-2 pr-3">Công nhận</th>
                  <th className="py-2 pr-3">Áp dụng</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((i) => (
                  <tr key={i.id} className="border-t border-slate-100 align-top">
                    <td className="py-2 pr-3">
                      <div className="font-medium">{i.title}</div>
                      {i.field && <div className="text-xs text-slate-500">{i.field}</div>}
                      {page.canManage && (
                        <details className="mt-2">
                          <summary className="cursor-pointer text-xs text-brand-700">Sửa</summary>
                          <div className="mt-2 rounded border border-slate-200 p-3">
                            <InitiativeForm action={updateInitiativeAction} hidden={{ initiativeId: i.id, version: i.version }} members={page.members} initial={{ ...i, authorIds: i.authors.map((a) => a.id) }} submitLabel="Lưu sáng kiến" />
                          </div>
                        </details>
                      )}
                    </td>
                    <td className="py-2 pr-3">{i.authors.map((a) => a.fullName).join(", ")}</td>
                    <td className="py-2 pr-3">
                      {i.recognisedOn ? (
                        <>
                          <Badge tone="green">{i.level ? LEVEL_LABELS[i.level] : "Đã công nhận"}</Badge>
                          <div className="text-xs text-slate-600">
                            {i.decisionNumber ? `QĐ ${i.decisionNumber}, ` : ""}
                            {formatIsoDay(i.recognisedOn)}
                            {i.recognisedBy ? ` – ${i.recognisedBy}` : ""}
                          </div>
                        </>
                      ) : (
                        <Badge tone="amber">Chưa công nhận</Badge>
                      )}
                    </td>
                    <td className="py-2 pr-3">{i.applied ? <Badge tone="green">Đã áp dụng</Badge> : <Badge>Chưa áp dụng</Badge>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {page.canManage && (
        <Card title="Ghi nhận sáng kiến" className="mt-6">
          <InitiativeForm once action={createInitiativeAction} hidden={{ schoolId: page.school.id, schoolYearId: page.year.id }} members={page.members} submitLabel="Ghi nhận sáng kiến" />
        </Card>
      )}
    </>
  );
}
