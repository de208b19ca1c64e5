// The workbook layout of a scoring scale (biểu điểm), shared by the writer (scale-excel.ts) and
// the reader (scale-excel-read.ts): sheet names, each table's columns with the Vietnamese headers a
// union chair reads (and the variants a hand-made file may use), and the words the settings and
// yes/no cells are written with. Pure.
import { foldVietnamese } from "../format";
import type { OmitPolicy } from "./scale";

export const SHEETS = {
  criteria: "Biểu điểm",
  deductions: "Khoản trừ",
  bonus: "Điểm cộng",
  disqualifiers: "Không xếp loại",
  bands: "Xếp loại",
  settings: "Cách tính",
  help: "Hướng dẫn",
} as const;

export interface Column<F extends string = string> {
  field: F;
  header: string;
  width: number;
  required?: boolean;
  /** Other headers accepted on import (compared folded, without brackets). */
  aliases?: string[];
}

export const CRITERIA_COLUMNS: Column<"stt" | "name" | "max" | "floor" | "evidence" | "type" | "description" | "key">[] = [
  { field: "stt", header: "STT", width: 6, required: true, aliases: ["tt", "so tt"] },
  { field: "name", header: "Nội dung", width: 58, required: true, aliases: ["noi dung tieu chi", "tieu chi", "nhom tieu chi tieu chi"] },
  { field: "max", header: "Điểm tối đa", width: 11, required: true, aliases: ["toi da", "diem chuan"] },
  { field: "floor", header: "Điểm sàn (% của nhóm)", width: 12, aliases: ["diem san", "san", "muc san"] },
  { field: "evidence", header: "Cần minh chứng", width: 11, aliases: ["minh chung"] },
  { field: "type", header: "Cách chấm", width: 15 },
  { field: "description", header: "Mô tả", width: 40, aliases: ["mo ta yeu cau", "ghi chu"] },
  { field: "key", header: "Mã", width: 16, aliases: ["ma tieu chi"] },
];

export const DEDUCTION_COLUMNS: Column<"stt" | "name" | "points" | "group" | "key">[] = [
  { field: "stt", header: "STT", width: 6 },
  { field: "name", header: "Khoản trừ (lý do)", width: 58, required: true, aliases: ["khoan tru", "noi dung", "ly do"] },
  { field: "points", header: "Điểm trừ mỗi lần", width: 12, required: true, aliases: ["diem tru"] },
  { field: "group", header: "Trừ vào", width: 40, aliases: ["tru vao nhom"] },
  { field: "key", header: "Mã", width: 16 },
];

export const BONUS_COLUMNS: Column<"stt" | "name" | "max" | "key">[] = [
  { field: "stt", header: "STT", width: 6 },
  { field: "name", header: "Điểm cộng (thành tích)", width: 58, required: true, aliases: ["diem cong", "noi dung", "thanh tich"] },
  { field: "max", header: "Cộng tối đa", width: 12, required: true, aliases: ["diem cong toi da", "toi da"] },
  { field: "key", header: "Mã", width: 16 },
];

export const DISQUALIFIER_COLUMNS: Column<"stt" | "name" | "key">[] = [
  { field: "stt", header: "STT", width: 6 },
  { field: "name", header: "Điều kiện không xếp loại", width: 70, required: true, aliases: ["truong hop khong xep loai", "noi dung", "dieu kien"] },
  { field: "key", header: "Mã", width: 16 },
];

