import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { campaignFormOptions, getSchoolCampaign } from "@/lib/campaigns/queries";
import { registerCollectiveAction, remindAction, transitionCampaignAction, updateCampaignAction, withdrawRegistrationAction } from "@/lib/campaigns/actions";
import { createPeriodAction } from "@/lib/scoring/actions";
import { defaultScaleVersionId } from "@/lib/scoring/period-rules";
import { AUDIENCE_LABELS, CAMPAIGN_STATE_LABELS, MOVEMENT_LABELS, TITLES, titleLabel, type TitleCode } from "@/lib/campaigns/rules";
import { PERIOD_STATE_LABELS } from "@/lib/scoring/workflow";
import { orNotFound, routeId } from "@/lib/server/page";
import { formatDate, formatDateTime } from "@/lib/format";
import { Badge, Card, PageHeader, Stat } from "@/components/ui/page";
import { inputClass } from "@/components/ui/field";
import { ActionForm } from "@/components/scoring/action-form";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { canSee } from "@/lib/authz/decide";
import { DateInput } from "@/components/ui/date-input";

export const metadata: Metadata = { title: "Phong trào thi đua" };

const TRANSITIONS = [
  { key: "open", label: "Mở đăng ký", confirm: "Mở đăng ký thi đua cho đoàn viên?" },
  { key: "startScoring", label: "Kết thúc đăng ký, chuyển sang chấm điểm", confirm: "Đoàn viên sẽ không đăng ký thêm được. Tiếp tục?" },
  { key: "close", label: "Kết thúc phong trào", confirm: "Kết thúc phong trào?" },
] as const;

