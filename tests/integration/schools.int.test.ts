// Schools across tenants: two upper units (Sơn Thủy with five schools, Bắc Sơn with one) ×
// every demo role. In scope works; out of scope is NOT_FOUND (the same as a missing id),
// leaves the row as it was and writes no audit row. Server actions are called directly too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { current, form } from "../factories/action-env";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { can } from "@/lib/authz/permissions";
import { AppError } from "@/lib/server/errors";
import { getSchoolForEdit, getUnitOverview, listUnitSchools } from "@/lib/schools/queries";
import { createSchool, updateSchool } from "@/lib/schools/mutations";
import type { CreateSchoolInput } from "@/lib/schools/schemas";

const { createSchoolAction, updateSchoolAction } = await import("@/lib/schools/actions");

const O = DEMO.orgs;
const S = DEMO.schools;
const E = DEMO.emails;
const ST_SCHOOLS = [S.HM, S.STA, S.KD, S.LQD, S.NT];

let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb());
});
afterAll(() => t?.drop());

const auditCount = () => t.prisma.auditLog.count();
const snapshot = (id: string) => t.prisma.school.findUniqueOrThrow({ where: { id } });

function input(over: Partial<CreateSchoolInput> = {}): CreateSchoolInput {
  return { code: "ST-TEST", name: "Trường Tiểu học Thử Nghiệm", level: "TIEU_HOC", unionUnitId: O.CDGD_SONTHUY, ...over };
}

describe("reading schools", () => {
  it("lists a unit's schools only to its staff and admins", async () => {
    const expected: Record<string, { st: number | string; bs: number | string }> = {
      ADMIN: { st: 5, bs: 1 },
      UPPER_SONTHUY: { st: 5, bs: "NOT_FOUND" },
      UPPER_BACSON: { st: "NOT_FOUND", bs: 1 },
    };
    for (const k of Object.keys(E) as (keyof typeof E)[]) {
      const want = expected[k] ?? { st: "NOT_FOUND", bs: "NOT_FOUND" };
      const count = async (unit: string) => {
        try {
          return (await listUnitSchools(v[k], unit)).total;
        } catch (e) {
          return e instanceof AppError ? e.code : String(e);
        }
      };
      expect({ k, st: await count(O.CDGD_SONTHUY), bs: await count(O.CDGD_BACSON) }).toEqual({ k, ...want });
    }
  });

  it("never shows Sơn Thủy schools to Bắc Sơn staff, in any list or overview", async () => {
    const bs = await listUnitSchools(v.UPPER_BACSON, O.CDGD_BACSON);
    expect(bs.rows.map((r) => r.id)).toEqual([S.BS]);
    const ov = await getUnitOverview(v.UPPER_BACSON, O.CDGD_BACSON);
    expect(ov.rows.map((r) => r.id)).toEqual([S.BS]);
    expect(ov.totals).toEqual({ schools: 1, members: 12, groups: 1 });
    // Admins asking for the provincial root see both tenants; Bắc Sơn staff cannot ask for it.
    expect((await listUnitSchools(v.ADMIN, O.LDLD_SONHA)).total).toBe(6);
    expect(await code(listUnitSchools(v.UPPER_BACSON, O.LDLD_SONHA))).toBe("NOT_FOUND");
  });

  it("counts members (not those who left) and groups per school in the overview", async () => {
    const ov = await getUnitOverview(v.UPPER_SONTHUY, O.CDGD_SONTHUY);
    expect(ov.rows.map((r) => r.id).sort()).toEqual([...ST_SCHOOLS].sort());
    const lqd = ov.rows.find((r) => r.id === S.LQD)!;
    expect(lqd.members).toBe(DEMO.schoolSizes.sch_lqd - 1); // one has moved away
    expect(lqd.groups).toBe(5);
    expect(ov.totals.schools).toBe(5);
    expect(ov.totals.members).toBe(175 - 1);
    expect(ov.canCreate).toBe(true);
  });

  it("searches names ignoring diacritics and case, and codes", async () => {
    const r = await listUnitSchools(v.UPPER_SONTHUY, O.CDGD_SONTHUY, { q: "kim dong" });
    expect(r.rows.map((x) => x.name)).toEqual(["Trường Tiểu học Kim Đồng"]);
    expect((await listUnitSchools(v.UPPER_SONTHUY, O.CDGD_SONTHUY, { q: "TRƯỜNG THCS" })).total).toBe(2);
    expect((await listUnitSchools(v.UPPER_SONTHUY, O.CDGD_SONTHUY, { q: "st-thcs" })).total).toBe(2);
    // Bắc Sơn's school is not found from Sơn Thủy even by its exact name.
    expect((await listUnitSchools(v.UPPER_SONTHUY, O.CDGD_SONTHUY, { q: "bac son" })).total).toBe(0);
  });

  it("opens a school for editing exactly when the permission table allows it", async () => {
    for (const k of Object.keys(E) as (keyof typeof E)[]) {
      for (const unit of [O.CDGD_SONTHUY, O.CDGD_BACSON]) {
        for (const id of [...ST_SCHOOLS, S.BS]) {
          const school = await snapshot(id);
          const inUnit = school.unionUnitId === unit;
          const allowed = inUnit && can(v[k], "school.update", { unitId: school.unionUnitId, schoolId: id });
          expect({ k, unit, id, r: await code(getSchoolForEdit(v[k], unit, id)) }).toEqual({ k, unit, id, r: allowed ? "OK" : "NOT_FOUND" });
        }
      }
    }
  });
});

