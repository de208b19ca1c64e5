// The member's registrations come out of the dashboard's query (lib/dashboards/member.ts) already
// in the order the page shows them (components/dashboards/member-summary.tsx lists them as they
// come): the latest school year first, by its start (the history demo writes 2023–2024 and
// 2024–2025 after 2025–2026, so the order of writing would list an older year first), then by
// campaign name (the database's order), every campaign's rows together.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { SCORING_DEMO } from "@/lib/seed/scoring-demo";
import { getMemberDashboard } from "@/lib/dashboards/member";

let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true, history: true }));
});
afterAll(() => t?.drop());

/** The first year of a school-year label ("2025–2026" → 2025). */
const startOf = (label: string) => Number(/\d{4}/.exec(label)![0]);

async function rows() {
  const d = await getMemberDashboard(v.STA_MEMBER);
  expect(d).not.toBeNull();
  return d!.registrations;
}

/** Years newest first; within a year, each campaign's rows together, campaigns in the database's name order. */
async function expectPageOrder(regs: Awaited<ReturnType<typeof rows>>) {
  const years = regs.map((r) => startOf(r.year));
  expect(years).toEqual([...years].sort((a, b) => b - a));
  for (const year of new Set(regs.map((r) => r.year))) {
    const names = regs.filter((r) => r.year === year).map((r) => r.campaign);
    const runs = names.filter((n, i) => i === 0 || names[i - 1] !== n);
    expect(new Set(runs).size, year).toBe(runs.length);
    const byDb = await t.prisma.campaign.findMany({ where: { name: { in: runs }, schoolYear: { label: year } }, orderBy: { name: "asc" }, distinct: ["name"], select: { name: true } });
    expect(runs, year).toEqual(byDb.map((c) => c.name));
  }
}

describe("the member's registrations as the dashboard's query returns them", () => {
  it("newest school year first, whatever order the rows were written in", async () => {
    const regs = await rows();
    expect(new Set(regs.map((r) => r.year)).size).toBeGreaterThanOrEqual(3); // 2023–2024, 2024–2025 (history) and 2025–2026
    await expectPageOrder(regs);
    expect(regs[0].year).toBe("2025–2026");
    expect(regs.at(-1)!.year).toBe("2023–2024");
  });

  it("registrations made today for the coming year come first, by campaign name (not by the moment written)", async () => {
    // The year's campaign first, then the drive: the newest written is not the first by name.
    for (const campaignId of [SCORING_DEMO.campaigns.STA_CURRENT, SCORING_DEMO.campaigns.STA_DRIVE])
      await t.prisma.registration.create({ data: { campaignId, schoolId: DEMO.schools.STA, subjectKey: `m:${DEMO.members.STA_MEMBER}`, memberId: DEMO.members.STA_MEMBER, title: "LDTT", registeredById: DEMO.users.STA_CHAIR } });
    const regs = await rows();
    expect(regs.slice(0, 2).map((r) => r.year)).toEqual(["2026–2027", "2026–2027"]);
    expect(new Set(regs.slice(0, 2).map((r) => r.campaign))).toEqual(new Set(["Thi đua “Dạy tốt – Học tốt” năm học 2026–2027", "Đợt thi đua chào mừng Ngày Nhà giáo Việt Nam 20/11/2026"]));
    await expectPageOrder(regs);
  });
});
