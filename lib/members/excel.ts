import "server-only";
// Members ⇄ Excel (.xlsx): the import template, reading an uploaded workbook into raw rows
// (validated by rules.ts), and the export. No database access: pure functions over bytes.
import ExcelJS from "exceljs";
import { cleanText, foldVietnamese, formatDate, formatNumber } from "../format";
import { DATE_FIELDS, IMPORT_COLUMNS, type ImportField, type RawImportRow } from "./rules";
import { formulaSafe } from "../excel";

/** Below the 5 MB body limit of server actions (next.config.ts), with room for the form. */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;
/** A 2 MB zip can inflate to gigabytes: refuse files whose parts add up to more than this. */
export const MAX_UNCOMPRESSED_BYTES = 128 * 1024 * 1024;
/** One file may hold a whole district's worth of members; said on the import page before upload. */
export const MAX_IMPORT_ROWS = 10_000;
export const SHEET_NAME = "Đoàn viên";

/** What the checks in front of the parser say about an upload; null when it may be parsed. */
export function checkUpload(fileName: string, bytes: Uint8Array): string | null {
  if (!/\.xlsx$/i.test(fileName)) return "Chỉ nhận tệp Excel có đuôi .xlsx.";
  if (bytes.byteLength === 0) return "Tệp rỗng.";
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return `Tệp lớn quá ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`;
  // An .xlsx is a zip archive: "PK\x03\x04".
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    return "Tệp không phải là tệp Excel .xlsx hợp lệ.";
  }
  const inflated = zipUncompressedSize(bytes);
  if (inflated === null) return "Tệp không phải là tệp Excel .xlsx hợp lệ.";
  if (inflated > MAX_UNCOMPRESSED_BYTES) return "Tệp quá lớn sau khi giải nén.";
  return null;
}

/** Sum of the uncompressed sizes in a zip's central directory; null when it cannot be read. */
export function zipUncompressedSize(b: Uint8Array): number | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // End of central directory: signature 0x06054b50, within the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = b.byteLength - 22; i >= Math.max(0, b.byteLength - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (entries > 10_000) return null;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > b.byteLength || view.getUint32(p, true) !== 0x02014b50) return null;
    const size = view.getUint32(p + 24, true);
    if (size === 0xffffffff) return Number.MAX_SAFE_INTEGER; // zip64: far beyond any member list
    total += size;
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return total;
}

/** Header text (folded) → field. Accepts the template's headers and a few common variants. */
const HEADER_FIELDS = new Map<string, ImportField>([
  ...IMPORT_COLUMNS.map((c) => [foldVietnamese(c.header), c.field] as const),
  ["ho ten", "fullName"],
  ["ho va ten dem", "fullName"],
  ["gioi", "gender"],
  ["dien thoai", "phone"],
  ["sdt", "phone"],
  ["ngay vao cd", "joinedUnionAt"],
  ["ngay vao cong doan viet nam", "joinedUnionAt"],
  ["ngay ky hop dong", "contractStartAt"],
  ["to cd", "unionGroup"],
  ["cccd", "citizenId"],
  ["so can cuoc", "citizenId"],
  ["so can cuoc cong dan", "citizenId"],
  ["so cccd/cmnd", "citizenId"],
  ["so the cong doan", "unionCardNumber"],
  ["so the dv", "unionCardNumber"],
  ["dang vien", "partyMember"],
  ["ngay vao dang", "partyJoinedAt"],
  ["ngay ket nap dang", "partyJoinedAt"],
]);

type CellValue = ExcelJS.CellValue;

