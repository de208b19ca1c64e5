// The compare page body, shared by school and unit plans.
import Link from "next/link";
import type { Viewer } from "@/lib/authz/permissions";
import { comparePlanRevisions, getPlanRowOrThrow, type PlanOwner } from "@/lib/plans/queries";
import { orNotFound } from "@/lib/server/page";
import { PageHeader } from "@/components/ui/page";
import { DiffView } from "./diff-view";
import { StateBadge } from "./plan-view";

export async function ComparePage({ viewer, owner, planId, fromId, base }: { viewer: Viewer; owner: PlanOwner; planId: string; fromId?: string; base: string }) {
  const plan = await orNotFound(getPlanRowOrThrow(viewer, owner, planId));
  const from = fromId ?? plan.amends?.id;
  if (!from) {
    return (
      <>
        <PageHeader title="So sánh phiên bản" />
        <p className="text-sm">Đây là bản đầu tiên, chưa có bản trước để so sánh.</p>
      </>
    );
  }
  const cmp = await orNotFound(comparePlanRevisions(viewer, owner, from, planId));
  return (
    <>
      <PageHeader
        title={`Thay đổi từ bản ${cmp.from.revision} sang bản ${cmp.to.revision}`}
        subtitle={
          <Link className="text-brand-700 hover:underline" href={`${base}/${planId}`}>
            ← Về kế hoạch
          </Link>
        }
      />
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        Bản {cmp.from.revision} <StateBadge state={cmp.from.state} /> → bản {cmp.to.revision} <StateBadge state={cmp.to.state} />
        {cmp.to.amendmentReason && <span className="text-slate-600">· Lý do sửa đổi: {cmp.to.amendmentReason}</span>}
      </p>
      <DiffView changes={cmp.changes} />
    </>
  );
}
