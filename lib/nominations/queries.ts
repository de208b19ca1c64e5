import "server-only";
import { addWorkingDays } from "../awards/rules-calendar";
import type { Viewer } from "../authz/permissions";
import { can } from "../authz/permissions";
import { bySchoolScope, schoolScope } from "../authz/scope";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { capsAt } from "../authz/decide";
import { schoolFor, unitFor } from "../authz/load";
import { todayIsoVN } from "../time";
import { unitDescendants } from "../orgs/tree";
import { yearFor } from "../awards/years";
import { readStoredFile } from "../evidence/storage";
import type { StoredFile } from "../evidence/response";
import { titleEntry } from "../awards/catalogue";
import { formatIsoDay, periodOf, toIsoDay } from "../awards/facts";
import { DOC_LABELS, type DocKind, docsNeededFor, itemTransition, packageTransition, summarise, type Check, type Verdict } from "../awards/rules";
import { computePackageChecks } from "./checks";
import { settingsFor } from "../awards/facts-loader";
import { byVietnameseName } from "../format";

/**
 * The school's packages for a year (nomination.read: chair, principal, upper staff of the unit).
 * NOT_FOUND outside scope.
 */
export async function listPackages(viewer: Viewer, schoolId: string, yearId?: string) {
  const db = await getDb();
  const school = await schoolFor(viewer, schoolId, "nomination.read");
  const { year, years } = await yearFor(db, yearId);
  const packages = await db.nominationPackage.findMany({
    where: { schoolId: school.id, schoolYearId: year.id },
    include: { items: { select: { status: true, titleCode: true } } },
    orderBy: { createdAt: "asc" },
  });
  return {
    school: { id: school.id, name: school.name, unionUnitName: school.unionUnit.name },
    year: { id: year.id, label: year.label },
    years: years.map((y) => ({ id: y.id, label: y.label })),
    packages: packages.map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
      postedOn: p.postedOn ? toIsoDay(p.postedOn) : null,
      submittedAt: p.submittedAt?.toISOString() ?? null,
      count: p.items.filter((i) => i.status !== "WITHDRAWN").length,
      byTitle: Object.entries(p.items.filter((i) => i.status !== "WITHDRAWN").reduce<Record<string, number>>((a, i) => ((a[i.titleCode] = (a[i.titleCode] ?? 0) + 1), a), {})).map(([code, n]) => ({ titleName: titleEntry(code).name, count: n })),
    })),
    canManage: can(viewer, "nomination.manage", { schoolId: school.id, unitId: school.unionUnitId }),
  };
}

function verdictDto(v: Verdict | undefined) {
  if (!v) return null;
  return { eligible: v.eligible, flagOnly: !!v.flagOnly, summary: summarise(v), reasons: v.reasons.map((r) => ({ rule: r.rule, passed: r.passed, basis: r.basis, detail: r.detail })) };
}
export type VerdictDto = NonNullable<ReturnType<typeof verdictDto>>;
const checkDto = (c: Check) => ({ rule: c.rule, passed: c.passed, basis: c.basis, detail: c.detail });

const DOC_SELECT = { id: true, kind: true, title: true, reference: true, storageKey: true, fileName: true, sizeBytes: true, createdAt: true } as const;

/** A dossier paper as pages show it: the storage key never leaves the server. */
function docDto(d: { id: string; kind: DocKind; title: string; reference: string | null; storageKey: string | null; fileName: string | null; sizeBytes: number | null; createdAt: Date }) {
  return { id: d.id, kind: d.kind, label: DOC_LABELS[d.kind], title: d.title, reference: d.reference, file: d.storageKey ? { name: d.fileName ?? "tai-lieu", sizeBytes: d.sizeBytes ?? 0 } : null, createdAt: d.createdAt.toISOString() };
}
export type DossierPaper = ReturnType<typeof docDto>;

