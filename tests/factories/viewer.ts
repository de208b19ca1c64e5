// A Viewer for an existing account, resolved exactly as a request would (session row →
// loadViewer), so integration tests exercise the real role and scope loading.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Viewer } from "../../lib/authz/permissions";
import { loadViewer } from "../../lib/auth/load-viewer";

export async function viewerFor(prisma: PrismaClient, email: string): Promise<Viewer> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  const id = randomBytes(16).toString("hex");
  await prisma.session.create({ data: { id, userId: user.id, expiresAt: new Date(Date.now() + 3600_000) } });
  const viewer = await loadViewer(prisma, id);
  if (!viewer) throw new Error(`no viewer for ${email}`);
  return viewer;
}
