import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getReviewQueue } from "@/lib/nominations/queue";
import { CATALOGUE_ENTRIES } from "@/lib/awards/catalogue";
import { PACKAGE_STATES } from "@/lib/awards/workflow";
import { formatIsoDay } from "@/lib/awards/facts";
import { formatDateTime, formatNumber } from "@/lib/format";
import { orNotFound, routeId, textParam, idParam } from "@/lib/server/page";
import { Badge, Card, EmptyState, PageHeader, Stat } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { packageLabel, packageTone } from "@/components/awards/labels";

export const metadata: Metadata = { title: "Duyệt hồ sơ khen thưởng" };

/** The unit's review queue across its schools (nomination.review), with filters and counts. */
export default async function ReviewQueuePage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The unit itself must be one the viewer serves with nomination.review (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("nomination.review", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const sp = await searchParams;
  const status = textParam(sp["trang-thai"], 20);
  const titleCode = textParam(sp["danh-hieu"], 40);
  const q = await orNotFound(
    getReviewQueue(viewer, unitId, {
      yearId: idParam(sp.nam),
      schoolId: idParam(sp.truong),
      titleCode: titleCode && CATALOGUE_ENTRIES.some((e) => e.code === titleCode) ? titleCode : undefined,
      status: (PACKAGE_STATES as readonly string[]).includes(status ?? "") ? (status as (typeof PACKAGE_STATES)[number]) : undefined,
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
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          Năm học
          <select name="nam" defaultValue={q.year.id} className={inputClass}>
            {q.years.map((y) => (
              <option key={y.id} value={y.id}>
                {y.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Trường
          <select name="truong" defaultValue={textParam(sp.truong, 64) ?? ""} className={inputClass}>
            <option value="">Tất cả</option>
            {q.schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Danh hiệu
          <select name="danh-hieu" defaultValue={titleCode ?? ""} className={inputClass}>
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
          <select name="trang-thai" defaultValue={status ?? ""} className={inputClass}>
            <option value="">Đã gửi (mọi trạng thái)</option>
            {(["SUBMITTED", "RETURNED", "REVIEWED", "DECIDED"] as const).map((s) => (
              <option key={s} value={s}>
                {packageLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <button className={buttonClass("secondary")}>Lọc</button>
      </form>
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
    </>
  );
}
