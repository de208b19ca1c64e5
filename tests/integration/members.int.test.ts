// Members and union groups across tenants, with real viewers on the demo data: each role sees
// exactly its scope; out of scope is NOT_FOUND (like a missing id), leaves the row unchanged and
// writes no audit row; edits are version-checked and audited; Excel import is all-or-nothing
// unless "only valid rows" is chosen. Server actions are called directly as well.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { current, form } from "../factories/action-env";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { exportMembers, getMemberOrThrow, getOwnMember, listMembers } from "@/lib/members/queries";
import { changeMemberStatus, createMember, moveMember, updateMember } from "@/lib/members/mutations";
import type { UpdateMemberInput } from "@/lib/members/schemas";
import { IMPORT_COLUMNS } from "@/lib/members/rules";
import { listGroupOptions, listGroups } from "@/lib/groups/queries";
import { createGroup, renameGroup } from "@/lib/groups/mutations";
import { foldVietnamese, vietnameseSortKey } from "@/lib/format";

const { createMemberAction, importMembersAction, updateMemberAction } = await import("@/lib/members/actions");
const { createGroupAction } = await import("@/lib/groups/actions");

const S = DEMO.schools;
const M = DEMO.members;
const G = DEMO.groups;

let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb());
});
afterAll(() => t?.drop());

const row = (id: string) => t.prisma.member.findUniqueOrThrow({ where: { id } });
const auditCount = () => t.prisma.auditLog.count();

function editInput(m: { id: string; version: number; fullName: string; gender: "NAM" | "NU" }, patch: Partial<UpdateMemberInput> = {}): UpdateMemberInput {
  return { memberId: m.id, version: m.version, fullName: m.fullName, gender: m.gender, ...patch };
}

