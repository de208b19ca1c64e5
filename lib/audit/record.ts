import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { actorRoles } from "../authz/scope";
import { sealOf } from "./anchor";

type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  schoolId?: string | null;
  /** The upper unit the change belongs to (a school's union-side unit, or the unit itself). */
  organisationId?: string | null;
  before?: unknown;
  after?: unknown;
}

function json(v: unknown): Prisma.InputJsonValue | undefined {
  if (v === undefined || v === null) return undefined;
  return JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x)));
}

/**
 * Writes one audit row inside the caller's transaction; the database chains its hash, and the
 * row's seal (HMAC of its hash under the key outside the database, lib/audit/anchor.ts) is
 * written in the same transaction.
 */
export async function record(tx: Tx, viewer: Viewer | null, e: AuditEntry): Promise<void> {
  const roles = viewer ? actorRoles(viewer, e.schoolId) : [];
  const row = await tx.auditLog.create({
    select: { id: true, hash: true },
    data: {
      actorUserId: viewer?.userId ?? null,
      actorRole: roles.join(",") || null,
      schoolId: e.schoolId ?? null,
      organisationId: e.organisationId ?? null,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: json(e.before),
      after: json(e.after),
      prevHash: "",
      hash: "",
    },
  });
  await tx.auditSeal.create({ data: { auditId: row.id, mac: sealOf(row.id, row.hash) } });
}
