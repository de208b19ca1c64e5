// Reading a scoring scale back from an .xlsx workbook (the layout of scale-excel-layout.ts): every
// sheet's header row is found by its Vietnamese headers, each row is read into the document, and
// every problem is reported with its sheet, row and column in Vietnamese. A file that reads
// cleanly must then pass the same checks as the scale builder (parseScale); those problems are
// mapped back to the row they came from. No I/O: bytes in, a document or errors out.
import ExcelJS from "exceljs";
import { foldVietnamese } from "../format";
import { formatPoints } from "./points";
import { keyFrom, longText, readKey, readPercent, readPoints, readYesNo, text, type Cell, type Read } from "./scale-excel-cells";
import { parseScale, type Band, type Criterion, type CriterionGroup, type DeductionItem, type ScaleDefinition } from "./scale";
import {
  BAND_COLUMNS,
  BONUS_CAP_LABEL,
  BONUS_COLUMNS,
  CRITERIA_COLUMNS,
  DEDUCTION_COLUMNS,
  DISQUALIFIER_COLUMNS,
  PASS_FAIL_LABEL,
  POINTS_LABEL,
  SETTING_CHOICES,
  SETTING_LABELS,
  SHEETS,
  TOTAL_LABEL,
  headerKey,
  resolveGroupTarget,
  type ChoiceField,
  type Column,
  type SettingField,
} from "./scale-excel-layout";

export interface ScaleImportError {
  sheet: string;
  /** The worksheet row (1-based), when the problem is on one row. */
  row?: number;
  /** The column header, when the problem is in one cell. */
  column?: string;
  message: string;
}
export type ScaleImportResult = { ok: true; doc: ScaleDefinition } | { ok: false; errors: ScaleImportError[] };
export { checkScaleUpload } from "./scale-excel-cells";

/** "Trang “Biểu điểm”, dòng 7, cột “Điểm tối đa”: …" */
export function formatImportError(e: ScaleImportError): string {
  return `Trang “${e.sheet}”${e.row ? `, dòng ${e.row}` : ""}${e.column ? `, cột “${e.column}”` : ""}: ${e.message}`;
}

const MAX_ROWS = 500;
/** The most problems reported for one file. */
export const MAX_IMPORT_ERRORS = 50;

interface Row<F extends string> {
  row: number;
  cell(field: F): Cell;
}

class Reader {
  errors: ScaleImportError[] = [];
  /** Document path ("groups.2.criteria.0") → where it came from. */
  where = new Map<string, { sheet: string; row?: number }>();

  constructor(private wb: ExcelJS.Workbook) {}

  fail(sheet: string, row: number | undefined, column: string | undefined, message: string) {
    if (this.errors.length < MAX_IMPORT_ERRORS) this.errors.push({ sheet, ...(row ? { row } : {}), ...(column ? { column } : {}), message });
  }

  /** A read value, or an error on its cell (then undefined). */
  take<T>(r: Read<T>, sheet: string, row: number, column: string): T | undefined {
    if (r.ok) return r.value;
    this.fail(sheet, row, column, r.message);
    return undefined;
  }

  sheet(name: string): ExcelJS.Worksheet | undefined {
    return this.wb.worksheets.find((w) => foldVietnamese(w.name) === foldVietnamese(name));
  }

