import "server-only";
// Decisions kept at the school (issue 12, DOMAIN.md §5 "Who decides"):
// - the school union's own executive committee (BCH công đoàn cơ sở) decides its forms (Giấy khen
//   of the BCH, "Đoàn viên công đoàn xuất sắc", "Giỏi việc trường – Đảm việc nhà", tổ công đoàn
//   HTXSNV: the AwardAuthority rows with body BCH_CDCS) for the nominees its council voted and the
//   school posted; the chair issues it (decision.issue of the school), numbered in the school
//   union's register, signed "TM. BAN CHẤP HÀNH / CHỦ TỊCH", filed under the school union;
// - a decision of either kind kept by the school is revoked at the school: the BCH's by the chair,
//   a government decision the school recorded (when the authority revokes it) by the principal
//   (decision.record_external); its nominees may then be decided or recorded again (ADR 0010).
// The writes reuse lib/awards/mutations.ts (writeDecision, writeRevocation).
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { decidesForBch, schoolBchScope, schoolScope } from "../authz/scope";
import { schoolFor, schoolWithin, type Db } from "../authz/load";
import { can } from "../authz/permissions";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { record } from "../audit/record";
import { AppError, notFound } from "../server/errors";
import { nextDocumentNumber, unitInitials } from "../documents/numbering";
import { computePackageChecks } from "../nominations/checks";
import { todayIsoVN } from "../time";
import { yearFor } from "./years";
import { SCHOOL_BCH_SIGNER_TITLE } from "./authority";
import { titleEntry } from "./catalogue";
import { toIsoDay } from "./facts";
import { decisionClash, REVOCATION_INCLUDE, writeDecision, writeRevocation } from "./mutations";
import { assertSchoolBchMayDecide, schoolBchCodes } from "./routes-union";
import type { IssueSchoolDecisionInput, RevokeSchoolDecisionInput } from "./routes-schemas";

type Tx = Prisma.TransactionClient;

const SCHOOL = { id: true, name: true, unionName: true, unionUnitId: true, unionUnit: { select: { name: true } }, govUnit: { select: { type: true } } } as const;

/** The school union's symbol of decisions, e.g. "QĐ-CĐTHSTA" (its number: "03/QĐ-CĐTHSTA"). */
export function schoolDecisionSymbol(schoolName: string): string {
  return `QĐ-CĐ${unitInitials(schoolName)}`;
}

/** The nominee rows a BCH decision reads (with what the vote and notice checks need). */
const ITEM_INCLUDE = {
  package: { select: { id: true, schoolId: true, status: true, school: { select: { unionUnitId: true } } } },
  votes: { select: { passed: true, meeting: { select: { status: true } } } },
} satisfies Prisma.NominationItemInclude;

/** Nominees the BCH may decide now: posted (council voted, list posted) or revoked, of the BCH's forms. */
async function decidable(db: Db, school: { id: string; govUnit: { type: string } | null }, schoolYearId: string, ids?: string[]) {
  const items = await db.nominationItem.findMany({
    where: { schoolId: school.id, status: { in: ["POSTED", "REVOKED"] }, package: { schoolYearId, route: { not: "STATE" } }, ...(ids ? { id: { in: ids } } : {}) },
    include: ITEM_INCLUDE,
    orderBy: [{ titleCode: "asc" }, { nomineeSortKey: "asc" }],
  });
  const codes = await schoolBchCodes(db, school, [...new Set(items.map((i) => i.titleCode))]);
  return items.filter((i) => codes.has(i.titleCode));
}

/**
 * Ra quyết định của Ban Chấp hành công đoàn cơ sở (decision.issue of the school: the union chair).
 * Every chosen nominee must be of a form the BCH decides, voted by the council in a closed meeting,
 * and its list posted for the full notice period with every objection answered. Numbered in the
 * school union's register; awards enter the registry with the school union as issuer. Idempotent per
 * form submission. Throws NOT_FOUND, STATE, CONFLICT.
 */