describe("reading members: each role sees its scope", () => {
  it("the chair lists the school in Vietnamese order, 50 a page, and may manage and export", async () => {
    const r = await listMembers(v.STA_CHAIR, S.STA, { status: "tat-ca" }, 1);
    expect(r.total).toBe(DEMO.schoolSizes.sch_sta);
    expect(r.canManage && r.canExport).toBe(true);
    const keys = r.items.map((i) => vietnameseSortKey(i.fullName));
    expect(keys).toEqual([...keys].sort());
    expect(Object.keys(r.items[0]).sort()).toEqual(["dateOfBirth", "fullName", "gender", "id", "position", "status", "unionGroup"]);
  });

  it('search "nguyen thi thanh tam" finds "Nguyễn Thị Thanh Tâm" (diacritics and case ignored), and only in the school', async () => {
    for (const q of ["nguyen thi thanh tam", "NGUYỄN THỊ THANH TÂM", "  thanh   TAM "]) {
      const r = await listMembers(v.STA_CHAIR, S.STA, { q }, 1);
      expect(r.items.map((i) => i.id)).toEqual([M.STA_CHAIR]);
    }
    // Kim Đồng's "Nguyễn Thị Thanh Tám" folds the same: the chair of Kim Đồng finds only theirs.
    expect((await listMembers(v.KD_CHAIR, S.KD, { q: "nguyen thi thanh tam" }, 1)).items.map((i) => i.id)).toEqual([M.KD_THANH_TAM]);
  });

  it("filters by union group and status", async () => {
    const k12 = await listMembers(v.STA_CHAIR, S.STA, { groupId: G.STA_K12 }, 1);
    expect(k12.items.length).toBe(11);
    expect(k12.items.every((i) => i.unionGroup === "Tổ CĐ Khối 1–2")).toBe(true);
    const maternity = await listMembers(v.STA_CHAIR, S.STA, { status: "thai-san" }, 1);
    expect(maternity.items.map((i) => i.id)).toEqual([M.STA_MATERNITY]);
    // Another school's group id filters to nothing rather than leaking its members.
    expect((await listMembers(v.STA_CHAIR, S.STA, { groupId: G.KD_K12 }, 1)).total).toBe(0);
  });

  it("the group leader sees only grp_sta_k12", async () => {
    const r = await listMembers(v.STA_GROUP_LEADER, S.STA, { status: "tat-ca" }, 1);
    expect(r.total).toBe(11);
    const groups = await t.prisma.member.findMany({ where: { id: { in: r.items.map((i) => i.id) } }, select: { unionGroupId: true } });
    expect(new Set(groups.map((g) => g.unionGroupId))).toEqual(new Set([G.STA_K12]));
    expect(r.canManage || r.canExport).toBe(false);
    expect(await code(getMemberOrThrow(v.STA_GROUP_LEADER, S.STA, M.STA_CHAIR))).toBe("NOT_FOUND");
    expect(await code(getMemberOrThrow(v.STA_GROUP_LEADER, S.STA, M.STA_MEMBER))).toBe("OK");
    expect(await code(exportMembers(v.STA_GROUP_LEADER, S.STA, {}))).toBe("NOT_FOUND");
  });

  it("a member sees only themselves", async () => {
    expect(await code(listMembers(v.STA_MEMBER, S.STA, {}, 1))).toBe("NOT_FOUND");
    expect(await code(getMemberOrThrow(v.STA_MEMBER, S.STA, M.STA_MEMBER))).toBe("OK");
    expect(await code(getMemberOrThrow(v.STA_MEMBER, S.STA, M.STA_GROUP_LEADER))).toBe("NOT_FOUND");
    const own = await getOwnMember(v.STA_MEMBER);
    expect(own).toMatchObject({ id: M.STA_MEMBER, fullName: "Lê Văn Tuấn", schoolName: "Trường Tiểu học Sơn Thủy A", unionGroup: "Tổ CĐ Khối 1–2", dateOfBirth: "02/11/1990" });
    expect(await getOwnMember(v.ADMIN)).toBeNull();
  });

  it("the principal and Sơn Thủy's upper staff read and export but do not manage", async () => {
    for (const who of [v.STA_PRINCIPAL, v.UPPER_SONTHUY]) {
      const r = await listMembers(who, S.STA, {}, 1);
      expect(r.total).toBeGreaterThan(30);
      expect(r.canManage).toBe(false);
      expect(r.canExport).toBe(true);
      expect((await exportMembers(who, S.STA, {})).rows.length).toBe(r.total);
    }
    expect((await getMemberOrThrow(v.STA_PRINCIPAL, S.STA, M.STA_CHAIR)).canManage).toBe(false);
  });

  it("upper staff of Bắc Sơn see none of Sơn Thủy", async () => {
    for (const s of [S.STA, S.KD, S.HM]) {
      expect(await code(listMembers(v.UPPER_BACSON, s, {}, 1))).toBe("NOT_FOUND");
      expect(await code(exportMembers(v.UPPER_BACSON, s, {}))).toBe("NOT_FOUND");
      expect(await code(listGroups(v.UPPER_BACSON, s))).toBe("NOT_FOUND");
    }
    expect(await code(getMemberOrThrow(v.UPPER_BACSON, S.STA, M.STA_CHAIR))).toBe("NOT_FOUND");
    expect((await listMembers(v.UPPER_BACSON, S.BS, {}, 1)).total).toBe(12);
  });

  it("the chair of Kim Đồng cannot read Sơn Thủy A: another school's id looks missing", async () => {
    expect(await code(listMembers(v.KD_CHAIR, S.STA, {}, 1))).toBe("NOT_FOUND");
    expect(await code(getMemberOrThrow(v.KD_CHAIR, S.STA, M.STA_MEMBER))).toBe("NOT_FOUND");
    // The right school id in the URL with another school's member id: still not found.
    expect(await code(getMemberOrThrow(v.KD_CHAIR, S.KD, M.STA_MEMBER))).toBe("NOT_FOUND");
    expect(await code(getMemberOrThrow(v.KD_CHAIR, S.KD, "khong_co"))).toBe("NOT_FOUND");
    expect(await code(exportMembers(v.KD_CHAIR, S.STA, {}))).toBe("NOT_FOUND");
  });
});

