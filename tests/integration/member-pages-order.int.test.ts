// Orders a reviewer found wrong (03/12): the member's registrations on the home page and "Hồ sơ
// của tôi" newest first, in the order the dashboard's query returns them and the page shows them
// (lib/dashboards/member.ts: the history demo writes 2023–2024 and 2024–2025 after 2025–2026, so
// the order the rows were written in lists an older year first), and the scoring period's table
// "Xếp loại theo tổ" by union group name the Vietnamese way, members in no group ("Chưa xếp tổ") last.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { SCORING_DEMO } from "@/lib/seed/scoring-demo";
import { getMemberDashboard } from "@/lib/dashboards/member";
import { getPeriodOverview } from "@/lib/scoring/queries";
import { compareVietnamese } from "@/lib/format";

let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true, history: true }));
});
afterAll(() => t?.drop());

describe("the member's registrations, newest first", () => {
  it("lists the latest school year first for the demo member, as the page shows them", async () => {
    const d = await getMemberDashboard(v.STA_MEMBER);
    expect(d).not.toBeNull();
    const years = d!.registrations.map((r) => r.year);
    expect(new Set(years).size).toBeGreaterThanOrEqual(3); // 2023–2024, 2024–2025 (history) and 2025–2026
    expect(years).toEqual([...years].sort().reverse());
    expect(years[0]).toBe("2025–2026");
    expect(years.at(-1)).toBe("2023–2024");
  });

  it("a registration made today for the current year comes before every earlier one", async () => {
    await t.prisma.registration.create({ data: { campaignId: SCORING_DEMO.campaigns.STA_CURRENT, schoolId: DEMO.schools.STA, subjectKey: `m:${DEMO.members.STA_MEMBER}`, memberId: DEMO.members.STA_MEMBER, title: "LDTT", registeredById: DEMO.users.STA_CHAIR } });
    const d = await getMemberDashboard(v.STA_MEMBER);
    expect(d!.registrations[0]).toMatchObject({ year: "2026–2027", campaign: "Thi đua “Dạy tốt – Học tốt” năm học 2026–2027" });
  });
});

describe("Xếp loại theo tổ", () => {
  it("lists the union groups by name the Vietnamese way, members in no group last", async () => {
    const period = SCORING_DEMO.periods.STA_LAST_YEAR;
    // Two scored members leave their group (moved out, the sheet stays).
    const out = await t.prisma.scoreSheet.findMany({ where: { periodId: period, member: { unionGroupId: { not: null } } }, orderBy: { id: "asc" }, take: 2, select: { memberId: true } });
    await t.prisma.member.updateMany({ where: { id: { in: out.map((s) => s.memberId) } }, data: { unionGroupId: null } });
    const o = await getPeriodOverview(v.STA_CHAIR, DEMO.schools.STA, period);
    const names = o.distribution.map((g) => g.groupName);
    expect(names.at(-1)).toBe("Chưa xếp tổ");
    expect(o.distribution.at(-1)!.total).toBe(2);
    const groups = names.slice(0, -1);
    expect(groups.length).toBeGreaterThanOrEqual(3);
    expect(groups).toEqual([...groups].sort(compareVietnamese));
    expect(groups).toEqual(["Tổ CĐ Khối 1–2", "Tổ CĐ Khối 3", "Tổ CĐ Khối 4–5", "Tổ CĐ Văn phòng"]);
    // Every sheet is still counted once.
    expect(o.distribution.reduce((n, g) => n + g.total, 0)).toBe(await t.prisma.scoreSheet.count({ where: { periodId: period } }));
  });
});
