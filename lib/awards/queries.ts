import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { can } from "../authz/permissions";
import { memberScope, schoolScope } from "../authz/scope";
import { getDb } from "../server/db";
import { foldVietnamese } from "../format";
import { compareVietnameseNames } from "../format";
import { notFound } from "../server/errors";
import { schoolFor, unitFor } from "../authz/load";
import { unitDescendants } from "../orgs/tree";
import { yearFor } from "./years";
import { titleEntry, LEVEL_LABELS } from "./catalogue";
import { settingsFor } from "./facts-loader";
import { toIsoDay } from "./facts";
import { SETTING_KEYS, SETTING_SPECS, formatSettingValue } from "./settings";
import { decidableItems, decidableWhere } from "./routes-union";
import { loadAuthorities } from "./routes";
import { waitingList } from "./decision-list";

export { getEligibilityPage, type EligibilityQuery } from "./eligibility-queries";

export interface RegistryFilters {
  yearId?: string;
  schoolId?: string;
  titleCode?: string;
  status?: "hieu-luc" | "thu-hoi";
  /** Part of the recipient's or the school's name, diacritics ignored (folded name columns). */
  q?: string;
  sort?: RegistrySort;
  page?: number;
}

export const REGISTRY_PAGE_SIZE = 50;
export const REGISTRY_SORTS = ["moi-nhat", "ten", "truong"] as const;
export type RegistrySort = (typeof REGISTRY_SORTS)[number];
/** Above this many schools the registry's school filter is a search, not a drop-down. */
export const SCHOOL_SELECT_MAX = 200;
const REGISTRY_ORDER: Record<RegistrySort, Prisma.AwardOrderByWithRelationInput[]> = {
  // recipientSortKey: Vietnamese order (Đ after D, not after Z), kept by the database (issue 11).
  // Award.signedOn: the decision's date on the award row (migration 20261203190000), so that the
  // default order is read from an index instead of sorting every award by a joined column.
  "moi-nhat": [{ signedOn: "desc" }, { recipientSortKey: "asc" }, { id: "asc" }],
  ten: [{ recipientSortKey: "asc" }, { signedOn: "desc" }, { id: "asc" }],
  truong: [{ school: { sortKey: "asc" } }, { signedOn: "desc" }, { id: "asc" }],
};

/** Awards the viewer may read (award.read), newest first (or as sorted), one page, as DTOs with the total. */
async function registryRows(viewer: Viewer, base: Prisma.AwardWhereInput, f: RegistryFilters, take: number) {
  const db = await getDb();
  const and: Prisma.AwardWhereInput[] = [base, { OR: [{ member: memberScope(viewer, "award.read") }, { memberId: null, school: schoolScope(viewer, "award.read") }] }];
  if (f.yearId) and.push({ schoolYearId: f.yearId });
  if (f.schoolId) and.push({ schoolId: f.schoolId });
  if (f.titleCode) and.push({ titleCode: f.titleCode });
  if (f.status === "thu-hoi") and.push({ decision: { revocation: { isNot: null } } });
  if (f.status === "hieu-luc") and.push({ decision: { revocation: null } });
  const folded = f.q ? foldVietnamese(f.q) : "";
  if (folded) and.push({ OR: [{ member: { nameSearch: { contains: folded } } }, { school: { nameSearch: { contains: folded } } }] });
  const [rows, total, years] = await Promise.all([
    db.award.findMany({
      where: { AND: and },
      include: { school: { select: { name: true } }, decision: { select: { id: true, number: true, signedOn: true, issuerName: true, revocation: { select: { reason: true, revokedOn: true } } } } },
      orderBy: REGISTRY_ORDER[f.sort ?? "moi-nhat"],
      skip: (Math.max(1, f.page ?? 1) - 1) * take,
      take,
    }),
    db.award.count({ where: { AND: and } }),
    db.schoolYear.findMany({ select: { id: true, label: true } }),
  ]);
  const label = new Map(years.map((y) => [y.id, y.label]));
  return {
    total,
    // Vietnamese order within a date (the database's byte order put "Đặng…" after "Z…").
    // (Other sorts keep the database's order, so that page N follows page N − 1.)
    rows: (f.sort && f.sort !== "moi-nhat" ? rows : rows.sort((a, b) => b.decision.signedOn.getTime() - a.decision.signedOn.getTime() || compareVietnameseNames(a.recipientName, b.recipientName))).map((a) => ({
      id: a.id,
      recipientName: a.recipientName,
      memberId: a.memberId,
      schoolName: a.school.name,
      yearLabel: label.get(a.schoolYearId) ?? "",
      titleCode: a.titleCode,
      titleName: titleEntry(a.titleCode).name,
      level: LEVEL_LABELS[a.level],
      decisionId: a.decision.id,
      decisionNumber: a.decision.number,
      signedOn: toIsoDay(a.decision.signedOn),
      issuerName: a.decision.issuerName,
      revoked: !!a.decision.revocation,
      revokedReason: a.decision.revocation?.reason ?? null,
    })),
  };
}

