// Excel import/export as pure functions over bytes: workbooks are built here, in the test.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildExportWorkbook, buildTemplateWorkbook, checkUpload, formulaSafe, parseMemberWorkbook, zipUncompressedSize, type ExportRow } from "@/lib/members/excel";
import { IMPORT_COLUMNS, validateImportRows, type ImportContext } from "@/lib/members/rules";

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);

async function workbook(rows: unknown[][], opts: { headers?: string[]; titleRow?: boolean } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Đoàn viên");
  if (opts.titleRow) ws.addRow(["DANH SÁCH ĐOÀN VIÊN"]);
  ws.addRow(opts.headers ?? HEADERS);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function readBack(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

const ctx: ImportContext = {
  groups: [
    { id: "g12", name: "Tổ CĐ Khối 1–2" },
    { id: "gvp", name: "Tổ CĐ Văn phòng" },
  ],
  existing: new Set(["hoang van minh|1972-05-19"]),
};

describe("checkUpload", () => {
  it("wants the .xlsx extension AND the zip signature", async () => {
    const ok = await workbook([]);
    expect(checkUpload("ds.xlsx", ok)).toBeNull();
    expect(checkUpload("DS.XLSX", ok)).toBeNull();
    expect(checkUpload("ds.xls", ok)).toMatch(/\.xlsx/);
    expect(checkUpload("ds.csv", ok)).toMatch(/\.xlsx/);
    expect(checkUpload("ds.xlsx", new TextEncoder().encode("Họ và tên,Giới tính\n"))).toMatch(/không phải/);
    expect(checkUpload("ds.xlsx", new Uint8Array(0))).toBe("Tệp rỗng.");
  });
  it("refuses more than 4 MB", () => {
    const big = new Uint8Array(4 * 1024 * 1024 + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(checkUpload("ds.xlsx", big)).toBe("Tệp lớn quá 4 MB.");
  });
  it("reads the zip's uncompressed size from its central directory", async () => {
    const bytes = await workbook([["Lê Văn An", "Nam"]]);
    const size = zipUncompressedSize(bytes);
    expect(size).toBeGreaterThan(bytes.byteLength);
    expect(zipUncompressedSize(bytes.slice(0, 100))).toBeNull();
  });
});

describe("parseMemberWorkbook", () => {
  it("maps columns by Vietnamese headers, skips blank rows, keeps Excel row numbers", async () => {
    const bytes = await workbook(
      [
        ["Nguyễn Thị Thanh Tâm", "Nữ", "23/08/1979", "Giáo viên", "Tổ Khối 3", "Tổ CĐ Khối 1–2", "tam@x.vn", "0912345678", "10/01/2002", "01/09/2001"],
        [],
        ["Lê Văn Tuấn", "Nam", new Date(Date.UTC(1990, 10, 2)), null, null, "Văn phòng", null, 912000111],
      ],
      { titleRow: true },
    );
    const r = await parseMemberWorkbook(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]).toEqual({
      row: 3,
      values: { fullName: "Nguyễn Thị Thanh Tâm", gender: "Nữ", dateOfBirth: "23/08/1979", position: "Giáo viên", professionalGroup: "Tổ Khối 3", unionGroup: "Tổ CĐ Khối 1–2", email: "tam@x.vn", phone: "0912345678", joinedUnionAt: "10/01/2002", contractStartAt: "01/09/2001" },
    });
    expect(r.rows[1]).toMatchObject({ row: 5, values: { fullName: "Lê Văn Tuấn", dateOfBirth: "02/11/1990", phone: "912000111" } });
  });

  it("works with columns in another order and extra columns", async () => {
    const bytes = await workbook([["1", "Nam", "Phạm Văn Bình"]], { headers: ["STT", "Giới tính", "Họ và tên"] });
    const r = await parseMemberWorkbook(bytes);
    expect(r.ok && r.rows[0].values).toEqual({ fullName: "Phạm Văn Bình", gender: "Nam" });
  });

  it("says which required column is missing", async () => {
    const r = await parseMemberWorkbook(await workbook([["A"]], { headers: ["Họ và tên"] }));
    expect(r).toEqual({ ok: false, message: 'Tệp thiếu cột "Giới tính". Hãy dùng tệp mẫu.' });
    const r2 = await parseMemberWorkbook(await workbook([["A"]], { headers: ["Tên"] }));
    expect(r2.ok).toBe(false);
  });

  it("refuses bytes that are not a workbook", async () => {
    const r = await parseMemberWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(r.ok).toBe(false);
  });

  it("reads the downloadable template (headers only) as an empty list", async () => {
    const r = await parseMemberWorkbook(await buildTemplateWorkbook(["Tổ CĐ Khối 1–2"]));
    expect(r).toEqual({ ok: true, rows: [] });
  });
});

describe("validateImportRows", () => {
  it("reports each problem with row, the person's name, column, the value refused and a Vietnamese message", async () => {
    const bytes = await workbook([
      ["Trần Văn Hải", "Nam", "12/03/1985", null, null, "Khối 1-2"], // row 2 ok (loose group name)
      [null, "Nữ"], // 3 missing name
      ["Đỗ Thị Hoa", "nu"], // 4 ok ("nu" folds to Nữ)
      ["Vũ Văn Long", "Trai"], // 5 bad gender
      ["Lý Thị Mai", "Nữ", "1985-13-01"], // 6 bad date
      ["Hà Thị Lan", "Nữ", null, null, null, "Tổ CĐ Khối 9"], // 7 unknown group
      ["Trần Văn Hải", "Nam", "12/03/1985"], // 8 duplicate of row 2
      ["Hoàng Văn Minh", "Nam", "19/05/1972"], // 9 already in the school
      ["Phan Văn Sơn", "Nam", null, null, null, null, "sai-email"], // 10 bad email
    ]);
    const parsed = await parseMemberWorkbook(bytes);
    if (!parsed.ok) throw new Error(parsed.message);
    const report = validateImportRows(parsed.rows, ctx);
    expect(report.total).toBe(9);
    expect(report.valid.map((v) => v.row)).toEqual([2, 4]);
    expect(report.valid[0].data).toMatchObject({ fullName: "Trần Văn Hải", gender: "NAM", unionGroupId: "g12" });
    expect(report.valid[1].data.gender).toBe("NU");
    expect(report.problems).toEqual([
      { row: 3, name: "", column: "Họ và tên", value: "", message: "Thiếu họ và tên." },
      { row: 5, name: "Vũ Văn Long", column: "Giới tính", value: "Trai", message: 'Giới tính "Trai" không hợp lệ: ghi Nam hoặc Nữ.' },
      { row: 6, name: "Lý Thị Mai", column: "Ngày sinh", value: "1985-13-01", message: "Ngày sinh không hợp lệ (định dạng dd/mm/yyyy)." },
      { row: 7, name: "Hà Thị Lan", column: "Tổ công đoàn", value: "Tổ CĐ Khối 9", message: 'Trường không có tổ công đoàn "Tổ CĐ Khối 9".' },
      { row: 8, name: "Trần Văn Hải", column: "Họ và tên", value: "Trần Văn Hải", message: "Trùng với dòng 2 trong tệp (cùng họ tên và ngày sinh)." },
      { row: 9, name: "Hoàng Văn Minh", column: "Họ và tên", value: "Hoàng Văn Minh", message: "Trường đã có đoàn viên Hoàng Văn Minh, sinh ngày 19/05/1972." },
      { row: 10, name: "Phan Văn Sơn", column: "Email", value: "sai-email", message: "Email không hợp lệ." },
    ]);
  });

  it("restores a phone number's leading zero lost in a number cell", () => {
    const r = validateImportRows([{ row: 2, values: { fullName: "A B", gender: "Nam", phone: "912000111" } }], ctx);
    expect(r.valid[0].data.phone).toBe("0912000111");
  });

  it("flags the same email twice in one file", () => {
    const r = validateImportRows(
      [
        { row: 2, values: { fullName: "A B", gender: "Nam", email: "a@x.vn" } },
        { row: 3, values: { fullName: "C D", gender: "Nữ", email: "A@X.VN" } },
      ],
      ctx,
    );
    expect(r.problems).toEqual([{ row: 3, name: "C D", column: "Email", value: "A@X.VN", message: "Email trùng với dòng 2 trong tệp." }]);
  });
});

describe("export", () => {
  const row: ExportRow = {
    fullName: "=HYPERLINK(\"http://x\",\"bấm\")",
    gender: "Nữ",
    dateOfBirth: new Date(Date.UTC(1979, 7, 23)),
    position: "+Giáo viên",
    professionalGroup: "-Tổ 1",
    unionGroup: "@Tổ CĐ",
    email: "\tx@y.vn",
    phone: "\r0912",
    joinedUnionAt: null,
    contractStartAt: new Date(Date.UTC(2001, 8, 1)),
    citizenId: "001179012345",
    ethnicity: "Kinh",
    hometown: "=Nam Định",
    unionCardNumber: "CĐ-123",
    partyMember: true,
    partyJoinedAt: new Date(Date.UTC(2010, 4, 19)),
    status: "Đang công tác",
  };

  it("formulaSafe prefixes = + - @ tab CR with an apostrophe and leaves the rest", () => {
    for (const s of ["=1+1", "+84", "-5", "@SUM(A1)", "\tx", "\rx"]) expect(formulaSafe(s)).toBe(`'${s}`);
    for (const s of ["Nguyễn Thị Thanh Tâm", "0912", "a=b", ""]) expect(formulaSafe(s)).toBe(s);
  });

  it("writes a title (school, export day), Vietnamese headers, real Excel dates shown dd/mm/yyyy and no formula cells", async () => {
    const wb = await readBack(await buildExportWorkbook([row], { name: "Trường Tiểu học Sơn Thủy A" }, new Date("2026-12-02T20:00:00Z")));
    const ws = wb.getWorksheet("Đoàn viên")!;
    expect(ws.getCell(1, 1).value).toBe("DANH SÁCH ĐOÀN VIÊN – TRƯỜNG TIỂU HỌC SƠN THỦY A");
    // 20:00 UTC on 02/12 is already 03/12 in Vietnam.
    expect(ws.getCell(2, 1).value).toBe("Xuất ngày 03/12/2026 · 1 đoàn viên");
    expect(ws.getRow(4).values).toEqual([undefined, "STT", ...HEADERS, "Trạng thái"]);
    const cells = ws.getRow(5).values as unknown[];
    // XML turns a stored CR into LF on reading: what matters is the apostrophe in front.
    expect(cells[9]).toMatch(/^'[\r\n]0912$/);
    cells[9] = "CR";
    expect(cells.slice(1)).toEqual([
      1, `'${row.fullName}`, "Nữ", new Date(Date.UTC(1979, 7, 23)), "'+Giáo viên", "'-Tổ 1", "'@Tổ CĐ", "'\tx@y.vn", "CR", undefined, new Date(Date.UTC(2001, 8, 1)),
      "001179012345", "Kinh", "'=Nam Định", "CĐ-123", "Có", new Date(Date.UTC(2010, 4, 19)), "Đang công tác",
    ]);
    // Dates are date cells (Excel sorts them), shown dd/mm/yyyy; text cells stay text.
    expect(ws.getCell(5, 4).type).toBe(ExcelJS.ValueType.Date);
    expect(ws.getCell(5, 4).numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell(5, 12).numFmt).toBe("@");
    ws.eachRow((r) => r.eachCell((c) => expect(c.formula).toBeUndefined()));
  });

  it("round-trips: an export can be imported again with the same values", async () => {
    const safe: ExportRow = { ...row, fullName: "Nguyễn Thị Thanh Tâm", position: "Giáo viên", professionalGroup: null, unionGroup: "Tổ CĐ Văn phòng", email: null, phone: "0912345678" };
    const parsed = await parseMemberWorkbook(await buildExportWorkbook([safe], { name: "x" }));
    if (!parsed.ok) throw new Error(parsed.message);
    const r = validateImportRows(parsed.rows, ctx);
    expect(r.problems).toEqual([]);
    expect(r.valid[0].data).toMatchObject({ fullName: "Nguyễn Thị Thanh Tâm", gender: "NU", unionGroupId: "gvp", phone: "0912345678", citizenId: "001179012345", ethnicity: "Kinh", hometown: "=Nam Định", unionCardNumber: "CĐ-123", partyMember: true });
    expect(r.valid[0].data.partyJoinedAt?.toISOString()).toBe("2010-05-19T00:00:00.000Z");
    expect(r.valid[0].data.dateOfBirth?.toISOString()).toBe("1979-08-23T00:00:00.000Z");
  });

  it("the template has the Vietnamese headers and names the school's groups", async () => {
    const wb = await readBack(await buildTemplateWorkbook(["Tổ CĐ Khối 1–2", "=cmd"]));
    expect(wb.getWorksheet("Đoàn viên")!.getRow(1).values).toEqual([undefined, ...HEADERS]);
    const help = wb.getWorksheet("Hướng dẫn")!;
    const text = help.getColumn(1).values.filter(Boolean).join("\n");
    expect(text).toContain("Tổ CĐ Khối 1–2");
    expect(text).toContain("dd/mm/yyyy");
  });
});
