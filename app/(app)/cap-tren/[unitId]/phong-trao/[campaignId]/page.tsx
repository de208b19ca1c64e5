import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { campaignFormOptions, getUnitCampaignProgress } from "@/lib/campaigns/queries";
import { transitionCampaignAction, updateCampaignAction } from "@/lib/campaigns/actions";
import { AUDIENCE_LABELS, CAMPAIGN_STATE_LABELS, MOVEMENT_LABELS, decideCampaign, titleLabel } from "@/lib/campaigns/rules";
import { can } from "@/lib/authz/permissions";
import { orNotFound, routeId } from "@/lib/server/page";
import { formatDate, formatPercent } from "@/lib/format";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { ActionForm } from "@/components/scoring/action-form";
import { CampaignForm } from "@/components/campaigns/campaign-form";

export const metadata: Metadata = { title: "Tiến độ phong trào" };

const pct = (n: number, d: number) => (d ? formatPercent(n / d, 0) : "—");
const TRANSITIONS = [
  { key: "open", label: "Mở đăng ký" },
  { key: "startScoring", label: "Chuyển sang chấm điểm" },
  { key: "close", label: "Kết thúc phong trào" },
] as const;

/** Progress across the unit's schools: registered %, scored % (sheets the council settled). */
export default async function UnitCampaignPage({ params }: { params: Promise<{ unitId: string; campaignId: string }> }) {
  // The unit itself must be one the viewer serves with campaign.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("campaign.read", { unit: (await params).unitId });
  const p = await params;
  const unitId = routeId(p.unitId);
  const { campaign: c, schools } = await orNotFound(getUnitCampaignProgress(viewer, unitId, routeId(p.campaignId)));
  const may = (cap: Parameters<typeof can>[1]) => can(viewer, cap, { unitId });
  const editable = decideCampaign(c.state, "edit", may).ok;
  const options = editable ? await campaignFormOptions(viewer, null) : null;
  const totals = schools.reduce((t, s) => ({ audience: t.audience + s.audience, registered: t.registered + s.registered, sheets: t.sheets + s.sheets, scored: t.scored + s.scored }), { audience: 0, registered: 0, sheets: 0, scored: 0 });
  return (
    <>
      <p className="mb-2 text-sm no-print">
        <Link href={`/cap-tren/${unitId}/phong-trao`} className="text-brand-700 hover:underline">
          ← Phong trào của đơn vị
        </Link>
      </p>
      <PageHeader
        title={c.name}
        subtitle={
          <>
            {MOVEMENT_LABELS[c.movement]} · {c.schoolYear.label} · {AUDIENCE_LABELS[c.audience]} · {c.titles.map(titleLabel).join("; ")}
            {c.registrationDeadline && ` · hạn đăng ký ${formatDate(c.registrationDeadline)}`} <Badge tone="blue">{CAMPAIGN_STATE_LABELS[c.state]}</Badge>
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <div className="flex flex-wrap gap-4">
          {TRANSITIONS.filter((t) => decideCampaign(c.state, t.key, may).ok).map((t) => (
            <ActionForm key={t.key} action={transitionCampaignAction} hidden={{ campaignId: c.id, version: c.version, action: t.key }} label={t.label} confirm={`${t.label}?`} />
          ))}
        </div>
        <Card title="Tiến độ các trường">
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="unit-progress">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2">Trường</th>
                  <th className="text-right">Đối tượng</th>
                  <th className="text-right">Đã đăng ký</th>
                  <th className="text-right">Tỉ lệ đăng ký</th>
                  <th className="text-right">Kỳ chấm (đã khóa)</th>
                  <th className="text-right">Phiếu đã chấm xong</th>
                  <th className="text-right">Tỉ lệ chấm</th>
                </tr>
              </thead>
              <tbody>
                {schools.map((s) => (
                  <tr key={s.id} className="border-t border-slate-200">
                    <td className="py-1.5">{s.name}</td>
                    <td className="text-right">{s.audience}</td>
                    <td className="text-right">{s.registered}</td>
                    <td className="text-right">{pct(s.registered, s.audience)}</td>
                    <td className="text-right">
                      {s.periods} ({s.closedPeriods})
                    </td>
                    <td className="text-right">
                      {s.scored}/{s.sheets}
                    </td>
                    <td className="text-right">{pct(s.scored, s.sheets)}</td>
                  </tr>
                ))}
                <tr className="border-t-2 border-slate-300 font-semibold">
                  <td className="py-1.5">Cộng</td>
                  <td className="text-right">{totals.audience}</td>
                  <td className="text-right">{totals.registered}</td>
                  <td className="text-right">{pct(totals.registered, totals.audience)}</td>
                  <td />
                  <td className="text-right">
                    {totals.scored}/{totals.sheets}
                  </td>
                  <td className="text-right">{pct(totals.scored, totals.sheets)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </Card>
        {options && (
          <Card title="Sửa phong trào">
            <CampaignForm
              action={updateCampaignAction}
              hidden={{ campaignId: c.id, version: c.version }}
              years={options.years}
              scales={null}
              initial={{ name: c.name, movement: c.movement, description: c.description, schoolYearId: c.schoolYearId, audience: c.audience, scaleId: null, registrationDeadline: c.registrationDeadline, titles: c.titles, rounds: c.rounds }}
              submitLabel="Lưu thay đổi"
            />
          </Card>
        )}
      </div>
    </>
  );
}
