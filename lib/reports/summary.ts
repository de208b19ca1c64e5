import "server-only";
// The awards reports' precomputed tally (issue 9 "Scale and speed"): "AwardTally" holds award rows
// ("lượt") per decision and school by title, level, kind of recipient and the member's current
// gender and position. Triggers keep it (prisma/migrations/20261203090000_award_tally): Award
// inserts (an issued school or upper-unit decision, a recorded government decision, seeds and the
// province generator alike), Award updates and deletes, and Member updates of gender or position,
// each in the same transaction as the write. Revocations, the decision's date, side and issuer and
// the school's upper unit are not in it: the reports join them live.
//
// `awardTallyDrift` compares the tally with the same grouping computed live from Award × Member:
// the integration test (tests/integration/award-tally.int.test.ts) calls it after every kind of
// write, and an operator can call it on a live database (an empty list means equal).
import type { PrismaClient } from "../generated/prisma/client";

type Db = Pick<PrismaClient, "$queryRaw">;

export interface TallyDrift {
  decisionId: string;
  schoolId: string;
  titleCode: string;
  level: string;
  subject: string;
  gender: string | null;
  position: string | null;
  /** Award rows counted live (0: none). */
  live: number;
  /** The tally's count (0: no row). */
  stored: number;
}

/** Groups where the tally and the live count differ (an empty list: they are equal), at most `limit`. */
export async function awardTallyDrift(db: Db, limit = 100): Promise<TallyDrift[]> {
  return db.$queryRaw<TallyDrift[]>`
    WITH live AS (
      SELECT a."decisionId", a."schoolId", a."titleCode", a."level"::text AS level, a."subject"::text AS subject,
        m."gender"::text AS gender, m."position" AS position, COUNT(*)::int AS n
      FROM "Award" a LEFT JOIN "Member" m ON m."id" = a."memberId"
      GROUP BY 1, 2, 3, 4, 5, 6, 7
    ),
    stored AS (
      SELECT t."decisionId", t."schoolId", t."titleCode", t."level"::text AS level, t."subject"::text AS subject,
        t."gender"::text AS gender, t."position" AS position, t."n"
      FROM "AwardTally" t
    )
    SELECT coalesce(l."decisionId", s."decisionId") AS "decisionId", coalesce(l."schoolId", s."schoolId") AS "schoolId",
      coalesce(l."titleCode", s."titleCode") AS "titleCode", coalesce(l.level, s.level) AS level, coalesce(l.subject, s.subject) AS subject,
      coalesce(l.gender, s.gender) AS gender, coalesce(l.position, s.position) AS position,
      coalesce(l.n, 0)::int AS live, coalesce(s.n, 0)::int AS stored
    FROM live l FULL JOIN stored s
      ON s."decisionId" = l."decisionId" AND s."schoolId" = l."schoolId" AND s."titleCode" = l."titleCode" AND s.level = l.level
        AND s.subject = l.subject AND s.gender IS NOT DISTINCT FROM l.gender AND s.position IS NOT DISTINCT FROM l.position
    WHERE coalesce(l.n, 0) <> coalesce(s.n, 0)
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    LIMIT ${limit}`;
}

/**
 * Rebuilds the tally from Award × Member (a repair; the triggers keep it equal otherwise), in one
 * transaction that holds writes to Award and Member (SHARE locks) while it runs. Returns the number
 * of tally rows.
 */
export async function rebuildAwardTally(db: Pick<PrismaClient, "$transaction" | "$executeRaw">): Promise<number> {
  const [, , rows] = await db.$transaction([
    db.$executeRaw`LOCK TABLE "Award", "Member" IN SHARE MODE`,
    db.$executeRaw`DELETE FROM "AwardTally"`,
    db.$executeRaw`
      INSERT INTO "AwardTally" ("decisionId", "schoolId", "titleCode", "level", "subject", "gender", "position", "n")
      SELECT a."decisionId", a."schoolId", a."titleCode", a."level", a."subject", m."gender", m."position", COUNT(*)::int
      FROM "Award" a LEFT JOIN "Member" m ON m."id" = a."memberId"
      GROUP BY 1, 2, 3, 4, 5, 6, 7`,
  ]);
  return rows;
}
