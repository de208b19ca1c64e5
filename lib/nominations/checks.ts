import "server-only";
// Everything the rules say about one package, computed from the database in a handful of
// queries: each nominee's eligibility (rules 1–8), the caps and quotas (9–11), the council votes
// (13), the dossier (15), the notice period, objections and deadline. The package page shows
// it; post and submit refuse with the failed checks.
import type { NominationItemStatus } from "../generated/prisma/enums";
import { titleEntry } from "../awards/catalogue";
import { unitAncestors, unitDescendants } from "../orgs/tree";
import type { Db } from "../authz/load";
import { periodOf, toIsoDay, type AwardFact, type CollectiveMemberFacts } from "../awards/facts";
import { evaluateAll, loadMemberFacts, settingsFor } from "../awards/facts-loader";
import {
  blocking,
  check,
  cstdcsCapRule,
  dossierRule,
  evaluateProposal,
  evaluateTtLdtt,
  evaluateTtLdxs,
  ldttProposedRule,
  quotaRule,
  submissionChecks,
  verdict,
  type Check,
  type DossierDoc,
  type Verdict,
} from "../awards/rules";
import type { Settings } from "../awards/settings";

/** Statuses in which a nominee still counts (for caps, quotas, one-award). */
export const LIVE: NominationItemStatus[] = ["DRAFT", "POSTED", "SUBMITTED", "RETURNED", "APPROVED", "APPROVED_CHANGED", "DECIDED"];
/** Statuses that use up a quota (what rule 11 counts as already sent; the quota screen shows the same). */
export const COUNTED: NominationItemStatus[] = ["SUBMITTED", "APPROVED", "APPROVED_CHANGED", "DECIDED"];

export interface PackageChecks {
  settings: Settings;
  verdicts: Map<string, Verdict>;
  caps: Check[];
  /** Everything, passed and failed. */
  all: Check[];
  /** What refuses công khai: votes, eligibility, caps and quotas. */
  blockingPost: Check[];
  /** What refuses submission: all of it. */
  blockingSubmit: Check[];
  ldttHolders: number;
  cstdcsCount: number;
  docs: DossierDoc[];
}

