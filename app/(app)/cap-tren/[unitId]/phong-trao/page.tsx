import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { campaignFormOptions, listUnitCampaigns } from "@/lib/campaigns/queries";
import { createCampaignAction } from "@/lib/campaigns/actions";
import { CAMPAIGN_STATE_LABELS, MOVEMENT_LABELS } from "@/lib/campaigns/rules";
import { getUnitOrThrow } from "@/lib/orgs/queries";
import { orNotFound, routeId } from "@/lib/server/page";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { CampaignForm } from "@/components/campaigns/campaign-form";

export const metadata: Metadata = { title: "Phong trào của đơn vị" };

/** Campaigns an upper unit launches for all its schools; its staff create and follow them. */
export default async function UnitCampaignsPage({ params }: { params: Promise<{ unitId: string }> }) {
  // The unit itself must be one the viewer serves with campaign.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("campaign.read", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const unit = await orNotFound(getUnitOrThrow(viewer, unitId));
  const { campaigns, canCreate } = await orNotFound(listUnitCampaigns(viewer, unit.id));
  const options = canCreate ? await campaignFormOptions(viewer, null) : null;
  return (
    <>
      <PageHeader title="Phong trào thi đua" subtitle={unit.name} />
      <div className="flex flex-col gap-6">
        <Card>
          {campaigns.length === 0 ? (
            <EmptyState>Đơn vị chưa phát động phong trào nào.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200">
              {campaigns.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <div>
                    <Link className="font-medium text-brand-700 hover:underline" href={`/cap-tren/${unit.id}/phong-trao/${c.id}`}>
                      {c.name}
                    </Link>
                    <div className="text-slate-600">
                      {MOVEMENT_LABELS[c.movement]} · {c.schoolYear.label}
                    </div>
                  </div>
                  <Badge tone={c.state === "CLOSED" ? "slate" : c.state === "DRAFT" ? "amber" : "green"}>{CAMPAIGN_STATE_LABELS[c.state]}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {options && (
          <Card title="Phát động phong trào cho các trường">
            <CampaignForm once action={createCampaignAction} hidden={{ unitId: unit.id }} years={options.years} currentYearId={options.currentYearId} scales={null} submitLabel="Tạo phong trào (bản nháp)" />
          </Card>
        )}
      </div>
    </>
  );
}
