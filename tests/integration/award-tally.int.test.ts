// The awards reports' precomputed tally (issue 9: "A precomputed summary has a test that it equals
// the live computation after every kind of write that feeds it"). "AwardTally" is kept by triggers
// (prisma/migrations/20261203090000_award_tally); after each kind of write below, on the demo data
// with history, routes and real viewers:
//   - the tally equals the live grouping of Award × Member (lib/reports/summary.ts awardTallyDrift),
//   - and the awards report the app builds from the tally equals the same report computed live from
//     the Award rows (the query the report ran before the tally), for a union term and a school year.
// Writes: the seeds (migration backfill and seeded inserts), a decision issued by the upper union
// (lib/awards/mutations.ts issueDecision), an award recorded on its own, a government decision
// recorded with several awards in one statement, a revocation (revokeDecision), a member's position
// and gender changed (one row, then several in one statement), an award's deletion and update
// (refused by the immutability triggers: the tally stays equal), and a rebuild (the repair).
// Runs on PostgreSQL (DATABASE_URL) and on PGlite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO } from "@/lib/seed/demo";
import { seedRoutesDemo } from "@/lib/seed/routes-demo";
import { issueDecision, revokeDecision } from "@/lib/awards/mutations";
import { getAwardsReport } from "@/lib/reports/queries";
import { buildAwardsTable, type AwardGroupRow } from "@/lib/reports/awards-rules";
import { schoolYearPeriod, unionTermPeriod, type Period } from "@/lib/reports/period";
import { awardTallyDrift, rebuildAwardTally } from "@/lib/reports/summary";
import { unitDescendants } from "@/lib/orgs/tree";
import type { TestDb } from "./harness";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";

let t: TestDb;
let v: DemoViewers;
let p: PrismaClient;
const UNIT = DEMO.orgs.CDGD_SONTHUY;
const Y25 = DEMO.years.Y2025;
const d = (s: string) => new Date(`${s}T00:00:00Z`);
let term: Period;
let year: Period;

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ history: true }));
  p = t.prisma;
  await seedRoutesDemo(p);
  const row = (await p.unionTerm.findFirst({ where: { organisationId: UNIT } })) ?? (await p.unionTerm.create({ data: { id: "nk_tally", organisationId: UNIT, label: "2023–2028", startsOn: d("2023-10-01"), endsOn: d("2028-09-30") } }));
  term = unionTermPeriod(row);
  year = schoolYearPeriod(await p.schoolYear.findUniqueOrThrow({ where: { id: Y25 }, select: { id: true, label: true, startsOn: true, endsOn: true } }));
}, 240_000);

afterAll(async () => {
  await t?.drop();
});

