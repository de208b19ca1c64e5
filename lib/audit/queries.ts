import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { getDb } from "../server/db";
import type { Viewer } from "../authz/permissions";
import { auditScope, schoolScope } from "../authz/scope";
import { getUnitOrThrow } from "../orgs/queries";
import { unitSubtree } from "../schools/queries";
import { notFound } from "../server/errors";
import { checkpointAuditChain, verifyAnchoredChain, type AnchorVerdict } from "./anchor";
import { atLeast, widestScope } from "../authz/decide";

export const AUDIT_PAGE_SIZE = 50;
const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** Whose log: an upper unit's schools (and the unit itself), or one school's. */
export type AuditContext = { unitId: string } | { schoolId: string };

export interface AuditFilters {
  entity?: string;
  /** Calendar days (UTC midnight, as parseDate returns), read as Vietnam days, inclusive. */
  from?: Date | null;
  to?: Date | null;
  page?: number;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorName: string | null;
  actorRole: string | null;
  schoolName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
}

/** The context as a filter, after checking the viewer may look at it (NOT_FOUND otherwise). */
async function contextWhere(viewer: Viewer, ctx: AuditContext): Promise<Prisma.AuditLogWhereInput> {
  if ("unitId" in ctx) {
    await getUnitOrThrow(viewer, ctx.unitId);
    return { organisationId: { in: await unitSubtree(ctx.unitId) } };
  }
  const db = await getDb();
  const school = await db.school.findFirst({ where: { AND: [{ id: ctx.schoolId }, schoolScope(viewer, "audit.read")] }, select: { id: true } });
  if (!school) throw notFound();
  return { schoolId: school.id };
}

/**
 * The audit log (audit.read through auditScope: chairs and principals their school's rows,
 * upper staff the rows of their units' schools, admins all), newest first, 50 a page,
 * filtered by entity type and Vietnam-time date range. Actor and school names are fetched
 * in one query each for the whole page, not per row. Throws NOT_FOUND outside scope.
 */
export async function listAuditLog(viewer: Viewer, ctx: AuditContext, f: AuditFilters = {}) {
  const db = await getDb();
  const base: Prisma.AuditLogWhereInput = { AND: [auditScope(viewer), await contextWhere(viewer, ctx)] };
  const at: Prisma.DateTimeFilter = {};
  if (f.from) at.gte = new Date(f.from.getTime() - VN_OFFSET_MS);
  if (f.to) at.lt = new Date(f.to.getTime() + DAY_MS - VN_OFFSET_MS);
  const where: Prisma.AuditLogWhereInput = {
    AND: [base, f.entity ? { entity: f.entity } : {}, at.gte || at.lt ? { at } : {}],
  };
  const page = f.page ?? 1;
  const [rows, total, entities] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, actorUserId: true, actorRole: true, schoolId: true, action: true, entity: true, entityId: true, before: true, after: true },
    }),
    db.auditLog.count({ where }),
    db.auditLog.groupBy({ by: ["entity"], where: base, orderBy: { entity: "asc" } }),
  ]);

  const ids = (pick: (r: (typeof rows)[number]) => string | null) => [...new Set(rows.map(pick).filter((x): x is string => !!x))];
  const actorIds = ids((r) => r.actorUserId);
  const schoolIds = ids((r) => r.schoolId);
  const [users, schools, names] = await Promise.all([
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } }) : [],
    schoolIds.length ? db.school.findMany({ where: { id: { in: schoolIds } }, select: { id: true, name: true } }) : [],
    referencedNames(db, rows),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  const schoolName = new Map(schools.map((s) => [s.id, s.name]));

  const out: AuditRow[] = rows.map((r) => ({
    id: r.id.toString(),
    at: r.at,
    actorName: r.actorUserId ? (userName.get(r.actorUserId) ?? null) : null,
    actorRole: r.actorRole,
    schoolName: r.schoolId ? (schoolName.get(r.schoolId) ?? null) : null,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  }));
  return { rows: out, total, page, pageSize: AUDIT_PAGE_SIZE, entities: entities.map((e) => e.entity), names };
}

/**
 * Names for ids that appear in the diffs (upper units, union groups), so "unionGroupId:
 * grp_sta_k3" reads "Tổ CĐ Khối 3". Two queries for the whole page.
 */
async function referencedNames(db: Awaited<ReturnType<typeof getDb>>, rows: { before: Prisma.JsonValue; after: Prisma.JsonValue }[]): Promise<Record<string, string>> {
  const orgIds = new Set<string>();
  const groupIds = new Set<string>();
  for (const r of rows)
    for (const side of [r.before, r.after]) {
      if (!side || typeof side !== "object" || Array.isArray(side)) continue;
      for (const [k, v] of Object.entries(side)) {
        if (typeof v !== "string") continue;
        if (k === "unionUnitId" || k === "govUnitId" || k === "organisationId") orgIds.add(v);
        else if (k === "unionGroupId") groupIds.add(v);
      }
    }
  const [orgs, groups] = await Promise.all([
    orgIds.size ? db.organisation.findMany({ where: { id: { in: [...orgIds] } }, select: { id: true, name: true } }) : [],
    groupIds.size ? db.unionGroup.findMany({ where: { id: { in: [...groupIds] } }, select: { id: true, name: true } }) : [],
  ]);
  return Object.fromEntries([...orgs, ...groups].map((x) => [x.id, x.name]));
}

export type ChainStatus = AnchorVerdict;

/**
 * The audit chain's verdict (lib/audit/anchor.ts): tampered (audit_verify()), truncated or
 * re-chained against the checkpoints kept outside the database and the rows' HMAC seals.
 * With `checkpoint` (the audit pages) an intact chain is also checkpointed, at most every
 * AUDIT_CHECKPOINT_MINUTES. Only for admins and upper-unit staff; null for everyone else.
 */
export async function verifyAuditChain(viewer: Viewer, opts: { checkpoint?: boolean } = {}): Promise<ChainStatus | null> {
  // Those who read audit rows beyond one school: an upper unit's staff, an administrator.
  if (!atLeast(widestScope(viewer, "audit.read"), "unit")) return null;
  const db = await getDb();
  if (!opts.checkpoint) return verifyAnchoredChain(db);
  try {
    return (await checkpointAuditChain(db)).verdict;
  } catch (e) {
    // The checkpoint file cannot be written (read-only disk…): still show the verdict.
    console.error("audit checkpoint failed", e);
    return verifyAnchoredChain(db);
  }
}