  /** The rows under a sheet's header row; null (with the errors) when the header is not there. */
  table<F extends string>(sheetName: string, columns: Column<F>[]): Row<F>[] | null {
    const ws = this.sheet(sheetName);
    if (!ws) return null;
    const anchor = columns.find((c) => c.required && c.field !== "stt")!;
    const matches = (c: Column<F>, k: string) => headerKey(c.header) === k || (c.aliases ?? []).includes(k);
    let headerRow = 0;
    let map = new Map<F, number>();
    // The header is the row (among the first 20) naming the most columns, at least two when the
    // table has two required ones: a title such as "ĐIỂM CỘNG" also reads as a header.
    const enough = Math.min(2, columns.filter((c) => c.required).length);
    for (let r = 1; r <= Math.min(20, ws.rowCount); r++) {
      const found = new Map<F, number>();
      ws.getRow(r).eachCell((cell, col) => {
        const k = headerKey(text(cell.value));
        const c = columns.find((x) => !found.has(x.field) && matches(x, k));
        if (c) found.set(c.field, col);
      });
      if (found.has(anchor.field) && found.size >= enough && found.size > map.size) [headerRow, map] = [r, found];
    }
    if (!headerRow) {
      this.fail(sheetName, undefined, undefined, `Không tìm thấy dòng tiêu đề có các cột ${columns.filter((c) => c.required).map((c) => `“${c.header}”`).join(", ")}. Hãy dùng tệp mẫu.`);
      return null;
    }
    const missing = columns.filter((c) => c.required && !map.has(c.field));
    for (const c of missing) this.fail(sheetName, headerRow, undefined, `Thiếu cột “${c.header}”.`);
    if (missing.length) return null;
    const rows: Row<F>[] = [];
    ws.eachRow((row, r) => {
      if (r <= headerRow) return;
      const cell = (f: F) => (map.has(f) ? row.getCell(map.get(f)!).value : null);
      if (columns.every((c) => !text(cell(c.field)))) return;
      rows.push({ row: r, cell });
    });
    if (rows.length > MAX_ROWS) {
      this.fail(sheetName, undefined, undefined, `Trang có hơn ${MAX_ROWS} dòng dữ liệu.`);
      return null;
    }
    return rows;
  }
}

const H = <F extends string>(cols: Column<F>[], f: F) => cols.find((c) => c.field === f)!.header;

function readGroups(rd: Reader): CriterionGroup[] {
  const sheet = SHEETS.criteria;
  const C = CRITERIA_COLUMNS;
  const rows = rd.table(sheet, C);
  if (!rows) {
    if (!rd.sheet(sheet)) rd.fail(sheet, undefined, undefined, "Tệp thiếu trang này. Hãy dùng tệp mẫu.");
    return [];
  }
  // A group with a broken row is not checked against its criteria's sum: that would only repeat the row's error.
  type G = { row: number; broken?: boolean; key?: string; name: string; max?: number; floorPercent?: number; criteria: (Omit<Criterion, "key"> & { key?: string; row: number })[] };
  const groups: G[] = [];
  for (const r of rows) {
    const errorsBefore = rd.errors.length;
    readCriteriaRow(r);
    const g = groups.at(-1);
    if (g && rd.errors.length > errorsBefore) g.broken = true;
  }
  function readCriteriaRow(r: Row<(typeof C)[number]["field"]>) {
    const stt = text(r.cell("stt")).replace(/[.)]$/, "");
    const name = text(r.cell("name"));
    const at = (f: Parameters<typeof r.cell>[0]) => H(C, f);
    if (!stt) {
      const k = headerKey(name);
      if (k === headerKey(TOTAL_LABEL) || k === "tong" || k.startsWith("tong diem")) return;
      rd.fail(sheet, r.row, at("stt"), "Thiếu STT: dòng nhóm tiêu chí ghi I, II, III…; dòng tiêu chí ghi 1, 2, 3….");
      return;
    }
    const key = rd.take(readKey(r.cell("key")), sheet, r.row, at("key"));
    if (/^[IVXLCDM]+$/i.test(stt) || /^[A-Z]$/.test(stt)) {
      const max = rd.take(readPoints(r.cell("max")), sheet, r.row, at("max"));
      const floorPercent = rd.take(readPercent(r.cell("floor")), sheet, r.row, at("floor"));
      if (longText(r.cell("description"))) rd.fail(sheet, r.row, at("description"), "Dòng nhóm tiêu chí không có mô tả; hãy ghi mô tả ở từng tiêu chí.");
      groups.push({ row: r.row, key, name, max, floorPercent, criteria: [] });
    } else if (/^\d+(\.\d+)*$/.test(stt)) {
      const g = groups.at(-1);
      if (!g) {
        rd.fail(sheet, r.row, at("stt"), "Tiêu chí chưa thuộc nhóm nào: thêm một dòng nhóm (STT I, II…) phía trên.");
        return;
      }
      const typeText = foldVietnamese(text(r.cell("type")));
      const type = !typeText || typeText === foldVietnamese(POINTS_LABEL) || typeText === "diem" ? "POINTS" : ["dat/khong dat", "dat khong dat", "d/k", "dat"].includes(typeText) ? "PASS_FAIL" : null;
      if (!type) rd.fail(sheet, r.row, at("type"), `“${text(r.cell("type"))}”: ghi “${POINTS_LABEL}” hoặc “${PASS_FAIL_LABEL}”.`);
      const max = rd.take(readPoints(r.cell("max")), sheet, r.row, at("max"));
      if (max === undefined && type === "POINTS" && text(r.cell("max")) === "") rd.fail(sheet, r.row, at("max"), `Tiêu chí “${name}” thiếu điểm tối đa.`);
      if (text(r.cell("floor"))) rd.fail(sheet, r.row, at("floor"), "Điểm sàn chỉ ghi ở dòng nhóm tiêu chí (theo % điểm tối đa của nhóm).");
      const evidence = rd.take(readYesNo(r.cell("evidence")), sheet, r.row, at("evidence"));
      const description = longText(r.cell("description"));
      g.criteria.push({ row: r.row, key, name, max: max ?? 0, evidenceRequired: evidence ?? false, type: type ?? "POINTS", ...(description ? { description } : {}) });
    } else {
      rd.fail(sheet, r.row, at("stt"), `STT “${stt}” không rõ là nhóm hay tiêu chí: nhóm ghi I, II, III…; tiêu chí ghi 1, 2, 3….`);
    }
  }
  const taken = new Set(groups.flatMap((g) => [g.key, ...g.criteria.map((c) => c.key)]).filter((k): k is string => !!k));
  return groups.map((g, gi) => {
    const sum = g.criteria.reduce((s, c) => s + c.max, 0);
    if (g.max !== undefined && g.max !== sum && !g.broken) {
      rd.fail(sheet, g.row, H(C, "max"), `Nhóm “${g.name}” ghi điểm tối đa ${formatPoints(g.max)} nhưng các tiêu chí trong nhóm cộng lại ${formatPoints(sum)}.`);
    }
    rd.where.set(`groups.${gi}`, { sheet, row: g.row });
    const criteria = g.criteria.map(({ row, key, ...c }, ci) => {
      rd.where.set(`groups.${gi}.criteria.${ci}`, { sheet, row });
      return { key: key ?? keyFrom(c.name, taken, "tieu_chi"), ...c };
    });
    return { key: g.key ?? keyFrom(g.name, taken, "nhom"), name: g.name, max: sum, ...(g.floorPercent !== undefined ? { floorPercent: g.floorPercent } : {}), criteria };
  });
}

