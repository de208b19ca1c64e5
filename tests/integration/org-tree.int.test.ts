// The organisation tree module (lib/orgs/tree.ts): descendants and ancestors in one recursive
// query each, on PGlite always and on PostgreSQL when DATABASE_URL is set, over a tree deeper and
// wider than the demo's (six levels, two branches, several roots), a cycle, and the viewer loader
// (an upper unit's staff see every unit below theirs, however deep).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitAncestors, unitDescendants } from "@/lib/orgs/tree";
import { loadViewer } from "@/lib/auth/load-viewer";
import { createTestDb, type TestDb } from "./harness";

/** id → parent id. R ─ A ─ A1 ─ A1a ─ A1a1 ─ A1a1x; A ─ A2; R ─ B ─ B1; S (another root) ─ S1. */
const TREE: [string, string | null][] = [
  ["t_R", null],
  ["t_A", "t_R"],
  ["t_B", "t_R"],
  ["t_A1", "t_A"],
  ["t_A2", "t_A"],
  ["t_A1a", "t_A1"],
  ["t_A1a1", "t_A1a"],
  ["t_A1a1x", "t_A1a1"],
  ["t_B1", "t_B"],
  ["t_S", null],
  ["t_S1", "t_S"],
];

async function withBackend(pg: boolean): Promise<TestDb> {
  const saved = process.env.DATABASE_URL;
  if (!pg) delete process.env.DATABASE_URL;
  try {
    return await createTestDb();
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  }
}

const backends = [{ name: "PGlite", pg: false }, ...(process.env.DATABASE_URL ? [{ name: "PostgreSQL", pg: true }] : [])];

describe.each(backends)("organisation tree on $name", ({ pg }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await withBackend(pg);
    for (const [id, parentId] of TREE) {
      await t.prisma.organisation.create({ data: { id, name: `Đơn vị ${id}`, type: "LIEN_DOAN_LAO_DONG", parentId, validFrom: new Date("2020-01-01") } });
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("descendants: the unit and everything below, nearest first, five levels down", async () => {
    expect(await unitDescendants(t.prisma, "t_A")).toEqual(["t_A", "t_A1", "t_A2", "t_A1a", "t_A1a1", "t_A1a1x"]);
    const all = await unitDescendants(t.prisma, "t_R");
    expect(all[0]).toBe("t_R");
    expect([...all].sort()).toEqual(TREE.filter(([id]) => !id.startsWith("t_S")).map(([id]) => id).sort());
  });

  it("descendants of several roots, without duplicates (a root inside another's subtree)", async () => {
    const ids = await unitDescendants(t.prisma, ["t_A1", "t_S", "t_A1a"]);
    expect([...ids].sort()).toEqual(["t_A1", "t_A1a", "t_A1a1", "t_A1a1x", "t_S", "t_S1"]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("ancestors: the unit and every unit above it, nearest first", async () => {
    expect(await unitAncestors(t.prisma, "t_A1a1x")).toEqual(["t_A1a1x", "t_A1a1", "t_A1a", "t_A1", "t_A", "t_R"]);
    expect(await unitAncestors(t.prisma, "t_S")).toEqual(["t_S"]);
  });

  it("one query each way, however deep the tree", async () => {
    let queries = 0;
    const counted = { $queryRaw: ((...args: Parameters<typeof t.prisma.$queryRaw>) => (queries++, t.prisma.$queryRaw(...args))) as typeof t.prisma.$queryRaw };
    expect(await unitAncestors(counted, "t_A1a1x")).toHaveLength(6);
    expect(queries).toBe(1);
    expect(await unitDescendants(counted, ["t_R", "t_S"])).toHaveLength(TREE.length);
    expect(queries).toBe(2);
  });

  it("a leaf has no descendants but itself; an unknown id has neither", async () => {
    expect(await unitDescendants(t.prisma, "t_B1")).toEqual(["t_B1"]);
    expect(await unitDescendants(t.prisma, "khong_co")).toEqual([]);
    expect(await unitAncestors(t.prisma, "khong_co")).toEqual([]);
    expect(await unitDescendants(t.prisma, [])).toEqual([]);
  });

  it("a cycle in the data ends (depth bound) instead of looping forever", async () => {
    await t.prisma.organisation.create({ data: { id: "t_X", name: "X", type: "LIEN_DOAN_LAO_DONG", validFrom: new Date("2020-01-01") } });
    await t.prisma.organisation.create({ data: { id: "t_Y", name: "Y", type: "LIEN_DOAN_LAO_DONG", parentId: "t_X", validFrom: new Date("2020-01-01") } });
    await t.prisma.organisation.update({ where: { id: "t_X" }, data: { parentId: "t_Y" } });
    expect([...(await unitDescendants(t.prisma, "t_X"))].sort()).toEqual(["t_X", "t_Y"]);
    expect(await unitAncestors(t.prisma, "t_X")).toEqual(["t_X", "t_Y"]);
  });

  it("the viewer loader gives upper staff every unit below theirs, however deep", async () => {
    const user = await t.prisma.user.create({ data: { email: `tree-${pg ? "pg" : "pglite"}@thidua.test`, displayName: "Cán bộ cây", passwordHash: "x" } });
    await t.prisma.roleAssignment.create({ data: { userId: user.id, role: "UPPER_STAFF", organisationId: "t_A", validFrom: new Date("2020-01-01") } });
    const session = await t.prisma.session.create({ data: { id: `s_tree_${pg ? "pg" : "pglite"}`, userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    const viewer = await loadViewer(t.prisma, session.id);
    expect(viewer).not.toBeNull();
    expect([...viewer!.unitIds].sort()).toEqual(["t_A", "t_A1", "t_A1a", "t_A1a1", "t_A1a1x", "t_A2"]);
  });
});
