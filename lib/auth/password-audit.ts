import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { record } from "../audit/record";

type Tx = Prisma.TransactionClient;

/** Where a user's audit rows belong: the school of their member record, if any. */
export async function placeOf(tx: Tx | PrismaClient, userId: string) {
  const u = await tx.user.findUnique({ where: { id: userId }, select: { member: { select: { schoolId: true, school: { select: { unionUnitId: true } } } } } });
  return { schoolId: u?.member?.schoolId ?? null, organisationId: u?.member?.school.unionUnitId ?? null };
}

/** An audit row written by the user themselves before a session exists (a password chosen at sign-in). */
export async function recordAsUser(tx: Tx, user: { id: string; email: string; displayName: string }, action: string, after: Record<string, unknown>): Promise<void> {
  const actor: Viewer = { userId: user.id, sessionId: "", email: user.email, displayName: user.displayName, memberId: null, grants: [], unitIds: [] };
  await record(tx, actor, { action, entity: "User", entityId: user.id, ...(await placeOf(tx, user.id)), after });
}

