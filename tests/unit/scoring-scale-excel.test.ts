// Scoring scale ⇄ Excel: export → import gives back the identical document for every template and
// for a scale using every field; hand-made and broken files are read or refused with Vietnamese
// messages naming the sheet and row.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkScaleUpload, formatImportError, scaleToWorkbook, workbookToScale, type ScaleImportError } from "@/lib/scoring/scale-excel";
import { TEMPLATES, TEMPLATE_100 } from "@/lib/scoring/templates";
import { parseScale, type ScaleDefinition } from "@/lib/scoring/scale";
import { canonicalJson } from "@/lib/scoring/canonical";
import { MAX_EVIDENCE_BYTES } from "@/lib/evidence/rules";

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** Exports `doc`, lets `edit` change the workbook, and reads it back. */
async function roundTrip(doc: ScaleDefinition, edit?: (wb: ExcelJS.Workbook) => void) {
  let bytes = await scaleToWorkbook(doc, { name: "Biểu điểm thử", schoolName: "Trường Tiểu học Sơn Thủy A", schoolYear: "2026–2027" });
  if (edit) {
    const wb = await load(bytes);
    edit(wb);
    bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  }
  return workbookToScale(bytes);
}

/** The row whose column `col` (B by default) reads `text`. */
function rowOf(ws: ExcelJS.Worksheet, text: string, col = 2): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (!found && row.getCell(col).value === text) found = r;
  });
  if (!found) throw new Error(`no row "${text}" in ${ws.name}`);
  return found;
}

function errorsOf(r: Awaited<ReturnType<typeof workbookToScale>>): ScaleImportError[] {
  if (r.ok) throw new Error("expected errors, the file was accepted");
  return r.errors;
}

const FULL: ScaleDefinition = {
  kind: "ADDITIVE",
  periodKind: "MONTH",
  aggregation: "LAST",
  notApplicable: "FULL_CREDIT",
  exempt: "RESCALE",
  basis: "Quy chế số 05/QC-CĐCS ngày 05/9/2026;\nNghị quyết Hội nghị viên chức.",
  groups: [
    {
      key: "dao_duc",
      name: "Đạo đức",
      max: 75,
      floorPercent: 80,
      criteria: [
        { key: "dd_1", name: "=HYPERLINK(\"http://x\")", description: "Có biên bản.\nHai dòng.", max: 75, evidenceRequired: true, type: "POINTS" },
        { key: "dd_2", name: "Không vi phạm (Đạt/Không đạt)", max: 0, evidenceRequired: false, type: "PASS_FAIL" },
      ],
    },
    { key: "trung_ten_1", name: "Chuyên môn", max: 100, criteria: [{ key: "cm_1", name: "+84 dự giờ", max: 100, evidenceRequired: false, type: "POINTS" }] },
    { key: "trung_ten_2", name: "Chuyên môn", max: 5, criteria: [{ key: "cm_2", name: "@ hồ sơ", max: 5, evidenceRequired: false, type: "POINTS" }] },
  ],
  deductions: [
    { key: "vang", name: "-Nghỉ không phép (mỗi ngày)", points: 55 },
    { key: "muon", name: "Đi muộn", points: 5, groupKey: "dao_duc" },
    { key: "ho_so", name: "Chậm hồ sơ", points: 10, groupKey: "trung_ten_2" },
  ],
  bonusCap: 25,
  bonus: [{ key: "gioi", name: "Giáo viên giỏi", max: 25 }],
  disqualifiers: [{ key: "ky_luat", name: "Bị kỷ luật" }],
  bands: [
    { key: "xs", label: "Xuất sắc", min: 170, applyGroupFloors: true, requireAllPass: true },
    { key: "tot", label: "Tốt", min: 150, applyGroupFloors: true, groupFloorPercent: 60, requireAllPass: false },
    { key: "dat", label: "Hoàn thành", min: 100, applyGroupFloors: false },
  ],
  unrankedLabel: "Chưa hoàn thành",
};

