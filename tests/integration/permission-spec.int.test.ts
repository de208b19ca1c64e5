// The permission specification (tests/spec/permissions.md, written from the domain) against the
// gate for the REAL demo accounts on the REAL demo data: each situation is a real row (a member
// of the viewer's group, a member of TH Kim Đồng, a school of the Bắc Sơn unit…) whose place the
// gate resolves from the database (resolveTarget), as it does for every action.
// A person holding several roles (a principal is also a member) is allowed when any of their
// roles is: the expected answer is the OR of the spec's lines for their roles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decide, resolveTarget, type ResolvedTarget, type TargetRef } from "@/lib/authz/gate";
import type { Capability, Viewer } from "@/lib/authz/permissions";
import { DEMO } from "@/lib/seed/demo";
import type { TestDb } from "./harness";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import { loadPermissionSpec, SITUATIONS, type Situation } from "../spec/permission-spec";

const spec = loadPermissionSpec();
let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb());
});
afterAll(async () => {
  await t?.drop();
});

const S = DEMO.schools;
const O = DEMO.orgs;

/** A member of `schoolId` (optionally in / not in a group, not `not`), as a gate target ref. */
async function memberRef(where: { schoolId: string; unionGroupId?: string | { not: string } | null; id?: { not: string } }): Promise<TargetRef> {
  const m = await t.prisma.member.findFirst({ where: { ...where, status: { not: "LEFT" } }, orderBy: { id: "asc" }, select: { id: true } });
  if (!m) throw new Error(`no demo member for ${JSON.stringify(where)}`);
  return { member: m.id };
}

/** The real rows standing for each situation, seen from this viewer (none: not a situation). */
async function situationsOf(viewer: Viewer): Promise<Partial<Record<Situation, TargetRef[]>>> {
  const upper = viewer.grants.find((g) => g.role === "UPPER_STAFF");
  if (viewer.grants.some((g) => g.role === "ADMIN"))
    return { "School under another upper unit": [await memberRef({ schoolId: S.STA }), { school: S.BS }], "Another upper unit": [{ unit: O.CDGD_SONTHUY }] };
  if (upper) {
    const mine = upper.organisationId!;
    const other = mine === O.CDGD_SONTHUY ? O.CDGD_BACSON : O.CDGD_SONTHUY;
    const mySchools = mine === O.CDGD_SONTHUY ? [S.STA, S.KD, S.NT] : [S.BS];
    const otherSchool = mine === O.CDGD_SONTHUY ? S.BS : S.STA;
    return {
      "School under my upper unit": [...(await Promise.all(mySchools.map((s) => memberRef({ schoolId: s })))), ...mySchools.map((s) => ({ school: s }))],
      "School under another upper unit": [await memberRef({ schoolId: otherSchool }), { school: otherSchool }],
      "My upper unit": [{ unit: mine }],
      "Another upper unit": [{ unit: other }],
    };
  }
  const me = await t.prisma.member.findUniqueOrThrow({ where: { id: viewer.memberId! }, select: { id: true, schoolId: true, unionGroupId: true, school: { select: { unionUnitId: true } } } });
  const sibling = me.schoolId === S.STA ? S.KD : S.STA;
  const out: Partial<Record<Situation, TargetRef[]>> = {
    "Own record": [{ member: me.id }],
    "Own school": [
      await memberRef({ schoolId: me.schoolId, id: { not: me.id }, unionGroupId: me.unionGroupId ? { not: me.unionGroupId } : undefined }),
      { school: me.schoolId },
    ],
    "Other school, same upper unit": [await memberRef({ schoolId: sibling }), { school: sibling }],
    "School under another upper unit": [await memberRef({ schoolId: S.BS }), { school: S.BS }],
    "My upper unit": [{ unit: me.school.unionUnitId }],
    "Another upper unit": [{ unit: me.school.unionUnitId === O.CDGD_SONTHUY ? O.CDGD_BACSON : O.CDGD_SONTHUY }],
  };
  // A group leader's own group is the group they lead (their grant's group).
  const group = viewer.grants.find((g) => g.unionGroupId)?.unionGroupId ?? me.unionGroupId;
  if (group) out["Own group"] = [await memberRef({ schoolId: me.schoolId, unionGroupId: group, id: { not: me.id } })];
  return out;
}

/** What the spec predicts the table answers today: the OR over the viewer's roles ("!" flipped). */
function predicted(viewer: Viewer, cap: string, situation: Situation): boolean | null {
  const block = spec.blocks.find((b) => b.cap === cap)!;
  let any: boolean | null = null;
  for (const g of viewer.grants) {
    const c = block.rows[g.role][situation];
    if (c.expected === null) continue;
    const today = c.disagreement ? !c.expected : c.expected;
    any = (any ?? false) || today;
  }
  return any;
}

describe("the permission specification holds for the real demo accounts on the real demo data", () => {
  const accounts = Object.keys(DEMO.emails) as (keyof typeof DEMO.emails)[];
  let checked = 0;

  for (const account of accounts) {
    it(`${DEMO.emails[account]}: every capability × situation as the spec says`, async () => {
      const viewer = v[account];
      const situations = await situationsOf(viewer);
      const targets = new Map<TargetRef, ResolvedTarget>();
      for (const refs of Object.values(situations))
        for (const ref of refs ?? []) {
          const r = await resolveTarget(ref, t.prisma);
          expect(r, `${JSON.stringify(ref)} exists in the demo data`).not.toBeNull();
          targets.set(ref, r!);
        }
      const wrong: string[] = [];
      for (const block of spec.blocks)
        for (const situation of SITUATIONS) {
          const refs = situations[situation];
          const want = predicted(viewer, block.cap, situation);
          if (!refs || want === null) continue;
          for (const ref of refs) {
            checked++;
            const got = decide(viewer, block.cap as Capability, targets.get(ref)!);
            if (got !== want) wrong.push(`${block.cap} × ${situation} ${JSON.stringify(ref)}: spec ${want ? "allowed" : "refused"}, gate ${got ? "allowed" : "refused"}`);
          }
        }
      expect(wrong).toEqual([]);
    });
  }

  it("covered every account, role and situation", async () => {
    const roles = new Set(accounts.flatMap((a) => v[a].grants.map((g) => g.role)));
    expect([...roles].sort()).toEqual(["ADMIN", "GROUP_LEADER", "MEMBER", "PRINCIPAL", "UNION_CHAIR", "UPPER_STAFF"]);
    const seen = new Set<Situation>();
    for (const a of accounts) for (const s of Object.keys(await situationsOf(v[a]))) seen.add(s as Situation);
    expect([...seen].sort()).toEqual([...SITUATIONS].sort());
    expect(checked).toBeGreaterThan(2000);
  });
});
