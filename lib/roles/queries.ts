import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { getDb } from "../server/db";
import { can, type Viewer } from "../authz/permissions";
import { schoolScope } from "../authz/scope";
import { getUnitOrThrow } from "../orgs/queries";
import { unitSubtree } from "../schools/queries";
import { notFound } from "../server/errors";
import { compareVietnamese, compareVietnameseNames } from "../format";

/** Roles shown on the role-holder page: the people who run things (plain members are the member list). */
export const HOLDER_ROLES = ["UPPER_STAFF", "PRINCIPAL", "UNION_CHAIR", "GROUP_LEADER"] as const satisfies readonly Role[];
export type HolderRole = (typeof HOLDER_ROLES)[number];

export interface RoleHolder {
  userId: string;
  displayName: string;
  email: string;
  disabled: boolean;
  roles: {
    id: string;
    role: Role;
    /** Where it applies: the school (with the union group for a group leader) or the upper unit. */
    schoolName: string | null;
    groupName: string | null;
    unitName: string | null;
    validFrom: Date;
    validTo: Date | null;
    expired: boolean;
  }[];
}

/**
 * People holding roles in an upper unit and its schools (roles.read: UPPER_STAFF of the unit,
 * ADMIN). Schools are filtered by the viewer's scope as well as the unit's subtree. Throws
 * NOT_FOUND for a unit the viewer does not serve.
 */
export async function listUnitRoleHolders(viewer: Viewer, unitId: string, opts: { role?: HolderRole; includeExpired?: boolean } = {}): Promise<RoleHolder[]> {
  await getUnitOrThrow(viewer, unitId);
  if (!can(viewer, "roles.read", { unitId })) throw notFound();
  const db = await getDb();
  const units = await unitSubtree(unitId);
  const now = new Date();
  const roles = opts.role ? [opts.role] : [...HOLDER_ROLES];
  const where: Prisma.RoleAssignmentWhereInput = {
    AND: [
      { role: { in: roles } },
      {
        OR: [
          { role: "UPPER_STAFF", organisationId: { in: units } },
          { role: { not: "UPPER_STAFF" }, school: { AND: [schoolScope(viewer, "roles.read"), { unionUnitId: { in: units } }] } },
        ],
      },
      opts.includeExpired ? {} : { OR: [{ validTo: null }, { validTo: { gt: now } }] },
    ],
  };
  const rows = await db.roleAssignment.findMany({
    where,
    select: {
      id: true,
      role: true,
      validFrom: true,
      validTo: true,
      user: { select: { id: true, displayName: true, email: true, disabled: true } },
      school: { select: { name: true } },
      unionGroup: { select: { name: true } },
      organisation: { select: { name: true } },
    },
    orderBy: [{ role: "asc" }, { validFrom: "asc" }],
  });
  const byUser = new Map<string, RoleHolder>();
  for (const r of rows) {
    const holder = byUser.get(r.user.id) ?? { userId: r.user.id, displayName: r.user.displayName, email: r.user.email, disabled: r.user.disabled, roles: [] };
    holder.roles.push({
      id: r.id,
      role: r.role,
      schoolName: r.school?.name ?? null,
      groupName: r.unionGroup?.name ?? null,
      unitName: r.organisation?.name ?? null,
      validFrom: r.validFrom,
      validTo: r.validTo,
      expired: !!r.validTo && r.validTo <= now,
    });
    byUser.set(r.user.id, holder);
  }
  const order: Record<Role, number> = { ADMIN: 0, UPPER_STAFF: 1, PRINCIPAL: 2, UNION_CHAIR: 3, GROUP_LEADER: 4, MEMBER: 5 };
  const holders = [...byUser.values()];
  for (const h of holders) h.roles.sort((a, b) => order[a.role] - order[b.role] || compareVietnamese(a.schoolName ?? "", b.schoolName ?? ""));
  return holders.sort((a, b) => order[a.roles[0].role] - order[b.roles[0].role] || compareVietnameseNames(a.displayName, b.displayName));
}