/** The text a person sees in a cell; dates as dd/mm/yyyy. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return formatDate(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "string") return unprotect(cleanText(v));
  if (typeof v === "object") {
    if ("richText" in v) return unprotect(cleanText(v.richText.map((r) => r.text).join("")));
    if ("formula" in v || "sharedFormula" in v) return cellText((v as { result?: CellValue }).result ?? null);
    if ("text" in v && typeof v.text === "string") return cleanText(v.text);
    if ("error" in v) return "";
  }
  return "";
}

/** Our own export protects text that looks like a formula with a leading apostrophe: undo it. */
function unprotect(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

export type ParseResult = { ok: true; rows: RawImportRow[] } | { ok: false; message: string };

/**
 * Reads the first sheet (or the one named "Đoàn viên"): finds the header row among the first
 * ten, maps columns by their Vietnamese headers, and returns the non-empty rows as text.
 */
export async function parseMemberWorkbook(bytes: Uint8Array): Promise<ParseResult> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own global Buffer type (an ArrayBuffer); Node's Buffer is what it reads.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    return { ok: false, message: "Không đọc được tệp Excel. Hãy lưu lại tệp ở định dạng .xlsx rồi thử lại." };
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) return { ok: false, message: "Tệp không có trang tính nào." };

  let headerRow = 0;
  let columns = new Map<number, ImportField>();
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const found = new Map<number, ImportField>();
    ws.getRow(r).eachCell((cell, col) => {
      const field = HEADER_FIELDS.get(foldVietnamese(cellText(cell.value)).replace(/[:*]/g, "").trim());
      if (field && ![...found.values()].includes(field)) found.set(col, field);
    });
    if ([...found.values()].includes("fullName")) {
      headerRow = r;
      columns = found;
      break;
    }
  }
  if (!headerRow) return { ok: false, message: 'Không tìm thấy dòng tiêu đề có cột "Họ và tên". Hãy dùng tệp mẫu.' };
  const missing = IMPORT_COLUMNS.filter((c) => c.required && ![...columns.values()].includes(c.field)).map((c) => `"${c.header}"`);
  if (missing.length) return { ok: false, message: `Tệp thiếu cột ${missing.join(", ")}. Hãy dùng tệp mẫu.` };

  const rows: RawImportRow[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: RawImportRow["values"] = {};
    for (const [col, field] of columns) {
      const text = cellText(row.getCell(col).value);
      if (text) values[field] = text;
    }
    if (Object.keys(values).length === 0) continue;
    if (rows.length >= MAX_IMPORT_ROWS) {
      return { ok: false, message: `Tệp có hơn ${formatNumber(MAX_IMPORT_ROWS)} dòng dữ liệu (giới hạn mỗi lần nhập). Hãy chia thành nhiều tệp nhỏ hơn.` };
    }
    rows.push({ row: r, values });
  }
  return { ok: true, rows };
}

// ---------------------------------------------------------------------------------------------
// Writing

export { formulaSafe };

