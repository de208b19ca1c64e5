// Issue 11, one Vietnamese collation: "Dương" < "Đặng" < "Đinh" < "Hà" (Đ is its own letter after
// D, never after Z) in the award registry (sorted by name and newest first), its Excel export,
// the member list and the member export. The registry's key is kept by a database trigger
// (migration 20261203095500), so an award written by any path sorts right.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { listUnitRegistry } from "@/lib/awards/queries";
import { exportRegistry } from "@/lib/awards/export";
import { exportMembers, listMembers } from "@/lib/members/queries";
import { foldVietnamese, vietnameseSortKey } from "@/lib/format";

let t: TestDb;
let v: DemoViewers;
beforeAll(async () => {
  ({ t, v } = await openDemoDb({ awards: true }));
});
afterAll(() => t?.drop());

const UNIT = DEMO.orgs.CDGD_SONTHUY;
// Typed out of order; the same given name, so the family name decides.
const NAMES = ["Hà Văn Khoa", "Đinh Văn Khoa", "Dương Văn Khoa", "Đặng Văn Khoa", "Zương Văn Khoa"];
const ORDER = ["Dương Văn Khoa", "Đặng Văn Khoa", "Đinh Văn Khoa", "Hà Văn Khoa", "Zương Văn Khoa"];
const ours = (names: string[]) => names.filter((n) => NAMES.includes(n));

describe("Vietnamese order: Dương < Đặng < Đinh < Hà (< Z)", () => {
  it("the award registry, sorted by name and newest first, and its export", async () => {
    const a = await t.prisma.award.findFirstOrThrow({ where: { school: { unionUnitId: UNIT } }, orderBy: { id: "asc" } });
    await t.prisma.award.createMany({
      data: NAMES.map((recipientName, i) => ({
        id: `awd_coll_${i}`,
        decisionId: a.decisionId,
        schoolId: a.schoolId,
        schoolYearId: a.schoolYearId,
        subject: a.subject,
        recipientName,
        titleCode: a.titleCode,
        level: a.level,
        achievementKey: a.achievementKey,
      })),
    });
    // The trigger wrote the same key the app computes.
    const keys = await t.prisma.award.findMany({ where: { id: { startsWith: "awd_coll_" } }, select: { recipientName: true, recipientSortKey: true } });
    for (const k of keys) expect(k.recipientSortKey).toBe(vietnameseSortKey(k.recipientName));
    // The decision's date is carried on every award by a trigger (migration 20261203190000), for
    // the registry's newest-first index: the seeded awards and these five alike.
    const all = await t.prisma.award.findMany({ select: { id: true, signedOn: true, decision: { select: { signedOn: true } } } });
    expect(all.length).toBeGreaterThan(NAMES.length);
    expect(all.filter((x) => x.signedOn.getTime() !== x.decision.signedOn.getTime()).map((x) => x.id)).toEqual([]);

    const byName = await listUnitRegistry(v.UPPER_SONTHUY, UNIT, { sort: "ten" }, 20_000);
    expect(ours(byName.rows.map((r) => r.recipientName))).toEqual(ORDER);
    // Newest first: the same decision (same date), so the names decide.
    const newest = await listUnitRegistry(v.UPPER_SONTHUY, UNIT, {}, 20_000);
    expect(ours(newest.rows.map((r) => r.recipientName))).toEqual(ORDER);
    const dates = newest.rows.map((r) => r.signedOn);
    expect(new Set(dates).size).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());

    const file = await exportRegistry(v.UPPER_SONTHUY, UNIT, { sort: "ten" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer);
    const col: string[] = [];
    wb.worksheets[0].eachRow((row) => col.push(String(row.getCell(2).value ?? "")));
    expect(ours(col)).toEqual(ORDER);
  });

  it("the member list and the member export", async () => {
    await t.prisma.member.createMany({
      data: NAMES.map((fullName, i) => ({ id: `mem_coll_${i}`, schoolId: DEMO.schools.STA, fullName, nameSearch: foldVietnamese(fullName), sortKey: vietnameseSortKey(fullName), gender: "NAM" as const })),
    });
    const listed = await listMembers(v.STA_CHAIR, DEMO.schools.STA, { status: "tat-ca", q: "van khoa" }, 1);
    // A search ranks matches first by how well they match; all match equally, so the collation decides.
    expect(ours(listed.items.map((i) => i.fullName))).toEqual(ORDER);
    const all: string[] = [];
    for (let page = 1; page < 50; page++) {
      const r = await listMembers(v.STA_CHAIR, DEMO.schools.STA, { status: "tat-ca" }, page);
      all.push(...r.items.map((i) => i.fullName));
      if (all.length >= r.total) break;
    }
    expect(ours(all)).toEqual(ORDER);
    const exported = await exportMembers(v.STA_CHAIR, DEMO.schools.STA, { status: "tat-ca" });
    expect(ours(exported.rows.map((r) => r.fullName))).toEqual(ORDER);
  });
});
