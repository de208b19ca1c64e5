// Issue 11, members: the union fields of the record (form, detail, Excel both ways), search by
// word prefix with ranking, and an import of 10,000 rows in one file with one audit entry.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { current, form } from "../factories/action-env";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { exportMembers, getMemberOrThrow, listMembers } from "@/lib/members/queries";
import { buildExportWorkbook, parseMemberWorkbook } from "@/lib/members/excel";
import { IMPORT_COLUMNS } from "@/lib/members/rules";
import { foldVietnamese, vietnameseSortKey } from "@/lib/format";

const { createMemberAction, importMembersAction } = await import("@/lib/members/actions");

const S = DEMO.schools;
let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb());
});
afterAll(() => t?.drop());

describe("the union fields of a member record", () => {
  let id = "";
  it("the chair records CCCD, ethnicity, hometown, card number, Party membership; the record shows them", async () => {
    current.viewer = v.STA_CHAIR;
    const res = await createMemberAction(
      null,
      form({
        schoolId: S.STA,
        idempotencyKey: "k-union-1",
        fullName: "Lò Thị Bình",
        gender: "NU",
        dateOfBirth: "14/02/1986",
        citizenId: "014 186 001 234",
        ethnicity: "Thái",
        hometown: "Mường La, Sơn La",
        unionCardNumber: "CĐ-2026-0042",
        partyMember: "on",
        partyJoinedAt: "19/05/2012",
        joinedUnionAt: "01/09/2008",
        status: "ACTIVE",
      }),
    ).catch((e: { to?: string }) => e);
    const to = (res as { to?: string }).to ?? "";
    expect(to).toMatch(/\/doan-vien\/[^/?]+\?da-luu=moi$/);
    id = to.split("/doan-vien/")[1].split("?")[0];
    const { member } = await getMemberOrThrow(v.STA_CHAIR, S.STA, id);
    expect(member).toMatchObject({
      citizenId: "014186001234",
      ethnicity: "Thái",
      hometown: "Mường La, Sơn La",
      unionCardNumber: "CĐ-2026-0042",
      partyMember: true,
      partyJoinedAt: "19/05/2012",
      joinedUnionAt: "01/09/2008",
    });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "member.create", entityId: id } });
    expect(audit.after).toMatchObject({ citizenId: "014186001234", partyMember: true, partyJoinedAt: "2012-05-19" });
  });

  it("a group leader sees only the last digits of the CCCD (personal data)", async () => {
    const m = await t.prisma.member.findUniqueOrThrow({ where: { id } });
    await t.prisma.member.update({ where: { id }, data: { unionGroupId: DEMO.groups.STA_K12 } });
    const { member } = await getMemberOrThrow(v.STA_GROUP_LEADER, S.STA, id);
    expect(member.citizenId).toBe("••••••••1234");
    expect((await getMemberOrThrow(v.STA_PRINCIPAL, S.STA, id)).member.citizenId).toBe("014186001234");
    await t.prisma.member.update({ where: { id }, data: { unionGroupId: m.unionGroupId } });
  });

  it("a CCCD that is not 12 digits, or does not match the gender and birth year, is refused beside its field; values kept", async () => {
    current.viewer = v.STA_CHAIR;
    const count = await t.prisma.member.count();
    const base = { schoolId: S.STA, fullName: "Vi Văn Khánh", gender: "NAM", dateOfBirth: "02/03/1990", status: "ACTIVE" };
    const short = await createMemberAction(null, form({ ...base, idempotencyKey: "k-union-2", citizenId: "0140900012" }));
    expect(short).toMatchObject({ ok: false, fieldErrors: { citizenId: ["Số CCCD gồm đúng 12 chữ số."] }, values: { citizenId: "0140900012", fullName: "Vi Văn Khánh" } });
    const female = await createMemberAction(null, form({ ...base, idempotencyKey: "k-union-3", citizenId: "014190001234" }));
    expect(female).toMatchObject({ ok: false, fieldErrors: { citizenId: ["Số CCCD không khớp với giới tính (chữ số thứ 4)."] } });
    expect(await t.prisma.member.count()).toBe(count);
  });

  it("the export has a title, real dates shown dd/mm/yyyy and the union fields; it reads back in", async () => {
    const { school, rows } = await exportMembers(v.STA_CHAIR, S.STA, { q: "Lò Thị Bình" });
    expect(rows).toHaveLength(1);
    const bytes = await buildExportWorkbook(rows, school, new Date("2026-12-02T03:00:00Z"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toBe("DANH SÁCH ĐOÀN VIÊN – TRƯỜNG TIỂU HỌC SƠN THỦY A");
    expect(ws.getCell(2, 1).value).toBe("Xuất ngày 02/12/2026 · 1 đoàn viên");
    const col = (header: string) => (ws.getRow(4).values as unknown[]).indexOf(header);
    const born = ws.getCell(5, col("Ngày sinh"));
    expect(born.value).toEqual(new Date(Date.UTC(1986, 1, 14)));
    expect(born.numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell(5, col("Số CCCD")).value).toBe("014186001234");
    expect(ws.getCell(5, col("Đảng viên")).value).toBe("Có");
    const back = await parseMemberWorkbook(bytes);
    expect(back.ok && back.rows[0].values).toMatchObject({ fullName: "Lò Thị Bình", dateOfBirth: "14/02/1986", citizenId: "014186001234", partyMember: "Có", partyJoinedAt: "19/05/2012" });
  });
});

