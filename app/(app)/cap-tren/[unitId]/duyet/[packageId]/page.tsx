import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getPackagePage } from "@/lib/nominations/queries";
import { getPackageSealedScores } from "@/lib/nominations/snapshots";
import { bulkApproveAction, reviewItemAction, setDeadlineAction } from "@/lib/nominations/actions";
import { reviewChangeOptions } from "@/lib/nominations/review";
import { unitFor } from "@/lib/authz/load";
import { LEVEL_LABELS, AWARD_LEVELS } from "@/lib/awards/catalogue";
import { formatDateTime } from "@/lib/format";
import { checkGate } from "@/lib/authz/gate";
import { orNotFound, routeId } from "@/lib/server/page";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ActionForm } from "@/components/awards/action-form";
import { MultiCheck } from "@/components/awards/multi-check";
import { CheckList } from "@/components/awards/verdict";
import { PackageItems } from "@/components/awards/package-items";
import { SealedScores } from "@/components/awards/sealed-scores";
import { DossierPaperList } from "@/components/awards/dossier-papers";
import { eventLabel, packageLabel, packageTone, stateLabel } from "@/components/awards/labels";
import { CouncilMinutesLinks } from "@/components/awards/route-panel";
import { DateInput } from "@/components/ui/date-input";

export const metadata: Metadata = { title: "Xét duyệt hồ sơ" };

