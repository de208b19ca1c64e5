// The audit log view's queries: scoped by auditScope (chairs and principals their school,
// upper staff their units' schools, admins everything), newest first, 50 a page, filters,
// actor names, and the chain verdict from audit_verify().
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import type { Viewer } from "@/lib/authz/permissions";
import { AppError } from "@/lib/server/errors";
import { record } from "@/lib/audit/record";
import { listAuditLog, verifyAuditChain, type AuditContext } from "@/lib/audit/queries";
import { updateSchool } from "@/lib/schools/mutations";
import { actionLabel, diffChanges, roleLabels } from "@/components/audit/audit-format";

const O = DEMO.orgs;
const S = DEMO.schools;

let t: TestDb;
let v: DemoViewers;

async function rename(viewer: Viewer, id: string, name: string) {
  const s = await t.prisma.school.findUniqueOrThrow({ where: { id } });
  await updateSchool(viewer, { id, version: s.version, code: s.code, name, level: s.level, unionName: s.unionName, unionUnitId: s.unionUnitId, address: s.address ?? undefined, govUnitId: s.govUnitId ?? undefined });
}

/** A member change as a chair would record it (another engineer's mutation writes the same shape). */
async function memberChange(viewer: Viewer, schoolId: string, unitId: string, n: number) {
  await t.prisma.$transaction(async (tx) => {
    await record(tx, viewer, { action: "member.update", entity: "Member", entityId: `mem_probe_${n}`, schoolId, organisationId: unitId, before: { fullName: "Nguyễn Văn A", position: "Giáo viên" }, after: { fullName: "Nguyễn Văn A", position: `Tổ phó ${n}` } });
  });
}

beforeAll(async () => {
  ({ t, v } = await openDemoDb());
  await rename(v.UPPER_SONTHUY, S.STA, "Trường Tiểu học Sơn Thủy A (đổi tên)");
  await rename(v.UPPER_SONTHUY, S.KD, "Trường Tiểu học Kim Đồng (đổi tên)");
  await rename(v.UPPER_BACSON, S.BS, "Trường Tiểu học Bắc Sơn (đổi tên)");
  await memberChange(v.STA_CHAIR, S.STA, O.CDGD_SONTHUY, 1);
  await memberChange(v.KD_CHAIR, S.KD, O.CDGD_SONTHUY, 2);
});
afterAll(() => t?.drop());

