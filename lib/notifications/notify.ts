import "server-only";
// Notices (the bell, queries.ts): to the members of a school (the public posting of a nomination
// list); to the other side of a coordination plan (sent for signing, signed, returned, commented);
// to the member an award decision names, and to the members whose awards a revocation cancels.
// Each is written in the transaction of the step it tells.
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { PERMISSIONS, type Capability } from "../authz/permissions";

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

/** Roles whose grants include every one of `caps` at school scope (from the permission table). */
function schoolRolesWith(caps: readonly Capability[]): Role[] {
  return (Object.keys(PERMISSIONS) as Role[]).filter((r) => caps.every((c) => PERMISSIONS[r][c] === "school"));
}

/**
 * One notice to each person currently holding, at the school, a role that carries all of `caps`
 * (e.g. plan.sign_union: the union chair), except `exceptUserId` (the person acting). Returns how
 * many were written.
 */
export async function notifySchoolHolders(tx: Tx, schoolId: string, caps: readonly Capability[], message: string, link: string, exceptUserId: string | null = null): Promise<number> {
  const now = new Date();
  const roles = await tx.roleAssignment.findMany({
    where: { schoolId, role: { in: schoolRolesWith(caps) }, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }], user: { disabled: false } },
    select: { userId: true },
  });
  const users = [...new Set(roles.map((r) => r.userId))].filter((u) => u !== exceptUserId);
  if (users.length) await tx.awardNotice.createMany({ data: users.map((userId) => ({ userId, schoolId, message, link })) });
  return users.length;
}

/** The two sides of a school's coordination plan, by the capabilities that make them (lib/plans/rules.ts). */
export const PLAN_SIDE_CAPS = {
  gov: ["plan.edit", "plan.sign_school"],
  union: ["plan.sign_union"],
} as const satisfies Record<string, readonly Capability[]>;

/**
 * A step of a school's plan, told to the other side (the bell): sending for signing, withdrawing,
 * signing and returning by one side reach the other; a comment reaches the side that did not
 * write it. `side` is the side of the person acting.
 */
export async function notifyPlanStep(
  tx: Tx,
  plan: { id: string; schoolId: string; revision: number; yearLabel: string },
  side: "gov" | "union",
  step: "submit" | "withdraw" | "return" | "sign_gov" | "sign_union" | "comment",
  actor: { userId: string; displayName: string },
  extra: { completed?: boolean; sectionLabel?: string } = {},
): Promise<number> {
  const what = `kế hoạch phối hợp năm học ${plan.yearLabel}${plan.revision > 1 ? ` (sửa đổi lần ${plan.revision - 1})` : ""}`;
  const by = side === "gov" ? `Hiệu trưởng ${actor.displayName}` : `Chủ tịch Công đoàn ${actor.displayName}`;
  const text: Record<typeof step, string> = {
    submit: `${by} đã trình ký ${what}: kế hoạch chờ bạn ký.`,
    withdraw: `${by} đã rút ${what} về dự thảo.`,
    return: `${by} đã trả lại ${what} để sửa; xem góp ý trên kế hoạch.`,
    sign_gov: extra.completed ? `${by} đã ký ${what}: kế hoạch đã ký kết.` : `${by} đã ký ${what}: kế hoạch chờ bạn ký.`,
    sign_union: extra.completed ? `${by} đã ký ${what}: kế hoạch đã ký kết.` : `${by} đã ký ${what}: kế hoạch chờ bạn ký.`,
    comment: `${by} đã góp ý ${extra.sectionLabel ? `mục "${extra.sectionLabel}" của ` : ""}${what}.`,
  };
  const other = side === "gov" ? PLAN_SIDE_CAPS.union : PLAN_SIDE_CAPS.gov;
  return notifySchoolHolders(tx, plan.schoolId, other, text[step], `/truong/${plan.schoolId}/ke-hoach/${plan.id}`, actor.userId);
}

/**
 * One notice to each member named by `awards` who has an active account (once per member, with
 * the titles of their awards in `message`), linking to their own page. Returns how many were written.
 */
async function notifyMembersOfAwards(tx: Tx, awards: { memberId: string | null; schoolId: string; title: string }[], message: (titles: string) => string): Promise<number> {
  const byMember = new Map<string, { schoolId: string; titles: string[] }>();
  for (const a of awards) {
    if (!a.memberId) continue;
    const e = byMember.get(a.memberId) ?? { schoolId: a.schoolId, titles: [] };
    if (!e.titles.includes(a.title)) e.titles.push(a.title);
    byMember.set(a.memberId, e);
  }
  if (!byMember.size) return 0;
  const users = await tx.user.findMany({ where: { disabled: false, memberId: { in: [...byMember.keys()] } }, select: { id: true, memberId: true } });
  const data = users.map((u) => {
    const e = byMember.get(u.memberId!)!;
    return { userId: u.id, schoolId: e.schoolId, message: message(e.titles.join(", ")), link: "/ca-nhan" };
  });
  if (data.length) await tx.awardNotice.createMany({ data });
  return data.length;
}

/**
 * The members an award decision names (each live award of a member who has an account): "you were
 * awarded …", in the same transaction as the decision. Returns how many notices were written.
 */
export async function notifyAwardedMembers(tx: Tx, awards: { memberId: string | null; schoolId: string; title: string }[], decision: { number: string; issuerName: string }): Promise<number> {
  return notifyMembersOfAwards(tx, awards, (titles) => `Bạn được khen thưởng: ${titles} (Quyết định số ${decision.number} của ${decision.issuerName}).`);
}

/**
 * The members whose awards a revoked decision cancels (each member with an account, once):
 * "Quyết định số … về … đã bị thu hồi: <reason>", in the same transaction as the revocation.
 * Returns how many notices were written.
 */
export async function notifyRevokedMembers(tx: Tx, awards: { memberId: string | null; schoolId: string; title: string }[], decision: { number: string }, reason: string): Promise<number> {
  return notifyMembersOfAwards(tx, awards, (titles) => `Quyết định số ${decision.number} về ${titles} đã bị thu hồi: ${reason}`);
}
