import "server-only";
// Reads of coordination plans, always scoped by the viewer (readablePlans): another school's
// plan, or a draft for a member, is simply not found.
import type { Prisma } from "../generated/prisma/client";
import { getDb } from "../server/db";
import { can, type Viewer } from "../authz/permissions";
import { getSchoolOrThrow, getUnitOrThrow } from "../orgs/queries";
import { schoolScope, readablePlans } from "../authz/scope";
import { notFound } from "../server/errors";
import { allowedActions, planRolesOf, planState, replacementOf, schoolPlanStanding, type PlanAction } from "./rules";
import { restatementMismatches } from "./restated";
import { contentOf, schoolMonthOrder, type PlanContent } from "./content";
import type { MeasureData } from "./measures";
import { diffPlans } from "./diff";
import { unitSubtree } from "../schools/queries";
import { holdsHere } from "../authz/decide";

export type PlanOwner = { schoolId: string } | { organisationId: string };

/** Every school year, newest first, and the one to show by default (the one running today). */
export async function listSchoolYears(now = new Date()) {
  const db = await getDb();
  const years = await db.schoolYear.findMany({ orderBy: { startsOn: "desc" }, select: { id: true, label: true, startsOn: true, endsOn: true } });
  const running = years.find((y) => y.startsOn <= now && now <= new Date(y.endsOn.getTime() + 92 * 86_400_000));
  const current = running ?? years.find((y) => y.startsOn <= now) ?? years[years.length - 1] ?? null;
  return { years, current };
}

export async function pickYear(yearId: string | undefined) {
  const { years, current } = await listSchoolYears();
  const year = (yearId && years.find((y) => y.id === yearId)) || current;
  return { years, year };
}

const listSelect = {
  id: true,
  revision: true,
  status: true,
  title: true,
  amendmentReason: true,
  govSignedAt: true,
  unionSignedAt: true,
  signedAt: true,
  submittedAt: true,
  updatedAt: true,
  amendedBy: { select: { id: true, revision: true, status: true, signedAt: true } },
} as const satisfies Prisma.CoordinationPlanSelect;

function toListRow(p: Prisma.CoordinationPlanGetPayload<{ select: typeof listSelect }>) {
  return {
    id: p.id,
    revision: p.revision,
    state: planState(p),
    title: p.title,
    amendmentReason: p.amendmentReason,
    signedAt: p.signedAt,
    updatedAt: p.updatedAt,
    amended: !!p.amendedBy,
    replacedBy: replacementOf(p),
  };
}

/**
 * A school's plans of one school year (school.read of the school; drafts only for those with
 * plan.read_draft). Also says whether the viewer may create one and whether last year's
 * signed plan can be copied.
 */
export async function listSchoolPlans(viewer: Viewer, schoolId: string, yearId?: string) {
  const school = await getSchoolOrThrow(viewer, schoolId);
  const db = await getDb();
  const { years, year } = await pickYear(yearId);
  if (!year) return { school, years, year, plans: [], canCreate: false, copyFrom: null };
  const plans = await db.coordinationPlan.findMany({
    where: { schoolId: school.id, schoolYearId: year.id, ...readablePlans(viewer) },
    select: listSelect,
    orderBy: { revision: "desc" },
  });
  const mayEdit = can(viewer, "plan.edit", { schoolId: school.id });
  const exists = mayEdit ? (await db.coordinationPlan.count({ where: { schoolId: school.id, schoolYearId: year.id } })) > 0 : true;
  const copyFrom = mayEdit && !exists ? await lastSignedPlan(school.id, year.startsOn) : null;
  return { school, years, year, plans: plans.map(toListRow), canCreate: mayEdit && !exists, copyFrom };
}

/** The latest signed revision of the school's plan in an earlier school year. */
export async function lastSignedPlan(schoolId: string, before: Date) {
  const db = await getDb();
  return db.coordinationPlan.findFirst({
    where: { schoolId, status: "SIGNED", schoolYear: { startsOn: { lt: before } } },
    orderBy: [{ schoolYear: { startsOn: "desc" } }, { revision: "desc" }],
    select: { id: true, revision: true, schoolYear: { select: { label: true, startsOn: true } } },
  });
}