describe("scaleToWorkbook → workbookToScale round trip", () => {
  for (const [k, t] of Object.entries(TEMPLATES)) {
    it(`gives back the identical document: template ${k}`, async () => {
      const r = await roundTrip(t.definition);
      if (!r.ok) throw new Error(r.errors.map(formatImportError).join("\n"));
      expect(r.doc).toStrictEqual(t.definition);
      expect(canonicalJson(r.doc)).toBe(canonicalJson(t.definition));
    });
  }

  it("keeps every field: Đạt/Không đạt, descriptions, floors, group deductions, tri-state flags, formula-like text", async () => {
    expect(parseScale(FULL).ok).toBe(true);
    const r = await roundTrip(FULL);
    if (!r.ok) throw new Error(r.errors.map(formatImportError).join("\n"));
    expect(r.doc).toStrictEqual(FULL);
  });

  it("writes the layout a chair recognises, in Vietnamese, text that looks like a formula as text", async () => {
    const wb = await load(await scaleToWorkbook(TEMPLATE_100, { name: "Biểu điểm thi đua năm học 2026–2027" }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Biểu điểm", "Khoản trừ", "Điểm cộng", "Không xếp loại", "Xếp loại", "Cách tính", "Hướng dẫn"]);
    const ws = wb.getWorksheet("Biểu điểm")!;
    expect(ws.getRow(1).getCell(1).value).toBe("BIỂU ĐIỂM THI ĐUA");
    expect(ws.getRow(4).values).toEqual([undefined, "STT", "Nội dung", "Điểm tối đa", "Điểm sàn (% của nhóm)", "Cần minh chứng", "Cách chấm", "Mô tả", "Mã"]);
    expect(ws.getRow(5).getCell(1).value).toBe("I");
    expect(ws.getRow(5).getCell(2).value).toBe("Phẩm chất chính trị, đạo đức, lối sống");
    expect(ws.getRow(5).getCell(3).value).toBe(15);
    expect(ws.getRow(6).getCell(1).value).toBe(1);
    const total = rowOf(ws, "Tổng cộng");
    expect(ws.getRow(total).getCell(3).value).toBe(100);
    const bonus = wb.getWorksheet("Điểm cộng")!;
    expect(bonus.getRow(rowOf(bonus, "Tổng điểm cộng tối đa")).getCell(3).value).toBe(10);
    expect(wb.getWorksheet("Khoản trừ")!.getRow(rowOf(wb.getWorksheet("Khoản trừ")!, "Đi muộn, về sớm (mỗi lần)")).getCell(3).value).toBe(2);

    const full = await load(await scaleToWorkbook(FULL, { name: "x" }));
    const cell = full.getWorksheet("Biểu điểm")!.getRow(6).getCell(2);
    expect(cell.value).toBe("'=HYPERLINK(\"http://x\")");
    expect(cell.formula).toBeUndefined();
    // Two groups share a name: the deduction names its group by code instead.
    const ded = full.getWorksheet("Khoản trừ")!;
    expect(ded.getRow(rowOf(ded, "Chậm hồ sơ")).getCell(4).value).toBe("trung_ten_2");
    expect(ded.getRow(rowOf(ded, "Đi muộn")).getCell(4).value).toBe("Đạo đức");
  });
});

describe("workbookToScale: hand-made files", () => {
  it("reads a file without codes, with points typed as text, and makes the codes", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Biểu điểm");
    ws.addRow(["BIỂU ĐIỂM THI ĐUA NĂM HỌC 2026–2027"]);
    ws.addRow(["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm sàn"]);
    ws.addRow(["I.", "Đạo đức, lối sống", "", 70]);
    ws.addRow(["1", "Chấp hành pháp luật", "7,5"]);
    ws.addRow([2, "Đoàn kết", 2.5]);
    ws.addRow(["II", "Chuyên môn", 10]);
    ws.addRow([1, "Giờ dạy", 10]);
    ws.addRow(["", "Tổng cộng", 20]);
    const tru = wb.addWorksheet("Khoản trừ");
    tru.addRow(["STT", "Khoản trừ", "Điểm trừ mỗi lần", "Trừ vào"]);
    tru.addRow([1, "Đi muộn (mỗi lần)", "−2", "Nhóm chuyên môn"]);
    const xl = wb.addWorksheet("Xếp loại");
    xl.addRow(["STT", "Xếp loại", "Tổng điểm từ"]);
    xl.addRow([1, "Tốt", 18]);
    xl.addRow([2, "Đạt", 15]);
    const ct = wb.addWorksheet("Cách tính");
    ct.addRow(["Mục", "Giá trị"]);
    for (const [k, v] of [["Kiểu biểu điểm", "cộng điểm theo nhóm tiêu chí"], ["Kỳ chấm", "Theo học kỳ"], ["Kết quả năm", "Trung bình các kỳ"], ["Tiêu chí không áp dụng", "Bỏ khỏi điểm tối đa và quy đổi tổng điểm"], ["Tiêu chí được miễn", "Tính đủ điểm tối đa"], ["Không đạt mức nào thì xếp", "Không xếp loại"]]) ct.addRow([k, v]);
    const r = await workbookToScale(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!r.ok) throw new Error(r.errors.map(formatImportError).join("\n"));
    expect(r.doc.groups.map((g) => [g.key, g.max, g.floorPercent])).toEqual([["dao_duc_loi_song", 100, 70], ["chuyen_mon", 100, undefined]]);
    expect(r.doc.groups[0].criteria.map((c) => [c.key, c.max])).toEqual([["chap_hanh_phap_luat", 75], ["doan_ket", 25]]);
    expect(r.doc.deductions).toEqual([{ key: "di_muon_moi_lan", name: "Đi muộn (mỗi lần)", points: 20, groupKey: "chuyen_mon" }]);
    expect(r.doc.bonus).toEqual([]);
    expect(r.doc.bonusCap).toBe(0);
    expect(r.doc.bands.map((b) => [b.key, b.min])).toEqual([["tot", 180], ["dat", 150]]);
  });

  it("refuses what is not an .xlsx, too big, or not a workbook", async () => {
    const ok = await scaleToWorkbook(TEMPLATE_100, { name: "x" });
    expect(checkScaleUpload("bieu-diem.xlsx", ok)).toBeNull();
    expect(checkScaleUpload("bieu-diem.xls", ok)).toMatch(/\.xlsx/);
    expect(checkScaleUpload("bieu-diem.xlsx", new TextEncoder().encode("STT,Nội dung\n"))).toBe("Tệp không phải là tệp Excel .xlsx hợp lệ.");
    expect(checkScaleUpload("bieu-diem.xlsx", new Uint8Array(0))).toBe("Tệp rỗng.");
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(checkScaleUpload("bieu-diem.xlsx", big)).toBe("Tệp lớn quá 4 MB.");
    const r = await workbookToScale(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(errorsOf(r)[0].message).toMatch(/Không đọc được tệp Excel/);
  });
});

describe("workbookToScale: broken files, errors naming sheet and row", () => {
  it("a number that is not a number, or has two decimals", async () => {
    let row = 0;
    const errors = errorsOf(
      await roundTrip(TEMPLATE_100, (wb) => {
        const ws = wb.getWorksheet("Biểu điểm")!;
        row = rowOf(ws, "Đạo đức nhà giáo, ứng xử văn hóa");
        ws.getRow(row).getCell(3).value = "năm";
        ws.getRow(row + 1).getCell(3).value = 4.75;
      }),
    );
    // Only the two cells: their group's sum is not checked again (it would repeat the same error).
    expect(errors).toEqual([
      { sheet: "Biểu điểm", row, column: "Điểm tối đa", message: "“năm” không phải số điểm (ví dụ 7,5)." },
      { sheet: "Biểu điểm", row: row + 1, column: "Điểm tối đa", message: "4,75: điểm chỉ lấy tới một chữ số thập phân (ví dụ 7,5)." },
    ]);
    expect(formatImportError(errors[0])).toBe(`Trang “Biểu điểm”, dòng ${row}, cột “Điểm tối đa”: “năm” không phải số điểm (ví dụ 7,5).`);
  });

  it("a missing column", async () => {
    const errors = errorsOf(
      await roundTrip(TEMPLATE_100, (wb) => {
        wb.getWorksheet("Biểu điểm")!.getRow(5).getCell(3).value = "Ghi chú khác";
      }),
    );
    // The header is row 5 under the three title lines.
    expect(errors).toEqual([{ sheet: "Biểu điểm", row: 5, message: "Thiếu cột “Điểm tối đa”." }]);
  });

  it("a sheet without its header row, and a missing sheet", async () => {
    const errors = errorsOf(
      await roundTrip(TEMPLATE_100, (wb) => {
        wb.getWorksheet("Xếp loại")!.getRow(5).getCell(2).value = "Mức";
        wb.removeWorksheet(wb.getWorksheet("Cách tính")!.id);
      }),
    );
    expect(errors.map((e) => [e.sheet, e.message])).toEqual([
      ["Cách tính", "Tệp thiếu trang này. Hãy dùng tệp mẫu."],
      ["Xếp loại", "Không tìm thấy dòng tiêu đề có các cột “Xếp loại”, “Tổng điểm từ”. Hãy dùng tệp mẫu."],
    ]);
  });

  it("criteria that do not add up to their group's maximum", async () => {
    let groupRow = 0;
    const errors = errorsOf(
      await roundTrip(TEMPLATE_100, (wb) => {
        const ws = wb.getWorksheet("Biểu điểm")!;
        groupRow = rowOf(ws, "Chấp hành kỷ luật, ngày giờ công");
        ws.getRow(groupRow + 1).getCell(3).value = 6.5;
      }),
    );
    expect(errors).toEqual([{ sheet: "Biểu điểm", row: groupRow, column: "Điểm tối đa", message: "Nhóm “Chấp hành kỷ luật, ngày giờ công” ghi điểm tối đa 15 nhưng các tiêu chí trong nhóm cộng lại 16,5." }]);
  });

  it("rows that do not fit: no STT, a criterion before any group, a floor on a criterion, a bad yes/no, an unknown group, a bad setting", async () => {
    const at: Record<string, number> = {};
    const errors = errorsOf(
      await roundTrip(FULL, (wb) => {
        const ws = wb.getWorksheet("Biểu điểm")!;
        at.first = rowOf(ws, "Đạo đức");
        ws.getRow(at.first).getCell(1).value = 1; // the first group row becomes a criterion with no group above it
        at.floor = rowOf(ws, "'+84 dự giờ");
        ws.getRow(at.floor).getCell(4).value = 50;
        at.yesNo = rowOf(ws, "Không vi phạm (Đạt/Không đạt)");
        ws.getRow(at.yesNo).getCell(5).value = "cần lắm";
        at.noStt = rowOf(ws, "'@ hồ sơ");
        ws.getRow(at.noStt).getCell(1).value = null;
        const ded = wb.getWorksheet("Khoản trừ")!;
        at.ded = rowOf(ded, "Đi muộn");
        ded.getRow(at.ded).getCell(4).value = "Nhóm không có";
        const ct = wb.getWorksheet("Cách tính")!;
        at.setting = rowOf(ct, "Kết quả năm", 1);
        ct.getRow(at.setting).getCell(2).value = "Cộng dồn";
      }),
    ).map(formatImportError);
    expect(errors).toEqual([
      `Trang “Cách tính”, dòng ${at.setting}, cột “Giá trị”: “Cộng dồn” không phải lựa chọn hợp lệ; ghi một trong: “Trung bình các kỳ”, “Cộng các kỳ”, “Lấy kỳ cuối”.`,
      `Trang “Biểu điểm”, dòng ${at.first}, cột “STT”: Tiêu chí chưa thuộc nhóm nào: thêm một dòng nhóm (STT I, II…) phía trên.`,
      `Trang “Biểu điểm”, dòng ${at.first + 1}, cột “STT”: Tiêu chí chưa thuộc nhóm nào: thêm một dòng nhóm (STT I, II…) phía trên.`,
      `Trang “Biểu điểm”, dòng ${at.yesNo}, cột “STT”: Tiêu chí chưa thuộc nhóm nào: thêm một dòng nhóm (STT I, II…) phía trên.`,
      `Trang “Biểu điểm”, dòng ${at.floor}, cột “Điểm sàn (% của nhóm)”: Điểm sàn chỉ ghi ở dòng nhóm tiêu chí (theo % điểm tối đa của nhóm).`,
      `Trang “Biểu điểm”, dòng ${at.noStt}, cột “STT”: Thiếu STT: dòng nhóm tiêu chí ghi I, II, III…; dòng tiêu chí ghi 1, 2, 3….`,
      `Trang “Khoản trừ”, dòng ${at.ded}, cột “Trừ vào”: Không có nhóm tiêu chí “Nhóm không có”: ghi đúng tên nhóm ở trang “Biểu điểm”, hoặc để trống để trừ vào tổng điểm.`,
    ]);
  });

  it("a yes/no cell that is neither", async () => {
    let row = 0;
    const errors = errorsOf(
      await roundTrip(TEMPLATE_100, (wb) => {
        const ws = wb.getWorksheet("Biểu điểm")!;
        row = rowOf(ws, "Hồ sơ, sổ sách chuyên môn");
        ws.getRow(row).getCell(5).value = "cần lắm";
      }),
    );
    expect(errors).toEqual([{ sheet: "Biểu điểm", row, column: "Cần minh chứng", message: "“cần lắm”: ghi “Có” hoặc “Không”." }]);
  });

  it("problems of the scale itself (parseScale) point at the row they came from", async () => {
    const at: Record<string, number> = {};
    const errors = errorsOf(
      await roundTrip(TEMPLATE_100, (wb) => {
        const xl = wb.getWorksheet("Xếp loại")!;
        at.band = rowOf(xl, "Khá");
        xl.getRow(at.band).getCell(3).value = 85; // above "Tốt" (80)
        const ws = wb.getWorksheet("Biểu điểm")!;
        at.dup = rowOf(ws, "Đoàn kết, giúp đỡ đồng nghiệp");
        ws.getRow(at.dup).getCell(8).value = "dd_phap_luat"; // duplicate code
        const bonus = wb.getWorksheet("Điểm cộng")!;
        at.bonus = rowOf(bonus, "Giáo viên dạy giỏi cấp huyện trở lên");
        bonus.getRow(at.bonus).getCell(3).value = 12; // above the cap
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        { sheet: "Biểu điểm", row: at.dup, column: "Mã", message: "Mã \"dd_phap_luat\" bị trùng." },
        { sheet: "Điểm cộng", row: at.bonus, column: "Cộng tối đa", message: "Điểm thưởng \"Giáo viên dạy giỏi cấp huyện trở lên\" vượt mức trần cộng điểm." },
        { sheet: "Xếp loại", row: at.band, column: "Tổng điểm từ", message: "Các mức xếp loại phải xếp từ cao xuống thấp." },
      ]),
    );
  });

  it("a bonus table without its cap row", async () => {
    const errors = errorsOf(
      await roundTrip(TEMPLATE_100, (wb) => {
        const bonus = wb.getWorksheet("Điểm cộng")!;
        bonus.spliceRows(rowOf(bonus, "Tổng điểm cộng tối đa"), 1);
      }),
    );
    expect(errors).toEqual([{ sheet: "Điểm cộng", message: "Thiếu dòng “Tổng điểm cộng tối đa” (cuối bảng, cột “Cộng tối đa”)." }]);
  });
});