/** A simple list sheet: rows → items with a key (explicit or made from the name). */
function readList<F extends string, T>(rd: Reader, sheet: string, columns: Column<F>[], path: string, nameField: F, fallbackKey: string, item: (r: Row<F>) => T | null): (T & { key: string })[] {
  const rows = rd.table(sheet, columns) ?? [];
  const read = rows.flatMap((r) => {
    const v = item(r);
    return v === null ? [] : [{ r, v, key: rd.take(readKey(r.cell("key" as F)), sheet, r.row, "Mã") }];
  });
  const taken = new Set(read.map((x) => x.key).filter((k): k is string => !!k));
  return read.map(({ r, v, key }, i) => {
    rd.where.set(`${path}.${i}`, { sheet, row: r.row });
    return { key: key ?? keyFrom(text(r.cell(nameField)), taken, fallbackKey), ...v };
  });
}

function readSettings(rd: Reader) {
  const sheet = SHEETS.settings;
  const ws = rd.sheet(sheet);
  const found = new Map<SettingField, { row: number; value: Cell }>();
  if (!ws) rd.fail(sheet, undefined, undefined, "Tệp thiếu trang này. Hãy dùng tệp mẫu.");
  ws?.eachRow((row, r) => {
    const k = headerKey(text(row.getCell(1).value));
    const f = (Object.keys(SETTING_LABELS) as SettingField[]).find((x) => headerKey(SETTING_LABELS[x]) === k);
    if (f && !found.has(f)) found.set(f, { row: r, value: row.getCell(2).value });
  });
  for (const [f, at] of found) rd.where.set(f, { sheet, row: at.row });
  const need = (f: SettingField) => {
    const at = found.get(f);
    if (ws && (!at || !text(at.value))) rd.fail(sheet, at?.row, "Giá trị", `Chưa ghi “${SETTING_LABELS[f]}”.`);
    return at;
  };
  const choice = <F extends ChoiceField>(f: F): keyof (typeof SETTING_CHOICES)[F] | undefined => {
    const at = need(f);
    if (!at || !text(at.value)) return undefined;
    const options = SETTING_CHOICES[f] as Record<string, string>;
    const v = foldVietnamese(text(at.value));
    const code = Object.keys(options).find((c) => foldVietnamese(options[c]) === v || c.toLowerCase() === v);
    if (!code) rd.fail(sheet, at.row, "Giá trị", `“${text(at.value)}” không phải lựa chọn hợp lệ; ghi một trong: ${Object.values(options).map((o) => `“${o}”`).join(", ")}.`);
    return code as keyof (typeof SETTING_CHOICES)[F] | undefined;
  };
  const startAt = found.get("start");
  return {
    kind: choice("kind"),
    start: startAt ? rd.take(readPoints(startAt.value), sheet, startAt.row, "Giá trị") : undefined,
    periodKind: choice("periodKind"),
    aggregation: choice("aggregation"),
    notApplicable: choice("notApplicable"),
    exempt: choice("exempt"),
    unrankedLabel: text(need("unrankedLabel")?.value ?? null),
    basis: longText(found.get("basis")?.value ?? null),
  };
}

