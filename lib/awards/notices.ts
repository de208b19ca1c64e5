import "server-only";
// In-app notices (submitted and returned packages, issued and revoked decisions) to the people
// who act on them. lib/notifications reads them for the header bell.
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { PERMISSIONS, type Viewer } from "../authz/permissions";
import { getDb } from "../server/db";

type Tx = Prisma.TransactionClient;

/** One notice to each current chair and principal of the school. */
export async function notifySchoolManagers(tx: Tx, schoolId: string, message: string, link: string): Promise<void> {
  const now = new Date();
  const roles = await tx.roleAssignment.findMany({
    where: { schoolId, role: { in: ["UNION_CHAIR", "PRINCIPAL"] }, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }], user: { disabled: false } },
    select: { userId: true },
  });
  const users = [...new Set(roles.map((r) => r.userId))];
  if (users.length) await tx.awardNotice.createMany({ data: users.map((userId) => ({ userId, schoolId, message, link })) });
}

/** Roles whose grant of nomination.review reaches an upper unit (today: the unit's staff). */
const REVIEWER_ROLES = (Object.keys(PERMISSIONS) as Role[]).filter((r) => PERMISSIONS[r]["nomination.review"] === "unit");

/**
 * One notice to each current reviewer of the upper unit a package was sent to (users holding a
 * role with nomination.review at that organisation). Units above it are not notified: they see
 * the package in their queue and in the header counts. `schoolId` is the package's school, so the
 * notice stays visible only while the reader still serves that school's unit.
 */
export async function notifyUnitReviewers(tx: Tx, organisationId: string, message: string, link: string, schoolId: string | null = null): Promise<void> {
  const now = new Date();
  const roles = await tx.roleAssignment.findMany({
    where: { organisationId, role: { in: REVIEWER_ROLES }, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }], user: { disabled: false } },
    select: { userId: true },
  });
  const users = [...new Set(roles.map((r) => r.userId))];
  if (users.length) await tx.awardNotice.createMany({ data: users.map((userId) => ({ userId, schoolId, message, link })) });
}

/** The viewer's latest notices (their own only). */
export async function listNotices(viewer: Viewer, take = 10) {
  const db = await getDb();
  const rows = await db.awardNotice.findMany({ where: { userId: viewer.userId }, orderBy: { createdAt: "desc" }, take, select: { id: true, message: true, link: true, readAt: true, createdAt: true } });
  return rows.map((r) => ({ id: r.id, message: r.message, link: r.link, unread: !r.readAt, createdAt: r.createdAt.toISOString() }));
}
