import "server-only";
// Scoped look-ups shared by the awards, council, initiatives and nominations areas: a school or
// an upper unit the viewer may act on with a capability (another tenant's id is NOT_FOUND), the
// viewer's roles there (for the workflow tables), and the school year asked for.
import { todayIsoVN } from "../time";
import type { PrismaClient, Prisma } from "../generated/prisma/client";
import { type Capability, type Viewer } from "../authz/permissions";
import { capsAt as decideCapsAt, decide } from "../authz/decide";
import { schoolScope } from "../authz/scope";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { periodOf } from "./facts";
import { unitAncestors, unitDescendants } from "../orgs/tree";

export type Db = PrismaClient | Prisma.TransactionClient;

const SCHOOL_SELECT = { id: true, name: true, unionName: true, unionUnitId: true, address: true, unionUnit: { select: { id: true, name: true } } } as const;

/** A school the viewer holds `cap` on, or NOT_FOUND. */
export async function schoolFor(viewer: Viewer, schoolId: string, cap: Capability, db?: Db) {
  const client = db ?? (await getDb());
  const school = await client.school.findFirst({ where: { AND: [{ id: schoolId }, schoolScope(viewer, cap)] }, select: SCHOOL_SELECT });
  if (!school) throw notFound();
  return school;
}
export type ScopedSchool = Awaited<ReturnType<typeof schoolFor>>;

/** An upper unit the viewer serves with `cap` (admin: any), or NOT_FOUND. */
export async function unitFor(viewer: Viewer, unitId: string, cap: Capability, db?: Db) {
  const client = db ?? (await getDb());
  // The gate's decision (lib/authz/decide.ts): admin everywhere, upper staff in their subtree.
  if (!decide(viewer, cap, { unitId })) throw notFound();
  const unit = await client.organisation.findUnique({ where: { id: unitId }, select: { id: true, name: true, type: true, parentId: true, place: true } });
  if (!unit) throw notFound();
  return unit;
}

/** Ids of the unit and every unit below it (what an upper unit reviews): lib/orgs/tree.ts. */
export function unitTree(db: Db, unitId: string): Promise<string[]> {
  return unitDescendants(db, unitId);
}

/** The unit and its parents, nearest first (whose setting overrides apply to a school): one query. */
export function unitChain(db: Db, unitId: string): Promise<string[]> {
  return unitAncestors(db, unitId);
}

/** The capabilities the viewer holds over a school's package (the workflow tables ask for these). */
export function capsAt(viewer: Viewer, t: { schoolId: string; unitId: string }): Capability[] {
  return decideCapsAt(viewer, { schoolId: t.schoolId, unitId: t.unitId });
}

const YEAR_SELECT = { id: true, label: true, startsOn: true, endsOn: true } as const;

/**
 * The school year asked for (?nam=…), else the one nominations are for: the latest year that has
 * ended (nominations follow the year-end review), else the current one.
 */
export async function yearFor(db: Db, yearId?: string | null, today = new Date()) {
  const years = await db.schoolYear.findMany({ select: YEAR_SELECT, orderBy: { startsOn: "desc" } });
  if (!years.length) throw notFound();
  if (yearId) {
    const y = years.find((x) => x.id === yearId);
    if (!y) throw notFound();
    return { year: y, period: periodOf(y), years };
  }
  const y = years.find((x) => x.endsOn < today) ?? years[years.length - 1];
  return { year: y, period: periodOf(y), years };
}

/** Vietnam's calendar day (lib/time.ts), not the UTC date: a deadline ends at midnight in Vietnam. */
export function todayIso(d = new Date()): string {
  return todayIsoVN(d);
}