/**
 * Reads a workbook written by scaleToWorkbook (or made by hand in its layout) into a scale that
 * passes parseScale, or every problem found (up to 50), each naming its sheet and row.
 */
export async function workbookToScale(bytes: Uint8Array): Promise<ScaleImportResult> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own global Buffer type; Node's Buffer is what it reads.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    return { ok: false, errors: [{ sheet: "(tệp)", message: "Không đọc được tệp Excel. Hãy lưu lại tệp ở định dạng .xlsx rồi thử lại." }] };
  }
  const rd = new Reader(wb);
  const settings = readSettings(rd);
  const groups = readGroups(rd);

  const D = DEDUCTION_COLUMNS;
  const deductions = readList(rd, SHEETS.deductions, D, "deductions", "name", "tru", (r): Omit<DeductionItem, "key"> => {
    const points = rd.take(readPoints(r.cell("points"), true), SHEETS.deductions, r.row, H(D, "points"));
    if (points === undefined && !text(r.cell("points"))) rd.fail(SHEETS.deductions, r.row, H(D, "points"), "Thiếu số điểm trừ mỗi lần.");
    const target = text(r.cell("group"));
    const groupKey = resolveGroupTarget(target, groups);
    if (groupKey === undefined) rd.fail(SHEETS.deductions, r.row, H(D, "group"), `Không có nhóm tiêu chí “${target}”: ghi đúng tên nhóm ở trang “${SHEETS.criteria}”, hoặc để trống để trừ vào tổng điểm.`);
    return { name: text(r.cell("name")), points: points ?? 0, ...(groupKey ? { groupKey } : {}) };
  });

  const B = BONUS_COLUMNS;
  let bonusCap: number | undefined;
  const bonus = readList(rd, SHEETS.bonus, B, "bonus", "name", "cong", (r) => {
    const max = rd.take(readPoints(r.cell("max")), SHEETS.bonus, r.row, H(B, "max"));
    if (!text(r.cell("stt")) && headerKey(text(r.cell("name"))).startsWith(headerKey(BONUS_CAP_LABEL))) {
      rd.where.set("bonusCap", { sheet: SHEETS.bonus, row: r.row });
      bonusCap = max ?? 0;
      return null;
    }
    if (max === undefined && !text(r.cell("max"))) rd.fail(SHEETS.bonus, r.row, H(B, "max"), "Thiếu số điểm cộng tối đa.");
    return { name: text(r.cell("name")), max: max ?? 0 };
  });
  if (bonusCap === undefined && bonus.length) rd.fail(SHEETS.bonus, undefined, undefined, `Thiếu dòng “${BONUS_CAP_LABEL}” (cuối bảng, cột “${H(B, "max")}”).`);

  const disqualifiers = readList(rd, SHEETS.disqualifiers, DISQUALIFIER_COLUMNS, "disqualifiers", "name", "loai", (r) => ({ name: text(r.cell("name")) }));

  const K = BAND_COLUMNS;
  if (!rd.sheet(SHEETS.bands)) rd.fail(SHEETS.bands, undefined, undefined, "Tệp thiếu trang này. Hãy dùng tệp mẫu.");
  const bands = readList(rd, SHEETS.bands, K, "bands", "label", "muc", (r): Omit<Band, "key"> => {
    const at = (f: Parameters<typeof r.cell>[0]) => [SHEETS.bands, r.row, H(K, f)] as const;
    const min = rd.take(readPoints(r.cell("min")), ...at("min"));
    if (min === undefined && !text(r.cell("min"))) rd.fail(...at("min"), "Thiếu tổng điểm tối thiểu của mức.");
    const floors = rd.take(readYesNo(r.cell("floors")), ...at("floors"));
    const pct = rd.take(readPercent(r.cell("floorPercent")), ...at("floorPercent"));
    const allPass = rd.take(readYesNo(r.cell("allPass")), ...at("allPass"));
    return { label: text(r.cell("label")), min: min ?? 0, applyGroupFloors: floors ?? false, ...(pct !== undefined ? { groupFloorPercent: pct } : {}), ...(allPass !== undefined ? { requireAllPass: allPass } : {}) };
  });

  if (rd.errors.length) return { ok: false, errors: rd.errors };
  const doc = {
    kind: settings.kind,
    ...(settings.start !== undefined ? { start: settings.start } : {}),
    periodKind: settings.periodKind,
    aggregation: settings.aggregation,
    notApplicable: settings.notApplicable,
    exempt: settings.exempt,
    groups,
    deductions,
    bonusCap: bonusCap ?? 0,
    bonus,
    disqualifiers,
    bands,
    unrankedLabel: settings.unrankedLabel,
    ...(settings.basis ? { basis: settings.basis } : {}),
  };
  const parsed = parseScale(doc);
  if (parsed.ok) return { ok: true, doc: parsed.scale };
  return { ok: false, errors: parsed.problems.slice(0, MAX_IMPORT_ERRORS).map((p) => ({ ...locate(rd, p.path), message: p.message })) };
}

