import "server-only";
// The scoped tenant look-ups of the gate (issue 10, one place for access): a school or an upper
// unit the viewer may act on with a capability. A school is found by id AND the viewer's scope
// (lib/authz/scope.ts) in ONE query; a unit by the gate's decision (lib/authz/decide.ts). Another
// tenant's id is NOT_FOUND, exactly like a missing one. No other file looks a school up by scope
// (tests/unit/access-one-place.test.ts).
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Capability, Viewer } from "./permissions";
import { decide } from "./decide";
import { schoolScope } from "./scope";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";

/** The app's client or an open transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** What most callers need of a school (a caller that needs other fields passes its own select). */
export const SCHOOL_SELECT = {
  id: true,
  name: true,
  unionName: true,
  unionUnitId: true,
  address: true,
  unionUnit: { select: { id: true, name: true } },
} satisfies Prisma.SchoolSelect;

/** A school's name and upper unit (campaigns, scales, the scoring pages). */
export const SCHOOL_BRIEF = { id: true, name: true, unionUnitId: true } satisfies Prisma.SchoolSelect;

export type ScopedSchool = Prisma.SchoolGetPayload<{ select: typeof SCHOOL_SELECT }>;

/** A school the viewer holds `cap` on (SCHOOL_SELECT, or `select`), or NOT_FOUND. */
export async function schoolFor(viewer: Viewer, schoolId: string, cap: Capability, db?: Db): Promise<ScopedSchool>;
export async function schoolFor<S extends Prisma.SchoolSelect>(viewer: Viewer, schoolId: string, cap: Capability, db: Db | undefined, select: S): Promise<Prisma.SchoolGetPayload<{ select: S }>>;
export async function schoolFor(viewer: Viewer, schoolId: string, cap: Capability, db?: Db, select: Prisma.SchoolSelect = SCHOOL_SELECT): Promise<unknown> {
  return schoolWithin(db ?? (await getDb()), schoolId, schoolScope(viewer, cap), select);
}

/**
 * A school by id inside a scope other than one capability's (a where-fragment of
 * lib/authz/scope.ts, e.g. schoolBchScope), or NOT_FOUND: the same one query as schoolFor.
 */
export async function schoolWithin<S extends Prisma.SchoolSelect>(db: Db, schoolId: string, scope: Prisma.SchoolWhereInput, select: S): Promise<Prisma.SchoolGetPayload<{ select: S }>> {
  const school = await db.school.findFirst({ where: { AND: [{ id: schoolId }, scope] }, select });
  if (!school) throw notFound();
  return school as Prisma.SchoolGetPayload<{ select: S }>;
}

/** What most callers need of an upper unit (a caller that needs other fields passes its own select). */
export const UNIT_SELECT = { id: true, name: true, type: true, parentId: true, place: true } satisfies Prisma.OrganisationSelect;

export type ScopedUnit = Prisma.OrganisationGetPayload<{ select: typeof UNIT_SELECT }>;

/** An upper unit the viewer serves with `cap` (admin: any), or NOT_FOUND (UNIT_SELECT, or `select`). */
export async function unitFor(viewer: Viewer, unitId: string, cap: Capability, db?: Db): Promise<ScopedUnit>;
export async function unitFor<S extends Prisma.OrganisationSelect>(viewer: Viewer, unitId: string, cap: Capability, db: Db | undefined, select: S): Promise<Prisma.OrganisationGetPayload<{ select: S }>>;
export async function unitFor(viewer: Viewer, unitId: string, cap: Capability, db?: Db, select: Prisma.OrganisationSelect = UNIT_SELECT): Promise<unknown> {
  const client = db ?? (await getDb());
  // The gate's decision (lib/authz/decide.ts): admin everywhere, upper staff in their subtree.
  if (!decide(viewer, cap, { unitId })) throw notFound();
  const unit = await client.organisation.findUnique({ where: { id: unitId }, select });
  if (!unit) throw notFound();
  return unit;
}
