import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { getDb } from "../server/db";
import type { Viewer } from "../authz/permissions";
import { auditScope } from "../authz/scope";
import { schoolFor } from "../authz/load";
import { getUnitOrThrow } from "../orgs/queries";
import { unitSubtree } from "../schools/queries";
import { checkpointAuditChain, verifyAnchoredChain, type AnchorVerdict } from "./anchor";
import { atLeast, widestScope } from "../authz/decide";
import { compareVietnameseNames, formatDate } from "../format";
import { ID_FIELDS } from "./id-fields";

export const AUDIT_PAGE_SIZE = 50;
const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** Whose log: an upper unit's schools (and the unit itself), or one school's. */
export type AuditContext = { unitId: string } | { schoolId: string };

export interface AuditFilters {
  entity?: string;
  /** An action code ("plan.sign_gov"). */
  action?: string;
  /** The user who did it. */
  actorId?: string;
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
  schoolId: string | null;
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
  const school = await schoolFor(viewer, ctx.schoolId, "audit.read", await getDb(), { id: true });
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
    AND: [base, f.entity ? { entity: f.entity } : {}, f.action ? { action: f.action } : {}, f.actorId ? { actorUserId: f.actorId } : {}, at.gte || at.lt ? { at } : {}],
  };
  const page = f.page ?? 1;
  const [rows, total, entities, actions, actorRows] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, actorUserId: true, actorRole: true, schoolId: true, action: true, entity: true, entityId: true, before: true, after: true },
    }),
    db.auditLog.count({ where }),
    db.auditLog.groupBy({ by: ["entity"], where: base, orderBy: { entity: "asc" } }),
    db.auditLog.groupBy({ by: ["action"], where: base, orderBy: { action: "asc" } }),
    db.auditLog.groupBy({ by: ["actorUserId"], where: base }),
  ]);
  const actorIdsAll = actorRows.map((a) => a.actorUserId).filter((x): x is string => !!x);
  const actorUsers = actorIdsAll.length ? await db.user.findMany({ where: { id: { in: actorIdsAll } }, select: { id: true, displayName: true } }) : [];
  const actors = actorUsers.map((u) => ({ id: u.id, name: u.displayName })).sort((a, b) => compareVietnameseNames(a.name, b.name));

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
    schoolId: r.schoolId,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  }));
  return { rows: out, total, page, pageSize: AUDIT_PAGE_SIZE, entities: entities.map((e) => e.entity), actions: actions.map((a) => a.action), actors, names };
}

type IdKind = (typeof ID_FIELDS)[keyof typeof ID_FIELDS];

/** The row's own id looked up by its entity type, so "CoordinationPlan cpl_…" reads as the plan. */
const ENTITY_KIND: Partial<Record<string, IdKind>> = {
  Member: "member",
  UnionGroup: "group",
  School: "school",
  CoordinationPlan: "plan",
  JointMeeting: "meeting",
  Campaign: "campaign",
  ScoringScale: "scale",
  ScaleVersion: "scaleVersion",
  ScoreSheet: "sheet",
  NominationPackage: "package",
  NominationItem: "item",
};

type Db = Awaited<ReturnType<typeof getDb>>;
const NAME_LOADERS: Record<IdKind, (db: Db, ids: string[]) => Promise<[string, string][]>> = {
  member: async (db, ids) => (await db.member.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true } })).map((x) => [x.id, x.fullName]),
  group: async (db, ids) => (await db.unionGroup.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((x) => [x.id, x.name]),
  org: async (db, ids) => (await db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((x) => [x.id, x.name]),
  school: async (db, ids) => (await db.school.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((x) => [x.id, x.name]),
  year: async (db, ids) => (await db.schoolYear.findMany({ where: { id: { in: ids } }, select: { id: true, label: true } })).map((x) => [x.id, x.label]),
  item: async (db, ids) => (await db.nominationItem.findMany({ where: { id: { in: ids } }, select: { id: true, nomineeName: true } })).map((x) => [x.id, x.nomineeName]),
  package: async (db, ids) => (await db.nominationPackage.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((x) => [x.id, x.title]),
  campaign: async (db, ids) => (await db.campaign.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((x) => [x.id, x.name]),
  meeting: async (db, ids) =>
    (await db.jointMeeting.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, scheduledOn: true } })).map((x) => [x.id, `${x.title} (${formatDate(x.scheduledOn)})`]),
  sheet: async (db, ids) => (await db.scoreSheet.findMany({ where: { id: { in: ids } }, select: { id: true, member: { select: { fullName: true } } } })).map((x) => [x.id, x.member.fullName]),
  scale: async (db, ids) => (await db.scoringScale.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((x) => [x.id, x.name]),
  scaleVersion: async (db, ids) =>
    (await db.scaleVersion.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, scale: { select: { name: true } } } })).map((x) => [x.id, `${x.scale.name}, phiên bản ${x.number}`]),
  plan: async (db, ids) =>
    (await db.coordinationPlan.findMany({ where: { id: { in: ids } }, select: { id: true, revision: true, schoolYear: { select: { label: true } } } })).map((x) => [
      x.id,
      `Kế hoạch năm học ${x.schoolYear.label}${x.revision > 1 ? ` (sửa đổi lần ${x.revision - 1})` : ""}`,
    ]),
};

/**
 * Names for the ids on a page (the rows' own entity ids and the ids in their diffs: members,
 * groups, units, school years, nominees, plans…), so "unionGroupId: grp_sta_k3" reads "Tổ CĐ
 * Khối 3" and "CoordinationPlan cpl_…" the plan. At most one query per kind for the whole page.
 */
async function referencedNames(db: Db, rows: { entity: string; entityId: string; before: Prisma.JsonValue; after: Prisma.JsonValue }[]): Promise<Record<string, string>> {
  const wanted = new Map<IdKind, Set<string>>();
  const want = (kind: IdKind, v: unknown) => {
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === "string" && x) (wanted.get(kind) ?? wanted.set(kind, new Set()).get(kind)!).add(x);
  };
  const walk = (o: Prisma.JsonValue, depth: number) => {
    if (!o || typeof o !== "object" || Array.isArray(o) || depth > 2) return;
    for (const [k, v] of Object.entries(o)) {
      const kind = ID_FIELDS[k];
      if (kind) want(kind, v);
      else if (v && typeof v === "object" && !Array.isArray(v)) walk(v, depth + 1);
    }
  };
  for (const r of rows) {
    const own = ENTITY_KIND[r.entity];
    if (own) want(own, r.entityId);
    walk(r.before, 0);
    walk(r.after, 0);
  }
  const found = await Promise.all([...wanted].map(([kind, ids]) => NAME_LOADERS[kind](db, [...ids].slice(0, 2000))));
  return Object.fromEntries(found.flat());
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
