import "server-only";
// The organisation tree (upper units: LĐLĐ → công đoàn ngành, Sở → Phòng…), walked in ONE query
// each way with a recursive CTE. Every place that needs "this unit and everything below" (what
// an upper unit sees, reviews, reports) or "this unit and everything above" (whose settings and
// campaigns reach a school) asks here. The depth bound stops a cycle from looping forever.
import { Prisma, type PrismaClient } from "../generated/prisma/client";

type Db = Pick<PrismaClient, "$queryRaw"> | Pick<Prisma.TransactionClient, "$queryRaw">;

/** Deeper than any real tree (national → province → district → commune is 4). */
const MAX_DEPTH = 32;

/** The given units and every unit below them, nearest first (roots, children, grandchildren…). */
export async function unitDescendants(db: Db, roots: string | readonly string[]): Promise<string[]> {
  const ids = [...new Set(typeof roots === "string" ? [roots] : roots)];
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree (id, depth) AS (
      SELECT o."id", 0 FROM "Organisation" o WHERE o."id" IN (${Prisma.join(ids)})
      UNION ALL
      SELECT c."id", tree.depth + 1 FROM "Organisation" c JOIN tree ON c."parentId" = tree.id
      WHERE tree.depth < ${MAX_DEPTH}
    )
    SELECT id FROM tree GROUP BY id ORDER BY MIN(depth), id`;
  return rows.map((r) => r.id);
}

/**
 * The walk up as a CTE named `chain (id, "parentId", depth)`, for a statement that needs the unit
 * chain inside a larger query: `WITH RECURSIVE ${ancestorChainCte(unitId)}, … SELECT … FROM chain`;
 * the start may be a scalar subquery (a school's upper unit read in the same statement).
 * The one place besides unitDescendants that walks the tree (tests/unit/org-tree-module.test.ts).
 */
export function ancestorChainCte(unitId: string | Prisma.Sql): Prisma.Sql {
  // A string is the unit's id (a parameter); a Prisma.Sql is a scalar subquery naming it.
  return Prisma.sql`chain (id, "parentId", depth) AS (
      SELECT o."id", o."parentId", 0 FROM "Organisation" o WHERE o."id" = ${unitId}
      UNION ALL
      SELECT p."id", p."parentId", chain.depth + 1 FROM "Organisation" p JOIN chain ON p."id" = chain."parentId"
      WHERE chain.depth < ${MAX_DEPTH}
    )`;
}

/** The unit and every unit above it, nearest first (the unit, its parent, … the root). */
export async function unitAncestors(db: Db, unitId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE ${ancestorChainCte(unitId)}
    SELECT id FROM chain ORDER BY depth`;
  return [...new Set(rows.map((r) => r.id))];
}
