import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getReviewQueue } from "@/lib/nominations/queue";
import { CATALOGUE_ENTRIES } from "@/lib/awards/catalogue";
import { PACKAGE_STATES } from "@/lib/awards/workflow";
import { formatIsoDay } from "@/lib/awards/facts";
import { formatDateTime, formatNumber } from "@/lib/format";
import { orNotFound, pageParam, routeId, textParam, idParam } from "@/lib/server/page";
import { Pagination } from "@/components/ui/pagination";
import { Badge, Card, EmptyState, PageHeader, Stat } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { ListFilters } from "@/components/ui/list-filters";
import { packageLabel, packageTone } from "@/components/awards/labels";

export const metadata: Metadata = { title: "Duyệt hồ sơ khen thưởng" };

/** The states a reviewer filters the queue by (the packages sent up, then answered). */
const QUEUE_STATES = ["SUBMITTED", "RETURNED", "REVIEWED", "DECIDED"] as const;

/** The unit's review queue across its schools (nomination.review), with filters and counts. */
export default async function ReviewQueuePage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The unit itself must be one the viewer serves with nomination.review (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("nomination.review", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const sp = await searchParams;
  const status = textParam(sp["trang-thai"], 20);
  const titleCode = textParam(sp["danh-hieu"], 40);
  const schoolQ = textParam(sp["tim-truong"], 100);
  const q = await orNotFound(
    getReviewQueue(viewer, unitId, {
      yearId: idParam(sp.nam),
      schoolId: idParam(sp.truong),
      schoolQ,
      titleCode: titleCode && CATALOGUE_ENTRIES.some((e) => e.code === titleCode) ? titleCode : undefined,
      status: (PACKAGE_STATES as readonly string[]).includes(status ?? "") ? (status as (typeof PACKAGE_STATES)[number]) : undefined,
      page: pageParam(sp.trang),
    }),
  );
  const base = `/cap-tren/${q.unit.id}/duyet`;
  return (
    <>
      <PageHeader title="Duyệt hồ sơ khen thưởng" subtitle={`${q.unit.name} · năm học ${q.year.label}`} actions={<Link href={`/cap-tren/${q.unit.id}/khen-thuong/quyet-dinh?nam=${q.year.id}`} className={buttonClass("secondary")}>Ra quyết định</Link>} />
      <div className="mb-6 grid gap-4 sm:grid-cols-4">
        <Stat label="Hồ sơ chờ duyệt" value={q.counts.waitingPackages} />
        <Stat label="Lượt đề nghị chờ duyệt" value={q.counts.waitingItems} />
        <Stat label="Đã trả lại, chờ trường sửa" value={q.counts.returnedItems} />
        <Stat label="Đã duyệt, chờ quyết định" value={q.counts.approvedItems} />
      </div>
      <ListFilters
        action={base}
        className="mb-4"
        fields={[
          { kind: "select", label: "Năm học", name: "nam", value: q.year.id, options: q.years.map((y) => ({ value: y.id, label: y.label })) },
          q.schools.length > 0
            ? { kind: "select", label: "Trường", name: "truong", value: textParam(sp.truong, 64), all: "Tất cả", options: q.schools.map((s) => ({ value: s.id, label: s.name })) }
            : { kind: "search", label: "Trường", name: "tim-truong", value: schoolQ, placeholder: "Tên hoặc mã trường" },
          { kind: "select", label: "Danh hiệu", name: "danh-hieu", value: titleCode, all: "Tất cả", options: CATALOGUE_ENTRIES.map((e) => ({ value: e.code, label: e.name })) },
          { kind: "select", label: "Trạng thái", name: "trang-thai", value: status, all: "Đã gửi (mọi trạng thái)", options: QUEUE_STATES.map((s) => ({ value: s, label: packageLabel(s) })) },
        ]}
      />
      <Card>
        {q.packages.length === 0 ? (
          <EmptyState>Không có hồ sơ phù hợp.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {q.packages.map((p) => (
              <li key={p.id} className="py-3">
                <Link href={`${base}/${p.id}`} className="font-medium text-brand-700 hover:underline">
                  {p.schoolName} – {p.title}
                </Link>{" "}
                <Badge tone={packageTone(p.status)}>{packageLabel(p.status)}</Badge>
                <div className="text-sm text-slate-600">
                  {formatNumber(p.total)} lượt, {formatNumber(p.waiting)} chờ duyệt · {p.titles.join(", ")}
                  {p.submittedAt ? ` · gửi ${formatDateTime(p.submittedAt)}` : ""}
                  {p.deadline ? ` · hạn ${formatIsoDay(p.deadline)}` : ""}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Pagination
        page={q.page}
        pageSize={q.pageSize}
        total={q.total}
        basePath={base}
        params={{ nam: q.year.id, truong: idParam(sp.truong), "tim-truong": schoolQ, "danh-hieu": titleCode, "trang-thai": status }}
      />
    </>
  );
}
