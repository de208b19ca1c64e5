import "server-only";
// The plan as a document (print view) and as a PDF file, for whoever may read it.
import type { Viewer } from "../authz/permissions";
import { adminDocumentPdf } from "../documents/cache";
import { getPlanDetail, type PlanOwner } from "./queries";
import { planDocument, planFileName } from "./document";

export async function getPlanDocument(viewer: Viewer, owner: PlanOwner, planId: string) {
  const d = await getPlanDetail(viewer, owner, planId);
  const p = d.plan;
  const startYear = p.schoolYear.startsOn.getUTCFullYear();
  const doc = planDocument({
    content: d.content,
    revision: p.revision,
    amendmentReason: p.amendmentReason,
    amendsNumber: p.amends?.docNumber ?? null,
    signed: d.state === "SIGNED",
    replacedBy: d.replacedBy,
    unitLevel: !p.schoolId,
    startYear,
    gov: { name: d.signers.gov, signedAt: p.govSignedAt },
    union: { name: d.signers.union, signedAt: p.unionSignedAt },
  });
  return { doc, fileName: planFileName(startYear, p.revision), detail: d };
}

export async function getPlanPdf(viewer: Viewer, owner: PlanOwner, planId: string) {
  const { doc, fileName, detail } = await getPlanDocument(viewer, owner, planId);
  // A signed plan never changes: rendered once, then served from the document cache.
  return { pdf: await adminDocumentPdf("plan", doc, detail.state === "SIGNED"), fileName };
}
