import "server-only";
// In-app notices (returned packages, issued and revoked decisions) to the people who act on them.
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
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

/** The viewer's latest notices (their own only). */
export async function listNotices(viewer: Viewer, take = 10) {
  const db = await getDb();
  const rows = await db.awardNotice.findMany({ where: { userId: viewer.userId }, orderBy: { createdAt: "desc" }, take, select: { id: true, message: true, link: true, readAt: true, createdAt: true } });
  return rows.map((r) => ({ id: r.id, message: r.message, link: r.link, unread: !r.readAt, createdAt: r.createdAt.toISOString() }));
}