export async function issueSchoolDecision(viewer: Viewer, input: IssueSchoolDecisionInput): Promise<{ id: string; schoolId: string; number: string }> {
  try {
    return await createOnce(viewer, "decision.issue_school", input.submissionKey, async (tx) => {
      const school = await schoolWithin(tx, input.schoolId, schoolBchScope(viewer), SCHOOL);
      const items = await decidable(tx, school, input.schoolYearId, input.itemIds);
      if (items.length !== input.itemIds.length) {
        const others = await tx.nominationItem.findMany({ where: { id: { in: input.itemIds }, schoolId: school.id }, select: { titleCode: true, nomineeName: true } });
        await assertSchoolBchMayDecide(tx, school, others);
        throw new AppError("STATE", "Có người được chọn chưa được Hội đồng thông qua và công khai, đã có quyết định, hoặc không thuộc trường; tải lại trang và chọn lại.");
      }
      const unvoted = items.filter((i) => i.status === "POSTED" && !i.votes.some((v) => v.passed && v.meeting.status === "CLOSED"));
      if (unvoted.length) throw new AppError("STATE", `Chưa được Hội đồng Thi đua – Khen thưởng thông qua: ${unvoted.map((i) => i.nomineeName).join(", ")}.`);
      // The posting rules of the package: the full notice period, every objection answered.
      const today = todayIsoVN();
      for (const pid of new Set(items.filter((i) => i.status === "POSTED").map((i) => i.packageId))) {
        const checks = await computePackageChecks(tx, pid, today);
        const open = checks.blockingSubmit.filter((c) => c.rule === "notice-period" || c.rule === "objections-answered");
        if (open.length) throw new AppError("STATE", `Chưa ra quyết định được: ${open.map((c) => c.detail).join("; ")}.`);
      }
      const num = await nextDocumentNumber(tx, { issuerKey: `cdcs:${school.id}`, year: input.signedOn.getUTCFullYear(), symbol: schoolDecisionSymbol(school.name) });
      const issuerName = school.unionName || `Công đoàn ${school.name}`;
      const id = await writeDecision(tx, viewer, {
        data: {
          organisationId: school.unionUnitId,
          schoolYearId: input.schoolYearId,
          number: num.number,
          signedOn: input.signedOn,
          signerName: input.signerName,
          signerTitle: SCHOOL_BCH_SIGNER_TITLE,
          issuerName,
          issuerParent: school.unionUnit.name,
          level: "SCHOOL",
          summary: input.summary ?? `Khen thưởng ${[...new Set(items.map((i) => titleEntry(i.titleCode).name))].join(", ")}`,
          side: "UNION",
          schoolId: school.id,
          createdById: viewer.userId,
        },
        items,
        action: "decideSchool",
      });
      // A package whose every nominee is now decided (or was not retained) is settled.
      for (const pid of new Set(items.map((i) => i.packageId))) await settleSchoolPackage(tx, viewer, pid, school);
      await record(tx, viewer, { action: "decision.issue_school", entity: "AwardDecision", entityId: id, schoolId: school.id, organisationId: school.unionUnitId, after: { number: num.number, signedOn: input.signedOn, issuerName, signerName: input.signerName, itemIds: items.map((i) => i.id) } });
      return { id, schoolId: school.id, number: num.number };
    });
  } catch (e) {
    throw decisionClash(e) ?? e;
  }
}

/** A posted package with nothing left to send up (every live nominee decided by the BCH) is DECIDED. */
async function settleSchoolPackage(tx: Tx, viewer: Viewer, packageId: string, school: { id: string; unionUnitId: string }) {
  const p = await tx.nominationPackage.findUniqueOrThrow({ where: { id: packageId }, select: { id: true, status: true, items: { select: { status: true } } } });
  const live = p.items.filter((i) => i.status !== "WITHDRAWN" && i.status !== "REJECTED");
  if (p.status !== "POSTED" || !live.length || !live.every((i) => i.status === "DECIDED" || i.status === "REVOKED")) return;
  const { count } = await tx.nominationPackage.updateMany({ where: { id: p.id, status: "POSTED" }, data: { status: "DECIDED", version: { increment: 1 } } });
  if (!count) return;
  await tx.nominationEvent.create({ data: { packageId: p.id, action: "settle", fromStatus: "POSTED", toStatus: "DECIDED", comment: "Ban Chấp hành công đoàn cơ sở đã ra quyết định", actorUserId: viewer.userId, actorName: viewer.displayName } });
  await record(tx, viewer, { action: "nomination.settle", entity: "NominationPackage", entityId: p.id, schoolId: school.id, organisationId: school.unionUnitId, before: { status: "POSTED" }, after: { status: "DECIDED" } });
}

