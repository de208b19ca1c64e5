// The scoring demo data: loads on top of seedDemo, once; its sealed snapshots verify, its stored
// totals and classifications are what the pure functions say, and this year's draft is ready to
// be adopted in the browser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./harness";
import { seedDemo } from "@/lib/seed/demo";
import { SCORING_DEMO, seedScoringDemo } from "@/lib/seed/scoring-demo";
import { computeStage } from "@/lib/scoring/rules";
import { stageDataOf } from "@/lib/scoring/load";
import { TEMPLATE_100 } from "@/lib/scoring/templates";
import { verifySnapshot } from "@/lib/scoring/snapshot";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.prisma);
});
afterAll(() => t?.drop());

describe("seedScoringDemo", () => {
  it("loads once", async () => {
    const first = await seedScoringDemo(t.prisma);
    expect(first.created).toBe(true);
    expect(first.counts.scoreSheets).toBe(36 * 2);
    expect((await seedScoringDemo(t.prisma)).created).toBe(false);
  });

  it("stores totals and classifications the pure functions agree with, and intact snapshots", async () => {
    const stages = await t.prisma.scoreStage.findMany({ where: { sheet: { periodId: SCORING_DEMO.periods.STA_LAST_YEAR } } });
    expect(stages).toHaveLength(36 * 3);
    for (const s of stages) {
      const r = computeStage(TEMPLATE_100, stageDataOf(s.data));
      expect([s.totalTenths, s.classification]).toEqual([r.total, r.classification?.label ?? null]);
    }
    const labels = new Set(stages.map((s) => s.classification));
    expect(labels.size).toBeGreaterThan(1);
    const snaps = await t.prisma.sealedSnapshot.findMany();
    expect(snaps).toHaveLength(3 + 2);
    for (const s of snaps) expect(verifySnapshot(s)).toBe(true);
  });

  it("leaves this year's drive waiting for the council: self and group sealed, council entries complete", async () => {
    const period = await t.prisma.scorePeriod.findUniqueOrThrow({ where: { id: SCORING_DEMO.periods.STA_DRIVE }, include: { campaign: true, scaleVersion: true, snapshots: true } });
    expect([period.state, period.campaign.state]).toEqual(["COUNCIL_REVIEW", "SCORING"]);
    expect(period.scaleVersion.adoptedAt).not.toBeNull();
    expect(period.snapshots.map((s) => s.stage).sort()).toEqual(["GROUP", "SELF"]);
    const incomplete = await t.prisma.scoreSheet.count({ where: { periodId: period.id, stages: { none: { stage: "COUNCIL", complete: true } } } });
    expect(incomplete).toBe(0);
  });

  it("leaves this year's (2026–2027) scale as a draft and the campaign open", async () => {
    const draft = await t.prisma.scaleVersion.findUniqueOrThrow({ where: { id: SCORING_DEMO.versions.STA_CURRENT } });
    expect(draft.adoptedAt).toBeNull();
    expect((await t.prisma.campaign.findUniqueOrThrow({ where: { id: SCORING_DEMO.campaigns.STA_CURRENT } })).state).toBe("OPEN");
  });
});
