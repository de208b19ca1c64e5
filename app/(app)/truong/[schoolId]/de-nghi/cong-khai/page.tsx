import type { Metadata } from "next";
import { requireAccess } from "@/lib/authz/gate";
import { canSome } from "@/lib/authz/permissions";
import { getPublicLists } from "@/lib/nominations/queries";
import { lodgeObjectionAction } from "@/lib/nominations/actions";
import { formatDateTime } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/server/page";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { inputClass } from "@/components/ui/field";
import { ActionForm } from "@/components/awards/action-form";
import { SchoolAwardsNav } from "@/components/awards/year-tabs";
import { packageLabel, packageTone } from "@/components/awards/labels";

export const metadata: Metadata = { title: "Danh sách công khai" };

/** The lists posted publicly to the school's members (nomination.public), objections and answers. */
export default async function PublicListPage({ params }: { params: Promise<{ schoolId: string }> }) {
  // The gate first: a place where the viewer holds the capability (the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("nomination.public", { school: (await params).schoolId, within: true });
  const schoolId = routeId((await params).schoolId);
  const page = await orNotFound(getPublicLists(viewer, schoolId));
  return (
    <>
      <PageHeader title="Danh sách đề nghị khen thưởng công khai" subtitle={page.school.name} />
      <SchoolAwardsNav schoolId={page.school.id} active={`/truong/${page.school.id}/de-nghi/cong-khai`} manage={canSome(viewer, "nomination.read")} />
      {page.packages.length === 0 && <EmptyState>Chưa có danh sách nào được công khai.</EmptyState>}
      {page.packages.map((p) => (
        <Card key={p.id} title={`${p.title} (năm học ${p.yearLabel})`} className="mb-6">
          <p className="mb-2 text-sm text-slate-600">
            Công khai từ {p.postedOn}
            {p.open && p.noticeLastDay ? ` (${p.noticeDays} ngày làm việc, đến hết ngày ${p.noticeLastDay}; góp ý trong thời hạn này)` : ""} · <Badge tone={packageTone(p.status)}>{packageLabel(p.status)}</Badge>
          </p>
          <ol className="mb-4 list-decimal pl-6 text-sm">
            {p.items.map((i) => (
              <li key={i.id}>
                {i.nomineeName} – {i.titleName}
              </li>
            ))}
          </ol>
          {p.open && page.canObject && (
            <ActionForm once action={lodgeObjectionAction} hidden={{ packageId: p.id }} label="Gửi ý kiến" variant="secondary">
              <label className="flex flex-col gap-1 text-sm">
                Ý kiến về
                <select name="itemId" className={inputClass}>
                  <option value="">Cả danh sách</option>
                  {p.items.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.nomineeName} – {i.titleName}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm">
                Nội dung ý kiến
                <textarea name="body" rows={3} className={inputClass} required />
              </label>
              <label className="flex flex-col gap-1 text-sm">
                Minh chứng kèm theo (nếu có)
                <input name="evidence" className={inputClass} />
              </label>
            </ActionForm>
          )}
        </Card>
      ))}
      {page.myObjections.length > 0 && (
        <Card title="Ý kiến của tôi">
          <ul className="space-y-3 text-sm">
            {page.myObjections.map((o) => (
              <li key={o.id} className="rounded border border-slate-200 p-2">
                <p>
                  {o.nomineeName ? `Về ${o.nomineeName}: ` : ""}
                  {o.body}
                </p>
                {o.answer ? (
                  <p className="mt-1 rounded bg-green-50 p-2 text-green-900">
                    Hội đồng trả lời ({formatDateTime(o.answeredAt)}): {o.answer}
                  </p>
                ) : (
                  <Badge tone="amber">Đang chờ Hội đồng trả lời</Badge>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