describe("search", () => {
  let schoolId = "";
  beforeAll(async () => {
    const org = await t.prisma.organisation.create({ data: { name: "Công đoàn tìm kiếm", type: "CONG_DOAN_NGANH_GD", validFrom: new Date("2020-01-01") } });
    const school = await t.prisma.school.create({ data: { code: "SEARCH-1", name: "Trường tìm kiếm", nameSearch: "truong tim kiem", level: "THCS", unionName: "CĐCS tìm kiếm", unionUnitId: org.id } });
    schoolId = school.id;
    const names = [
      ...Array.from({ length: 284 }, (_, i) => `Nguyễn Văn Nam ${i}`),
      "Nguyễn Thị Hải Yến",
      "Trần Yến Nhi",
      "Lê Thị Yên",
      "Phạm Văn Hùng",
      "Đỗ Văn Hưng",
      "Trần Thị Nhung",
      "Hoàng Thị Hồng Nhung",
    ];
    await t.prisma.member.createMany({ data: names.map((fullName) => ({ schoolId, fullName, nameSearch: foldVietnamese(fullName), sortKey: vietnameseSortKey(fullName), gender: "NU" as const })) });
  });

  it('"Yến" finds the Yến (exact first) and the Yên, not the 284 Nguyễn', async () => {
    const r = await listMembers(v.ADMIN, schoolId, { q: "Yến" }, 1);
    expect(r.total).toBe(3);
    expect(r.items.map((i) => i.fullName)).toEqual(["Trần Yến Nhi", "Nguyễn Thị Hải Yến", "Lê Thị Yên"]);
  });

  it('"hung" finds Hùng and Hưng, never Nhung; "Hưng" puts Hưng first', async () => {
    expect((await listMembers(v.ADMIN, schoolId, { q: "hung" }, 1)).items.map((i) => i.fullName).sort()).toEqual(["Phạm Văn Hùng", "Đỗ Văn Hưng"].sort());
    expect((await listMembers(v.ADMIN, schoolId, { q: "Hưng" }, 1)).items.map((i) => i.fullName)).toEqual(["Đỗ Văn Hưng", "Phạm Văn Hùng"]);
  });

  it("pages a ranked search: totals and 50 a page, no one twice", async () => {
    const p1 = await listMembers(v.ADMIN, schoolId, { q: "nguyen" }, 1);
    const p6 = await listMembers(v.ADMIN, schoolId, { q: "nguyen" }, 6);
    expect(p1.total).toBe(285);
    expect(p1.items).toHaveLength(50);
    expect(p6.items).toHaveLength(35);
    expect(new Set([...p1.items, ...p6.items].map((i) => i.id)).size).toBe(85);
    // Every word is a word prefix, numbers too: "nam 1" is Nam 1, 10–19 and 100–199.
    expect((await listMembers(v.ADMIN, schoolId, { q: "nam 1" }, 1)).total).toBe(111);
  });
});

describe("import of 10,000 rows", () => {
  it("reads, checks and writes 10,000 members in one file, with serial dates, in one transaction and one audit entry", async () => {
    const org = await t.prisma.organisation.create({ data: { name: "Công đoàn nhập lớn", type: "CONG_DOAN_NGANH_GD", validFrom: new Date("2020-01-01") } });
    const school = await t.prisma.school.create({ data: { code: "IMPORT-10K", name: "Trường nhập lớn", nameSearch: "truong nhap lon", level: "THCS", unionName: "CĐCS nhập lớn", unionUnitId: org.id } });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Đoàn viên");
    ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
    const col = (f: string) => IMPORT_COLUMNS.findIndex((c) => c.field === f);
    for (let i = 0; i < 10_000; i++) {
      const r: unknown[] = [];
      r[col("fullName")] = `Nguyễn Thị Nhập ${i}`;
      r[col("gender")] = i % 2 ? "Nữ" : "Nam";
      // Every other birthday typed as a bare serial number in a General cell.
      r[col("dateOfBirth")] = i % 2 ? 30000 + (i % 3000) : "05/09/1990";
      r[col("ethnicity")] = "Kinh";
      r[col("partyMember")] = i % 10 === 0 ? "x" : null;
      ws.addRow(r);
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const file = new File([bytes], "10000.xlsx");
    current.viewer = v.ADMIN;
    const audits = await t.prisma.auditLog.count();
    const started = performance.now();
    const state = await importMembersAction(null, form({ schoolId: school.id, intent: "import", file }));
    const ms = performance.now() - started;
    expect(state).toMatchObject({ ok: true, message: "Đã nhập 10.000 đoàn viên." });
    expect(await t.prisma.member.count({ where: { schoolId: school.id } })).toBe(10_000);
    expect(await t.prisma.member.count({ where: { schoolId: school.id, partyMember: true } })).toBe(1000);
    const serial = await t.prisma.member.findFirstOrThrow({ where: { schoolId: school.id, fullName: "Nguyễn Thị Nhập 1" } });
    expect(serial.dateOfBirth?.toISOString()).toBe("1982-02-19T00:00:00.000Z"); // serial 30001
    // One audit entry for the import, with its count.
    expect(await t.prisma.auditLog.count()).toBe(audits + 1);
    const entry = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "member.import", entityId: school.id } });
    expect(entry.after).toMatchObject({ imported: 10_000, fileName: "10000.xlsx", rows: "2–10001" });
    console.info(`[import] 10,000 rows read, checked and written in ${ms.toFixed(0)} ms`);
  }, 300_000);

  it("a file over 10,000 rows is refused with the limit named", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Đoàn viên");
    ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
    for (let i = 0; i < 10_001; i++) ws.addRow([`Lê Văn Thừa ${i}`, "Nam"]);
    const parsed = await parseMemberWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(parsed).toEqual({ ok: false, message: "Tệp có hơn 10.000 dòng dữ liệu (giới hạn mỗi lần nhập). Hãy chia thành nhiều tệp nhỏ hơn." });
  }, 120_000);
});