const detailInclude = {
  sections: { orderBy: { sortOrder: "asc" } },
  items: true,
  targets: { orderBy: { sortOrder: "asc" } },
  comments: { orderBy: { createdAt: "asc" }, select: { id: true, sectionKey: true, body: true, createdAt: true, authorId: true, author: { select: { displayName: true } } } },
  schoolYear: { select: { id: true, label: true, startsOn: true, endsOn: true } },
  school: { select: { id: true, name: true, unionUnitId: true } },
  organisation: { select: { id: true, name: true } },
  amends: { select: { id: true, revision: true, docNumber: true } },
  amendedBy: { select: { id: true, revision: true, status: true, signedAt: true } },
  copiedFrom: { select: { id: true, schoolYear: { select: { label: true } } } },
} as const satisfies Prisma.CoordinationPlanInclude;

export type PlanRow = Prisma.CoordinationPlanGetPayload<{ include: typeof detailInclude }>;

function ownerWhere(owner: PlanOwner): Prisma.CoordinationPlanWhereInput {
  return "schoolId" in owner ? { schoolId: owner.schoolId } : { organisationId: owner.organisationId };
}

/** One plan the viewer may read, with everything shown on its page; NOT_FOUND otherwise. */
export async function getPlanRowOrThrow(viewer: Viewer, owner: PlanOwner, planId: string): Promise<PlanRow> {
  const db = await getDb();
  const plan = await db.coordinationPlan.findFirst({ where: { id: planId, ...ownerWhere(owner), ...readablePlans(viewer) }, include: detailInclude });
  if (!plan) throw notFound();
  return plan;
}

function sortItems<T extends { month: number; onDate: Date | null; sortOrder: number }>(items: T[]): T[] {
  return [...items].sort(
    (a, b) => schoolMonthOrder(a.month) - schoolMonthOrder(b.month) || (a.onDate ? a.onDate.getUTCDate() : 32) - (b.onDate ? b.onDate.getUTCDate() : 32) || a.sortOrder - b.sortOrder,
  );
}

/** The plan as plain content (for the diff and the documents). */
export function toContent(p: PlanRow): PlanContent {
  return contentOf(p);
}

/**
 * Live figures for the plan's measures. None of the measured data exists yet (registrations,
 * titles, initiatives, women's movement and discipline come with later issues), so nothing is
 * computed; each of those issues adds its key here.
 */
export async function liveMeasures(_plan: { schoolId: string | null; schoolYearId: string }): Promise<MeasureData> {
  return {};
}