describe("changing members", () => {
  it("the chair of Kim Đồng cannot update, move or change the status of a Sơn Thủy A member: NOT_FOUND, row unchanged, no audit", async () => {
    const before = await row(M.STA_MEMBER);
    const audits = await auditCount();
    const edit = editInput({ ...before, gender: before.gender }, { fullName: "Kẻ xâm nhập" });
    expect(await code(updateMember(v.KD_CHAIR, edit))).toBe("NOT_FOUND");
    expect(await code(moveMember(v.KD_CHAIR, { memberId: before.id, version: before.version, unionGroupId: G.KD_K12 }))).toBe("NOT_FOUND");
    expect(await code(changeMemberStatus(v.KD_CHAIR, { memberId: before.id, version: before.version, status: "LEFT" }))).toBe("NOT_FOUND");
    for (const who of [v.STA_PRINCIPAL, v.STA_GROUP_LEADER, v.STA_MEMBER, v.UPPER_SONTHUY, v.UPPER_BACSON]) {
      expect(await code(updateMember(who, edit))).toBe("NOT_FOUND");
    }
    expect(await row(M.STA_MEMBER)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("the chair edits a member: search columns derived, version bumped, audit with before/after", async () => {
    const before = await row(M.STA_RECRUIT_2025);
    const updated = await updateMember(v.STA_CHAIR, editInput(before, { fullName: "Phùng Thị Ánh Tuyết", phone: "0912 345 678", dateOfBirth: new Date(Date.UTC(1999, 5, 12)) }));
    expect(updated.version).toBe(before.version + 1);
    const after = await row(M.STA_RECRUIT_2025);
    expect(after).toMatchObject({ fullName: "Phùng Thị Ánh Tuyết", nameSearch: "phung thi anh tuyet", sortKey: vietnameseSortKey("Phùng Thị Ánh Tuyết"), phone: "0912 345 678", schoolId: S.STA });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entity: "Member", entityId: before.id, action: "member.update" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorUserId: DEMO.users.STA_CHAIR, schoolId: S.STA, organisationId: DEMO.orgs.CDGD_SONTHUY });
    expect(audit.actorRole).toContain("UNION_CHAIR");
    expect(audit.before).toMatchObject({ fullName: before.fullName, version: before.version });
    expect(audit.after).toMatchObject({ fullName: "Phùng Thị Ánh Tuyết", version: before.version + 1, dateOfBirth: "1999-06-12" });
  });

  it("a stale version is refused with CONFLICT and the first save stays", async () => {
    const m = await row(M.STA_GROUP_LEADER);
    await updateMember(v.STA_CHAIR, editInput(m, { position: "Tổ trưởng (lần 1)" }));
    expect(await code(updateMember(v.STA_CHAIR, editInput(m, { position: "Tổ trưởng (lần 2)" })))).toBe("CONFLICT");
    expect((await row(M.STA_GROUP_LEADER)).position).toBe("Tổ trưởng (lần 1)");
    // Two saves racing from the same version: exactly one wins.
    const fresh = await row(M.STA_GROUP_LEADER);
    const results = await Promise.all([1, 2].map((n) => code(updateMember(v.STA_CHAIR, editInput(fresh, { position: `Đua ${n}` })))));
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    expect((await row(M.STA_GROUP_LEADER)).version).toBe(fresh.version + 1);
  });

  it("the action shows the conflict message and keeps what was typed", async () => {
    const m = await row(M.STA_PRINCIPAL);
    current.viewer = v.STA_CHAIR;
    const state = await updateMemberAction(null, form({ memberId: m.id, version: String(m.version - 1 || 99), fullName: "Hoàng Văn Minh", gender: "NAM", position: "Hiệu trưởng mới" }));
    expect(state).toMatchObject({ ok: false, message: expect.stringContaining("người khác thay đổi") });
    expect(state?.ok === false && state.values?.position).toBe("Hiệu trưởng mới");
  });

  it("moves a member between groups of the same school only", async () => {
    const m = await row(M.STA_MEMBER);
    expect(await code(moveMember(v.STA_CHAIR, { memberId: m.id, version: m.version, unionGroupId: G.KD_K12 }))).toBe("INVALID");
    expect((await row(M.STA_MEMBER)).unionGroupId).toBe(G.STA_K12);
    await moveMember(v.STA_CHAIR, { memberId: m.id, version: m.version, unionGroupId: G.STA_K3 });
    const moved = await row(M.STA_MEMBER);
    expect(moved.unionGroupId).toBe(G.STA_K3);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: m.id, action: "member.move" } });
    expect(audit.before).toMatchObject({ unionGroupId: G.STA_K12 });
    expect(audit.after).toMatchObject({ unionGroupId: G.STA_K3 });
    await moveMember(v.STA_CHAIR, { memberId: m.id, version: moved.version, unionGroupId: G.STA_K12 });
  });

  it("status changes follow the rules, are audited, and never delete", async () => {
    let m = await row(M.STA_MATERNITY);
    expect(await code(changeMemberStatus(v.STA_CHAIR, { memberId: m.id, version: m.version, status: "ON_LEAVE" }))).toBe("STATE");
    await changeMemberStatus(v.STA_CHAIR, { memberId: m.id, version: m.version, status: "ACTIVE" });
    m = await row(M.STA_MATERNITY);
    await changeMemberStatus(v.STA_CHAIR, { memberId: m.id, version: m.version, status: "LEFT" });
    m = await row(M.STA_MATERNITY);
    expect(m.status).toBe("LEFT");
    const actions = await t.prisma.auditLog.findMany({ where: { entityId: m.id, action: "member.status" }, orderBy: { id: "asc" } });
    expect(actions.map((a) => [(a.before as { status: string }).status, (a.after as { status: string }).status])).toEqual([
      ["MATERNITY_LEAVE", "ACTIVE"],
      ["ACTIVE", "LEFT"],
    ]);
    // Left members leave the default list but stay in the school.
    expect((await listMembers(v.STA_CHAIR, S.STA, {}, 1)).items.some((i) => i.id === m.id)).toBe(false);
    expect((await listMembers(v.STA_CHAIR, S.STA, { status: "da-nghi" }, 1)).items.some((i) => i.id === m.id)).toBe(true);
    await changeMemberStatus(v.STA_CHAIR, { memberId: m.id, version: m.version, status: "ACTIVE" });
  });

  it("creates a member in the chair's school only; the group must be the school's; one record per form", async () => {
    const count = await t.prisma.member.count();
    const base = { idempotencyKey: "k-create-1", fullName: "Đinh Thị Ngọc Ánh", gender: "NU" as const, status: "ACTIVE" as const };
    expect(await code(createMember(v.KD_CHAIR, { ...base, schoolId: S.STA }))).toBe("NOT_FOUND");
    expect(await code(createMember(v.STA_CHAIR, { ...base, schoolId: S.STA, unionGroupId: G.KD_K3 }))).toBe("INVALID");
    expect(await t.prisma.member.count()).toBe(count);
    const first = await createMember(v.STA_CHAIR, { ...base, schoolId: S.STA, unionGroupId: G.STA_K3 });
    const again = await createMember(v.STA_CHAIR, { ...base, schoolId: S.STA, unionGroupId: G.STA_K3 });
    expect(first.id).toBeTruthy();
    expect(again.id).toBe(first.id); // the resubmit is answered with the first member
    expect(await t.prisma.member.count()).toBe(count + 1);
    const m = await row(first.id!);
    expect(m).toMatchObject({ schoolId: S.STA, unionGroupId: G.STA_K3, nameSearch: foldVietnamese("Đinh Thị Ngọc Ánh"), status: "ACTIVE", version: 1 });
    expect(await t.prisma.auditLog.count({ where: { entityId: m.id, action: "member.create" } })).toBe(1);
  });

  it("the create action returns field errors with the typed values, then redirects", async () => {
    current.viewer = v.STA_CHAIR;
    const fields = { schoolId: S.STA, idempotencyKey: "k-action-1", fullName: "Tạ Văn Khoa", gender: "NAM", dateOfBirth: "31/02/1991", phone: "0987 654 321" };
    const bad = await createMemberAction(null, form(fields));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { dateOfBirth: ["Ngày sinh không hợp lệ (định dạng dd/mm/yyyy)."] }, values: { fullName: "Tạ Văn Khoa", phone: "0987 654 321" } });
    const ok = await createMemberAction(null, form({ ...fields, dateOfBirth: "28/02/1991" })).catch((e) => e);
    expect(ok.to).toMatch(new RegExp(`^/truong/${S.STA}/doan-vien/[a-z0-9]+\\?da-luu=moi$`));
  });

  it("actions refuse a plain member before reading the form: nothing echoed, nothing written", async () => {
    current.viewer = v.STA_MEMBER;
    const count = await t.prisma.member.count();
    const state = await createMemberAction(null, form({ schoolId: S.KD, fullName: "Kẻ xâm nhập" }));
    expect(state).toEqual({ ok: false, message: expect.stringContaining("không có quyền") });
    expect(JSON.stringify(state)).not.toContain("Kẻ xâm nhập");
    expect(await createGroupAction(null, form({ schoolId: S.STA, name: "Kẻ xâm nhập" }))).toMatchObject({ ok: false });
    expect(await t.prisma.member.count()).toBe(count);
    current.viewer = null;
    await expect(createMemberAction(null, form({}))).rejects.toThrow(/NEXT_REDIRECT/);
  });
});

