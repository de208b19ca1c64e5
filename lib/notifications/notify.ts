import "server-only";
// Notices to the members of a school (the public posting of a nomination list): one AwardNotice
// to each active member who has an account. The bell (queries.ts) shows them while the reader
// still belongs to that school.
import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** One notice to each signed-up, active member of the school. Returns how many were written. */
export async function notifySchoolMembers(tx: Tx, schoolId: string, message: string, link: string): Promise<number> {
  const users = await tx.user.findMany({
    where: { disabled: false, member: { schoolId, status: { not: "LEFT" } } },
    select: { id: true },
  });
  if (!users.length) return 0;
  await tx.awardNotice.createMany({ data: users.map((u) => ({ userId: u.id, schoolId, message, link })) });
  return users.length;
}