/** Who is expected to sign, for drafts (the current principal and union chair). */
async function expectedSigners(schoolId: string | null) {
  if (!schoolId) return { gov: null, union: null };
  const db = await getDb();
  const now = new Date();
  const holders = await db.roleAssignment.findMany({
    where: { schoolId, role: { in: ["PRINCIPAL", "UNION_CHAIR"] }, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
    select: { role: true, user: { select: { displayName: true } } },
    orderBy: { validFrom: "desc" },
  });
  return {
    gov: holders.find((h) => h.role === "PRINCIPAL")?.user.displayName ?? null,
    union: holders.find((h) => h.role === "UNION_CHAIR")?.user.displayName ?? null,
  };
}

/** Everything the plan page shows, with the actions the viewer may take now. */
export async function getPlanDetail(viewer: Viewer, owner: PlanOwner, planId: string) {
  const plan = await getPlanRowOrThrow(viewer, owner, planId);
  const db = await getDb();
  const revisions = await db.coordinationPlan.findMany({
    where: { ...ownerWhere(owner), schoolYearId: plan.schoolYearId, ...readablePlans(viewer) },
    select: listSelect,
    orderBy: { revision: "asc" },
  });
  const state = planState(plan);
  const roles = planRolesOf(viewer, plan);
  let actions: PlanAction[] = allowedActions(state, roles);
  // Only the newest revision can be amended (amendsId is unique: one amendment per revision).
  if (plan.amendedBy) actions = actions.filter((a) => a !== "amend");
  const [measures, signers] = await Promise.all([liveMeasures(plan), expectedSigners(plan.schoolId)]);
  // The comment threads are the two sides' working notes: shown to those who see drafts.
  const target = plan.schoolId ? { schoolId: plan.schoolId, unitId: plan.school?.unionUnitId } : { unitId: plan.organisationId };
  const comments = can(viewer, "plan.read_draft", target) ? plan.comments : [];
  return {
    plan: { ...plan, items: sortItems(plan.items), comments },
    content: toContent(plan),
    state,
    replacedBy: replacementOf(plan),
    restated: state === "DRAFT" ? restatementMismatches(toContent(plan)) : [],
    roles,
    actions,
    revisions: revisions.map(toListRow),
    measures,
    signers: {
      gov: plan.govSignerName ?? signers.gov,
      union: plan.unionSignerName ?? signers.union,
    },
  };
}
export type PlanDetail = Awaited<ReturnType<typeof getPlanDetail>>;

/** Field-level changes from `fromId` to `toId`, two readable revisions of the same plan. */
export async function comparePlanRevisions(viewer: Viewer, owner: PlanOwner, fromId: string, toId: string) {
  const [a, b] = await Promise.all([getPlanRowOrThrow(viewer, owner, fromId), getPlanRowOrThrow(viewer, owner, toId)]);
  if (a.schoolYearId !== b.schoolYearId) throw notFound();
  return { from: { id: a.id, revision: a.revision, state: planState(a) }, to: { id: b.id, revision: b.revision, state: planState(b), amendmentReason: b.amendmentReason }, changes: diffPlans(toContent(a), toContent(b)) };
}

/**
 * For an upper unit (its staff, or an admin): every school under it with its plan status for a
 * school year, late when not signed by the deadline (PLAN_DEADLINE). NOT_FOUND for a unit the
 * viewer does not serve.
 */
export async function unitPlanOverview(viewer: Viewer, unitId: string, yearId?: string, now = new Date()) {
  const unit = await getUnitOrThrow(viewer, unitId);
  const db = await getDb();
  const { years, year } = await pickYear(yearId);
  if (!year) return { unit, years, year, schools: [], ownPlans: [] };
  const subtree = await unitSubtree(unitId);
  const schools = await db.school.findMany({
    where: { AND: [schoolScope(viewer, "plan.read"), { unionUnitId: { in: subtree } }] },
    select: {
      id: true,
      name: true,
      plans: { where: { schoolYearId: year.id, ...readablePlans(viewer) }, select: { id: true, revision: true, status: true, signedAt: true }, orderBy: { revision: "asc" } },
    },
    // Vietnamese order from the database (School."sortKey"), ties by id: the in-memory sorts keep it.
    orderBy: [{ sortKey: "asc" }, { id: "asc" }],
  });
  const ownPlans = await db.coordinationPlan.findMany({
    where: { organisationId: unitId, schoolYearId: year.id, ...readablePlans(viewer) },
    select: listSelect,
    orderBy: { revision: "desc" },
  });
  return {
    unit,
    years,
    year,
    schools: schools.map((s) => {
      const standing = schoolPlanStanding(s.plans, year.startsOn, now);
      const latest = s.plans[s.plans.length - 1] ?? null;
      return { id: s.id, name: s.name, ...standing, latestId: latest?.id ?? null, revisions: s.plans.length };
    }),
    ownPlans: ownPlans.map(toListRow),
    // The unit's own staff draw up its plan (in their own name), not an administrator.
    canCreateOwn: holdsHere(viewer, "plan.manage_unit", { unitId }) && ownPlans.length === 0,
  };
}
