import "server-only";
// Scoped look-ups shared by the awards, council, initiatives and nominations areas: a school or
// an upper unit the viewer may act on with a capability (another tenant's id is NOT_FOUND), the
// viewer's roles there (for the workflow tables), and the school year asked for.
import type { Role } from "../generated/prisma/enums";
import type { PrismaClient, Prisma } from "../generated/prisma/client";
import { can, type Capability, type Viewer } from "../authz/permissions";
import { schoolScope } from "../authz/scope";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { periodOf } from "./facts";

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
  const isAdmin = viewer.grants.some((g) => g.role === "ADMIN");
  if (!isAdmin && !(viewer.unitIds.includes(unitId) && can(viewer, cap, { unitId }))) throw notFound();
  const unit = await client.organisation.findUnique({ where: { id: unitId }, select: { id: true, name: true, type: true, parentId: true } });
  if (!unit) throw notFound();
  return unit;
}

/** Ids of the unit and every unit below it (what an upper unit reviews). */
export async function unitTree(db: Db, unitId: string): Promise<string[]> {
  const all = await db.organisation.findMany({ select: { id: true, parentId: true } });
  const out = [unitId];
  for (let i = 0; i < out.length; i++) for (const o of all) if (o.parentId === out[i] && !out.includes(o.id)) out.push(o.id);
  return out;
}

/** The unit and its parents, nearest first (whose setting overrides apply to a school). */
export async function unitChain(db: Db, unitId: string): Promise<string[]> {
  const out: string[] = [];
  let id: string | null = unitId;
  while (id && !out.includes(id) && out.length < 20) {
    out.push(id);
    const row: { parentId: string | null } | null = await db.organisation.findUnique({ where: { id }, select: { parentId: true } });
    id = row?.parentId ?? null;
  }
  return out;
}

/** The viewer's roles that bear on a school (its own grants, upper staff above it, admin). */
export function rolesAt(viewer: Viewer, t: { schoolId: string; unitId: string }): Role[] {
  const roles = new Set<Role>();
  for (const g of viewer.grants) {
    if (g.role === "ADMIN") roles.add("ADMIN");
    else if (g.role === "UPPER_STAFF" && viewer.unitIds.includes(t.unitId)) roles.add("UPPER_STAFF");
    else if (g.schoolId === t.schoolId) roles.add(g.role);
  }
  return [...roles];
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

export function todayIso(d = new Date()): string {
  return d.toISOString().slice(0, 10);
}