async function seen(viewer: Viewer, ctx: AuditContext): Promise<string[] | string> {
  try {
    const r = await listAuditLog(viewer, ctx);
    return [...new Set(r.rows.map((x) => x.schoolName ?? "-"))].sort();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describe("who sees which audit rows", () => {
  it("chairs and principals see their school's rows only; the chair of Kim Đồng sees nothing of Sơn Thủy A", async () => {
    const kd = await listAuditLog(v.KD_CHAIR, { schoolId: S.KD });
    expect(kd.rows.length).toBe(2);
    expect(kd.rows.every((r) => r.schoolName === "Trường Tiểu học Kim Đồng (đổi tên)")).toBe(true);
    expect(await seen(v.KD_CHAIR, { schoolId: S.STA })).toBe("NOT_FOUND");
    expect(await seen(v.KD_PRINCIPAL, { schoolId: S.STA })).toBe("NOT_FOUND");
    expect(await seen(v.STA_PRINCIPAL, { schoolId: S.STA })).toEqual(["Trường Tiểu học Sơn Thủy A (đổi tên)"]);
    expect(await seen(v.STA_CHAIR, { schoolId: S.BS })).toBe("NOT_FOUND");
  });

  it("group leaders and members have no audit.read", async () => {
    for (const k of ["STA_GROUP_LEADER", "STA_MEMBER"] as const) expect(await seen(v[k], { schoolId: S.STA })).toBe("NOT_FOUND");
  });

  it("school roles cannot open a unit's log", async () => {
    for (const k of ["STA_CHAIR", "STA_PRINCIPAL", "KD_CHAIR", "STA_MEMBER"] as const) expect(await seen(v[k], { unitId: O.CDGD_SONTHUY })).toBe("NOT_FOUND");
  });

  it("upper staff see their unit's schools, never the other tenant's", async () => {
    expect(await seen(v.UPPER_SONTHUY, { unitId: O.CDGD_SONTHUY })).toEqual(["Trường Tiểu học Kim Đồng (đổi tên)", "Trường Tiểu học Sơn Thủy A (đổi tên)"]);
    expect(await seen(v.UPPER_BACSON, { unitId: O.CDGD_BACSON })).toEqual(["Trường Tiểu học Bắc Sơn (đổi tên)"]);
    expect(await seen(v.UPPER_BACSON, { unitId: O.CDGD_SONTHUY })).toBe("NOT_FOUND");
    expect(await seen(v.UPPER_BACSON, { schoolId: S.KD })).toBe("NOT_FOUND");
    expect(await seen(v.UPPER_SONTHUY, { schoolId: S.BS })).toBe("NOT_FOUND");
    // A school's page for upper staff shows that school's rows.
    expect(await seen(v.UPPER_SONTHUY, { schoolId: S.KD })).toEqual(["Trường Tiểu học Kim Đồng (đổi tên)"]);
  });

  it("admins see every unit's rows", async () => {
    expect(await seen(v.ADMIN, { unitId: O.LDLD_SONHA })).toHaveLength(3);
  });
});

describe("what a row shows", () => {
  it("joins the actor's name and role, newest first", async () => {
    const r = await listAuditLog(v.UPPER_SONTHUY, { unitId: O.CDGD_SONTHUY });
    const ids = r.rows.map((x) => BigInt(x.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(ids);
    const top = r.rows[0];
    expect(top).toMatchObject({ actorName: "Đặng Văn Hùng", action: "member.update", entity: "Member" });
    expect(roleLabels(top.actorRole)).toContain("Chủ tịch công đoàn");
    const renamed = r.rows.find((x) => x.action === "school.update")!;
    expect(renamed.actorName).toBe("Phạm Quang Vinh");
    expect(actionLabel(renamed.action)).toBe("Sửa thông tin trường");
    expect(actionLabel("member.create")).toBe("Thêm đoàn viên");
    expect(actionLabel("plan.sign")).toBe("plan.sign");
  });

  it("lists only the fields that changed, in words", async () => {
    const r = await listAuditLog(v.STA_CHAIR, { schoolId: S.STA });
    const member = r.rows.find((x) => x.entity === "Member")!;
    expect(diffChanges(member.before, member.after, r.names)).toEqual([{ field: "position", label: "Chức vụ", before: "Giáo viên", after: "Tổ phó 1" }]);
    const school = r.rows.find((x) => x.entity === "School")!;
    expect(diffChanges(school.before, school.after, r.names)).toEqual([{ field: "name", label: "Tên", before: "Trường Tiểu học Sơn Thủy A", after: "Trường Tiểu học Sơn Thủy A (đổi tên)" }]);
    expect(diffChanges(null, { level: "THCS", unionUnitId: O.CDGD_SONTHUY, validFrom: "2025-09-05T00:00:00.000Z" }, { [O.CDGD_SONTHUY]: "Công đoàn Giáo dục huyện Sơn Thủy" }, "School")).toEqual([
      { field: "level", label: "Cấp học", before: null, after: "THCS" },
      { field: "unionUnitId", label: "Đơn vị cấp trên (công đoàn)", before: null, after: "Công đoàn Giáo dục huyện Sơn Thủy" },
      { field: "validFrom", label: "Hiệu lực từ", before: null, after: "05/09/2025" },
    ]);
  });

  it("filters by entity type and by Vietnam-time date range", async () => {
    const ctx = { unitId: O.CDGD_SONTHUY };
    const all = await listAuditLog(v.UPPER_SONTHUY, ctx);
    expect(all.entities).toEqual(["Member", "School"]);
    expect((await listAuditLog(v.UPPER_SONTHUY, ctx, { entity: "School" })).rows.every((r) => r.entity === "School")).toBe(true);
    expect((await listAuditLog(v.UPPER_SONTHUY, ctx, { entity: "School" })).total).toBe(2);
    // "Today" in Vietnam covers the rows just written; yesterday and tomorrow cover none.
    const vnToday = new Date(Date.now() + 7 * 3600_000);
    const day = (offset: number) => new Date(Date.UTC(vnToday.getUTCFullYear(), vnToday.getUTCMonth(), vnToday.getUTCDate() + offset));
    expect((await listAuditLog(v.UPPER_SONTHUY, ctx, { from: day(0), to: day(0) })).total).toBe(all.total);
    expect((await listAuditLog(v.UPPER_SONTHUY, ctx, { to: day(-1) })).total).toBe(0);
    expect((await listAuditLog(v.UPPER_SONTHUY, ctx, { from: day(1) })).total).toBe(0);
  });

  it("pages 50 at a time", async () => {
    for (let i = 0; i < 55; i++) await memberChange(v.STA_CHAIR, S.STA, O.CDGD_SONTHUY, 100 + i);
    const p1 = await listAuditLog(v.STA_CHAIR, { schoolId: S.STA });
    const p2 = await listAuditLog(v.STA_CHAIR, { schoolId: S.STA }, { page: 2 });
    expect(p1.total).toBe(57);
    expect(p1.rows).toHaveLength(50);
    expect(p2.rows).toHaveLength(7);
    expect(p1.rows[0].entityId).toBe("mem_probe_154");
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(57);
  });
});

describe("chain verdict", () => {
  it("is shown to admins and upper staff only", async () => {
    expect(await verifyAuditChain(v.ADMIN)).toMatchObject({ ok: true });
    expect(await verifyAuditChain(v.UPPER_SONTHUY)).toMatchObject({ ok: true });
    for (const k of ["STA_CHAIR", "STA_PRINCIPAL", "STA_MEMBER"] as const) expect(await verifyAuditChain(v[k])).toBeNull();
  });

  it("names the first tampered row", async () => {
    const victim = await t.prisma.auditLog.findFirstOrThrow({ where: { schoolId: S.KD }, orderBy: { id: "asc" } });
    // Tampering needs the append-only trigger off: what an attacker with database access would do.
    await t.sql.exec(`ALTER TABLE "AuditLog" DISABLE TRIGGER audit_no_update`);
    await t.sql.exec(`UPDATE "AuditLog" SET "after" = '{"name": "Giả mạo"}' WHERE "id" = ${victim.id}`);
    await t.sql.exec(`ALTER TABLE "AuditLog" ENABLE TRIGGER audit_no_update`);
    expect(await verifyAuditChain(v.UPPER_SONTHUY)).toEqual({ ok: false, kind: "tampered", firstBadId: victim.id.toString() });
  });
});
