import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireAccess } from "@/lib/authz/gate";
import { listPackages } from "@/lib/nominations/queries";
import { createPackageAction } from "@/lib/nominations/actions";
import { listNotices } from "@/lib/awards/notices";
import { AppError } from "@/lib/server/errors";
import { formatDateTime } from "@/lib/format";
import { formatIsoDay } from "@/lib/awards/facts";
import { orNotFound, routeId, idParam } from "@/lib/server/page";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { ActionForm } from "@/components/awards/action-form";
import { AwardYearTabs, SchoolAwardsNav } from "@/components/awards/year-tabs";
import { packageLabel, packageTone } from "@/components/awards/labels";

export const metadata: Metadata = { title: "Hồ sơ đề nghị khen thưởng" };

/** The school's nomination packages for a year (nomination.read); members go to the public list. */
export default async function NominationsPage({ params, searchParams }: { params: Promise<{ schoolId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The gate first: a place where the viewer holds the capability (the scoped loader narrows to the rows).
  const { viewer } = await requireAccess(["nomination.read", "nomination.public"], { school: (await params).schoolId, within: true });
  const schoolId = routeId((await params).schoolId);
  const yearId = idParam((await searchParams).nam);
  let page: Awaited<ReturnType<typeof listPackages>>;
  try {
    page = await listPackages(viewer, schoolId, yearId);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") redirect(`/truong/${schoolId}/de-nghi/cong-khai`);
    throw e;
  }
  const notices = await orNotFound(listNotices(viewer, 5));
  const path = `/truong/${page.school.id}/de-nghi`;
  return (
    <>
      <PageHeader title="Hồ sơ đề nghị khen thưởng" subtitle={`${page.school.name} · gửi ${page.school.unionUnitName}`} />
      <SchoolAwardsNav schoolId={page.school.id} active={path} manage />
      <AwardYearTabs years={page.years} current={page.year.id} path={path} />
      {notices.length > 0 && (
        <Card title="Thông báo" className="mb-6">
          <ul className="space-y-1 text-sm">
            {notices.map((n) => (
              <li key={n.id}>
                <Link href={n.link} className="text-brand-700 hover:underline">
                  {n.message}
                </Link>{" "}
                <span className="text-xs text-slate-500">{formatDateTime(n.createdAt)}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={`Năm học ${page.year.label}`}>
        {page.packages.length === 0 ? (
          <EmptyState>Chưa có hồ sơ đề nghị cho năm học này.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {page.packages.map((p) => (
              <li key={p.id} className="py-3">
                <Link href={`${path}/${p.id}`} className="font-medium text-brand-700 hover:underline">
                  {p.title}
                </Link>{" "}
                <Badge tone={packageTone(p.status)}>{packageLabel(p.status)}</Badge>
                <div className="text-sm text-slate-600">
                  {p.count} lượt đề nghị{p.byTitle.length ? `: ${p.byTitle.map((b) => `${b.titleName} ${b.count}`).join(", ")}` : ""}
                  {p.postedOn ? ` · công khai từ ${formatIsoDay(p.postedOn)}` : ""}
                  {p.submittedAt ? ` · gửi lúc ${formatDateTime(p.submittedAt)}` : ""}
                </div>
              </li>
            ))}
          </ul>
        )}
        {page.canManage && (
          <div className="mt-4">
            <ActionForm once action={createPackageAction} hidden={{ schoolId: page.school.id, schoolYearId: page.year.id }} label="Lập hồ sơ đề nghị mới" />
          </div>
        )}
      </Card>
      <p className="mt-4 text-sm text-slate-600">
        Quy trình: xét điều kiện → lập danh sách → Hội đồng bỏ phiếu → công khai cho đoàn viên → trả lời ý kiến → gửi cấp trên → cấp trên duyệt, trả lại hoặc ra quyết định.
      </p>
    </>
  );
}