describe("changing schools", () => {
  it("refuses every cross-tenant or non-staff update with NOT_FOUND, unchanged row, no audit row", async () => {
    for (const k of Object.keys(E) as (keyof typeof E)[]) {
      for (const id of [S.STA, S.BS]) {
        const before = await snapshot(id);
        if (can(v[k], "school.update", { unitId: before.unionUnitId })) continue;
        const audits = await auditCount();
        const r = await code(updateSchool(v[k], { id, version: before.version, code: before.code, name: "Đã bị sửa trộm", level: before.level, unionUnitId: before.unionUnitId }));
        expect({ k, id, r }).toEqual({ k, id, r: "NOT_FOUND" });
        expect(await snapshot(id)).toEqual(before);
        expect(await auditCount()).toBe(audits);
      }
    }
  });

  it("an unknown id looks exactly like another tenant's", async () => {
    const missing = await code(updateSchool(v.UPPER_BACSON, { id: "sch_khong_co", version: 1, code: "X", name: "X", level: "THCS", unionUnitId: O.CDGD_BACSON }));
    const foreign = await code(updateSchool(v.UPPER_BACSON, { id: S.KD, version: 1, code: "X", name: "X", level: "THCS", unionUnitId: O.CDGD_BACSON }));
    expect(missing).toBe("NOT_FOUND");
    expect(foreign).toBe(missing);
  });

  it("creates a school under the viewer's unit, folded for search, union name derived, audited", async () => {
    const audits = await auditCount();
    const s = await createSchool(v.UPPER_SONTHUY, input({ govUnitId: O.UBND_SONTHUY, address: "Thôn Mới" }));
    const row = await snapshot(s.id);
    expect(row).toMatchObject({ code: "ST-TEST", nameSearch: "truong tieu hoc thu nghiem", unionName: "Công đoàn cơ sở Trường Tiểu học Thử Nghiệm", unionUnitId: O.CDGD_SONTHUY, govUnitId: O.UBND_SONTHUY, version: 1 });
    expect(await auditCount()).toBe(audits + 1);
    const a = await t.prisma.auditLog.findFirstOrThrow({ where: { entity: "School", entityId: s.id } });
    expect(a).toMatchObject({ action: "school.create", schoolId: s.id, organisationId: O.CDGD_SONTHUY, actorUserId: DEMO.users.UPPER_SONTHUY, actorRole: "UPPER_STAFF" });
    expect(a.after).toMatchObject({ code: "ST-TEST", name: "Trường Tiểu học Thử Nghiệm" });
    // Bắc Sơn still sees only its own school.
    expect((await listUnitSchools(v.UPPER_BACSON, O.CDGD_BACSON)).total).toBe(1);
  });

  it("refuses a duplicate code with a field error, writing nothing", async () => {
    const [schools, audits] = [await t.prisma.school.count(), await auditCount()];
    const err = await createSchool(v.UPPER_SONTHUY, input({ code: DEMO.schoolCodes.KD })).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("DUPLICATE");
    expect(err.fieldErrors).toEqual({ code: ["Mã trường đã tồn tại."] });
    // Another tenant's code collides too (codes are global), with the same answer.
    expect((await createSchool(v.UPPER_SONTHUY, input({ code: DEMO.schoolCodes.BS })).catch((e) => e)).fieldErrors).toEqual({ code: ["Mã trường đã tồn tại."] });
    expect(await t.prisma.school.count()).toBe(schools);
    expect(await auditCount()).toBe(audits);
  });

  it("two people creating the same code at once: one school, the other gets the field error", async () => {
    const [schools, audits] = [await t.prisma.school.count(), await auditCount()];
    const results = await Promise.all([0, 1, 2].map(() => code(createSchool(v.UPPER_SONTHUY, input({ code: "ST-RACE" })))));
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r === "DUPLICATE")).toHaveLength(2);
    expect(await t.prisma.school.count()).toBe(schools + 1);
    expect(await auditCount()).toBe(audits + 1);
  });

  it("never trusts the unit in the form: another tenant's or a government unit is refused", async () => {
    const [schools, audits] = [await t.prisma.school.count(), await auditCount()];
    for (const unionUnitId of [O.CDGD_BACSON, O.LDLD_SONHA, O.UBND_SONTHUY, "org_khong_co"]) {
      const err = await createSchool(v.UPPER_SONTHUY, input({ code: "ST-X1", unionUnitId })).catch((e) => e);
      expect({ unionUnitId, code: err.code, fields: Object.keys(err.fieldErrors ?? {}) }).toEqual({ unionUnitId, code: "INVALID", fields: ["unionUnitId"] });
    }
    const gov = await createSchool(v.UPPER_SONTHUY, input({ code: "ST-X2", govUnitId: O.CDGD_BACSON })).catch((e) => e);
    expect(gov.fieldErrors).toHaveProperty("govUnitId");
    for (const k of ["STA_CHAIR", "STA_PRINCIPAL", "STA_MEMBER", "KD_CHAIR"] as const) {
      expect(await code(createSchool(v[k], input({ code: "ST-X3" })))).toBe("INVALID");
    }
    expect(await t.prisma.school.count()).toBe(schools);
    expect(await auditCount()).toBe(audits);
  });

  it("updates with a version check: a stale version is a CONFLICT and changes nothing", async () => {
    const s = await snapshot(S.HM);
    const base = { id: s.id, code: s.code, name: s.name, level: s.level, address: s.address ?? undefined, unionName: s.unionName, unionUnitId: s.unionUnitId, govUnitId: s.govUnitId ?? undefined };
    const audits = await auditCount();
    await updateSchool(v.UPPER_SONTHUY, { ...base, version: s.version, address: "Thôn Đông mới, xã Sơn Thủy" });
    const after = await snapshot(S.HM);
    expect(after.version).toBe(s.version + 1);
    expect(after.address).toBe("Thôn Đông mới, xã Sơn Thủy");
    const a = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: S.HM, action: "school.update" }, orderBy: { id: "desc" } });
    expect(a).toMatchObject({ schoolId: S.HM, organisationId: O.CDGD_SONTHUY, before: { address: s.address }, after: { address: "Thôn Đông mới, xã Sơn Thủy" } });
    expect(await auditCount()).toBe(audits + 1);

    // The second editor still holds the old version.
    expect(await code(updateSchool(v.ADMIN, { ...base, version: s.version, name: "Trường Mầm non Hoa Mai 2" }))).toBe("CONFLICT");
    expect(await snapshot(S.HM)).toEqual(after);
    expect(await auditCount()).toBe(audits + 1);
  });

  it("renaming refreshes the search key; a code taken by another school is refused", async () => {
    const s = await snapshot(S.NT);
    const base = { id: s.id, code: s.code, level: s.level, unionName: s.unionName, unionUnitId: s.unionUnitId };
    await updateSchool(v.UPPER_SONTHUY, { ...base, version: s.version, name: "Trường THCS Nguyễn Trãi – Sơn Thủy" });
    expect((await snapshot(S.NT)).nameSearch).toBe("truong thcs nguyen trai – son thuy");
    const err = await updateSchool(v.UPPER_SONTHUY, { ...base, version: s.version + 1, name: s.name, code: DEMO.schoolCodes.LQD }).catch((e) => e);
    expect(err.fieldErrors).toEqual({ code: ["Mã trường đã tồn tại."] });
  });

  it("cannot move a school to a unit the viewer does not serve", async () => {
    const s = await snapshot(S.LQD);
    const err = await updateSchool(v.UPPER_SONTHUY, { id: s.id, version: s.version, code: s.code, name: s.name, level: s.level, unionUnitId: O.CDGD_BACSON }).catch((e) => e);
    expect(err.fieldErrors).toHaveProperty("unionUnitId");
    expect(await snapshot(S.LQD)).toEqual(s);
  });
});

