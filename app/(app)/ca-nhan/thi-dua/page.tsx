import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getMyCampaigns } from "@/lib/campaigns/queries";
import { listMySheets } from "@/lib/scoring/queries";
import { registerSelfAction, withdrawRegistrationAction } from "@/lib/campaigns/actions";
import { CAMPAIGN_STATE_LABELS, MOVEMENT_LABELS, TITLES, titleLabel, type TitleCode } from "@/lib/campaigns/rules";
import { PERIOD_STATE_LABELS, STAGE_LABELS } from "@/lib/scoring/workflow";
import { formatDate } from "@/lib/format";
import { formatPoints } from "@/lib/scoring/points";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { ActionForm } from "@/components/scoring/action-form";

export const metadata: Metadata = { title: "Thi đua của tôi" };

/** A member's own emulation: registration for titles, their sheets at every stage, appeals. */
export default async function MyEmulationPage() {
  const viewer = await requireViewer();
  const [campaigns, sheets] = await Promise.all([getMyCampaigns(viewer), listMySheets(viewer)]);
  return (
    <>
      <PageHeader title="Thi đua của tôi" subtitle="Đăng ký danh hiệu, tự đánh giá và theo dõi điểm ở từng bước." />
      <div className="flex flex-col gap-6">
        <Card title="Phong trào và đăng ký danh hiệu">
          {campaigns.length === 0 && <EmptyState>Chưa có phong trào nào dành cho bạn.</EmptyState>}
          <ul className="flex flex-col gap-4">
            {campaigns.map((c) => {
              const individual = c.titles.filter((t): t is TitleCode => t in TITLES && !TITLES[t as TitleCode].collective);
              const mine = new Set(c.registrations.map((r) => r.title));
              return (
                <li key={c.id} className="rounded-md border border-slate-200 p-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{c.name}</span>
                    <Badge tone={c.state === "OPEN" ? "green" : "slate"}>{CAMPAIGN_STATE_LABELS[c.state]}</Badge>
                  </div>
                  <p className="text-sm text-slate-600">
                    {MOVEMENT_LABELS[c.movement]} · {c.schoolYear.label}
                    {c.organisation ? ` · ${c.organisation.name}` : ""}
                    {c.registrationDeadline && ` · hạn đăng ký ${formatDate(c.registrationDeadline)}`}
                  </p>
                  {c.reminders.length > 0 && mine.size === 0 && (
                    <p role="status" className="mt-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-800">
                      Chủ tịch công đoàn nhắc bạn đăng ký thi đua.
                    </p>
                  )}
                  <ul className="mt-2 flex flex-wrap gap-3">
                    {individual.map((t) => {
                      const reg = c.registrations.find((r) => r.title === t);
                      return (
                        <li key={t} className="text-sm">
                          {reg ? (
                            <div className="flex items-center gap-2">
                              <Badge tone="green">Đã đăng ký: {titleLabel(t)}</Badge>
                              {c.mayRegister && <ActionForm action={withdrawRegistrationAction} hidden={{ registrationId: reg.id }} label="Rút" variant="secondary" />}
                            </div>
                          ) : c.mayRegister ? (
                            <ActionForm action={registerSelfAction} hidden={{ schoolId: c.memberSchoolId, campaignId: c.id, title: t }} label={`Đăng ký ${titleLabel(t)}`} />
                          ) : (
                            <span className="text-slate-500">{titleLabel(t)}</span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </li>
              );
            })}
          </ul>
        </Card>

        <Card title="Phiếu chấm điểm của tôi">
          {sheets.length === 0 ? (
            <EmptyState>Chưa có kỳ chấm điểm nào.</EmptyState>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-200">
              {sheets.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <div>
                    <Link href={`/ca-nhan/thi-dua/${s.id}`} className="font-medium text-brand-700 hover:underline">
                      {s.period.name}
                    </Link>{" "}
                    <span className="text-slate-600">{s.period.campaign.name}</span> <Badge tone="blue">{PERIOD_STATE_LABELS[s.period.state]}</Badge>
                    {s.period.state === "SELF_ASSESSMENT" && !s.stages.some((x) => x.stage === "SELF") && <span className="ml-2 text-amber-700">Bạn chưa tự đánh giá</span>}
                  </div>
                  <div className="flex gap-3">
                    {(["SELF", "GROUP", "COUNCIL"] as const).map((st) => {
                      const x = s.stages.find((y) => y.stage === st);
                      return (
                        <span key={st}>
                          {STAGE_LABELS[st]}: <strong>{x ? formatPoints(x.totalTenths) : "—"}</strong>
                          {x?.classification && <span className="text-slate-600"> {x.classification}</span>}
                        </span>
                      );
                    })}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
