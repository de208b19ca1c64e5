// Issue 11, pure rules of the member record: CCCD numbers, Excel date serials, name search
// (word prefixes on the folded name) and its ranking, and the import of the union fields.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { citizenIdProblem, excelSerialToDate, importDateText, matchesName, nameRank, parseYesNo, rankMatches, searchWords } from "@/lib/members/union-fields";
import { createMemberSchema } from "@/lib/members/schemas";
import { IMPORT_COLUMNS, validateImportRows, type ImportContext } from "@/lib/members/rules";
import { parseMemberWorkbook } from "@/lib/members/excel";
import { foldVietnamese, vietnameseSortKey } from "@/lib/format";

describe("CCCD", () => {
  it("wants 12 digits (spaces and dots typed inside are fine) and a province code", () => {
    expect(citizenIdProblem("001179012345")).toBeNull();
    expect(citizenIdProblem("001 179 012 345")).toBeNull();
    expect(citizenIdProblem("00117901234")).toBe("Số CCCD gồm đúng 12 chữ số.");
    expect(citizenIdProblem("0011790123456")).toBe("Số CCCD gồm đúng 12 chữ số.");
    expect(citizenIdProblem("00117901234a")).toBe("Số CCCD gồm đúng 12 chữ số.");
    expect(citizenIdProblem("003179012345")).toMatch(/mã tỉnh/); // 003 is no province
    expect(citizenIdProblem("099179012345")).toMatch(/mã tỉnh/);
  });

  it("checks the 4th digit against gender and century, the 5th–6th against the year of birth", () => {
    const born = (y: number) => new Date(Date.UTC(y, 5, 1));
    expect(citizenIdProblem("001079012345", { gender: "NAM", dateOfBirth: born(1979) })).toBeNull();
    expect(citizenIdProblem("001179012345", { gender: "NU", dateOfBirth: born(1979) })).toBeNull();
    expect(citizenIdProblem("001203012345", { gender: "NAM", dateOfBirth: born(2003) })).toBeNull();
    expect(citizenIdProblem("001303012345", { gender: "NU", dateOfBirth: born(2003) })).toBeNull();
    expect(citizenIdProblem("001079012345", { gender: "NU" })).toMatch(/giới tính/);
    expect(citizenIdProblem("001079012345", { dateOfBirth: born(1980) })).toMatch(/năm sinh/);
    expect(citizenIdProblem("001279012345", { dateOfBirth: born(1979) })).toMatch(/năm sinh/); // 2079, not 1979
  });

  it("the member form refuses a bad CCCD beside its field and keeps a good one without spaces", () => {
    const base = { schoolId: "sch_sta", idempotencyKey: "k", fullName: "Lê Thị Hoa", gender: "NU", dateOfBirth: "02/03/1988" };
    const bad = createMemberSchema.safeParse({ ...base, citizenId: "12345" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["citizenId", "Số CCCD gồm đúng 12 chữ số."]]);
    expect(createMemberSchema.safeParse({ ...base, citizenId: "038 188 000 123" }).data?.citizenId).toBe("038188000123");
    expect(createMemberSchema.safeParse({ ...base, citizenId: "038088000123" }).error?.issues[0].message).toMatch(/giới tính/);
    // Beside another field's error too (the form marks every failing field at once).
    const both = createMemberSchema.safeParse({ ...base, dateOfBirth: "31/02/1990", citizenId: "0011900123" });
    expect(both.error?.issues.map((i) => i.path[0]).sort()).toEqual(["citizenId", "dateOfBirth"]);
  });

  it("a Party date needs the Party membership; the checkbox value 'on' means yes", () => {
    const base = { schoolId: "sch_sta", idempotencyKey: "k", fullName: "Lê Thị Hoa", gender: "NU" };
    const ok = createMemberSchema.safeParse({ ...base, partyMember: "on", partyJoinedAt: "19/05/2010", ethnicity: " Tày ", hometown: "Cao Bằng", unionCardNumber: "CĐ-0012" });
    expect(ok.data).toMatchObject({ partyMember: true, ethnicity: "Tày", hometown: "Cao Bằng", unionCardNumber: "CĐ-0012" });
    expect(ok.data?.partyJoinedAt?.toISOString()).toBe("2010-05-19T00:00:00.000Z");
    const bad = createMemberSchema.safeParse({ ...base, partyJoinedAt: "19/05/2010" });
    expect(bad.error?.issues.map((i) => i.path[0])).toEqual(["partyJoinedAt"]);
  });
});