export async function computePackageChecks(db: Db, packageId: string, today: string): Promise<PackageChecks> {
  const pkg = await db.nominationPackage.findUniqueOrThrow({
    where: { id: packageId },
    include: {
      school: { select: { id: true, unionUnitId: true } },
      schoolYear: true,
      items: { include: { votes: { include: { meeting: { select: { status: true } } } } } },
      documents: { select: { kind: true, itemId: true, createdAt: true } },
      objections: { select: { answer: true } },
    },
  });
  const period = periodOf(pkg.schoolYear);
  const s = await settingsFor(db, pkg.school.unionUnitId, period);
  const live = pkg.items.filter((i) => i.status !== "WITHDRAWN" && i.status !== "REJECTED" && i.status !== "REVOKED");

  const [rows, yearItems, yearAwards, itemEvents] = await Promise.all([
    loadMemberFacts(db, pkg.schoolId, period),
    db.nominationItem.findMany({ where: { schoolId: pkg.schoolId, status: { in: LIVE }, package: { schoolYearId: pkg.schoolYearId } }, select: { id: true, packageId: true, memberId: true, titleCode: true, achievementKey: true, status: true } }),
    db.award.findMany({ where: { schoolId: pkg.schoolId, schoolYearId: pkg.schoolYearId, decision: { revocation: null } }, select: { memberId: true, titleCode: true } }),
    db.nominationEvent.findMany({ where: { packageId, itemId: { not: null }, action: { in: ["return", "edit"] } }, select: { itemId: true, action: true, at: true, comment: true }, orderBy: { at: "asc" } }),
  ]);
  const evaluated = evaluateAll(rows, period, s, today);
  const factsBy = new Map(rows.map((r) => [r.member.id, r.facts]));

  // ---- eligibility per nominee
  const collective = (memberIds: string[] | null): CollectiveMemberFacts[] =>
    evaluated
      .filter((e) => !memberIds || memberIds.includes(e.member.id))
      .map((e) => ({
        memberId: e.member.id,
        fullName: e.member.fullName,
        grade: e.facts.grade,
        ldtt: e.verdicts.find((v) => v.title === "LDTT")!.eligible,
        cstdcs: e.verdicts.find((v) => v.title === "CSTDCS")!.eligible,
        disciplines: e.facts.disciplines,
      }));
  const verdicts = new Map<string, Verdict>();
  for (const i of live) {
    if (i.subject === "MEMBER" && i.memberId) {
      const f = factsBy.get(i.memberId);
      if (!f) {
        verdicts.set(i.id, verdict(i.titleCode, [check("subject-kind", false, "Danh sách đoàn viên", "Không còn là đoàn viên của trường")]));
        continue;
      }
      const others: AwardFact[] = [
        ...f.awards,
        ...yearItems.filter((x) => x.memberId === i.memberId && x.id !== i.id).map((x) => ({ titleCode: x.titleCode, startYear: period.startYear, revoked: false, achievementKey: x.achievementKey })),
      ];
      const v = evaluateProposal(f, i.titleCode, period, s, { asOf: today, others, achievementKey: i.achievementKey });
      if (i.titleCode === "CSTDCS") {
        // Rule 2: LĐTT of the period held, or proposed alongside (eligible alone is not enough).
        const heldLdtt = yearAwards.some((a) => a.memberId === i.memberId && a.titleCode === "LDTT");
        const ldttItem = yearItems.find((x) => x.memberId === i.memberId && x.titleCode === "LDTT");
        const proposedLdtt = !ldttItem ? null : ldttItem.packageId === pkg.id ? "same-package" : "other-package";
        verdicts.set(i.id, verdict(v.title, [...v.reasons, ldttProposedRule({ heldLdtt, proposedLdtt, periodLabel: period.label })], v.flagOnly));
      } else verdicts.set(i.id, v);
    } else {
      const group = i.subject === "UNION_GROUP" ? rows.filter((r) => r.member.unionGroupId === i.unionGroupId).map((r) => r.member.id) : null;
      const members = collective(group);
      if (i.titleCode === "TT_LDTT") verdicts.set(i.id, evaluateTtLdtt(members, period, s));
      else if (i.titleCode === "TT_LDXS") verdicts.set(i.id, evaluateTtLdxs(members, s));
      else verdicts.set(i.id, verdict(i.titleCode, [check("subject-kind", titleEntry(i.titleCode).subjects.includes("collective"), "Danh mục danh hiệu, hình thức khen thưởng", `Tập thể ${members.length} thành viên`)]));
    }
  }

  // ---- caps (rule 9) and quotas (rule 11)
  const holders = (code: string) => new Set([...yearItems.filter((x) => x.titleCode === code && x.memberId).map((x) => x.memberId!), ...yearAwards.filter((a) => a.titleCode === code && a.memberId).map((a) => a.memberId!)]);
  let ldttHolders = holders("LDTT").size;
  const ldttNote = ldttHolders === 0;
  if (ldttNote) ldttHolders = evaluated.filter((e) => e.verdicts[0].eligible).length;
  const cstdcsCount = holders("CSTDCS").size;
  const caps: Check[] = [];
  if (cstdcsCount > 0) {
    const c = cstdcsCapRule(cstdcsCount, ldttHolders, s);
    caps.push(ldttNote ? { ...c, detail: `${c.detail} (số LĐTT tính theo số đủ điều kiện)` } : c);
  }
  const chain = await unitAncestors(db, pkg.school.unionUnitId);
  const quotas = await db.awardQuota.findMany({ where: { organisationId: { in: chain }, schoolYearId: pkg.schoolYearId, OR: [{ schoolId: null }, { schoolId: pkg.schoolId }] }, include: { organisation: { select: { name: true } } } });
  for (const q of quotas) {
    const requested = live.filter((i) => i.titleCode === q.titleCode && !COUNTED.includes(i.status)).length;
    if (!requested) continue;
    const used = await db.nominationItem.count({
      where: { titleCode: q.titleCode, status: { in: COUNTED }, package: { schoolYearId: pkg.schoolYearId, ...(q.schoolId ? { schoolId: q.schoolId } : { school: { unionUnitId: { in: await unitDescendants(db, q.organisationId) } } }) } },
    });
    caps.push(quotaRule({ titleCode: q.titleCode, max: q.max, basis: q.basis, schoolId: q.schoolId, unitName: q.organisation.name }, used, requested));
  }

  // ---- council votes (rule 13): each nominee passed in a closed meeting
  const votesMissing = live
    .filter((i) => ["DRAFT", "POSTED", "RETURNED"].includes(i.status))
    .filter((i) => !i.votes.some((v) => v.passed && v.meeting.status === "CLOSED"))
    .map((i) => `${i.nomineeName} (${titleEntry(i.titleCode).name})`);

  // ---- dossier (rule 15): generated papers are present when their data is
  const docs: DossierDoc[] = pkg.documents.map((d) => ({ kind: d.kind, itemId: d.itemId }));
  if (pkg.coverNote?.trim()) docs.push({ kind: "TO_TRINH" });
  if (live.length) docs.push({ kind: "DANH_SACH" });
  const voted = live.filter((i) => i.votes.some((v) => v.meeting.status === "CLOSED"));
  if (voted.length) docs.push({ kind: "BIEN_BAN_HOP" });
  const secret = live.filter((i) => titleEntry(i.titleCode).secretBallot);
  if (secret.length && secret.every((i) => i.votes.some((v) => v.secret && v.meeting.status === "CLOSED"))) docs.push({ kind: "BIEN_BAN_KIEM_PHIEU" });
  for (const i of live) {
    if (i.achievementSummary?.trim()) docs.push({ kind: "BAO_CAO_THANH_TICH", itemId: i.id });
    const f = i.memberId ? factsBy.get(i.memberId) : undefined;
    if (f?.initiatives.some((x) => x.recognisedOn && x.decisionNumber && x.startYear <= period.startYear)) docs.push({ kind: "CONG_NHAN_SANG_KIEN", itemId: i.id });
    if (f?.awards.some((a) => !a.revoked && a.decisionNumber && a.startYear < period.startYear)) docs.push({ kind: "BAN_SAO_QUYET_DINH", itemId: i.id });
  }
  const dossier = dossierRule(live.map((i) => ({ id: i.id, nomineeName: i.nomineeName, titleCode: i.titleCode })), docs);

  // ---- returned nominees: each changed (report edited, paper added) since the upper unit returned it
  const returned = live
    .filter((i) => i.status === "RETURNED")
    .map((i) => {
      const evs = itemEvents.filter((e) => e.itemId === i.id);
      const ret = evs.filter((e) => e.action === "return").at(-1);
      const returnedAt = ret?.at.toISOString() ?? new Date(0).toISOString();
      const changes = [...evs.filter((e) => e.action === "edit").map((e) => e.at), ...pkg.documents.filter((d) => d.itemId === i.id).map((d) => d.createdAt)].map((d) => d.toISOString()).sort();
      return { nomineeName: `${i.nomineeName} (${titleEntry(i.titleCode).name})`, returnedAt, changedAt: changes.at(-1) ?? null, comment: i.reviewNote };
    });

  const pending = live.filter((i) => ["DRAFT", "POSTED", "RETURNED"].includes(i.status));
  const eligibility = pending.map((i) => ({ nomineeName: i.nomineeName, verdict: verdicts.get(i.id)! }));
  const submit = submissionChecks(
    {
      today,
      deadline: pkg.deadline ? toIsoDay(pkg.deadline) : null,
      reopenedUntil: pkg.reopenedUntil ? toIsoDay(pkg.reopenedUntil) : null,
      postedOn: pkg.postedOn ? toIsoDay(pkg.postedOn) : null,
      objections: pkg.objections.map((o) => ({ answered: !!o.answer })),
      votesMissing,
      eligibility,
      caps,
      dossier,
      returned,
    },
    s,
  );
  const postRules = new Set(["notice-period", "objections-answered", "deadline", "dossier", "returned-changed"]);
  return {
    settings: s,
    verdicts,
    caps,
    all: submit,
    blockingPost: blocking(submit).filter((c) => !postRules.has(c.rule)),
    blockingSubmit: blocking(submit),
    ldttHolders,
    cstdcsCount,
    docs,
  };
}