/** A package with everything the rules say about it, for the school or the reviewing unit. */
export async function getPackagePage(viewer: Viewer, packageId: string) {
  const db = await getDb();
  const p = await db.nominationPackage.findFirst({
    where: { id: packageId, ...bySchoolScope(viewer, "nomination.read") },
    include: {
      school: { select: { id: true, name: true, unionUnitId: true, unionUnit: { select: { name: true } } } },
      schoolYear: true,
      items: {
        orderBy: [{ createdAt: "asc" }],
        include: {
          member: { select: { position: true, unionGroup: { select: { name: true } } } },
          votes: { include: { meeting: { select: { id: true, status: true, heldOn: true } } } },
          documents: { select: DOC_SELECT, orderBy: { createdAt: "asc" } },
        },
      },
      documents: { where: { itemId: null }, select: DOC_SELECT, orderBy: { createdAt: "asc" } },
      events: { orderBy: { at: "desc" }, take: 200 },
      objections: { orderBy: { createdAt: "asc" }, include: { member: { select: { fullName: true } }, item: { select: { nomineeName: true } } } },
    },
  });
  if (!p) throw notFound();
  const checks = await computePackageChecks(db, p.id, todayIsoVN());
  const roles = capsAt(viewer, { schoolId: p.schoolId, unitId: p.school.unionUnitId });
  const canManage = can(viewer, "nomination.manage", { schoolId: p.schoolId, unitId: p.school.unionUnitId });
  const canReview = can(viewer, "nomination.review", { schoolId: p.schoolId, unitId: p.school.unionUnitId });
  const allowed = (a: Parameters<typeof packageTransition>[1]) => packageTransition(p.status, a, roles).ok;
  const period = periodOf(p.schoolYear);
  const [members, groups] = canManage && allowed("edit")
    ? await Promise.all([
        db.member.findMany({ where: { schoolId: p.schoolId, status: { not: "LEFT" } }, select: { id: true, fullName: true }, orderBy: { sortKey: "asc" } }),
        db.unionGroup.findMany({ where: { schoolId: p.schoolId }, select: { id: true, name: true }, orderBy: { name: "asc" } }).then(byVietnameseName),
      ])
    : [[], []];
  const have = new Set(checks.docs.map((d) => `${d.kind}:${d.itemId ?? ""}`));
  return {
    package: {
      id: p.id,
      title: p.title,
      status: p.status,
      version: p.version,
      coverNote: p.coverNote ?? "",
      postedOn: p.postedOn ? toIsoDay(p.postedOn) : null,
      deadline: p.deadline ? toIsoDay(p.deadline) : null,
      reopenedUntil: p.reopenedUntil ? toIsoDay(p.reopenedUntil) : null,
      submittedAt: p.submittedAt?.toISOString() ?? null,
      /** Số tờ trình ("01/TTr-CĐCS"), given at the first submission. */
      number: p.number,
      noticeDays: checks.settings["nomination.noticeDays"].value,
      /** The last working day of the posting (submission from the day after). */
      noticeLastDay: p.postedOn ? addWorkingDays(toIsoDay(p.postedOn), checks.settings["nomination.noticeDays"].value) : null,
    },
    school: { id: p.school.id, name: p.school.name, unitId: p.school.unionUnitId, unitName: p.school.unionUnit.name },
    year: { id: p.schoolYear.id, label: p.schoolYear.label, startYear: period.startYear },
    items: p.items.map((i) => {
      const passedVote = i.votes.find((v) => v.passed && v.meeting.status === "CLOSED");
      const lastVote = passedVote ?? i.votes[i.votes.length - 1];
      return {
        id: i.id,
        subject: i.subject,
        memberId: i.memberId,
        nomineeName: i.nomineeName,
        group: i.member?.unionGroup?.name ?? null,
        position: i.member?.position ?? null,
        titleCode: i.titleCode,
        titleName: titleEntry(i.titleCode).name,
        approvedTitleName: i.approvedTitleCode ? titleEntry(i.approvedTitleCode).name : null,
        level: i.level,
        status: i.status,
        version: i.version,
        achievementKey: i.achievementKey,
        achievementSummary: i.achievementSummary ?? "",
        needsReport: titleEntry(i.titleCode).needsAchievementReport,
        reviewNote: i.reviewNote,
        verdict: verdictDto(checks.verdicts.get(i.id)),
        snapshot: (i.eligibility as { summary?: string; eligible?: boolean } | null) ?? null,
        vote: lastVote ? { agree: lastVote.agree, baseCount: lastVote.baseCount, required: lastVote.required, passed: lastVote.passed, closed: lastVote.meeting.status === "CLOSED", meetingId: lastVote.meeting.id, heldOn: toIsoDay(lastVote.meeting.heldOn), secret: lastVote.secret } : null,
        docs: docsNeededFor(i.titleCode).map((k) => ({ kind: k, label: DOC_LABELS[k], present: have.has(`${k}:${i.id}`) })),
        uploaded: i.documents.map(docDto),
        can: {
          edit: canManage && itemTransition(i.status, "edit", roles).ok,
          withdraw: canManage && itemTransition(i.status, "withdraw", roles).ok,
          addDoc: canManage && ["DRAFT", "POSTED", "RETURNED"].includes(i.status) && ["DRAFT", "POSTED", "RETURNED"].includes(p.status),
          review: canReview && p.status === "SUBMITTED" && i.status === "SUBMITTED",
        },
      };
    }),
    documents: p.documents.map(docDto),
    checks: checks.all.map(checkDto),
    blockingPost: checks.blockingPost.map(checkDto),
    blockingSubmit: checks.blockingSubmit.map(checkDto),
    caps: checks.caps.map(checkDto),
    counts: { ldttHolders: checks.ldttHolders, cstdcs: checks.cstdcsCount },
    events: p.events.map((e) => ({ id: e.id, at: e.at.toISOString(), action: e.action, from: e.fromStatus, to: e.toStatus, comment: e.comment, actor: e.actorName, itemId: e.itemId })),
    objections: p.objections.map((o) => ({ id: o.id, version: o.version, memberName: o.member.fullName, nomineeName: o.item?.nomineeName ?? null, body: o.body, evidence: o.evidence, answer: o.answer, answeredAt: o.answeredAt?.toISOString() ?? null, createdAt: o.createdAt.toISOString() })),
    members,
    groups,
    can: {
      manage: canManage,
      edit: canManage && allowed("edit"),
      /** Add or remove dossier papers (lib/nominations/mutations.ts editablePackage). */
      papers: canManage && ["DRAFT", "POSTED", "RETURNED"].includes(p.status),
      post: canManage && allowed("post"),
      unpost: canManage && allowed("unpost"),
      // A government-route package is sent by the principal from the routes panel (issue 12).
      submit: canManage && p.route !== "STATE" && (allowed("submit") || allowed("resubmit")),
      review: canReview && p.status === "SUBMITTED",
      deadline: canReview,
    },
  };
}
export type PackagePage = Awaited<ReturnType<typeof getPackagePage>>;

