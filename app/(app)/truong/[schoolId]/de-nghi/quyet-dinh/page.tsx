import type { Metadata } from "next";
import { requireAccess } from "@/lib/authz/gate";
import { getSchoolDecisionPage } from "@/lib/awards/routes-school";
import { issueSchoolDecisionAction, revokeSchoolDecisionAction } from "@/lib/awards/routes-actions";
import { formatIsoDay } from "@/lib/awards/facts";
import { orNotFound, routeId, idParam } from "@/lib/server/page";
import { todayIsoVN } from "@/lib/time";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { inputClass } from "@/components/ui/field";
import { ActionForm } from "@/components/awards/action-form";
import { MultiCheck } from "@/components/awards/multi-check";
import { AwardYearTabs, SchoolAwardsNav } from "@/components/awards/year-tabs";
import { DateInput } from "@/components/ui/date-input";

export const metadata: Metadata = { title: "Quyết định khen thưởng của trường" };

/**
 * Decisions kept at the school (issue 12): the school union BCH decides its own forms for the
 * nominees its council voted and the school posted (the chair issues it, "TM. BAN CHẤP HÀNH /
 * CHỦ TỊCH"); every decision kept by the school (the BCH's and the recorded government ones) with
 * its certificates and, when revoked, its revocation (nomination.read of the school).
 */