export const BAND_COLUMNS: Column<"stt" | "label" | "min" | "floors" | "floorPercent" | "allPass" | "key">[] = [
  { field: "stt", header: "STT", width: 6 },
  { field: "label", header: "Xếp loại", width: 22, required: true, aliases: ["muc xep loai", "loai"] },
  { field: "min", header: "Tổng điểm từ", width: 12, required: true, aliases: ["diem tu", "tu", "diem toi thieu"] },
  { field: "floors", header: "Xét điểm sàn từng nhóm", width: 14, aliases: ["diem san nhom", "xet diem san"] },
  { field: "floorPercent", header: "Sàn mỗi nhóm (% điểm tối đa)", width: 14, aliases: ["san moi nhom", "san chung"] },
  { field: "allPass", header: "Mọi tiêu chí Đạt", width: 12, aliases: ["moi tieu chi dat/khong dat phai dat"] },
  { field: "key", header: "Mã", width: 16 },
];

/** The last row of the bonus table: the most all bonus items together may add. */
export const BONUS_CAP_LABEL = "Tổng điểm cộng tối đa";
/** The last row of the criteria table (read back as nothing). */
export const TOTAL_LABEL = "Tổng cộng";

/** Settings: one row each, label in column A, value in column B. */
export const SETTING_LABELS = {
  kind: "Kiểu biểu điểm",
  start: "Điểm khởi đầu (biểu điểm trừ dần)",
  periodKind: "Kỳ chấm",
  aggregation: "Kết quả năm",
  notApplicable: "Tiêu chí không áp dụng",
  exempt: "Tiêu chí được miễn",
  unrankedLabel: "Không đạt mức nào thì xếp",
  basis: "Căn cứ (quy chế, nghị quyết)",
} as const;
export type SettingField = keyof typeof SETTING_LABELS;

const POLICY: Record<OmitPolicy, string> = { RESCALE: "Bỏ khỏi điểm tối đa và quy đổi tổng điểm", FULL_CREDIT: "Tính đủ điểm tối đa" };

/** The words written for each coded setting (no commas: they also feed Excel's drop-down lists). */
export const SETTING_CHOICES = {
  kind: { ADDITIVE: "Cộng điểm theo nhóm tiêu chí", DEDUCT_FROM_START: "Khởi đầu một số điểm rồi trừ dần" },
  periodKind: { MONTH: "Hằng tháng", SEMESTER: "Theo học kỳ", YEAR: "Cả năm" },
  aggregation: { AVERAGE: "Trung bình các kỳ", SUM: "Cộng các kỳ", LAST: "Lấy kỳ cuối" },
  notApplicable: POLICY,
  exempt: POLICY,
} as const satisfies Partial<Record<SettingField, Record<string, string>>>;
export type ChoiceField = keyof typeof SETTING_CHOICES;

export const YES = "Có";
export const NO = "Không";
export const PASS_FAIL_LABEL = "Đạt/Không đạt";
export const POINTS_LABEL = "Chấm điểm";
/** Written in "Trừ vào" for a deduction taken off the total. */
export const TOTAL_TARGET = "Tổng điểm";

/** Header text, folded and without bracketed notes or punctuation, for matching. */
export function headerKey(s: string): string {
  return foldVietnamese(s.replace(/\([^)]*\)/g, " "))
    .replace(/[^a-z0-9/ ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** I, II, III… for criterion groups (as printed scales number them). */
export function roman(n: number): string {
  const parts: [number, string][] = [[10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of parts) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/**
 * Which group a deduction's "Trừ vào" cell names: blank or "Tổng điểm" → the total (null); a
 * group's code, else a group's name (folded); undefined when nothing or several groups match.
 */
export function resolveGroupTarget(text: string, groups: { key: string; name: string }[]): string | null | undefined {
  const t = text.trim();
  const f = foldVietnamese(t).replace(/^(tru vao )?(nhom )?/, "");
  if (!t || foldVietnamese(t) === foldVietnamese(TOTAL_TARGET) || f === "tong" || f === "tong diem") return null;
  const byKey = groups.filter((g) => g.key === t);
  if (byKey.length === 1) return byKey[0].key;
  const byName = groups.filter((g) => foldVietnamese(g.name) === foldVietnamese(t) || foldVietnamese(g.name) === f);
  return byName.length === 1 ? byName[0].key : undefined;
}