/** The report's grouping computed live from every Award row (the pre-tally query). */
async function liveGroups(period: Period): Promise<AwardGroupRow[]> {
  const subtree = await unitDescendants(p, UNIT);
  return p.$queryRaw<AwardGroupRow[]>`
    SELECT a."titleCode", a."level"::text AS level, a."subject"::text AS subject,
      COALESCE(d."side"::text, CASE WHEN o."type" IN ('PHONG_GD', 'SO_GD', 'UBND_XA') THEN 'STATE' ELSE 'UNION' END) AS side,
      o."type"::text AS "orgType", (d."organisationId" = s."unionUnitId") AS "directUpper",
      m."gender"::text AS gender, m."position" AS position, COUNT(*)::int AS n
    FROM "Award" a
    JOIN "AwardDecision" d ON d."id" = a."decisionId"
    JOIN "Organisation" o ON o."id" = d."organisationId"
    JOIN "School" s ON s."id" = a."schoolId"
    LEFT JOIN "Member" m ON m."id" = a."memberId"
    WHERE s."unionUnitId" IN (${Prisma.join(subtree)})
      AND d."signedOn" BETWEEN ${period.from}::date AND ${period.to}::date
      AND NOT EXISTS (SELECT 1 FROM "DecisionRevocation" r WHERE r."decisionId" = d."id")
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
}

/** The tally equals the live count, and the report read from it equals the report computed live. */
async function expectEqual(step: string) {
  expect(await awardTallyDrift(p), `${step}: tally vs Award × Member`).toEqual([]);
  for (const period of [term, year]) {
    const app = await getAwardsReport(v.UPPER_SONTHUY, UNIT, period);
    expect(app.table, `${step}: report over ${period.label}`).toEqual(buildAwardsTable(await liveGroups(period)));
  }
}

const tallyTotal = async () => Number((await p.$queryRaw<{ n: bigint | number | null }[]>`SELECT sum("n") AS n FROM "AwardTally"`)[0].n ?? 0);

describe("the awards tally equals the live count", () => {
  it("after the seeds (the migration's backfill and the seeded decisions)", async () => {
    expect(await p.award.count()).toBeGreaterThan(0);
    expect(await tallyTotal()).toBe(await p.award.count());
    await expectEqual("seeds");
  });

  let issued = "";
  it("after a decision issued by the upper union (issueDecision)", async () => {
    const pkg = await p.nominationPackage.create({ data: { schoolId: DEMO.schools.KD, schoolYearId: Y25, organisationId: UNIT, title: "Đề nghị khen thưởng (kiểm thử bảng tổng hợp)", status: "SUBMITTED" } });
    const members = await p.member.findMany({ where: { schoolId: DEMO.schools.KD, status: "ACTIVE" }, select: { id: true, fullName: true }, take: 3, orderBy: { id: "asc" } });
    const items = [];
    for (const m of members) {
      items.push(await p.nominationItem.create({ data: { packageId: pkg.id, schoolId: DEMO.schools.KD, subject: "MEMBER", memberId: m.id, nomineeName: m.fullName, titleCode: "GK_CD_CAP_TREN", level: "DIRECT_UPPER", achievementKey: "tally:2025", status: "APPROVED" } }));
    }
    const before = await p.award.count();
    issued = (
      await issueDecision(v.UPPER_SONTHUY, { unitId: UNIT, schoolYearId: Y25, number: "77/QĐ-TALLY", signedOn: d("2026-05-20"), signerName: "Phạm Quang Vinh", signerTitle: "Chủ tịch", issuerName: "Công đoàn Giáo dục huyện Sơn Thủy", level: "DIRECT_UPPER", summary: undefined, itemIds: items.map((i) => i.id), idempotencyKey: "tally-issue-1" })
    ).id;
    expect(await p.award.count()).toBe(before + 3);
    expect(await tallyTotal()).toBe(before + 3);
    await expectEqual("decision issued");
  });

  it("after an award recorded on its own, and a government decision recorded with several awards in one statement", async () => {
    const [m] = await p.member.findMany({ where: { schoolId: DEMO.schools.STA, status: "ACTIVE" }, select: { id: true, fullName: true }, take: 1, orderBy: { id: "desc" } });
    const own = await p.awardDecision.create({ data: { organisationId: UNIT, schoolYearId: Y25, number: "78/QĐ-TALLY", signedOn: d("2026-05-21"), signerName: "Phạm Quang Vinh", signerTitle: "Chủ tịch", issuerName: "Công đoàn Giáo dục huyện Sơn Thủy", level: "DIRECT_UPPER", side: "UNION" } });
    await p.award.create({ data: { decisionId: own.id, schoolId: DEMO.schools.STA, schoolYearId: Y25, subject: "MEMBER", memberId: m.id, recipientName: m.fullName, titleCode: "GK_CD_CAP_TREN", level: "DIRECT_UPPER", achievementKey: "tally:own" } });
    await expectEqual("award recorded");

    // A government decision (side STATE) naming members, a union group and the school at once.
    const members = await p.member.findMany({ where: { schoolId: DEMO.schools.STA, status: "ACTIVE" }, select: { id: true, fullName: true }, take: 4, orderBy: { id: "asc" } });
    const group = await p.unionGroup.findFirstOrThrow({ where: { schoolId: DEMO.schools.STA } });
    const gov = await p.awardDecision.create({ data: { organisationId: DEMO.orgs.UBND_SONTHUY, schoolId: DEMO.schools.STA, schoolYearId: Y25, number: "79/QĐ-UBND", signedOn: d("2026-05-22"), signerName: "Lương Văn Sơn", signerTitle: "Chủ tịch", issuerName: "UBND xã Sơn Thủy", level: "DIRECT_UPPER", side: "STATE" } });
    await p.award.createMany({
      data: [
        ...members.map((x) => ({ decisionId: gov.id, schoolId: DEMO.schools.STA, schoolYearId: Y25, subject: "MEMBER" as const, memberId: x.id, recipientName: x.fullName, titleCode: "GK_UBND_XA", level: "DIRECT_UPPER" as const, achievementKey: "tally:gov" })),
        { decisionId: gov.id, schoolId: DEMO.schools.STA, schoolYearId: Y25, subject: "UNION_GROUP", unionGroupId: group.id, recipientName: group.name, titleCode: "GK_UBND_XA", level: "DIRECT_UPPER", achievementKey: "tally:gov:g" },
        { decisionId: gov.id, schoolId: DEMO.schools.STA, schoolYearId: Y25, subject: "SCHOOL", recipientName: "Trường", titleCode: "GK_UBND_XA", level: "DIRECT_UPPER", achievementKey: "tally:gov:s" },
        { decisionId: gov.id, schoolId: DEMO.schools.STA, schoolYearId: Y25, subject: "SCHOOL", recipientName: "Trường (lần 2)", titleCode: "GK_UBND_XA", level: "DIRECT_UPPER", achievementKey: "tally:gov:s2" },
      ],
    });
    // Two collective awards without a member share one tally row (NULL gender and position are one group).
    expect((await p.awardTally.findFirstOrThrow({ where: { decisionId: gov.id, subject: "SCHOOL" } })).n).toBe(2);
    await expectEqual("government decision recorded");
  });

  it("after a revocation (revokeDecision): the tally keeps the awards, the report drops them", async () => {
    const tallied = await tallyTotal();
    const before = await getAwardsReport(v.UPPER_SONTHUY, UNIT, term);
    await revokeDecision(v.UPPER_SONTHUY, { decisionId: issued, reason: "Thu hồi để kiểm tra bảng tổng hợp.", number: undefined, revokedOn: d("2026-06-01"), submissionKey: "tally-revoke-1" });
    expect(await tallyTotal()).toBe(tallied);
    const after = await getAwardsReport(v.UPPER_SONTHUY, UNIT, term);
    expect(after.table).not.toEqual(before.table);
    await expectEqual("revocation");
  });

  it("after a member's position and gender change (one row, then several in one statement)", async () => {
    const awarded = await p.award.findFirstOrThrow({ where: { memberId: { not: null }, school: { unionUnitId: UNIT } }, select: { memberId: true } });
    await p.member.update({ where: { id: awarded.memberId! }, data: { position: "Hiệu trưởng" } });
    await expectEqual("position changed");
    await p.member.update({ where: { id: awarded.memberId! }, data: { position: null } });
    await expectEqual("position cleared");
    const m = await p.member.findUniqueOrThrow({ where: { id: awarded.memberId! }, select: { gender: true } });
    await p.member.update({ where: { id: awarded.memberId! }, data: { gender: m.gender === "NU" ? "NAM" : "NU" } });
    await expectEqual("gender changed");
    // Several members at once (as an import does), and an update that changes neither field.
    await p.member.updateMany({ where: { schoolId: DEMO.schools.STA, awards: { some: {} } }, data: { position: "Tổ trưởng chuyên môn" } });
    await expectEqual("positions changed in bulk");
    await p.member.updateMany({ where: { schoolId: DEMO.schools.STA }, data: { ethnicity: "Kinh" } });
    await expectEqual("other fields changed");
  });

  it("after an award deletion or update is refused (immutable): nothing half-applied", async () => {
    const a = await p.award.findFirstOrThrow({ where: { decisionId: issued } });
    await expect(p.award.delete({ where: { id: a.id } })).rejects.toThrow();
    await expect(p.award.update({ where: { id: a.id }, data: { titleCode: "LDTT" } })).rejects.toThrow();
    await expectEqual("refused delete / update");
  });

  it("a damaged tally is noticed, and the rebuild repairs it", async () => {
    await p.$executeRaw`UPDATE "AwardTally" SET "n" = "n" + 1 WHERE "id" = (SELECT min("id") FROM "AwardTally")`;
    expect((await awardTallyDrift(p)).length).toBe(1);
    await rebuildAwardTally(p);
    await expectEqual("rebuilt");
  });
});