/** A campaign seen from the school: registration (who has not), collective titles, scoring periods. */
export default async function CampaignPage({ params }: { params: Promise<{ schoolId: string; campaignId: string }> }) {
  // A place the viewer works in with campaign.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("campaign.read", { school: (await params).schoolId, within: true });
  const p = await params;
  const d = await orNotFound(getSchoolCampaign(viewer, routeId(p.schoolId), routeId(p.campaignId)));
  const c = d.campaign;
  const options = d.can.edit ? await campaignFormOptions(viewer, d.school.id) : null;
  const collectiveTitles = c.titles.filter((t): t is TitleCode => t in TITLES && TITLES[t as TitleCode].collective);
  const missing = d.audience.filter((m) => m.titles.length === 0);
  const seesOthers = d.audience.length > 1;
  return (
    <>
      <p className="mb-2 text-sm no-print">
        <Link href={`/truong/${d.school.id}/phong-trao`} className="text-brand-700 hover:underline">
          ← Phong trào
        </Link>
      </p>
      <PageHeader
        title={c.name}
        subtitle={
          <>
            {MOVEMENT_LABELS[c.movement]} · {c.schoolYear.label} · {c.organisation ? `do ${c.organisation.name} phát động` : d.school.name} · {AUDIENCE_LABELS[c.audience]}{" "}
            <Badge tone={c.state === "CLOSED" ? "slate" : c.state === "DRAFT" ? "amber" : "green"}>{CAMPAIGN_STATE_LABELS[c.state]}</Badge>
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <Card title="Thông tin">
          <dl className="grid gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">Danh hiệu được đăng ký</dt>
              <dd>{c.titles.map(titleLabel).join("; ")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Hạn đăng ký</dt>
              <dd>{c.registrationDeadline ? formatDate(c.registrationDeadline) : "Không đặt"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Biểu điểm</dt>
              <dd>{c.scale?.name ?? (c.organisation ? "Mỗi trường chấm theo biểu điểm của mình" : "Chưa chọn")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Các đợt</dt>
              <dd>{c.rounds.length ? c.rounds.map((r) => `${r.name} (${formatDate(r.startsOn)} – ${formatDate(r.endsOn)})`).join("; ") : "—"}</dd>
            </div>
            {c.description && (
              <div className="sm:col-span-2">
                <dt className="text-slate-500">Mô tả</dt>
                <dd className="whitespace-pre-line">{c.description}</dd>
              </div>
            )}
          </dl>
          <div className="mt-4 flex flex-wrap gap-4">
            {TRANSITIONS.filter((t) => d.can[t.key]).map((t) => (
              <ActionForm key={t.key} action={transitionCampaignAction} hidden={{ campaignId: c.id, version: c.version, action: t.key }} label={t.label} confirm={t.confirm} />
            ))}
          </div>
          {!!viewer.memberId && canSee(viewer, "registration.read", { schoolId: d.school.id, within: true }) && (
            <p className="mt-3 text-sm">
              Đăng ký của bạn:{" "}
              <Link href="/ca-nhan/thi-dua" className="text-brand-700 underline">
                Thi đua của tôi
              </Link>
            </p>
          )}
        </Card>

        {seesOthers && (
          <Card title="Đăng ký thi đua">
            <div className="mb-4 grid gap-4 sm:grid-cols-3">
              <Stat label="Đã đăng ký" value={`${d.registeredCount}/${d.audience.length}`} hint="đoàn viên thuộc đối tượng" />
              <Stat label="Chưa đăng ký" value={missing.length} />
              <Stat label="Đăng ký tập thể" value={d.collective.length} />
            </div>
            {d.can.remind && missing.length > 0 && <ActionForm action={remindAction} hidden={{ schoolId: d.school.id, campaignId: c.id }} label={`Nhắc ${missing.length} người chưa đăng ký`} variant="secondary" className="mb-4" once />}
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm" data-testid="registrations">
                <thead className="text-left text-xs uppercase text-slate-500">
                  <tr>
                    <th className="py-2">Đoàn viên</th>
                    <th>Tổ</th>
                    <th>Đăng ký</th>
                  </tr>
                </thead>
                <tbody>
                  {d.audience.map((m) => (
                    <tr key={m.id} className="border-t border-slate-200">
                      <td className="py-1.5">{m.fullName}</td>
                      <td>{m.groupName}</td>
                      <td>
                        {m.titles.length ? (
                          m.titles.map((t) => titleLabel(t.title)).join("; ")
                        ) : (
                          <span className="text-amber-700">Chưa đăng ký{m.remindedAt ? ` (đã nhắc ${formatDateTime(m.remindedAt)})` : ""}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        )}

        {(collectiveTitles.length > 0 || d.collective.length > 0) && seesOthers && (
          <Card title="Đăng ký danh hiệu tập thể">
            <ul className="mb-3 text-sm">
              {d.collective.map((r) => (
                <li key={r.id} className="flex items-center gap-2 py-1">
                  {titleLabel(r.title)} – {r.unionGroup?.name ?? d.school.name}
                  {d.can.registerCollective && <ActionForm action={withdrawRegistrationAction} hidden={{ registrationId: r.id }} label="Rút" variant="secondary" />}
                </li>
              ))}
            </ul>
            {d.can.registerCollective && (
              <ActionForm action={registerCollectiveAction} hidden={{ schoolId: d.school.id, campaignId: c.id }} label="Đăng ký tập thể">
                <div className="flex flex-wrap gap-3">
                  <label className="flex flex-col gap-1 text-sm">
                    <span className="font-medium">Tập thể</span>
                    <select name="subject" className={inputClass}>
                      <option value="school">Toàn trường / Công đoàn cơ sở</option>
                      {d.groups.map((g) => (
                        <option key={g.id} value={g.id}>
                          {g.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="flex flex-col gap-1 text-sm">
                    <span className="font-medium">Danh hiệu</span>
                    <select name="title" className={inputClass}>
                      {collectiveTitles.map((t) => (
                        <option key={t} value={t}>
                          {titleLabel(t)}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
              </ActionForm>
            )}
          </Card>
        )}

        <Card title="Kỳ chấm điểm của trường">
          {d.periods.length === 0 ? (
            <p className="text-sm text-slate-500">Chưa có kỳ chấm.</p>
          ) : (
            <ul className="mb-3 text-sm">
              {d.periods.map((pr) => (
                <li key={pr.id} className="py-1">
                  <Link className="font-medium text-brand-700 hover:underline" href={`/truong/${d.school.id}/cham-diem/${pr.id}`}>
                    {pr.name}
                  </Link>{" "}
                  {formatDate(pr.startsOn)} – {formatDate(pr.endsOn)} · {pr._count.sheets} phiếu <Badge tone="blue">{PERIOD_STATE_LABELS[pr.state]}</Badge>
                </li>
              ))}
            </ul>
          )}
          {d.can.createPeriod &&
            (d.scaleVersions.length === 0 ? (
              <p className="text-sm text-amber-800">
                Cần một biểu điểm đã được thông qua để tạo kỳ chấm.{" "}
                <Link className="underline" href={`/truong/${d.school.id}/bieu-diem`}>
                  Biểu điểm
                </Link>
              </p>
            ) : (
              <ActionForm once action={createPeriodAction} hidden={{ schoolId: d.school.id, campaignId: c.id }} label="Tạo kỳ chấm điểm">
                <div className="grid gap-3 sm:grid-cols-3">
                  <label className="flex flex-col gap-1 text-sm">
                    <span className="font-medium">Tên kỳ chấm</span>
                    <input name="name" required className={inputClass} defaultValue="Học kỳ I" />
                  </label>
                  <label className="flex flex-col gap-1 text-sm">
                    <span className="font-medium">Loại</span>
                    <select name="kind" className={inputClass} defaultValue="SEMESTER">
                      <option value="MONTH">Tháng</option>
                      <option value="SEMESTER">Học kỳ</option>
                      <option value="YEAR">Năm học</option>
                      <option value="ROUND">Đợt thi đua</option>
                    </select>
                  </label>
                  <label className="flex flex-col gap-1 text-sm">
                    <span className="font-medium">Biểu điểm đã thông qua</span>
                    <select name="scaleVersionId" className={inputClass} defaultValue={defaultScaleVersionId(d.scaleVersions, c.scaleId)}>
                      {d.scaleVersions.map((sv) => (
                        <option key={sv.id} value={sv.id}>
                          {sv.scale.name} – phiên bản {sv.number} ({sv.resolutionNo})
                        </option>
                      ))}
                    </select>
                  </label>
                  <DateInput name="startsOn" label="Từ ngày (dd/mm/yyyy)" required className="text-sm" />
                  <DateInput name="endsOn" label="Đến ngày (dd/mm/yyyy)" required className="text-sm" />
                </div>
              </ActionForm>
            ))}
        </Card>

        {options && (
          <Card title="Sửa phong trào">
            <CampaignForm
              action={updateCampaignAction}
              hidden={{ campaignId: c.id, version: c.version }}
              years={options.years}
              scales={options.scales}
              initial={{ name: c.name, movement: c.movement, description: c.description, schoolYearId: c.schoolYearId, audience: c.audience, scaleId: c.scaleId, registrationDeadline: c.registrationDeadline, titles: c.titles, rounds: c.rounds }}
              submitLabel="Lưu thay đổi"
            />
          </Card>
        )}
      </div>
    </>
  );
}
