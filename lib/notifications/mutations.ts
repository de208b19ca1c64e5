import "server-only";
// Read receipts of the viewer's own notifications. Only the viewer's rows are touched: another
// person's notice id is NOT_FOUND, exactly like an id that does not exist. Read receipts are
// personal display state, not a change of the school's data, so they are not audited.
import type { Viewer } from "../authz/permissions";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { noticeWhere, reminderWhere } from "./queries";
import type { MarkReadInput } from "./schemas";

/** Marks one notice read, or one campaign's reminders seen. Idempotent. Throws NOT_FOUND. */
export async function markNotificationRead(viewer: Viewer, input: MarkReadInput): Promise<void> {
  const db = await getDb();
  const now = new Date();
  if (input.kind === "notice") {
    const where = await noticeWhere(viewer);
    const n = await db.awardNotice.findFirst({ where: { AND: [{ id: input.id }, where] }, select: { id: true } });
    if (!n) throw notFound();
    await db.awardNotice.updateMany({ where: { id: n.id, userId: viewer.userId, readAt: null }, data: { readAt: now } });
    return;
  }
  const r = await db.registrationReminder.findFirst({ where: { AND: [{ id: input.id }, reminderWhere(viewer)] }, select: { id: true, campaignId: true, memberId: true } });
  if (!r) throw notFound();
  // The bell shows one line per campaign: seeing it covers every reminder of that campaign.
  await db.registrationReminder.updateMany({ where: { campaignId: r.campaignId, memberId: r.memberId, seenAt: null }, data: { seenAt: now } });
}

/** Marks every notice and reminder the viewer sees as read. Returns how many rows changed. */
export async function markAllNotificationsRead(viewer: Viewer): Promise<number> {
  const db = await getDb();
  const now = new Date();
  const where = await noticeWhere(viewer);
  const [a, b] = await db.$transaction([
    db.awardNotice.updateMany({ where: { AND: [where, { readAt: null }] }, data: { readAt: now } }),
    db.registrationReminder.updateMany({ where: reminderWhere(viewer), data: { seenAt: now } }),
  ]);
  return a.count + b.count;
}