function headerStyle(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: "middle", wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE8F7" } };
    c.border = { bottom: { style: "thin" } };
  });
}

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The import template: the headers, text-formatted columns, a gender list, and a help sheet naming the school's union groups. */
export async function buildTemplateWorkbook(groupNames: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  headerStyle(ws.getRow(1));
  // Dates and phone numbers as text: Excel would otherwise turn 05/03/1990 into 3 May and drop a phone's leading zero.
  for (const field of [...DATE_FIELDS, "phone", "citizenId", "unionCardNumber"] as const) ws.getColumn(field).numFmt = "@";
  const genderCol = IMPORT_COLUMNS.findIndex((c) => c.field === "gender") + 1;
  for (let r = 2; r <= 501; r++) {
    ws.getCell(r, genderCol).dataValidation = { type: "list", allowBlank: true, formulae: ['"Nam,Nữ"'], showErrorMessage: true, errorTitle: "Giới tính", error: "Ghi Nam hoặc Nữ." };
  }

  const help = wb.addWorksheet("Hướng dẫn");
  help.getColumn(1).width = 100;
  const lines = [
    "Cách điền tệp nhập đoàn viên",
    "• Mỗi đoàn viên một dòng, bắt đầu từ dòng 2 của trang \"Đoàn viên\". Không đổi tên các cột ở dòng 1.",
    "• Bắt buộc: Họ và tên, Giới tính (Nam hoặc Nữ).",
    "• Ngày ghi theo dạng dd/mm/yyyy, ví dụ 05/09/1990 (ô kiểu ngày của Excel cũng được).",
    "• Số CCCD: đủ 12 chữ số. Đảng viên: ghi Có (hoặc x), để trống nếu không.",
    `• Mỗi tệp tối đa ${formatNumber(MAX_IMPORT_ROWS)} dòng, dung lượng tối đa ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
    "• Tổ công đoàn: ghi đúng tên một tổ của trường (xem danh sách dưới đây), hoặc để trống.",
    "",
    "Các tổ công đoàn của trường:",
    ...(groupNames.length ? groupNames.map((n) => `   ${n}`) : ["   (trường chưa có tổ công đoàn nào)"]),
  ];
  lines.forEach((l, i) => (help.getCell(i + 1, 1).value = formulaSafe(l)));
  help.getCell(1, 1).font = { bold: true, size: 13 };
  return toBytes(wb);
}

export interface ExportRow {
  fullName: string;
  gender: string;
  dateOfBirth: Date | null;
  position: string | null;
  professionalGroup: string | null;
  unionGroup: string | null;
  email: string | null;
  phone: string | null;
  joinedUnionAt: Date | null;
  contractStartAt: Date | null;
  citizenId: string | null;
  ethnicity: string | null;
  hometown: string | null;
  unionCardNumber: string | null;
  partyMember: boolean;
  partyJoinedAt: Date | null;
  status: string;
}

/** Excel shows these cells as dd/mm/yyyy and sorts them as dates. */
export const EXCEL_DATE_FORMAT = "dd/mm/yyyy";

/**
 * The member list as .xlsx: a title (the school, the day of the export), then the template's
 * columns (so it can be re-imported: the header row is found below the title) plus STT and
 * status. Dates are real Excel dates (sortable) shown dd/mm/yyyy; text stays text.
 */
export async function buildExportWorkbook(rows: ExportRow[], school: { name: string }, exportedAt: Date = new Date()): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.title = `Danh sách đoàn viên – ${school.name}`;
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: "frozen", ySplit: 4 }] });
  const columns = [{ header: "STT", key: "stt", width: 6 }, ...IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.field as string, width: c.width })), { header: "Trạng thái", key: "status", width: 16 }];
  // Keys and widths only: the header row is written below the title.
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  const last = columns.length;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).value = formulaSafe(`DANH SÁCH ĐOÀN VIÊN – ${school.name.toLocaleUpperCase("vi-VN")}`);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(2, 1, 2, last);
  // The export day in Vietnam (UTC+7), as a real date too.
  const vnDay = new Date(exportedAt.getTime() + 7 * 3600_000);
  ws.getCell(2, 1).value = `Xuất ngày ${formatDate(vnDay)} · ${formatNumber(rows.length)} đoàn viên`;
  ws.getCell(2, 1).font = { italic: true };
  const header = ws.getRow(4);
  header.values = columns.map((c) => c.header);
  headerStyle(header);
  const text = (s: string | null) => (s ? formulaSafe(s) : null);
  const dateKeys = new Set<string>(DATE_FIELDS);
  rows.forEach((m, i) => {
    const row = ws.addRow({
      stt: i + 1,
      fullName: text(m.fullName),
      gender: m.gender,
      dateOfBirth: m.dateOfBirth,
      position: text(m.position),
      professionalGroup: text(m.professionalGroup),
      unionGroup: text(m.unionGroup),
      email: text(m.email),
      phone: text(m.phone),
      joinedUnionAt: m.joinedUnionAt,
      contractStartAt: m.contractStartAt,
      citizenId: text(m.citizenId),
      ethnicity: text(m.ethnicity),
      hometown: text(m.hometown),
      unionCardNumber: text(m.unionCardNumber),
      partyMember: m.partyMember ? "Có" : null,
      partyJoinedAt: m.partyJoinedAt,
      status: m.status,
    });
    row.eachCell((c, col) => {
      const key = columns[col - 1]?.key;
      if (col === 1) return;
      c.numFmt = key && dateKeys.has(key) ? EXCEL_DATE_FORMAT : "@";
    });
  });
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: last } };
  return toBytes(wb);
}
