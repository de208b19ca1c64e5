// Reading the cells of a scale workbook as people fill them in: text (NFC, our own "'=…"
// protection undone), points (7,5 / 7.5 / a number cell → tenths), percentages, yes/no, codes;
// codes made from names; and the checks in front of the parser (size, extension, zip signature,
// inflated size). Pure; used by scale-excel-read.ts.
import type ExcelJS from "exceljs";
import { cleanText, foldVietnamese } from "../format";
import { MAX_EVIDENCE_BYTES } from "../evidence/rules";
import { MAX_UNCOMPRESSED_BYTES, zipUncompressedSize } from "../members/excel";
import { parsePoints } from "./points";

/** Size, extension and the zip signature ("PK\x03\x04") of an upload; null when it may be read. */
export function checkScaleUpload(fileName: string, bytes: Uint8Array): string | null {
  if (!/\.xlsx$/i.test(fileName)) return "Chỉ nhận tệp Excel có đuôi .xlsx.";
  if (bytes.byteLength === 0) return "Tệp rỗng.";
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) return `Tệp lớn quá ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`;
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return "Tệp không phải là tệp Excel .xlsx hợp lệ.";
  const inflated = zipUncompressedSize(bytes);
  if (inflated === null) return "Tệp không phải là tệp Excel .xlsx hợp lệ.";
  if (inflated > MAX_UNCOMPRESSED_BYTES) return "Tệp quá lớn sau khi giải nén.";
  return null;
}

const KEY = /^[a-z0-9_-]{1,40}$/;

export type Cell = ExcelJS.CellValue;

/** What a person sees in a cell, NFC; our own "'=…" protection (formulaSafe) undone. */
export function rawText(v: Cell): string {
  if (v === null || v === undefined) return "";
  let s = "";
  if (typeof v === "string") s = v;
  else if (typeof v === "number" || typeof v === "boolean") s = String(v);
  else if (v instanceof Date) s = v.toISOString().slice(0, 10);
  else if (typeof v === "object") {
    if ("richText" in v) s = v.richText.map((r) => r.text).join("");
    else if ("formula" in v || "sharedFormula" in v) return rawText((v as { result?: Cell }).result ?? null);
    else if ("text" in v && typeof v.text === "string") s = v.text;
  }
  s = s.normalize("NFC");
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}
export const text = (v: Cell) => cleanText(rawText(v));
/** Long text (descriptions, basis): trimmed, line breaks kept. */
export const longText = (v: Cell) => rawText(v).trim();

export function numberOf(v: Cell): number | undefined {
  if (typeof v === "number") return v;
  if (v && typeof v === "object" && "result" in v && typeof v.result === "number") return v.result;
  return undefined;
}

export type Read<T> = { ok: true; value: T | undefined } | { ok: false; message: string };

/** Points as people write them (7,5 / 7.5 / a number cell) → tenths; `unsigned` accepts "−5" as 5. */
export function readPoints(v: Cell, unsigned = false): Read<number> {
  let n = numberOf(v);
  if (n === undefined) {
    let s = text(v);
    if (!s) return { ok: true, value: undefined };
    if (unsigned) s = s.replace(/^[−–-]\s*/, "");
    const p = parsePoints(s);
    return p === null ? { ok: false, message: `“${text(v)}” không phải số điểm (ví dụ 7,5).` } : { ok: true, value: p };
  }
  if (!Number.isFinite(n)) return { ok: false, message: "Không phải số điểm." };
  if (n < 0) {
    if (!unsigned) return { ok: false, message: "Điểm không được âm." };
    n = -n;
  }
  const t = n * 10;
  if (Math.abs(t - Math.round(t)) > 1e-6) return { ok: false, message: `${String(n).replace(".", ",")}: điểm chỉ lấy tới một chữ số thập phân (ví dụ 7,5).` };
  if (t > 100_000) return { ok: false, message: "Số điểm quá lớn." };
  return { ok: true, value: Math.round(t) };
}

export function readPercent(v: Cell): Read<number> {
  let n = numberOf(v);
  if (n === undefined) {
    const s = text(v).replace(/\s*%$/, "");
    if (!s) return { ok: true, value: undefined };
    n = /^\d{1,3}$/.test(s) ? Number(s) : NaN;
  } else if (n > 0 && n < 1 && !Number.isInteger(n)) n = Math.round(n * 1000) / 10; // a cell formatted as 70 %
  if (!Number.isInteger(n) || n < 0 || n > 100) return { ok: false, message: "Ghi phần trăm là số nguyên từ 0 đến 100." };
  return { ok: true, value: n };
}

export function readYesNo(v: Cell): Read<boolean> {
  const f = foldVietnamese(text(v));
  if (!f) return { ok: true, value: undefined };
  if (["co", "x", "c", "1", "true", "yes", "✓", "v", "dung", "can"].includes(f)) return { ok: true, value: true };
  if (["khong", "k", "0", "false", "no", "-"].includes(f)) return { ok: true, value: false };
  return { ok: false, message: `“${text(v)}”: ghi “Có” hoặc “Không”.` };
}

export function readKey(v: Cell): Read<string> {
  const s = text(v);
  if (!s) return { ok: true, value: undefined };
  return KEY.test(s) ? { ok: true, value: s } : { ok: false, message: `Mã “${s}” chỉ gồm chữ thường không dấu, số, gạch dưới hoặc gạch nối (tối đa 40 ký tự).` };
}

/** A key from a name, unique in its namespace: "Đạo đức nhà giáo" → "dao_duc_nha_giao". */
export function keyFrom(name: string, taken: Set<string>, fallback: string): string {
  const base = foldVietnamese(name).replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 32) || fallback;
  let k = base;
  for (let i = 2; taken.has(k); i++) k = `${base}_${i}`;
  taken.add(k);
  return k;
}
