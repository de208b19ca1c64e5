// A scoring scale (biểu điểm) ⇄ an Excel workbook a union chair recognises: "Biểu điểm" (groups
// I, II… and their criteria 1, 2…: STT, Nội dung, Điểm tối đa, Điểm sàn, Cần minh chứng, Cách
// chấm, Mô tả, Mã), "Khoản trừ", "Điểm cộng" (with the cap as its last row), "Không xếp loại",
// "Xếp loại" and "Cách tính" (the settings). Points are written as numbers of points (7,5), never
// as tenths. The "Mã" columns carry the keys so that export → import gives back the identical
// document; a hand-made file may leave them empty. Every text cell goes through formulaSafe()
// (SECURITY.md). No I/O: bytes in, bytes out. The reader is scale-excel-read.ts.
import ExcelJS from "exceljs";
import { formulaSafe } from "../excel";
import { criteriaMax, type ScaleDefinition } from "./scale";
import {
  BAND_COLUMNS,
  BONUS_CAP_LABEL,
  BONUS_COLUMNS,
  CRITERIA_COLUMNS,
  DEDUCTION_COLUMNS,
  DISQUALIFIER_COLUMNS,
  NO,
  PASS_FAIL_LABEL,
  POINTS_LABEL,
  SETTING_CHOICES,
  SETTING_LABELS,
  SHEETS,
  TOTAL_LABEL,
  TOTAL_TARGET,
  YES,
  resolveGroupTarget,
  roman,
  type Column,
} from "./scale-excel-layout";

export { MAX_IMPORT_ERRORS, checkScaleUpload, formatImportError, workbookToScale, type ScaleImportError, type ScaleImportResult } from "./scale-excel-read";

export interface ScaleWorkbookMeta {
  /** The scale's name (tên biểu điểm). */
  name: string;
  schoolName?: string;
  /** "2026–2027". */
  schoolYear?: string;
  /** "Phiên bản 2, thông qua ngày 05/10/2026, Nghị quyết số 02/NQ-HNVC". */
  versionNote?: string;
}

type Value = string | number | null;
const pts = (t: number | undefined): number | null => (t === undefined ? null : t / 10);
const yesNo = (b: boolean | undefined): string | null => (b === undefined ? null : b ? YES : NO);
const FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE8F7" } } as const;
const GROUP_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F5F9" } } as const;
const EXTRA_ROWS = 200;

function put(row: ExcelJS.Row, values: Value[]) {
  values.forEach((v, i) => {
    row.getCell(i + 1).value = typeof v === "string" ? formulaSafe(v) : v;
  });
}