/**
 * The lists posted publicly at the viewer's school (nomination.public): every member sees the
 * nominees, lodges objections, and sees the council's answers to their own objections.
 */
export async function getPublicLists(viewer: Viewer, schoolId: string) {
  const db = await getDb();
  const school = await schoolFor(viewer, schoolId, "nomination.public");
  const packages = await db.nominationPackage.findMany({
    where: { schoolId: school.id, status: { in: ["POSTED", "SUBMITTED", "RETURNED", "REVIEWED", "DECIDED"] }, postedOn: { not: null } },
    include: { schoolYear: true, items: { where: { status: { notIn: ["WITHDRAWN", "DRAFT"] } }, select: { id: true, nomineeName: true, titleCode: true, status: true }, orderBy: [{ titleCode: "asc" }, { nomineeSortKey: "asc" }] } },
    orderBy: { postedOn: "desc" },
    take: 5,
  });
  // The posting period in working days (the upper unit's setting for the package's year).
  const noticeDays = new Map<string, number>();
  for (const p of packages) if (!noticeDays.has(p.schoolYearId)) noticeDays.set(p.schoolYearId, (await settingsFor(db, school.unionUnitId, periodOf(p.schoolYear)))["nomination.noticeDays"].value);
  const mine = viewer.memberId
    ? await db.nominationObjection.findMany({ where: { memberId: viewer.memberId, packageId: { in: packages.map((p) => p.id) } }, include: { item: { select: { nomineeName: true } } }, orderBy: { createdAt: "desc" } })
    : [];
  return {
    school: { id: school.id, name: school.name },
    packages: packages.map((p) => ({
      id: p.id,
      title: p.title,
      yearLabel: p.schoolYear.label,
      status: p.status,
      postedOn: formatIsoDay(p.postedOn ? toIsoDay(p.postedOn) : null),
      noticeDays: noticeDays.get(p.schoolYearId)!,
      /** Last working day of the posting (dd/mm/yyyy). */
      noticeLastDay: p.postedOn ? formatIsoDay(addWorkingDays(toIsoDay(p.postedOn), noticeDays.get(p.schoolYearId)!)) : null,
      open: p.status === "POSTED",
      items: p.items.map((i) => ({ id: i.id, nomineeName: i.nomineeName, titleName: titleEntry(i.titleCode).name })),
    })),
    myObjections: mine.map((o) => ({ id: o.id, packageId: o.packageId, nomineeName: o.item?.nomineeName ?? null, body: o.body, answer: o.answer, answeredAt: o.answeredAt?.toISOString() ?? null })),
    canObject: can(viewer, "nomination.object", { schoolId: school.id, unitId: school.unionUnitId }) && !!viewer.memberId,
  };
}