const SHEET_OF: Record<string, { sheet: string; columns: Column[] }> = {
  groups: { sheet: SHEETS.criteria, columns: CRITERIA_COLUMNS },
  deductions: { sheet: SHEETS.deductions, columns: DEDUCTION_COLUMNS },
  bonus: { sheet: SHEETS.bonus, columns: BONUS_COLUMNS },
  bonusCap: { sheet: SHEETS.bonus, columns: BONUS_COLUMNS },
  disqualifiers: { sheet: SHEETS.disqualifiers, columns: DISQUALIFIER_COLUMNS },
  bands: { sheet: SHEETS.bands, columns: BAND_COLUMNS },
};
/** Document field → the column it is read from. */
const FIELD_COLUMN: Record<string, string> = { name: "name", label: "label", max: "max", min: "min", points: "points", floorPercent: "floor", groupFloorPercent: "floorPercent", description: "description", key: "key", groupKey: "group" };

/** Where a parseScale problem path ("groups.1.criteria.0.max") came from. */
function locate(rd: Reader, path: string): Omit<ScaleImportError, "message"> {
  const parts = path.split(".");
  const of = SHEET_OF[parts[0]];
  for (let n = parts.length; n > 0; n--) {
    const at = rd.where.get(parts.slice(0, n).join("."));
    if (!at) continue;
    // One field below the located row names the cell's column ("….max" → "Điểm tối đa").
    const field = n === parts.length - 1 ? FIELD_COLUMN[parts[n]] : undefined;
    const column = field ? of?.columns.find((c) => c.field === field)?.header : undefined;
    return { sheet: at.sheet, ...(at.row ? { row: at.row } : {}), ...(column ? { column } : {}) };
  }
  return { sheet: of?.sheet ?? SHEETS.settings };
}