/** A titled table: title lines, a header row (frozen), the rows; returns the header row number. */
function table(wb: ExcelJS.Workbook, name: string, titles: string[], columns: Column[], rows: { values: Value[]; bold?: boolean }[]) {
  const ws = wb.addWorksheet(name, { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  titles.forEach((t, i) => {
    const row = ws.getRow(i + 1);
    put(row, [t]);
    row.font = { bold: i === 0, size: i === 0 ? 13 : 11 };
  });
  const headerRow = titles.length + 2;
  const head = ws.getRow(headerRow);
  put(head, columns.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  head.eachCell((c) => {
    c.fill = FILL;
    c.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
  });
  ws.views = [{ state: "frozen", ySplit: headerRow }];
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  rows.forEach((r, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    put(row, r.values);
    row.alignment = { vertical: "top", wrapText: true };
    if (r.bold) {
      row.font = { bold: true };
      for (let c = 1; c <= columns.length; c++) row.getCell(c).fill = GROUP_FILL;
    }
  });
  return { ws, headerRow };
}

/** A drop-down list on a column, for the rows written and some more. */
function choices(ws: ExcelJS.Worksheet, column: number, from: number, to: number, options: string[]) {
  for (let r = from; r <= to; r++) {
    ws.getCell(r, column).dataValidation = { type: "list", allowBlank: true, formulae: [`"${options.join(",")}"`], showErrorMessage: false };
  }
}

const colOf = (columns: Column[], field: string) => columns.findIndex((c) => c.field === field) + 1;

/** The scale as an .xlsx workbook (bytes). */
export async function scaleToWorkbook(doc: ScaleDefinition, meta: ScaleWorkbookMeta): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Thi đua";
  wb.title = meta.name;
  const info = [meta.schoolName, meta.schoolYear && `Năm học ${meta.schoolYear}`, meta.versionNote].filter(Boolean).join(" · ");
  const titles = (t: string) => [t, meta.name, ...(info ? [info] : [])];

  const criteriaRows = doc.groups.flatMap((g, gi) => [
    { values: [roman(gi + 1), g.name, pts(g.max), g.floorPercent ?? null, null, null, null, g.key], bold: true },
    ...g.criteria.map((c, ci) => ({
      values: [ci + 1, c.name, c.type === "PASS_FAIL" ? null : pts(c.max), null, c.evidenceRequired ? YES : null, c.type === "PASS_FAIL" ? PASS_FAIL_LABEL : POINTS_LABEL, c.description ?? null, c.key],
    })),
  ]);
  if (doc.groups.length) criteriaRows.push({ values: [null, TOTAL_LABEL, pts(criteriaMax(doc)), null, null, null, null, null], bold: true });
  const crit = table(wb, SHEETS.criteria, titles("BIỂU ĐIỂM THI ĐUA"), CRITERIA_COLUMNS, criteriaRows);
  const lastCrit = crit.headerRow + criteriaRows.length + EXTRA_ROWS;
  choices(crit.ws, colOf(CRITERIA_COLUMNS, "evidence"), crit.headerRow + 1, lastCrit, [YES, NO]);
  choices(crit.ws, colOf(CRITERIA_COLUMNS, "type"), crit.headerRow + 1, lastCrit, [POINTS_LABEL, PASS_FAIL_LABEL]);

  // A deduction names its group by name, unless the name would not lead back to that group.
  const target = (groupKey: string | undefined) => {
    if (!groupKey) return TOTAL_TARGET;
    const g = doc.groups.find((x) => x.key === groupKey);
    return g && resolveGroupTarget(g.name, doc.groups) === g.key ? g.name : groupKey;
  };
  table(wb, SHEETS.deductions, titles("CÁC KHOẢN TRỪ ĐIỂM (tính theo mỗi lần vi phạm)"), DEDUCTION_COLUMNS, doc.deductions.map((d, i) => ({ values: [i + 1, d.name, pts(d.points), target(d.groupKey), d.key] })));

  table(wb, SHEETS.bonus, titles("ĐIỂM CỘNG"), BONUS_COLUMNS, [...doc.bonus.map((b, i) => ({ values: [i + 1, b.name, pts(b.max), b.key] as Value[] })), { values: [null, BONUS_CAP_LABEL, pts(doc.bonusCap), null], bold: true }]);

  table(wb, SHEETS.disqualifiers, titles("ĐIỀU KIỆN KHÔNG XẾP LOẠI (dù đủ điểm)"), DISQUALIFIER_COLUMNS, doc.disqualifiers.map((d, i) => ({ values: [i + 1, d.name, d.key] })));

  const bands = table(wb, SHEETS.bands, titles("XẾP LOẠI (từ mức cao xuống mức thấp)"), BAND_COLUMNS, doc.bands.map((b, i) => ({ values: [i + 1, b.label, pts(b.min), yesNo(b.applyGroupFloors), b.groupFloorPercent ?? null, yesNo(b.requireAllPass), b.key] })));
  const lastBand = bands.headerRow + doc.bands.length + 10;
  choices(bands.ws, colOf(BAND_COLUMNS, "floors"), bands.headerRow + 1, lastBand, [YES, NO]);
  choices(bands.ws, colOf(BAND_COLUMNS, "allPass"), bands.headerRow + 1, lastBand, [YES, NO]);

  const settingValues: Record<keyof typeof SETTING_LABELS, Value> = {
    kind: SETTING_CHOICES.kind[doc.kind],
    start: pts(doc.start),
    periodKind: SETTING_CHOICES.periodKind[doc.periodKind],
    aggregation: SETTING_CHOICES.aggregation[doc.aggregation],
    notApplicable: SETTING_CHOICES.notApplicable[doc.notApplicable],
    exempt: SETTING_CHOICES.exempt[doc.exempt],
    unrankedLabel: doc.unrankedLabel,
    basis: doc.basis ?? null,
  };
  const fields = Object.keys(SETTING_LABELS) as (keyof typeof SETTING_LABELS)[];
  const settings = table(wb, SHEETS.settings, titles("CÁCH TÍNH ĐIỂM"), [{ field: "label", header: "Mục", width: 40 }, { field: "value", header: "Giá trị", width: 70 }], fields.map((f) => ({ values: [SETTING_LABELS[f], settingValues[f]] })));
  fields.forEach((f, i) => {
    if (f in SETTING_CHOICES) choices(settings.ws, 2, settings.headerRow + 1 + i, settings.headerRow + 1 + i, Object.values(SETTING_CHOICES[f as keyof typeof SETTING_CHOICES]));
  });

  const help = wb.addWorksheet(SHEETS.help);
  help.getColumn(1).width = 110;
  [
    "Cách sửa tệp biểu điểm rồi nhập lại",
    `• Trang “${SHEETS.criteria}”: dòng nhóm tiêu chí ghi STT bằng số La Mã (I, II, III…), dòng tiêu chí ghi STT bằng số (1, 2, 3…) ngay dưới nhóm của nó.`,
    "• Điểm ghi bằng số, tối đa một chữ số thập phân (ví dụ 7,5). Điểm tối đa của nhóm phải bằng tổng điểm các tiêu chí trong nhóm (để trống thì tự cộng).",
    "• Điểm sàn ghi ở dòng nhóm, theo % điểm tối đa của nhóm (ví dụ 70). Cần minh chứng: ghi “Có” hoặc để trống. Cách chấm: “Chấm điểm” hoặc “Đạt/Không đạt”.",
    `• Trang “${SHEETS.deductions}”: điểm trừ cho mỗi lần; cột “Trừ vào” ghi tên nhóm tiêu chí, hoặc “${TOTAL_TARGET}”.`,
    `• Trang “${SHEETS.bonus}”: dòng cuối “${BONUS_CAP_LABEL}” là tổng điểm cộng không được vượt quá.`,
    `• Trang “${SHEETS.bands}”: các mức từ cao xuống thấp; “Xét điểm sàn từng nhóm” = Có thì mọi nhóm phải đạt điểm sàn.`,
    "• Cột “Mã” giữ liên kết với điểm đã chấm: khi sửa thì giữ nguyên mã; dòng mới để trống mã, hệ thống tự đặt.",
    "• Nhập tệp tạo ra một biểu điểm mới ở dạng bản nháp; biểu điểm chỉ có hiệu lực sau khi được thông qua tại Hội nghị viên chức, người lao động.",
  ].forEach((l, i) => {
    help.getCell(i + 1, 1).value = formulaSafe(l);
    help.getCell(i + 1, 1).alignment = { wrapText: true };
  });
  help.getCell(1, 1).font = { bold: true, size: 13 };

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