describe("Excel import", () => {
  async function xlsx(rows: unknown[][]): Promise<File> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Đoàn viên");
    ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
    for (const r of rows) ws.addRow(r);
    return new File([new Uint8Array(await wb.xlsx.writeBuffer())], "danh-sach.xlsx");
  }
  const good1 = ["Mai Thị Hồng Nhung", "Nữ", "14/02/1993", "Giáo viên", "Tổ Khối 3", "Tổ CĐ Khối 3", "nhung.mth@example.vn", "0903111222"];
  const good2 = ["Châu Văn Phúc", "Nam", "01/12/1988", "Giáo viên", null, "khoi 4-5"];
  const bad = ["Tô Thị Yến", "Nữ", "32/01/1990"];

  it("imports nothing when a row is invalid, and says which", async () => {
    current.viewer = v.STA_CHAIR;
    const count = await t.prisma.member.count();
    const audits = await auditCount();
    const state = await importMembersAction(null, form({ schoolId: S.STA, intent: "import", file: await xlsx([good1, bad, good2]) }));
    expect(state?.ok).toBe(true);
    const result = state?.ok ? (state.data?.result as { imported: number; valid: number; problems: unknown[] }) : null;
    expect(result).toMatchObject({ imported: 0, valid: 2, problems: [{ row: 3, column: "Ngày sinh", message: "Ngày sinh không hợp lệ (định dạng dd/mm/yyyy)." }] });
    expect(await t.prisma.member.count()).toBe(count);
    expect(await auditCount()).toBe(audits);
  });

  it('imports only the valid rows when "chỉ nhập các dòng hợp lệ" is ticked, in one transaction with one audit entry', async () => {
    current.viewer = v.STA_CHAIR;
    const count = await t.prisma.member.count();
    const state = await importMembersAction(null, form({ schoolId: S.STA, intent: "import", validOnly: "on", file: await xlsx([good1, bad, good2]) }));
    expect(state).toMatchObject({ ok: true, message: "Đã nhập 2 đoàn viên. Bỏ qua 1 dòng chưa hợp lệ." });
    expect(await t.prisma.member.count()).toBe(count + 2);
    const nhung = await t.prisma.member.findFirstOrThrow({ where: { schoolId: S.STA, fullName: "Mai Thị Hồng Nhung" } });
    expect(nhung).toMatchObject({ unionGroupId: G.STA_K3, gender: "NU", phone: "0903111222", nameSearch: "mai thi hong nhung" });
    expect((await t.prisma.member.findFirstOrThrow({ where: { fullName: "Châu Văn Phúc" } })).unionGroupId).toBe(G.STA_K45);
    // One entry for the import with its count, not one per member (issue 11: they buried the log).
    expect(await t.prisma.auditLog.count({ where: { entityId: nhung.id, action: "member.create" } })).toBe(0);
    const summary = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "member.import", entityId: S.STA }, orderBy: { id: "desc" } });
    expect(summary.after).toMatchObject({ imported: 2, skipped: 1, skippedRows: [3], fileName: "danh-sach.xlsx" });

    // The same file again: everyone is already there, so nothing is imported twice.
    const again = await importMembersAction(null, form({ schoolId: S.STA, intent: "import", validOnly: "on", file: await xlsx([good1, good2]) }));
    expect(again?.ok && (again.data?.result as { imported: number }).imported).toBe(0);
    expect(await t.prisma.member.count()).toBe(count + 2);
  });

  it("a clean file imports whole; a check only reports", async () => {
    current.viewer = v.KD_CHAIR;
    const count = await t.prisma.member.count({ where: { schoolId: S.KD } });
    const file = await xlsx([["Lục Thị Thu", "Nữ", "05/05/1995", null, null, "Tổ CĐ Văn phòng"]]);
    const check = await importMembersAction(null, form({ schoolId: S.KD, intent: "check", file }));
    expect(check).toMatchObject({ ok: true, message: "Tệp hợp lệ: 1 đoàn viên sẵn sàng để nhập." });
    expect(await t.prisma.member.count({ where: { schoolId: S.KD } })).toBe(count);
    const done = await importMembersAction(null, form({ schoolId: S.KD, intent: "import", file }));
    expect(done).toMatchObject({ ok: true, message: "Đã nhập 1 đoàn viên." });
    expect((await t.prisma.member.findFirstOrThrow({ where: { fullName: "Lục Thị Thu" } })).unionGroupId).toBe(G.KD_VAN_PHONG);
  });

  it("refuses other schools and files that are not .xlsx", async () => {
    current.viewer = v.KD_CHAIR;
    const count = await t.prisma.member.count();
    const other = await importMembersAction(null, form({ schoolId: S.STA, intent: "import", file: await xlsx([good1]) }));
    expect(other).toMatchObject({ ok: false, message: expect.stringContaining("Không tìm thấy") });
    const csv = await importMembersAction(null, form({ schoolId: S.KD, intent: "import", file: new File(["Họ và tên,Giới tính\nA,Nam"], "ds.xlsx") }));
    expect(csv).toMatchObject({ ok: false, fieldErrors: { file: ["Tệp không phải là tệp Excel .xlsx hợp lệ."] } });
    const renamed = await importMembersAction(null, form({ schoolId: S.KD, intent: "import", file: new File([new Uint8Array(await (await xlsx([good1])).arrayBuffer())], "ds.xls") }));
    expect(renamed).toMatchObject({ ok: false, fieldErrors: { file: ["Chỉ nhận tệp Excel có đuôi .xlsx."] } });
    current.viewer = v.STA_PRINCIPAL;
    expect(await importMembersAction(null, form({ schoolId: S.STA, intent: "import", file: await xlsx([good1]) }))).toMatchObject({ ok: false });
    expect(await t.prisma.member.count()).toBe(count);
  });
});

