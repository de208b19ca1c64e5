// Role holders of an upper unit, and roles read from the database on every request: removing
// or expiring a role, or disabling a user, takes effect at the next loadViewer.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { can } from "@/lib/authz/permissions";
import { loadViewer } from "@/lib/auth/load-viewer";
import { listUnitRoleHolders } from "@/lib/roles/queries";
import { listAuditLog } from "@/lib/audit/queries";
import { listUnitSchools } from "@/lib/schools/queries";
import { formatDate } from "@/lib/format";

const O = DEMO.orgs;
const S = DEMO.schools;
const E = DEMO.emails;
const U = DEMO.users;

let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb());
});
afterAll(() => t?.drop());

async function newSession(userId: string): Promise<string> {
  const id = randomBytes(16).toString("hex");
  await t.prisma.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + 3600_000) } });
  return id;
}

describe("role holders of a unit", () => {
  it("lists the unit's staff and its schools' principals, chairs and group leaders, with dates", async () => {
    const holders = await listUnitRoleHolders(v.UPPER_SONTHUY, O.CDGD_SONTHUY);
    expect(holders.map((h) => h.displayName).sort()).toEqual(["Bùi Thị Ngọc Lan", "Đặng Văn Hùng", "Hoàng Văn Minh", "Nguyễn Thị Thanh Tâm", "Phạm Quang Vinh", "Trần Thị Mỹ Linh"].sort());
    const linh = holders.find((h) => h.displayName === "Trần Thị Mỹ Linh")!;
    expect(linh.roles).toHaveLength(1);
    expect(linh.roles[0]).toMatchObject({ role: "GROUP_LEADER", schoolName: "Trường Tiểu học Sơn Thủy A", groupName: "Tổ CĐ Khối 1–2", validTo: null, expired: false });
    expect(formatDate(linh.roles[0].validFrom)).toBe("01/01/2020");
    const vinh = holders.find((h) => h.displayName === "Phạm Quang Vinh")!;
    expect(vinh.roles[0]).toMatchObject({ role: "UPPER_STAFF", unitName: "Công đoàn Giáo dục huyện Sơn Thủy", schoolName: null });
    // Staff first, then by role.
    expect(holders[0].displayName).toBe("Phạm Quang Vinh");
  });

  it("never lists the other tenant's people, nor plain members", async () => {
    const names = (await listUnitRoleHolders(v.UPPER_SONTHUY, O.CDGD_SONTHUY)).map((h) => h.email);
    expect(names).not.toContain(E.UPPER_BACSON);
    expect(names).not.toContain(E.STA_MEMBER);
    const bs = await listUnitRoleHolders(v.UPPER_BACSON, O.CDGD_BACSON);
    expect(bs.map((h) => h.email)).toEqual([E.UPPER_BACSON]);
  });

  it("is NOT_FOUND for another tenant's unit and for school roles", async () => {
    expect(await code(listUnitRoleHolders(v.UPPER_BACSON, O.CDGD_SONTHUY))).toBe("NOT_FOUND");
    for (const k of ["STA_CHAIR", "STA_PRINCIPAL", "KD_CHAIR", "STA_MEMBER", "STA_GROUP_LEADER"] as const)
      expect(await code(listUnitRoleHolders(v[k], O.CDGD_SONTHUY))).toBe("NOT_FOUND");
    expect((await listUnitRoleHolders(v.ADMIN, O.LDLD_SONHA)).map((h) => h.email)).toContain(E.UPPER_BACSON);
  });

  it("filters by role, and hides expired roles unless asked", async () => {
    const chairs = await listUnitRoleHolders(v.UPPER_SONTHUY, O.CDGD_SONTHUY, { role: "UNION_CHAIR" });
    expect(chairs.map((h) => h.displayName).sort()).toEqual(["Đặng Văn Hùng", "Nguyễn Thị Thanh Tâm"].sort());
    const old = await t.prisma.roleAssignment.create({
      data: { userId: U.STA_MEMBER, role: "GROUP_LEADER", schoolId: S.STA, unionGroupId: DEMO.groups.STA_K12, validFrom: new Date("2022-09-05"), validTo: new Date("2024-09-05") },
    });
    expect((await listUnitRoleHolders(v.UPPER_SONTHUY, O.CDGD_SONTHUY)).map((h) => h.email)).not.toContain(E.STA_MEMBER);
    const withOld = await listUnitRoleHolders(v.UPPER_SONTHUY, O.CDGD_SONTHUY, { includeExpired: true });
    const tuan = withOld.find((h) => h.email === E.STA_MEMBER)!;
    expect(tuan.roles).toEqual([expect.objectContaining({ id: old.id, expired: true })]);
    expect(formatDate(tuan.roles[0].validTo)).toBe("05/09/2024");
  });
});