/**
 * The upper unit's registry (award.read over the unit's schools), with filters, search and sort,
 * one page of `take` (the export asks for everything). `schools` (for the school drop-down) is
 * empty when the unit has more than SCHOOL_SELECT_MAX schools: the page offers the search instead.
 */
export async function listUnitRegistry(viewer: Viewer, unitId: string, f: RegistryFilters, take = REGISTRY_PAGE_SIZE) {
  const db = await getDb();
  const unit = await unitFor(viewer, unitId, "award.read");
  const tree = await unitDescendants(db, unit.id);
  const [someSchools, years] = await Promise.all([
    db.school.findMany({ where: { unionUnitId: { in: tree } }, select: { id: true, name: true }, orderBy: [{ sortKey: "asc" }, { id: "asc" }], take: SCHOOL_SELECT_MAX + 1 }),
    db.schoolYear.findMany({ select: { id: true, label: true }, orderBy: { startsOn: "desc" } }),
  ]);
  const r = await registryRows(viewer, { school: { unionUnitId: { in: tree } } }, f, take);
  const schools = someSchools.length > SCHOOL_SELECT_MAX ? [] : someSchools;
  return { unit, schools, years, ...r, page: Math.max(1, f.page ?? 1), pageSize: take, canExport: can(viewer, "award.export", { unitId: unit.id }) };
}

/** A school's registry (award.read: managers see all, a member their own). */
export async function listSchoolRegistry(viewer: Viewer, schoolId: string, f: RegistryFilters, take = 500) {
  const db = await getDb();
  const school = await schoolFor(viewer, schoolId, "award.read");
  const years = await db.schoolYear.findMany({ select: { id: true, label: true }, orderBy: { startsOn: "desc" } });
  const r = await registryRows(viewer, { schoolId: school.id }, f, take);
  return { school: { id: school.id, name: school.name }, years, ...r };
}

/** One member's awards with decisions (award.read scope), for the member's history. */
export async function listMemberAwards(viewer: Viewer, memberId: string) {
  const db = await getDb();
  const m = await db.member.findFirst({ where: { AND: [{ id: memberId }, memberScope(viewer, "award.read")] }, select: { id: true, schoolId: true } });
  if (!m) throw notFound();
  return (await registryRows(viewer, { memberId: m.id }, {}, 200)).rows;
}

export interface DecisionsQuery {
  yearId?: string;
  /** The form (title code) the waiting list is narrowed to (?hinh-thuc=). */
  titleCode?: string;
  /** Part of the nominee's or the school's name, diacritics ignored (?q=). */
  q?: string;
  page?: number;
}

/**
 * Decisions issued by the unit (decision.issue) with the nominees approved and waiting for one.
 * The waiting list can run to hundreds (a unit of 100 schools) or thousands (a province): counts
 * by form, the list narrowed and paged (decision-list.ts waitingList).
 */