export default async function SchoolDecisionsPage({ params, searchParams }: { params: Promise<{ schoolId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer } = await requireAccess("nomination.read", { school: (await params).schoolId, within: true });
  const schoolId = routeId((await params).schoolId);
  const page = await orNotFound(getSchoolDecisionPage(viewer, schoolId, idParam((await searchParams).nam)));
  const path = `/truong/${page.school.id}/de-nghi/quyet-dinh`;
  const today = todayIsoVN();
  const revokable = page.decisions.filter((d) => !d.revocation && (d.side === "STATE" ? page.canRevokeState : page.canIssue));
  return (
    <>
      <PageHeader title="Quyết định khen thưởng của trường" subtitle={`${page.school.unionName || page.school.name} · năm học ${page.year.label}`} />
      <SchoolAwardsNav schoolId={page.school.id} active={path} manage />
      <AwardYearTabs years={page.years} current={page.year.id} path={path} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`Chờ quyết định của Ban Chấp hành công đoàn cơ sở (${page.waiting.length})`}>
          <p className="mb-3 text-sm text-slate-600">
            Giấy khen của BCH, danh hiệu “Đoàn viên công đoàn xuất sắc”, “Giỏi việc trường – Đảm việc nhà”, tổ công đoàn hoàn thành xuất sắc nhiệm vụ… do Ban Chấp hành công đoàn cơ sở quyết định (bảng thẩm quyền), sau khi Hội đồng Thi đua – Khen thưởng bình xét và danh sách đã công khai đủ thời hạn.
          </p>
          {page.waiting.length === 0 ? (
            <EmptyState>Không có đề nghị nào thuộc thẩm quyền của Ban Chấp hành đang chờ quyết định.</EmptyState>
          ) : page.canIssue ? (
            <ActionForm once action={issueSchoolDecisionAction} hidden={{ schoolId: page.school.id, schoolYearId: page.year.id }} label="Ban hành quyết định" confirm="Ban hành quyết định khen thưởng của Ban Chấp hành? Quyết định đã ban hành không sửa được (chỉ thu hồi).">
              <MultiCheck name="itemIds" legend="Người, tập thể được khen thưởng" options={page.waiting.map((w) => ({ id: w.id, label: `${w.nomineeName} – ${w.titleName}${w.again ? " (xét lại sau thu hồi)" : ""}${w.voted ? "" : " · chưa được Hội đồng thông qua"}` }))} initial={page.waiting.filter((w) => w.voted).map((w) => w.id)} />
              <p className="text-sm">
                Số: <span className="font-medium">(cấp tự động)/{page.symbol}</span> · Chữ ký: TM. BAN CHẤP HÀNH / CHỦ TỊCH
              </p>
              <div className="grid gap-3 md:grid-cols-2">
                <DateInput name="signedOn" label="Ngày ký" defaultValue={today} max={today} required className="text-sm" />
                <label className="flex flex-col gap-1 text-sm">
                  Người ký (Chủ tịch công đoàn)
                  <input name="signerName" defaultValue={page.signerName} className={inputClass} required maxLength={120} />
                </label>
              </div>
              <label className="flex flex-col gap-1 text-sm">
                Trích yếu (nếu để trống: theo các hình thức khen thưởng)
                <input name="summary" className={inputClass} maxLength={300} />
              </label>
            </ActionForm>
          ) : (
            <ul className="list-disc pl-5 text-sm">
              {page.waiting.map((w) => (
                <li key={w.id}>
                  {w.nomineeName} – {w.titleName}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={`Quyết định của năm học (${page.decisions.length})`}>
          {page.decisions.length === 0 ? (
            <EmptyState>Chưa có quyết định nào do trường ban hành hoặc ghi nhận trong năm học này.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" aria-label="Quyết định của trường">
              {page.decisions.map((d) => (
                <li key={d.id} id={`qd-${d.id}`} className="py-2">
                  <div>
                    <Badge tone={d.side === "STATE" ? "blue" : "green"}>{d.side === "STATE" ? "Chính quyền" : "BCH công đoàn cơ sở"}</Badge> <span className="font-medium">Quyết định số {d.number}</span> ngày {formatIsoDay(d.signedOn)} · {d.issuerName} · {d.awards} người/tập thể
                    {d.revocation && <Badge tone="red">Đã thu hồi</Badge>}
                  </div>
                  {d.summary && <div className="text-slate-600">{d.summary}</div>}
                  {d.revocation && (
                    <div className="text-red-700">
                      Thu hồi ngày {formatIsoDay(d.revocation.revokedOn)}
                      {d.revocation.number ? ` (Quyết định số ${d.revocation.number})` : ""}: {d.revocation.reason}
                    </div>
                  )}
                  {!d.revocation && page.canPrint && (
                    <a href={`${path}/${d.id}/giay-chung-nhan`} className="text-blue-700 hover:underline">
                      {d.side === "STATE" ? "In giấy chứng nhận" : "In giấy khen"}
                    </a>
                  )}
                  {d.side === "STATE" && (
                    <>
                      {" · "}
                      <a href={`${path}/${d.id}/ban-chup`} className="text-blue-700 hover:underline">
                        Bản chụp
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {revokable.length > 0 && (
          <Card title="Thu hồi quyết định" className="lg:col-span-2">
            <p className="mb-3 text-sm text-slate-600">
              Quyết định của Ban Chấp hành do Chủ tịch công đoàn thu hồi; quyết định của cơ quan nhà nước chỉ ghi nhận việc thu hồi khi cơ quan đó đã thu hồi. Quyết định và khen thưởng vẫn được lưu (đánh dấu đã thu hồi); các trường hợp liên quan có thể được quyết định lại.
            </p>
            <ActionForm once action={revokeSchoolDecisionAction} hidden={{ schoolId: page.school.id }} label="Thu hồi" variant="danger" confirm="Thu hồi quyết định này?" className="max-w-3xl">
              <label className="flex flex-col gap-1 text-sm">
                Quyết định
                <select name="decisionId" className={inputClass} required>
                  {revokable.map((d) => (
                    <option key={d.id} value={d.id}>
                      Số {d.number} ngày {formatIsoDay(d.signedOn)} – {d.issuerName}
                    </option>
                  ))}
                </select>
              </label>
              <div className="grid gap-3 md:grid-cols-2">
                <label className="flex flex-col gap-1 text-sm">
                  Số quyết định thu hồi (nếu có)
                  <input name="number" className={inputClass} maxLength={60} />
                </label>
                <DateInput name="revokedOn" label="Ngày thu hồi" defaultValue={today} max={today} required className="text-sm" />
              </div>
              <label className="flex flex-col gap-1 text-sm">
                Lý do thu hồi
                <textarea name="reason" rows={2} className={inputClass} required maxLength={1000} />
              </label>
            </ActionForm>
          </Card>
        )}
      </div>
    </>
  );
}
