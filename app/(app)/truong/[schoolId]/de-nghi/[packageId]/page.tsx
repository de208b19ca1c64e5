import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getPackagePage } from "@/lib/nominations/queries";
import { addEligibleAction, addItemAction, answerObjectionAction, postPackageAction, submitPackageAction, unpostPackageAction, updateCoverAction } from "@/lib/nominations/actions";
import { entriesFor } from "@/lib/awards/catalogue";
import { formatIsoDay } from "@/lib/awards/facts";
import { formatDateTime } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/server/page";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PostPackageForm } from "@/components/awards/post-package-form";
import { ActionForm } from "@/components/awards/action-form";
import { CheckList } from "@/components/awards/verdict";
import { PackageItems } from "@/components/awards/package-items";
import { AddPaperForm, DossierPaperList } from "@/components/awards/dossier-papers";
import { eventLabel, packageLabel, packageTone, stateLabel } from "@/components/awards/labels";
import { RoutePanel } from "@/components/awards/route-panel";
import { todayIsoVN } from "@/lib/time";

export const metadata: Metadata = { title: "Hồ sơ đề nghị" };

const PACKAGE_KINDS = ["BIEN_BAN_HOP", "BIEN_BAN_KIEM_PHIEU", "TO_TRINH", "DANH_SACH", "MINH_CHUNG"] as const;