export async function getDecisionsPage(viewer: Viewer, unitId: string, opts: DecisionsQuery = {}) {
  const db = await getDb();
  const unit = await unitFor(viewer, unitId, "award.read");
  const { year, years } = await yearFor(db, opts.yearId);
  const [tree, authorities] = await Promise.all([unitDescendants(db, unit.id), loadAuthorities(db)]);
  // REVOKED: nominees of a revoked decision, to be decided again (their old award stays, revoked).
  const approvedWhere: Prisma.NominationItemWhereInput = { status: { in: ["APPROVED", "APPROVED_CHANGED", "REVOKED"] }, package: { schoolYearId: year.id, school: { unionUnitId: { in: tree } } } };
  const [decisions, approved, approvedCount] = await Promise.all([
    // The unit's own decisions (a school's BCH decision is filed under its upper union but is the school's: schoolId set).
    db.awardDecision.findMany({ where: { organisationId: unit.id, schoolId: null, schoolYearId: year.id }, include: { revocation: true, _count: { select: { awards: true } } }, orderBy: { signedOn: "desc" } }),
    db.nominationItem.findMany({
      where: { AND: [approvedWhere, decidableWhere(unit, tree, authorities)] },
      include: { package: { select: { school: { select: { name: true, unionUnitId: true, govUnit: { select: { type: true } } } } } } },
      orderBy: [{ titleCode: "asc" }, { nomineeSortKey: "asc" }],
    }),
    db.nominationItem.count({ where: approvedWhere }),
  ]);
  // Issue 12: the decision screen offers only the forms this union body may decide.
  const mine = decidableItems(unit, approved, authorities).map((i) => {
    const code = i.approvedTitleCode ?? i.titleCode;
    return { id: i.id, nomineeName: i.nomineeName, schoolName: i.package.school.name, titleCode: code, titleName: titleEntry(code).name, changed: !!i.approvedTitleCode, level: i.approvedLevel ?? i.level, redecide: i.status === "REVOKED" };
  });
  const list = waitingList(mine, opts);
  return {
    unit,
    year: { id: year.id, label: year.label },
    years: years.map((y) => ({ id: y.id, label: y.label })),
    decisions: decisions.map((d) => ({ id: d.id, number: d.number, signedOn: toIsoDay(d.signedOn), signerName: d.signerName, issuerName: d.issuerName, level: LEVEL_LABELS[d.level], count: d._count.awards, revoked: !!d.revocation, revokedReason: d.revocation?.reason ?? null })),
    notDecidable: approvedCount - mine.length,
    /** Every nominee this unit may decide, waiting (before the filters). */
    waitingTotal: mine.length,
    forms: list.forms,
    filters: list.filters,
    /** Nominees matching the filters (the pager's total). */
    total: list.total,
    page: list.page,
    pageSize: list.pageSize,
    /** Every matching nominee (all pages): whom a decision issued from this screen covers. */
    matchingIds: list.matchingIds,
    /** The level the decision form offers first. */
    defaultLevel: list.level ?? "DIRECT_UPPER",
    /** The page of matching nominees drawn. */
    approved: list.rows,
    canIssue: can(viewer, "decision.issue", { unitId: unit.id }),
  };
}

/** One decision with its awards (the unit that issued it, or admin). */
export async function getDecision(viewer: Viewer, unitId: string, decisionId: string) {
  const db = await getDb();
  const unit = await unitFor(viewer, unitId, "award.read");
  const d = await db.awardDecision.findFirst({
    where: { id: decisionId, organisationId: unit.id, schoolId: null },
    include: { revocation: true, schoolYear: { select: { label: true } }, awards: { include: { school: { select: { name: true } } }, orderBy: [{ titleCode: "asc" }, { recipientSortKey: "asc" }] } },
  });
  if (!d) throw notFound();
  return {
    unit,
    decision: { id: d.id, number: d.number, signedOn: toIsoDay(d.signedOn), signerName: d.signerName, signerTitle: d.signerTitle, issuerName: d.issuerName, level: d.level, levelLabel: LEVEL_LABELS[d.level], summary: d.summary, yearLabel: d.schoolYear.label },
    revocation: d.revocation ? { reason: d.revocation.reason, number: d.revocation.number, revokedOn: toIsoDay(d.revocation.revokedOn) } : null,
    awards: [...d.awards].sort((a, b) => (a.titleCode < b.titleCode ? -1 : a.titleCode > b.titleCode ? 1 : compareVietnameseNames(a.recipientName, b.recipientName))).map((a) => ({ id: a.id, recipientName: a.recipientName, schoolName: a.school.name, titleCode: a.titleCode, titleName: titleEntry(a.titleCode).name, level: LEVEL_LABELS[a.level] })),
    canRevoke: !d.revocation && can(viewer, "decision.issue", { unitId: unit.id }),
  };
}
export type DecisionView = Awaited<ReturnType<typeof getDecision>>;

/** The thresholds in force for the unit's schools in a year, with basis and source; the overrides. */
export async function getSettingsPage(viewer: Viewer, unitId: string, yearId?: string) {
  const db = await getDb();
  const unit = await unitFor(viewer, unitId, "award.read");
  const { year, years, period } = await yearFor(db, yearId);
  const s = await settingsFor(db, unit.id, period);
  const overrides = await db.awardSetting.findMany({ where: { organisationId: unit.id }, orderBy: { createdAt: "desc" } });
  return {
    unit,
    year: { id: year.id, label: year.label },
    years: years.map((y) => ({ id: y.id, label: y.label })),
    settings: SETTING_KEYS.map((k) => ({ key: k, label: SETTING_SPECS[k].label, value: formatSettingValue(k, s[k].value), basis: s[k].basis, source: s[k].source, validFrom: s[k].validFrom, validTo: s[k].validTo, origin: s[k].origin })),
    overrides: overrides.map((o) => ({ id: o.id, key: o.key, value: formatSettingValue(o.key as (typeof SETTING_KEYS)[number], o.value), basis: o.basis, validFrom: toIsoDay(o.validFrom), validTo: o.validTo ? toIsoDay(o.validTo) : null, schoolYearId: o.schoolYearId })),
    canEdit: can(viewer, "award.settings", { unitId: unit.id }),
  };
}