describe("server actions called directly (they are public endpoints)", () => {
  it("refuses a chair and another tenant, changing nothing", async () => {
    const kd = await snapshot(S.KD);
    const [schools, audits] = [await t.prisma.school.count(), await auditCount()];
    for (const viewer of [v.STA_CHAIR, v.KD_PRINCIPAL, v.UPPER_BACSON, v.STA_MEMBER]) {
      current.viewer = viewer;
      const created = await createSchoolAction(null, form({ code: "ST-HACK", name: "Trường giả", level: "THCS", unionUnitId: O.CDGD_SONTHUY }));
      expect(created?.ok).toBe(false);
      const updated = await updateSchoolAction(null, form({ id: S.KD, version: String(kd.version), code: kd.code, name: "Bị sửa", level: kd.level, unionUnitId: kd.unionUnitId }));
      expect(updated).toMatchObject({ ok: false, message: "Không tìm thấy dữ liệu này, hoặc bạn không có quyền xem." });
    }
    expect(await snapshot(S.KD)).toEqual(kd);
    expect(await t.prisma.school.count()).toBe(schools);
    expect(await auditCount()).toBe(audits);
  });

  it("refuses unknown fields and keeps typed values with field errors", async () => {
    current.viewer = v.UPPER_SONTHUY;
    const extra = await createSchoolAction(null, form({ code: "ST-A1", name: "Trường A1", level: "THCS", unionUnitId: O.CDGD_SONTHUY, schoolId: S.BS }));
    expect(extra?.ok).toBe(false);
    const bad = await createSchoolAction(null, form({ code: "st a1", name: "Trường A1", level: "THCS", unionUnitId: O.CDGD_SONTHUY }));
    expect(bad).toMatchObject({ ok: false, values: { code: "st a1", name: "Trường A1" } });
    expect(bad && !bad.ok && bad.fieldErrors?.code?.length).toBeTruthy();
  });

  it("creates for the unit's staff and redirects to the unit's list", async () => {
    current.viewer = v.UPPER_SONTHUY;
    const err = await createSchoolAction(null, form({ code: "st-th-moi", name: "Trường Tiểu học Mới", level: "TIEU_HOC", unionUnitId: O.CDGD_SONTHUY, unitId: O.CDGD_SONTHUY })).catch((e) => e);
    expect(err.to).toBe(`/cap-tren/${O.CDGD_SONTHUY}/truong?da-luu=ST-TH-MOI`);
    expect(await t.prisma.school.findUnique({ where: { code: "ST-TH-MOI" } })).toMatchObject({ unionUnitId: O.CDGD_SONTHUY });
  });

  it("an anonymous caller is sent to sign in before anything happens", async () => {
    current.viewer = null;
    await expect(createSchoolAction(null, form({ code: "ST-ANON", name: "X", level: "THCS", unionUnitId: O.CDGD_SONTHUY }))).rejects.toThrow(/dang-nhap/);
    expect(await t.prisma.school.findUnique({ where: { code: "ST-ANON" } })).toBeNull();
  });
});
