// Issue 11, audit log: an Excel import is one entry with its count and a link that lists exactly
// the members it wrote; ids in entries read as names (members, groups, school years) and raw ids
// never show; the filters (entity, action, who, dates) narrow the log and offer what it holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { record } from "@/lib/audit/record";
import { listAuditLog } from "@/lib/audit/queries";
import { importMembers } from "@/lib/members/mutations";
import { listMembers } from "@/lib/members/queries";
import { importRowSchema } from "@/lib/members/schemas";
import { diffChanges, entityName, importedRowsHref } from "@/components/audit/audit-format";

const S = DEMO.schools;
let t: TestDb;
let v: DemoViewers;
beforeAll(async () => {
  ({ t, v } = await openDemoDb());
});
afterAll(() => t?.drop());

const NAMES = ["Đặng Thị Nhập", "Dương Văn Nhập", "Hà Thị Nhập"];

describe("audit log in Vietnamese", () => {
  it("one entry per import, with its count and a link to exactly the imported members", async () => {
    const before = await t.prisma.auditLog.count();
    const rows = NAMES.map((fullName, i) => ({ row: i + 2, data: importRowSchema.parse({ fullName, gender: i % 2 ? "NAM" : "NU" }) }));
    expect((await importMembers(v.STA_CHAIR, S.STA, rows, { fileName: "ds-nhap.xlsx", skippedRows: [] })).imported).toBe(3);
    expect(await t.prisma.auditLog.count()).toBe(before + 1);

    const log = await listAuditLog(v.STA_CHAIR, { schoolId: S.STA }, { action: "member.import" });
    expect(log.total).toBe(1);
    const entry = log.rows[0];
    const changes = diffChanges(entry.before, entry.after, log.names, entry.entity);
    expect(changes.find((c) => c.field === "imported")).toMatchObject({ label: "Số đoàn viên đã nhập", after: "3" });
    expect(changes.some((c) => /mem_/.test(`${c.before} ${c.after}`))).toBe(false);

    const href = importedRowsHref(entry);
    expect(href).toMatch(new RegExp(`^/truong/${S.STA}/doan-vien\\?trang-thai=tat-ca&dot-nhap=mem_`));
    const importedWith = new URL(href!, "http://x").searchParams.get("dot-nhap")!;
    const listed = await listMembers(v.STA_CHAIR, S.STA, { status: "tat-ca", importedWith }, 1);
    expect(listed.items.map((i) => i.fullName).sort()).toEqual([...NAMES].sort());
    expect(listed.total).toBe(3);
    // Another school's member id lists nobody (and tells nothing about it).
    expect((await listMembers(v.STA_CHAIR, S.STA, { status: "tat-ca", importedWith: "mem_khong_co" }, 1)).total).toBe(0);
  });

  it("ids read as names; unknown ids are left out, never shown raw", async () => {
    await t.prisma.$transaction((tx) =>
      record(tx, v.STA_CHAIR, {
        action: "council.member_add",
        entity: "CouncilMember",
        entityId: "cm_test",
        schoolId: S.STA,
        after: { memberId: DEMO.members.STA_MEMBER, role: "SECRETARY", schoolYearId: DEMO.years.Y2025, unionGroupId: DEMO.groups.STA_K12, reviewedInId: "mtg_gone" },
      }),
    );
    const log = await listAuditLog(v.STA_CHAIR, { schoolId: S.STA }, { entity: "CouncilMember" });
    const e = log.rows[0];
    const changes = diffChanges(e.before, e.after, log.names, e.entity);
    const member = await t.prisma.member.findUniqueOrThrow({ where: { id: DEMO.members.STA_MEMBER } });
    const group = await t.prisma.unionGroup.findUniqueOrThrow({ where: { id: DEMO.groups.STA_K12 } });
    // jsonb keeps its own key order: compare as a set.
    expect([...changes].sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: "memberId", label: "Đoàn viên", before: null, after: member.fullName },
      { field: "role", label: "Vai trò", before: null, after: "Thư ký" },
      { field: "schoolYearId", label: "Năm học", before: null, after: "2025–2026" },
      { field: "unionGroupId", label: "Tổ công đoàn", before: null, after: group.name },
    ]);
    // A member entry is named by the member, even without a name in its snapshot.
    expect(entityName(null, { status: "LEFT" }, log.names, "cm_test")).toBeNull();
  });

  it("filters by action and by who, offering the actions and people the log holds", async () => {
    const all = await listAuditLog(v.STA_CHAIR, { schoolId: S.STA });
    expect(all.actions).toEqual(expect.arrayContaining(["member.import", "council.member_add"]));
    const chair = all.actors.find((a) => a.id === v.STA_CHAIR.userId);
    expect(chair?.name).toBeTruthy();
    const mine = await listAuditLog(v.STA_CHAIR, { schoolId: S.STA }, { actorId: v.STA_CHAIR.userId });
    expect(mine.total).toBeGreaterThanOrEqual(2);
    expect(mine.rows.every((r) => r.actorName === chair!.name)).toBe(true);
    expect((await listAuditLog(v.STA_CHAIR, { schoolId: S.STA }, { actorId: "usr_nobody" })).total).toBe(0);
  });
});
