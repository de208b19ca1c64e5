import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { sessionIsLive, touchIfStale } from "./sessions";
import { unitDescendants } from "../orgs/tree";

/**
 * Builds the Viewer for a session id from the database: roles are read on every request,
 * so removing a role or disabling a user takes effect at once. Null when the session is
 * not live or the user is disabled.
 */
export async function loadViewer(db: PrismaClient, sessionId: string, now = new Date()): Promise<Viewer | null> {
  // The session, its user and the user's live roles in one query (relationJoins); nothing of the
  // user is used unless the session is live.
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          email: true,
          displayName: true,
          memberId: true,
          disabled: true,
          roles: {
            where: { validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
            select: { role: true, schoolId: true, organisationId: true, unionGroupId: true },
          },
        },
      },
    },
  });
  if (!session || !sessionIsLive(session, now)) return null;
  const user = session.user;
  if (user.disabled) return null;
  await touchIfStale(db, session, now);
  const roots = user.roles.filter((r) => r.role === "UPPER_STAFF" && r.organisationId).map((r) => r.organisationId!);
  return {
    userId: user.id,
    sessionId,
    email: user.email,
    displayName: user.displayName,
    memberId: user.memberId,
    grants: user.roles,
    unitIds: roots.length ? await unitDescendants(db, roots) : [],
  };
}
