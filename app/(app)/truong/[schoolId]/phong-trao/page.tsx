import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { campaignFormOptions, listSchoolCampaigns } from "@/lib/campaigns/queries";
import { createCampaignAction } from "@/lib/campaigns/actions";
import { CAMPAIGN_STATE_LABELS, MOVEMENT_LABELS } from "@/lib/campaigns/rules";
import { orNotFound, routeId } from "@/lib/server/page";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { CampaignForm } from "@/components/campaigns/campaign-form";

export const metadata: Metadata = { title: "Phong trào thi đua" };

/** Campaigns that concern the school: its own and its upper units'. The chair launches the school's. */
export default async function CampaignsPage({ params }: { params: Promise<{ schoolId: string }> }) {
  // A place the viewer works in with campaign.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("campaign.read", { school: (await params).schoolId, within: true });
  const { school, campaigns, canCreate } = await orNotFound(listSchoolCampaigns(viewer, routeId((await params).schoolId)));
  const options = canCreate ? await campaignFormOptions(viewer, school.id) : null;
  return (
    <>
      <PageHeader title="Phong trào thi đua" subtitle={school.name} />
      <div className="flex flex-col gap-6">
        <Card>
          {campaigns.length === 0 ? (
            <EmptyState>Chưa có phong trào.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200">
              {campaigns.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <div>
                    <Link className="font-medium text-brand-700 hover:underline" href={`/truong/${school.id}/phong-trao/${c.id}`}>
                      {c.name}
                    </Link>
                    <div className="text-slate-600">
                      {MOVEMENT_LABELS[c.movement]} · {c.schoolYear.label} · {c.organisation ? `do ${c.organisation.name} phát động` : "của trường"}
                    </div>
                  </div>
                  <div className="flex items-center gap-3">
                    <span className="text-slate-600">{c._count.registrations} đăng ký · {c._count.periods} kỳ chấm</span>
                    <Badge tone={c.state === "CLOSED" ? "slate" : c.state === "DRAFT" ? "amber" : "green"}>{CAMPAIGN_STATE_LABELS[c.state]}</Badge>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {options && (
          <Card title="Phát động phong trào của trường">
            <CampaignForm once action={createCampaignAction} hidden={{ schoolId: school.id }} years={options.years} currentYearId={options.currentYearId} scales={options.scales} submitLabel="Tạo phong trào (bản nháp)" />
          </Card>
        )}
      </div>
    </>
  );
}