/** One school's package under review: evidence per nominee, per-nominee decisions, bulk approve. */
export default async function ReviewPackagePage({ params }: { params: Promise<{ unitId: string; packageId: string }> }) {
  // The unit itself must be one the viewer serves with nomination.review (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("nomination.review", { unit: (await params).unitId });
  const { unitId, packageId } = await params;
  const load = async () => {
    const unit = await unitFor(viewer, routeId(unitId), "nomination.review");
    // The gate: the package's school must lie under a unit the viewer reviews for (admin: any).
    await checkGate(viewer, "nomination.review", { package: routeId(packageId) });
    const page = await getPackagePage(viewer, routeId(packageId));
    // Issue 12: "Duyệt ở hình thức/cấp khác" offers only the forms the reviewing body decides itself.
    return { unit, page, sealed: await getPackageSealedScores(viewer, page), forms: await reviewChangeOptions(viewer, page.package.id) };
  };
  const { unit, page, sealed, forms } = await orNotFound(load());
  const formLevels = AWARD_LEVELS.filter((l) => forms.some((f) => f.level === l));
  const p = page.package;
  const school = `/truong/${page.school.id}/de-nghi/${p.id}`;
  const waiting = page.items.filter((i) => i.can.review);
  const files = `/cap-tren/${unit.id}/duyet/${p.id}/tai-lieu`;
  return (
    <>
      <PageHeader
        title={`${page.school.name} – ${p.title}`}
        subtitle={
          <>
            <Link href={`/cap-tren/${unit.id}/duyet?nam=${page.year.id}`} className="hover:underline">
              Hàng chờ duyệt của {unit.name}
            </Link>{" "}
            · <Badge tone={packageTone(p.status)}>{packageLabel(p.status)}</Badge>
            {p.submittedAt ? ` · gửi ${formatDateTime(p.submittedAt)}` : ""}
          </>
        }
        actions={
          <>
            <a href={`${school}/to-trinh`} className={buttonClass("secondary")}>
              Tờ trình (PDF)
            </a>
            <a href={`${school}/danh-sach`} className={buttonClass("secondary")}>
              Danh sách (PDF)
            </a>
          </>
        }
      />
      <CouncilMinutesLinks packageId={p.id} />
      <div className="mb-6 grid gap-4 md:grid-cols-3">
        <Card title="Kiểm tra của hệ thống" className="md:col-span-2">
          <CheckList checks={page.checks.filter((c) => !c.passed && c.rule !== "notice-period" && c.rule !== "deadline")} empty="Hồ sơ đủ điều kiện theo các quy định." />
          {page.caps.length > 0 && (
            <div className="mt-2 border-t border-slate-100 pt-2">
              <CheckList checks={page.caps} />
            </div>
          )}
        </Card>
        <Card title="Hạn nộp">
          {page.can.deadline && (
            <ActionForm action={setDeadlineAction} hidden={{ packageId: p.id, version: p.version }} label="Lưu" variant="secondary">
              <DateInput name="deadline" label="Hạn nộp" defaultValue={p.deadline ?? ""} className="text-sm" />
              <DateInput name="reopenedUntil" label="Mở lại cho nộp muộn đến ngày" defaultValue={p.reopenedUntil ?? ""} className="text-sm" />
            </ActionForm>
          )}
        </Card>
      </div>
      {waiting.length > 0 && (
        <Card title={`Duyệt nhiều người (${waiting.length} đang chờ)`} className="mb-6">
          <ActionForm action={bulkApproveAction} hidden={{ packageId: p.id }} label="Duyệt những người đã chọn" confirm="Duyệt tất cả những người đã chọn?">
            <MultiCheck name="itemIds" legend="Chọn người được duyệt" options={waiting.map((i) => ({ id: i.id, label: `${i.nomineeName} – ${i.titleName}${i.verdict && !i.verdict.eligible && !i.verdict.flagOnly ? " (có điều kiện chưa đạt)" : ""}` }))} initial={waiting.filter((i) => i.verdict?.eligible !== false).map((i) => i.id)} />
          </ActionForm>
        </Card>
      )}
      {sealed && <SealedScores rows={sealed} />}
      <Card title="Danh sách đề nghị">
        <PackageItems
          page={page}
          fileBase={files}
          extra={(i) =>
            i.can.review ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-xs text-brand-700">Xét duyệt</summary>
                <ActionForm action={reviewItemAction} hidden={{ itemId: i.id, version: i.version }} label="Ghi ý kiến" className="mt-2 w-72">
                  <select name="decision" className={inputClass} aria-label="Ý kiến" defaultValue="approve">
                    <option value="approve">Duyệt</option>
                    <option value="approveChanged">Duyệt ở hình thức/cấp khác</option>
                    <option value="return">Trả lại để bổ sung</option>
                    <option value="reject">Không duyệt</option>
                  </select>
                  <select name="approvedTitleCode" className={inputClass} aria-label="Hình thức được duyệt (nếu khác)" defaultValue="">
                    <option value="">(Hình thức khác, nếu có)</option>
                    {forms.filter((e) => e.subjects.includes(i.subject === "MEMBER" ? "individual" : "collective")).map((e) => (
                      <option key={e.code} value={e.code}>
                        {e.name}
                      </option>
                    ))}
                  </select>
                  <select name="approvedLevel" className={inputClass} aria-label="Cấp được duyệt (nếu khác)" defaultValue="">
                    <option value="">(Cấp theo hình thức)</option>
                    {formLevels.map((l) => (
                      <option key={l} value={l}>
                        {LEVEL_LABELS[l]}
                      </option>
                    ))}
                  </select>
                  <textarea name="comment" rows={2} className={inputClass} aria-label="Ý kiến, lý do" placeholder="Ý kiến, lý do (bắt buộc khi trả lại, không duyệt, đổi hình thức)" />
                </ActionForm>
              </details>
            ) : null
          }
        />
      </Card>
      {page.documents.length > 0 && (
        <Card title={`Tài liệu kèm hồ sơ (${page.documents.length})`} className="mt-6">
          <DossierPaperList papers={page.documents} fileBase={files} canDelete={false} className="text-sm" />
        </Card>
      )}
      <Card title="Lịch sử" className="mt-6">
        <ul className="space-y-1 text-sm">
          {page.events.map((e) => (
            <li key={e.id}>
              <span className="text-xs text-slate-500">{formatDateTime(e.at)}</span> · {e.actor ?? "—"} · {eventLabel(e.action)}
              {e.from && e.to ? ` (${stateLabel(e.from)} → ${stateLabel(e.to)})` : ""}
              {e.comment ? `: ${e.comment}` : ""}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