describe("roles are read from the database on each request", () => {
  it("removing a chair's role takes effect at the next loadViewer", async () => {
    const sid = await newSession(U.KD_CHAIR);
    const before = (await loadViewer(t.prisma, sid))!;
    expect(can(before, "member.manage", { schoolId: S.KD })).toBe(true);
    expect((await listAuditLog(before, { schoolId: S.KD })).total).toBeGreaterThanOrEqual(0);

    await t.prisma.roleAssignment.delete({ where: { id: "rol_chutich_kd_union_chair" } });
    const after = (await loadViewer(t.prisma, sid))!;
    expect(after).not.toBeNull();
    expect(can(after, "member.manage", { schoolId: S.KD })).toBe(false);
    expect(can(after, "audit.read", { schoolId: S.KD })).toBe(false);
    expect(await code(listAuditLog(after, { schoolId: S.KD }))).toBe("NOT_FOUND");
    // Still a member of the school: that role remains.
    expect(can(after, "school.read", { schoolId: S.KD })).toBe(true);
  });

  it("an expired assignment counts as removed; a future one not yet given", async () => {
    const sid = await newSession(U.KD_PRINCIPAL);
    expect(can((await loadViewer(t.prisma, sid))!, "audit.read", { schoolId: S.KD })).toBe(true);
    await t.prisma.roleAssignment.update({ where: { id: "rol_hieutruong_kd_principal" }, data: { validTo: new Date(Date.now() - 1000) } });
    expect(can((await loadViewer(t.prisma, sid))!, "audit.read", { schoolId: S.KD })).toBe(false);
    await t.prisma.roleAssignment.update({ where: { id: "rol_hieutruong_kd_principal" }, data: { validFrom: new Date(Date.now() + 86_400_000), validTo: null } });
    expect(can((await loadViewer(t.prisma, sid))!, "audit.read", { schoolId: S.KD })).toBe(false);
  });

  it("upper staff whose unit role ends lose the unit's pages at once", async () => {
    const sid = await newSession(U.UPPER_BACSON);
    const before = (await loadViewer(t.prisma, sid))!;
    expect((await listUnitSchools(before, O.CDGD_BACSON)).total).toBe(1);
    await t.prisma.roleAssignment.update({ where: { id: "rol_congdoan_bs_upper_staff" }, data: { validTo: new Date(Date.now() - 1000) } });
    const after = (await loadViewer(t.prisma, sid))!;
    expect(after.unitIds).toEqual([]);
    expect(await code(listUnitSchools(after, O.CDGD_BACSON))).toBe("NOT_FOUND");
    expect(await code(listUnitRoleHolders(after, O.CDGD_BACSON))).toBe("NOT_FOUND");
  });

  it("disabling a user ends their sessions: loadViewer returns null", async () => {
    const sid = await newSession(U.STA_PRINCIPAL);
    expect(await loadViewer(t.prisma, sid)).not.toBeNull();
    await t.prisma.user.update({ where: { id: U.STA_PRINCIPAL }, data: { disabled: true } });
    expect(await loadViewer(t.prisma, sid)).toBeNull();
  });
});