/**
 * Thu hồi a decision kept by the school: the BCH's own (decision.issue of the school: the chair) or a
 * recorded government decision that its authority revoked (decision.record_external: the
 * principal). A revocation row with the reason; the decision and awards stay, marked revoked; the
 * nominees REVOKED, to be decided or recorded again. Throws NOT_FOUND (another school's decision,
 * or a kind the viewer may not revoke), STATE (already revoked).
 */
export async function revokeSchoolDecision(viewer: Viewer, input: RevokeSchoolDecisionInput): Promise<{ schoolId: string }> {
  try {
    return await createOnce(viewer, "decision.revoke_school", input.submissionKey, async (tx) => {
      const d = await tx.awardDecision.findFirst({ where: { id: input.decisionId, schoolId: input.schoolId, side: { not: null } }, include: REVOCATION_INCLUDE });
      if (!d || !d.schoolId) throw notFound();
      // The school (in the viewer's scope for the kind's capability): looked up with the decision's own school id.
      const scope = d.side === "STATE" ? schoolScope(viewer, "decision.record_external") : schoolBchScope(viewer);
      const school = await schoolWithin(tx, d.schoolId, scope, { id: true, unionUnitId: true });
      await writeRevocation(tx, viewer, d, input, { action: d.side === "STATE" ? "decision.revoke_state" : "decision.revoke_school", schoolId: school.id, organisationId: school.unionUnitId });
      return { schoolId: school.id };
    });
  } catch (e) {
    if (e instanceof Error && "code" in e && (e as { code?: string }).code === "P2002") throw new AppError("STATE", "Quyết định đã bị thu hồi trước đó.");
    throw e;
  }
}

/**
 * The school's decisions page (nomination.read of the school): the nominees waiting for the BCH's
 * decision (with what still stops them), the decisions kept by the school for the year (the BCH's
 * and the recorded government ones), and what the viewer may do.
 */
export async function getSchoolDecisionPage(viewer: Viewer, schoolId: string, yearId?: string | null) {
  const db = await getDb();
  const school = await schoolFor(viewer, schoolId, "nomination.read", db, SCHOOL);
  const { year, years } = await yearFor(db, yearId);
  const waiting = await decidable(db, school, year.id);
  const target = { schoolId: school.id, unitId: school.unionUnitId };
  const decisions = await db.awardDecision.findMany({
    where: { schoolId: school.id, schoolYearId: year.id, side: { not: null } },
    orderBy: [{ signedOn: "desc" }, { createdAt: "desc" }],
    take: 100,
    select: { id: true, number: true, signedOn: true, side: true, issuerName: true, signerName: true, summary: true, revocation: { select: { reason: true, number: true, revokedOn: true } }, _count: { select: { awards: true } } },
  });
  const chair = await db.roleAssignment.findFirst({ where: { schoolId: school.id, role: "UNION_CHAIR", validTo: null }, select: { user: { select: { displayName: true } } } });
  return {
    school: { id: school.id, name: school.name, unionName: school.unionName },
    year,
    years,
    waiting: waiting.map((i) => ({
      id: i.id,
      nomineeName: i.nomineeName,
      titleName: titleEntry(i.titleCode).name,
      again: i.status === "REVOKED",
      voted: i.status === "REVOKED" || i.votes.some((v) => v.passed && v.meeting.status === "CLOSED"),
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      number: d.number,
      signedOn: toIsoDay(d.signedOn),
      side: d.side!,
      issuerName: d.issuerName,
      signerName: d.signerName,
      summary: d.summary,
      awards: d._count.awards,
      revocation: d.revocation ? { reason: d.revocation.reason, number: d.revocation.number, revokedOn: toIsoDay(d.revocation.revokedOn) } : null,
    })),
    signerName: chair?.user.displayName ?? "",
    symbol: schoolDecisionSymbol(school.name),
    canIssue: decidesForBch(viewer, school.id),
    canRevokeState: can(viewer, "decision.record_external", target),
    canPrint: can(viewer, "award.export", target),
  };
}