describe("union groups", () => {
  it("lists groups with member counts and leaders for everyone at the school", async () => {
    const r = await listGroups(v.STA_MEMBER, S.STA);
    expect(r.canManage).toBe(false);
    const k12 = r.items.find((g) => g.id === G.STA_K12)!;
    expect(k12.members).toBe(11);
    expect(k12.leaders).toEqual(["Trần Thị Mỹ Linh"]);
    expect(r.items.map((g) => g.name)).toEqual(["Tổ CĐ Khối 1–2", "Tổ CĐ Khối 3", "Tổ CĐ Khối 4–5", "Tổ CĐ Văn phòng"]);
    expect((await listGroups(v.STA_CHAIR, S.STA)).canManage).toBe(true);
    expect(await code(listGroups(v.KD_CHAIR, S.STA))).toBe("NOT_FOUND");
    expect(await code(listGroupOptions(v.KD_CHAIR, S.STA))).toBe("NOT_FOUND");
  });

  it("the chair creates and renames groups of their school only, audited, version-checked", async () => {
    const audits = await auditCount();
    expect(await code(createGroup(v.KD_CHAIR, { schoolId: S.STA, name: "Tổ CĐ Lạ" }))).toBe("NOT_FOUND");
    expect(await code(createGroup(v.STA_PRINCIPAL, { schoolId: S.STA, name: "Tổ CĐ Lạ" }))).toBe("NOT_FOUND");
    expect(await code(createGroup(v.STA_CHAIR, { schoolId: S.STA, name: "tổ cđ khối 3" }))).toBe("DUPLICATE");
    expect(await auditCount()).toBe(audits);

    const g = await createGroup(v.STA_CHAIR, { schoolId: S.STA, name: "Tổ CĐ Nhân viên" });
    expect(g).toMatchObject({ schoolId: S.STA, version: 1 });
    expect(await code(renameGroup(v.KD_CHAIR, { groupId: g.id, version: 1, name: "X" }))).toBe("NOT_FOUND");
    await renameGroup(v.STA_CHAIR, { groupId: g.id, version: 1, name: "Tổ CĐ Nhân viên – Bảo vệ" });
    expect(await code(renameGroup(v.STA_CHAIR, { groupId: g.id, version: 1, name: "Cũ" }))).toBe("CONFLICT");
    expect(await code(renameGroup(v.STA_CHAIR, { groupId: g.id, version: 2, name: "Tổ CĐ Văn phòng" }))).toBe("DUPLICATE");
    expect((await t.prisma.unionGroup.findUniqueOrThrow({ where: { id: g.id } })).name).toBe("Tổ CĐ Nhân viên – Bảo vệ");
    const rename = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: g.id, action: "group.rename" } });
    expect(rename.before).toMatchObject({ name: "Tổ CĐ Nhân viên" });
    expect(rename.after).toMatchObject({ name: "Tổ CĐ Nhân viên – Bảo vệ" });
  });
});

