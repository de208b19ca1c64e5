import "server-only";
// Certificates (giấy khen, bằng khen, giấy chứng nhận) of a decision as PDF, for the issuing
// unit's staff (award.export of that unit: every awardee, or one) and for a member (their own
// award only). A revoked decision prints nothing (NOT_FOUND, like a missing one); a revoked
// award is skipped. The drawing is lib/awards/certificate.ts (pure).
import type { Prisma } from "../generated/prisma/client";
import { can, type Viewer } from "../authz/permissions";
import { memberScope } from "../authz/scope";
import { foldVietnamese } from "../format";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { unitFor } from "../authz/load";
import { certificatePages, printableUnder, renderCertificatesPdf, type CertificateAward, type CertificateDecision } from "./certificate";
import { toIsoDay } from "./facts";
import { titleEntry } from "./catalogue";
import { placeOf } from "./documents";
import { cachedDocument } from "../documents/cache";

/** The decision's list order (as in the decision's attached list): the register number follows it. */
const AWARD_ORDER: Prisma.AwardOrderByWithRelationInput[] = [{ titleCode: "asc" }, { recipientSortKey: "asc" }, { id: "asc" }];

export const DECISION_INCLUDE = {
  revocation: { select: { id: true } },
  schoolYear: { select: { label: true } },
  organisation: { select: { type: true, place: true, parent: { select: { name: true } } } },
  awards: {
    orderBy: AWARD_ORDER,
    include: {
      school: { select: { name: true, unionName: true, address: true } },
      member: { select: { gender: true, position: true } },
      nominationItem: { select: { status: true } },
    },
  },
} satisfies Prisma.AwardDecisionInclude;
type DecisionRow = Prisma.AwardDecisionGetPayload<{ include: typeof DECISION_INCLUDE }>;

/** Issue 12: the side recorded on the decision; older rows read it from the organisation. */
function unionSideOf(d: { side: "UNION" | "STATE" | null; organisation: { type: string } }): boolean {
  return d.side ? d.side === "UNION" : d.organisation.type === "LIEN_DOAN_LAO_DONG" || d.organisation.type === "CONG_DOAN_NGANH_GD";
}

function decisionData(d: DecisionRow): { decision: CertificateDecision; awards: CertificateAward[] } {
  return {
    decision: {
      number: d.number,
      signedOn: toIsoDay(d.signedOn),
      signerName: d.signerName,
      signerTitle: d.signerTitle,
      issuerName: d.issuerName,
      issuerParent: d.issuerParent ?? d.organisation.parent?.name ?? null,
      unionSide: unionSideOf(d),
      // A decision kept by the school (its BCH's, a recorded state one): the school's commune.
      place: (d.schoolId ? placeOf(d.awards[0]?.school.address) : "") || d.organisation.place || null,
      yearLabel: d.schoolYear.label,
      revoked: !!d.revocation,
    },
    awards: d.awards.map((a, i) => ({
      id: a.id,
      subject: a.subject,
      recipientName: a.recipientName,
      gender: a.member?.gender ?? null,
      position: a.member?.position ?? null,
      schoolName: a.school.name,
      unionName: a.school.unionName,
      titleCode: a.titleCode,
      achievementKey: a.achievementKey,
      registerNo: i + 1,
      revoked: a.nominationItem?.status === "REVOKED",
    })),
  };
}

/** The certificate pages of a stored decision (the tests read what is printed without the PDF). */
export function decisionPages(d: DecisionRow) {
  const { decision, awards } = decisionData(d);
  return certificatePages(decision, awards);
}

const isStateTitle = (code: string) => {
  const e = titleEntry(code);
  return e.side === "state" && e.kind === "title";
};

