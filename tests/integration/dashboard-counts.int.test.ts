// The dashboard's and school page's counts (one grouped query since the load work of issue 10)
// equal plain counts of the rows, and another school's id is NOT_FOUND.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO } from "@/lib/seed/demo";
import { getSchoolCounts } from "@/lib/orgs/queries";
import type { TestDb } from "./harness";
import { errorCode, openDemoDb, type DemoViewers } from "../factories/demo-db";

let t: TestDb;
let v: DemoViewers;
beforeAll(async () => ({ t, v } = await openDemoDb()));
afterAll(() => t?.drop());

it("counts members not gone, active members, women not gone and groups, per school", async () => {
  for (const [viewer, schoolId] of [[v.STA_CHAIR, DEMO.schools.STA], [v.KD_PRINCIPAL, DEMO.schools.KD], [v.UPPER_SONTHUY, DEMO.schools.LQD]] as const) {
    const c = await getSchoolCounts(viewer, schoolId);
    const p = t.prisma;
    expect({ members: c.members, active: c.active, women: c.women, groups: c.groups }).toEqual({
      members: await p.member.count({ where: { schoolId, status: { not: "LEFT" } } }),
      active: await p.member.count({ where: { schoolId, status: "ACTIVE" } }),
      women: await p.member.count({ where: { schoolId, status: { not: "LEFT" }, gender: "NU" } }),
      groups: await p.unionGroup.count({ where: { schoolId } }),
    });
    expect(c.school.id).toBe(schoolId);
  }
  // LQD has a member who left: the counts differ from the raw row count.
  expect((await getSchoolCounts(v.UPPER_SONTHUY, DEMO.schools.LQD)).members).toBeLessThan(DEMO.schoolSizes.sch_lqd);
});

it("another school's id is NOT_FOUND", async () => {
  expect(await errorCode(getSchoolCounts(v.STA_CHAIR, DEMO.schools.KD))).toBe("NOT_FOUND");
  expect(await errorCode(getSchoolCounts(v.UPPER_BACSON, DEMO.schools.STA))).toBe("NOT_FOUND");
});
