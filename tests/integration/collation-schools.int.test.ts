// Issue 11, one Vietnamese collation for school names too: "Dương" < "Đông" < "Hà" < "Z…" (Đ is its
// own letter after D; folded "dong" < "duong" and byte order "Đ" > "Z" are both wrong) on the upper
// unit's paged lists that sort in SQL — the overview dashboard, the schools list, the registry's
// school filter — and on the plan-status list (sorted in memory over the whole unit). The key is
// School."sortKey", kept by a trigger with vi_text_key (migration 20261203100000), the SQL twin of
// lib/format.ts vietnameseTextKey; ties (two schools of one name) are broken by id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { foldVietnamese, vietnameseTextKey } from "@/lib/format";
import { getUpperDashboard } from "@/lib/dashboards/upper";
import { getPlanStatusPage } from "@/lib/plans/status-page";
import { listUnitSchools } from "@/lib/schools/queries";
import { listUnitRegistry } from "@/lib/awards/queries";

let t: TestDb;
let v: DemoViewers;
const UNIT = DEMO.orgs.CDGD_SONTHUY;

// Created out of order; two schools share a name (the id decides between them).
const SCHOOLS = [
  { id: "sch_sort_zet2", name: "Trường Tiểu học Zét" },
  { id: "sch_sort_dong", name: "Trường Tiểu học Đông Hòa" },
  { id: "sch_sort_ha", name: "Trường Tiểu học Hà Long" },
  { id: "sch_sort_duong", name: "Trường Tiểu học Dương Liễu" },
  { id: "sch_sort_zet1", name: "Trường Tiểu học Zét" },
];
const ORDER = ["sch_sort_duong", "sch_sort_dong", "sch_sort_ha", "sch_sort_zet1", "sch_sort_zet2"];
const ours = (ids: string[]) => ids.filter((id) => id.startsWith("sch_sort_"));

beforeAll(async () => {
  ({ t, v } = await openDemoDb());
  for (const [i, s] of SCHOOLS.entries()) {
    await t.prisma.school.create({
      data: { id: s.id, code: `SORT-${i}`, name: s.name, nameSearch: foldVietnamese(s.name), level: "TIEU_HOC", unionName: `Công đoàn ${s.name}`, unionUnitId: UNIT },
    });
  }
}, 240_000);
afterAll(async () => t?.drop());

describe("school names in Vietnamese order: Dương < Đông < Hà < Zét, ties by id", () => {
  it("the trigger writes the app's key; vi_text_key equals vietnameseTextKey on tones, ă/â/ê/ô/ơ/ư and Đ", async () => {
    const rows = await t.prisma.school.findMany({ select: { name: true, sortKey: true } });
    for (const r of rows) expect(r.sortKey).toBe(vietnameseTextKey(r.name));
    const names = ["Trường THCS Đống Đa", "Trường Mầm non Hoa Sen", "Trường THPT  Lê   Quý Đôn", "ăn ắn ằn ẳn ẵn ặn", "Ơn Ôn On Ưa Ua Êm Em", "Trường Tiểu học số 2", "ĐÔNG dương"];
    for (const name of names) {
      const [r] = await t.sql.query<{ k: string }>("SELECT vi_text_key($1) AS k", [name]);
      expect(r.k, name).toBe(vietnameseTextKey(name));
    }
    // Renaming rewrites the key; a key written by hand is overwritten.
    await t.prisma.school.update({ where: { id: "sch_sort_ha" }, data: { sortKey: "zzz" } });
    expect((await t.prisma.school.findUniqueOrThrow({ where: { id: "sch_sort_ha" } })).sortKey).toBe(vietnameseTextKey("Trường Tiểu học Hà Long"));
  });

  it("the upper unit's overview (sorted and paged in SQL), both directions", async () => {
    const asc = await getUpperDashboard(v.UPPER_SONTHUY, UNIT, { sort: "name", dir: "asc" });
    expect(ours(asc.rows.map((r) => r.id))).toEqual(ORDER);
    const desc = await getUpperDashboard(v.UPPER_SONTHUY, UNIT, { sort: "name", dir: "desc" });
    // Descending by name; two schools of one name stay by id (the tie-break keeps pages stable).
    expect(ours(desc.rows.map((r) => r.id))).toEqual(["sch_sort_zet1", "sch_sort_zet2", "sch_sort_ha", "sch_sort_dong", "sch_sort_duong"]);
    const searched = await getUpperDashboard(v.UPPER_SONTHUY, UNIT, { q: "truong tieu hoc" });
    expect(ours(searched.rows.map((r) => r.id))).toEqual(ORDER);
  });

  it("the plan-status list", async () => {
    const page = await getPlanStatusPage(v.UPPER_SONTHUY, UNIT, { sort: "ten" });
    expect(ours(page.list.rows.map((r) => r.id))).toEqual(ORDER);
    // Sorted by status, the schools with the same status (none here has a plan) keep the name order.
    const byStatus = await getPlanStatusPage(v.UPPER_SONTHUY, UNIT, { sort: "trang-thai" });
    expect(ours(byStatus.list.rows.map((r) => r.id))).toEqual(ORDER);
  });

  it("the schools list and the registry's school filter", async () => {
    const list = await listUnitSchools(v.UPPER_SONTHUY, UNIT, { q: "tieu hoc" });
    expect(ours(list.rows.map((r) => r.id))).toEqual(ORDER);
    const registry = await listUnitRegistry(v.UPPER_SONTHUY, UNIT, {});
    expect(ours(registry.schools.map((s) => s.id))).toEqual(ORDER);
  });
});