describe("scale", () => {
  it("pages and searches a school of 10,000 members correctly (speed: npm run bench)", async () => {
    const org = await t.prisma.organisation.create({ data: { name: "Công đoàn thử tải", type: "CONG_DOAN_NGANH_GD", validFrom: new Date("2020-01-01") } });
    const school = await t.prisma.school.create({ data: { code: "LOAD-1", name: "Trường thử tải", nameSearch: "truong thu tai", level: "THCS", unionName: "CĐCS thử tải", unionUnitId: org.id } });
    const family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
    const given = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Khánh", "Linh", "Minh", "Ngọc", "Phương", "Quân", "Sơn", "Thảo", "Uyên", "Vy"];
    const data = Array.from({ length: 10_000 }, (_, i) => {
      const fullName = `${family[i % 8]} Văn ${given[(i * 7) % 16]} ${i}`;
      return { schoolId: school.id, fullName, nameSearch: foldVietnamese(fullName), sortKey: vietnameseSortKey(fullName), gender: "NAM" as const };
    });
    for (let i = 0; i < data.length; i += 2000) await t.prisma.member.createMany({ data: data.slice(i, i + 2000) });
    const admin = v.ADMIN;
    await listMembers(admin, school.id, {}, 1); // warm up
    const last = await listMembers(admin, school.id, {}, 200);
    expect(last.total).toBe(10_000);
    expect(last.items).toHaveLength(50);
    const q = foldVietnamese(data[1234].fullName).slice(0, -2); // "… 12": 1234 and its neighbours 12, 120–129…
    const found = await listMembers(admin, school.id, { q: q.toUpperCase() }, 1);
    expect(found.items.map((i) => i.fullName)).toContain(data[1234].fullName);
    expect(found.items.every((i) => foldVietnamese(i.fullName).includes(q))).toBe(true);
  }, 120_000);
});