const slug = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export async function render(d: DecisionRow, only: string | null) {
  const { decision, awards } = decisionData(d);
  const chosen = only ? awards.filter((a) => a.id === only) : awards;
  if (only && !chosen.length) throw notFound();
  const pages = certificatePages(decision, chosen);
  if (!pages.length) throw notFound();
  const who = only ? `-${slug(chosen[0].recipientName)}` : "";
  // Only state titles (LĐTT, CSTĐCS, TT LĐTT…: "GIẤY CHỨNG NHẬN" pages): named as what they are.
  const printed = new Set(pages.map((p) => p.awardId));
  const certificates = chosen.filter((a) => printed.has(a.id)).every((a) => isStateTitle(a.titleCode));
  const [file, label] = certificates ? ["giay-chung-nhan", "Giấy chứng nhận"] : ["giay-khen", "Giấy khen"];
  const title = `${label} – Quyết định số ${d.number}`;
  return {
    fileName: `${file}-${slug(d.number)}${who}.pdf`,
    // Certificates of an issued decision never change: rendered once, then served from the cache.
    pdf: await cachedDocument("certificates", { pages, title }, true, () => renderCertificatesPdf(pages, { title })),
    count: pages.length,
  };
}

/**
 * Every certificate of a decision, or one (`awardId`), for the unit that issued it
 * (award.export of the unit; admin any). NOT_FOUND: another unit's decision, a revoked one,
 * an award not in it or revoked.
 */
export async function getDecisionCertificates(viewer: Viewer, unitId: string, decisionId: string, awardId: string | null = null) {
  const db = await getDb();
  const unit = await unitFor(viewer, unitId, "award.export");
  // The unit's own decisions; a school's (its BCH's, a recorded state one) print at the school.
  const d = await db.awardDecision.findFirst({ where: { id: decisionId, organisationId: unit.id, schoolId: null }, include: DECISION_INCLUDE });
  if (!d || d.revocation) throw notFound();
  return render(d, awardId);
}

/** A member's own certificate (award.read, self): another person's award is NOT_FOUND. */
export async function getOwnCertificate(viewer: Viewer, awardId: string) {
  if (!viewer.memberId) throw notFound();
  const db = await getDb();
  const own = await db.award.findFirst({
    where: { AND: [{ id: awardId, memberId: viewer.memberId, decision: { revocation: null } }, { member: memberScope(viewer, "award.read") }] },
    select: { id: true, decisionId: true },
  });
  if (!own) throw notFound();
  const d = await db.awardDecision.findUniqueOrThrow({ where: { id: own.decisionId }, include: DECISION_INCLUDE });
  return render(d, own.id);
}

/**
 * For the decision page: which awards have a certificate to print, and whether the viewer may
 * print them (award.export of the unit). Empty for a revoked decision.
 */
export async function getCertificateSummary(viewer: Viewer, unitId: string, decisionId: string) {
  const db = await getDb();
  const unit = await unitFor(viewer, unitId, "award.read");
  const d = await db.awardDecision.findFirst({
    where: { id: decisionId, organisationId: unit.id, schoolId: null },
    select: { side: true, organisation: { select: { type: true } }, revocation: { select: { id: true } }, awards: { select: { id: true, titleCode: true, nominationItem: { select: { status: true } } } } },
  });
  if (!d) throw notFound();
  // The same filter as the printing (certificatePages): a state title under a union issuer has none.
  const union = { unionSide: unionSideOf(d) };
  const printable = d.revocation ? [] : d.awards.filter((a) => a.nominationItem?.status !== "REVOKED" && printableUnder(union, a.titleCode)).map((a) => a.id);
  return { printable, canPrint: can(viewer, "award.export", { unitId: unit.id }) };
}

/** Own awards with a certificate to download (not revoked), for the member's history. */
export async function listOwnCertificateIds(viewer: Viewer): Promise<string[]> {
  if (!viewer.memberId) return [];
  const db = await getDb();
  const rows = await db.award.findMany({
    where: { AND: [{ memberId: viewer.memberId, decision: { revocation: null } }, { member: memberScope(viewer, "award.read") }, { OR: [{ nominationItemId: null }, { nominationItem: { status: { not: "REVOKED" } } }] }] },
    select: { id: true, titleCode: true, decision: { select: { side: true, organisation: { select: { type: true } } } } },
  });
  // A state title under a union issuer prints nothing (certificatePages): no download offered.
  return rows.filter((r) => printableUnder({ unionSide: unionSideOf(r.decision) }, r.titleCode)).map((r) => r.id);
}