/** Build, check, post and submit a nomination package (nomination.read; chair and principal act). */
export default async function PackagePage({ params }: { params: Promise<{ schoolId: string; packageId: string }> }) {
  // The gate first: a place where the viewer holds the capability (the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("nomination.read", { school: (await params).schoolId, within: true });
  const { packageId } = await params;
  const page = await orNotFound(getPackagePage(viewer, routeId(packageId)));
  const p = page.package;
  const base = `/truong/${page.school.id}/de-nghi`;
  const files = `${base}/${p.id}/tai-lieu`;
  const live = page.items.filter((i) => i.status !== "WITHDRAWN");
  const today = todayIsoVN();
  return (
    <>
      <PageHeader
        title={p.title}
        subtitle={
          <>
            <Link href={`${base}?nam=${page.year.id}`} className="hover:underline">
              {page.school.name}
            </Link>{" "}
            · gửi {page.school.unitName} · <Badge tone={packageTone(p.status)}>{packageLabel(p.status)}</Badge>
          </>
        }
        actions={
          <>
            <a href={`${base}/${p.id}/to-trinh`} className={buttonClass("secondary")}>
              Tờ trình (PDF)
            </a>
            <a href={`${base}/${p.id}/danh-sach`} className={buttonClass("secondary")}>
              Danh sách (PDF)
            </a>
          </>
        }
      />
      <RoutePanel packageId={p.id} />
      <div className="mb-6 grid gap-4 md:grid-cols-3">
        <Card title="Công khai và gửi">
          <dl className="space-y-1 text-sm">
            <div>Lượt đề nghị: {live.length}</div>
            <div>
              LĐTT tính hạn mức: {page.counts.ldttHolders}; CSTĐCS đề nghị: {page.counts.cstdcs}
            </div>
            <div>Công khai: {p.postedOn ? `từ ${formatIsoDay(p.postedOn)} (tối thiểu ${p.noticeDays} ngày làm việc, hết ngày ${formatIsoDay(p.noticeLastDay)})` : "chưa"}</div>
            {p.number && <div>Số tờ trình: {p.number}</div>}
            {p.deadline && <div>Hạn nộp: {formatIsoDay(p.deadline)}{p.reopenedUntil ? ` (mở lại đến ${formatIsoDay(p.reopenedUntil)})` : ""}</div>}
            {p.submittedAt && <div>Gửi lúc: {formatDateTime(p.submittedAt)}</div>}
          </dl>
          {page.can.post && (
            <PostPackageForm action={postPackageAction} packageId={p.id} version={p.version} today={today} noticeDays={p.noticeDays} />
          )}
          {page.can.unpost && <ActionForm action={unpostPackageAction} hidden={{ packageId: p.id, version: p.version }} label="Thôi công khai để sửa" variant="secondary" className="mt-3" />}
          {page.can.submit && <ActionForm action={submitPackageAction} hidden={{ packageId: p.id, version: p.version }} label={p.status === "RETURNED" ? "Gửi lại cấp trên" : "Gửi cấp trên"} className="mt-3" confirm="Gửi hồ sơ lên cấp trên?" />}
        </Card>
        <Card title={p.status === "DRAFT" ? "Vướng mắc trước khi công khai" : "Vướng mắc trước khi gửi"} className="md:col-span-2">
          <CheckList checks={p.status === "DRAFT" ? page.blockingPost : page.blockingSubmit} empty={p.status === "DRAFT" ? "Có thể công khai." : ["POSTED", "RETURNED"].includes(p.status) ? "Đủ điều kiện gửi." : "Hồ sơ đã gửi."} />
          {page.caps.length > 0 && (
            <div className="mt-3 border-t border-slate-100 pt-2">
              <h3 className="text-sm font-semibold">Hạn mức, chỉ tiêu</h3>
              <CheckList checks={page.caps} />
            </div>
          )}
        </Card>
      </div>

      <Card title={`Danh sách đề nghị (${live.length})`}>
        {page.can.edit && (
          <div className="mb-4 flex flex-wrap items-end gap-4 border-b border-slate-100 pb-4">
            <ActionForm action={addEligibleAction} hidden={{ packageId: p.id, titleCode: "LDTT" }} label="Thêm tất cả người đủ điều kiện LĐTT" variant="secondary" />
            <ActionForm action={addEligibleAction} hidden={{ packageId: p.id, titleCode: "CSTDCS" }} label="Thêm người đủ điều kiện CSTĐCS" variant="secondary" />
            <ActionForm once action={addItemAction} hidden={{ packageId: p.id }} label="Thêm" inline>
              <label className="flex flex-col gap-1 text-sm">
                Người / tập thể
                <select name="nominee" className={inputClass}>
                  <optgroup label="Cá nhân">
                    {page.members.map((m) => (
                      <option key={m.id} value={`m:${m.id}`}>
                        {m.fullName}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label="Tập thể">
                    <option value="s">{page.school.name}</option>
                    {page.groups.map((g) => (
                      <option key={g.id} value={`g:${g.id}`}>
                        {g.name}
                      </option>
                    ))}
                  </optgroup>
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm">
                Danh hiệu, hình thức
                <select name="titleCode" className={inputClass}>
                  <optgroup label="Cá nhân">
                    {entriesFor("individual").map((e) => (
                      <option key={e.code} value={e.code}>
                        {e.name}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label="Tập thể">
                    {entriesFor("collective")
                      .filter((e) => !e.subjects.includes("individual"))
                      .map((e) => (
                        <option key={e.code} value={e.code}>
                          {e.name}
                        </option>
                      ))}
                  </optgroup>
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm">
                Chuyên đề (nếu khen theo chuyên đề)
                <input name="theme" className={inputClass} />
              </label>
            </ActionForm>
          </div>
        )}
        <PackageItems page={page} fileBase={files} />
      </Card>

      <Card title={`Tài liệu kèm hồ sơ (${page.documents.length})`} className="mt-6">
        <p className="mb-2 text-xs text-slate-500">Bản ký, đóng dấu của tờ trình, biên bản họp Hội đồng, biên bản kiểm phiếu và minh chứng chung của hồ sơ. Tài liệu của từng người ở mục “Hồ sơ cá nhân”.</p>
        {page.documents.length === 0 && <p className="text-sm text-slate-500">Chưa có tài liệu.</p>}
        <DossierPaperList papers={page.documents} fileBase={files} canDelete={page.can.papers} className="text-sm" />
        {page.can.papers && <AddPaperForm packageId={p.id} kinds={PACKAGE_KINDS} defaultKind="BIEN_BAN_HOP" className="mt-3 max-w-xl" />}
      </Card>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title="Tờ trình">
          {page.can.edit ? (
            <ActionForm action={updateCoverAction} hidden={{ packageId: p.id, version: p.version }} label="Lưu tờ trình" variant="secondary">
              <textarea name="coverNote" rows={10} defaultValue={p.coverNote} className={inputClass} aria-label="Nội dung tờ trình" />
            </ActionForm>
          ) : (
            <p className="whitespace-pre-line text-sm">{p.coverNote}</p>
          )}
        </Card>
        <Card title={`Ý kiến phản ánh (${page.objections.length})`}>
          {page.objections.length === 0 && <p className="text-sm text-slate-500">Chưa có ý kiến.</p>}
          <ul className="space-y-3 text-sm">
            {page.objections.map((o) => (
              <li key={o.id} className="rounded border border-slate-200 p-2">
                <div>
                  <span className="font-medium">{o.memberName}</span>
                  {o.nomineeName ? ` về ${o.nomineeName}` : ""} <span className="text-xs text-slate-500">{formatDateTime(o.createdAt)}</span>
                </div>
                <p className="whitespace-pre-line">{o.body}</p>
                {o.evidence && <p className="text-xs text-slate-500">Minh chứng: {o.evidence}</p>}
                {o.answer ? (
                  <p className="mt-1 rounded bg-green-50 p-2 text-green-900">Hội đồng trả lời: {o.answer}</p>
                ) : page.can.manage ? (
                  <ActionForm action={answerObjectionAction} hidden={{ objectionId: o.id, version: o.version }} label="Trả lời" variant="secondary" className="mt-2">
                    <textarea name="answer" rows={2} className={inputClass} aria-label="Câu trả lời của Hội đồng" required />
                  </ActionForm>
                ) : (
                  <Badge tone="amber">Chưa trả lời</Badge>
                )}
              </li>
            ))}
          </ul>
        </Card>
      </div>

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