/**
 * The file of a dossier paper for the school's page (nomination.read: chair, principal, the
 * upper unit's staff): one query on id + package + school + scope; anything else NOT_FOUND.
 */
export async function getDossierFile(viewer: Viewer, input: { schoolId: string; packageId: string; documentId: string }): Promise<StoredFile> {
  const db = await getDb();
  const d = await db.dossierDocument.findFirst({
    where: { id: input.documentId, packageId: input.packageId, storageKey: { not: null }, package: { schoolId: input.schoolId, ...bySchoolScope(viewer, "nomination.read") } },
    select: { storageKey: true, fileName: true, mime: true },
  });
  return readPaper(d);
}

/**
 * The file of a dossier paper for the upper unit's review page: the unit must be one the viewer
 * serves with nomination.review, the school under it, the school within the viewer's
 * nomination.review scope; the paper is found in one query. Anything else NOT_FOUND.
 */
export async function getDossierFileForUnit(viewer: Viewer, input: { unitId: string; packageId: string; documentId: string }): Promise<StoredFile> {
  const db = await getDb();
  const unit = await unitFor(viewer, input.unitId, "nomination.review", db);
  const tree = await unitDescendants(db, unit.id);
  const d = await db.dossierDocument.findFirst({
    where: { id: input.documentId, packageId: input.packageId, storageKey: { not: null }, package: { school: { AND: [{ unionUnitId: { in: tree } }, schoolScope(viewer, "nomination.review")] } } },
    select: { storageKey: true, fileName: true, mime: true },
  });
  return readPaper(d);
}

async function readPaper(d: { storageKey: string | null; fileName: string | null; mime: string | null } | null): Promise<StoredFile> {
  if (!d?.storageKey) throw notFound();
  // A row whose file is gone from the disk (restored database, lost volume) is a 404, not a crash.
  const bytes = await readStoredFile(d.storageKey).catch((e: NodeJS.ErrnoException) => {
    if (e?.code === "ENOENT") throw notFound();
    throw e;
  });
  return { bytes, mime: d.mime ?? "application/octet-stream", fileName: d.fileName ?? "tai-lieu" };
}