describe("Excel date serials", () => {
  it("reads the 1900 date system, including Lotus's phantom 29/02/1900", () => {
    expect(excelSerialToDate(1)?.toISOString()).toBe("1900-01-01T00:00:00.000Z");
    expect(excelSerialToDate(59)?.toISOString()).toBe("1900-02-28T00:00:00.000Z");
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(61)?.toISOString()).toBe("1900-03-01T00:00:00.000Z");
    expect(excelSerialToDate(32874)?.toISOString()).toBe("1990-01-01T00:00:00.000Z");
    expect(excelSerialToDate(45992.75)?.toISOString()).toBe("2025-12-01T00:00:00.000Z");
    expect(excelSerialToDate(0)).toBeNull();
  });

  it("turns a bare serial into dd/mm/yyyy and leaves typed dates alone", () => {
    expect(importDateText("32874")).toBe("01/01/1990");
    expect(importDateText("05/09/1990")).toBe("05/09/1990");
    expect(importDateText("1990-09-05")).toBe("1990-09-05");
    expect(importDateText(undefined)).toBeUndefined();
  });

  it("an import accepts a date typed as a number in a General cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Đoàn viên");
    ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
    ws.addRow(["Nông Thị Hà", "Nữ", 32874]); // General cell: the serial of 01/01/1990
    const parsed = await parseMemberWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!parsed.ok) throw new Error(parsed.message);
    const r = validateImportRows(parsed.rows, { groups: [], existing: new Set() });
    expect(r.problems).toEqual([]);
    expect(r.valid[0].data.dateOfBirth?.toISOString()).toBe("1990-01-01T00:00:00.000Z");
  });
});

describe("the union fields in an import", () => {
  const ctx: ImportContext = { groups: [], existing: new Set() };
  it("reads CCCD (leading zeros restored), Party yes/no and date; names the row's person and the value refused", () => {
    const r = validateImportRows(
      [
        { row: 2, values: { fullName: "Lò Văn Páo", gender: "Nam", dateOfBirth: "01/02/1985", citizenId: "14085001234", ethnicity: "Thái", partyMember: "x", partyJoinedAt: "40000" } },
        { row: 3, values: { fullName: "Hà Thị Mai", gender: "Nữ", citizenId: "12345", partyMember: "có lẽ" } },
        { row: 4, values: { fullName: "Vi Văn Tư", gender: "Nam", partyJoinedAt: "03/02/2012" } },
      ],
      ctx,
    );
    expect(r.valid.map((v) => v.row)).toEqual([2, 4]);
    expect(r.valid[0].data).toMatchObject({ citizenId: "014085001234", ethnicity: "Thái", partyMember: true });
    expect(r.valid[0].data.partyJoinedAt?.toISOString()).toBe("2009-07-06T00:00:00.000Z");
    // A Party date with the "Đảng viên" cell empty: a Party member.
    expect(r.valid[1].data.partyMember).toBe(true);
    expect(r.problems).toEqual([
      { row: 3, name: "Hà Thị Mai", column: "Đảng viên", value: "có lẽ", message: 'Ghi "Có" (hoặc x) nếu là đảng viên, để trống nếu không.' },
      { row: 3, name: "Hà Thị Mai", column: "Số CCCD", value: "12345", message: "Số CCCD gồm đúng 12 chữ số." },
    ]);
  });

  it("yes/no cells", () => {
    expect(["x", "X", "Có", "co", "1", "Đảng viên"].map(parseYesNo)).toEqual([true, true, true, true, true, true]);
    expect(["", "Không", "0", undefined].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo("có lẽ")).toBeNull();
  });
});

describe("name search", () => {
  const people = ["Nguyễn Thị Hải Yến", "Nguyễn Văn Hùng", "Trần Thị Nhung", "Lê Thị Yên", "Phạm Yến Nhi", "Đỗ Văn Hưng", "Nguyễn Văn An", "Hoàng Thị Anh"].map((fullName, i) => ({
    id: `m${i}`,
    fullName,
    nameSearch: foldVietnamese(fullName),
    sortKey: vietnameseSortKey(fullName),
  }));
  const find = (q: string) => rankMatches(people.filter((p) => matchesName(p.nameSearch, searchWords(q).folded)), q).map((p) => p.fullName);

  it('"Yến" finds the Yến (and Yên), never every Nguyễn', () => {
    // Same rank: the list's order (given name first: Nhi before Yến).
    expect(find("Yến")).toEqual(["Phạm Yến Nhi", "Nguyễn Thị Hải Yến", "Lê Thị Yên"]);
  });

  it('"hung" finds Hùng and Hưng, not Nhung; typed diacritics rank first', () => {
    expect(find("hung").sort()).toEqual(["Nguyễn Văn Hùng", "Đỗ Văn Hưng"].sort());
    expect(find("Hưng")).toEqual(["Đỗ Văn Hưng", "Nguyễn Văn Hùng"]);
    expect(find("Hùng")).toEqual(["Nguyễn Văn Hùng", "Đỗ Văn Hưng"]);
  });

  it("whole words before prefixes; every word must match", () => {
    expect(find("an")).toEqual(["Nguyễn Văn An", "Hoàng Thị Anh"]);
    expect(find("nguyen an")).toEqual(["Nguyễn Văn An"]);
    expect(find("thi yen")).toEqual(["Lê Thị Yên", "Nguyễn Thị Hải Yến"]);
    expect(find("thị yến")).toEqual(["Nguyễn Thị Hải Yến", "Lê Thị Yên"]);
  });

  it("ranks: exact diacritics (2) + whole word (1)", () => {
    const q = searchWords("Yến");
    expect(q).toEqual({ typed: ["yến"], folded: ["yen"] });
    expect(nameRank("Nguyễn Thị Hải Yến", q)).toBe(3);
    expect(nameRank("Lê Thị Yên", q)).toBe(1);
    expect(nameRank("Phạm Yếnh", q)).toBe(2);
  });
});
