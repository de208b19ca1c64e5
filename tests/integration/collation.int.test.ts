// Issue 11: one Vietnamese collation. The member list (and the export, same ORDER BY "sortKey")
// puts "Đ…" after every "D…" and before "E…", never after "Z…"; the migration's SQL key equals the
// key the app writes, so rows written before the change are re-keyed the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { listMembers } from "@/lib/members/queries";
import { compareVietnameseNames, foldVietnamese, vietnameseSortKey } from "@/lib/format";

let t: TestDb;
let v: DemoViewers;
beforeAll(async () => {
  ({ t, v } = await openDemoDb());
});
afterAll(() => t?.drop());

const NAMES = ["Hoàng Văn Em", "Nguyễn Văn Đức", "Lê Thị Đào", "Trần Văn Dũng", "Phạm Thị Dung", "Đặng Thị Dung", "Vũ Văn Zũ"];

describe("Vietnamese order in the member list", () => {
  it("orders by given name Dung < Dũng < Đào < Đức < Em < Zũ, then by family name (Đặng before Phạm)", async () => {
    await t.prisma.member.createMany({
      data: NAMES.map((fullName, i) => ({ id: `mem_coll_${i}`, schoolId: DEMO.schools.STA, fullName, nameSearch: foldVietnamese(fullName), sortKey: vietnameseSortKey(fullName), gender: "NAM" as const })),
    });
    const all: string[] = [];
    for (let page = 1; page < 50; page++) {
      const r = await listMembers(v.STA_CHAIR, DEMO.schools.STA, { status: "tat-ca" }, page);
      all.push(...r.items.map((i) => i.fullName));
      if (all.length >= r.total) break;
    }
    const ours = all.filter((n) => NAMES.includes(n));
    expect(ours).toEqual(["Đặng Thị Dung", "Phạm Thị Dung", "Trần Văn Dũng", "Lê Thị Đào", "Nguyễn Văn Đức", "Hoàng Văn Em", "Vũ Văn Zũ"]);
    // and the whole list is in the app's Vietnamese order
    expect(all).toEqual([...all].sort(compareVietnameseNames));
  });

  it("the migration's vi_sort_key gives every demo member the key the app wrote (the backfill re-keys old rows the same)", async () => {
    const diff = await t.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Member" WHERE "sortKey" <> vi_sort_key("fullName")`);
    expect(diff[0].n).toBe(0);
    await t.sql.query(`UPDATE "Member" SET "sortKey" = lower("fullName") WHERE id = 'mem_coll_5'`);
    await t.sql.query(`UPDATE "Member" SET "sortKey" = vi_sort_key("fullName")`);
    const row = await t.prisma.member.findUniqueOrThrow({ where: { id: "mem_coll_5" } });
    expect(row.sortKey).toBe(vietnameseSortKey("Đặng Thị Dung"));
  });
});
