// Pure rules for the union fields of a member record (issue 11): the CCCD number, Excel date
// serials, and name search (word prefixes on the folded name, ranked). No I/O, no server
// imports: the schemas, the import and the tests use them.
import { foldVietnamese } from "../format";

// ---------------------------------------------------------------------------------------------
// CCCD (căn cước công dân), Thông tư 59/2021/TT-BCA (before: 07/2016/TT-BCA): 12 digits:
// 3 digits of the province of birth registration, 1 digit for gender and century, 2 digits of
// the year of birth, 6 random digits.

/** The province codes a CCCD can start with (Thông tư 59/2021/TT-BCA, Phụ lục I). */
export const CCCD_PROVINCES: ReadonlySet<string> = new Set(
  "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096".split(" "),
);

/** Strips the spaces and dots people type inside the number ("001 090 012 345"). */
export function normaliseCitizenId(s: string): string {
  return s.replace(/[\s.]/g, "");
}

/**
 * What is wrong with a CCCD number, or null. With the gender and the date of birth, the 4th
 * digit (gender and century: 0/1 = male/female born 1900–1999, 2/3 = 2000–2099, …) and the 5th–6th
 * (year of birth) must agree with them.
 */
export function citizenIdProblem(raw: string, person: { gender?: "NAM" | "NU"; dateOfBirth?: Date | null } = {}): string | null {
  const id = normaliseCitizenId(raw);
  if (!/^\d{12}$/.test(id)) return "Số CCCD gồm đúng 12 chữ số.";
  if (!CCCD_PROVINCES.has(id.slice(0, 3))) return `Số CCCD không hợp lệ: ba chữ số đầu (${id.slice(0, 3)}) không phải mã tỉnh, thành phố.`;
  const code = Number(id[3]);
  const female = code % 2 === 1;
  const century = 1900 + Math.floor(code / 2) * 100;
  if (person.gender && (person.gender === "NU") !== female) return "Số CCCD không khớp với giới tính (chữ số thứ 4).";
  if (person.dateOfBirth) {
    const y = person.dateOfBirth.getUTCFullYear();
    if (y < century || y >= century + 100 || String(y % 100).padStart(2, "0") !== id.slice(4, 6)) {
      return "Số CCCD không khớp với năm sinh (chữ số thứ 4 đến thứ 6).";
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Excel dates typed as bare numbers: a date in a General cell shows as its serial (32874).

/** The 1900 date system: serial 1 is 01/01/1900; 60 is Lotus's 29/02/1900, which never was. */
export function excelSerialToDate(serial: number): Date | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  // From 01/03/1900 on, day 0 is 30/12/1899 (the phantom 29/02/1900 counted).
  const days = whole > 60 ? whole : whole + 1;
  return new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
}

/**
 * A date cell's text as the import reads it: a bare serial (a whole number, or one with a time
 * fraction) becomes dd/mm/yyyy; anything else is left for the date parser.
 */
export function importDateText(s: string | undefined): string | undefined {
  if (!s || !/^\d{1,7}(\.\d+)?$/.test(s.trim())) return s;
  const d = excelSerialToDate(Number(s));
  if (!d) return s;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** "x", "có", "Đảng viên", "1", "yes" → true; "", "không", "0" → false; anything else: null. */
export function parseYesNo(s: string | undefined): boolean | null {
  const v = foldVietnamese(s ?? "");
  if (["", "khong", "k", "0", "no", "false", "chua"].includes(v)) return false;
  if (["x", "co", "c", "1", "yes", "true", "dang vien", "la dang vien", "v"].includes(v)) return true;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Name search: every typed word must start a word of the name (diacritics folded), so "Yến"
// finds "Hải Yến" but not "Nguyễn", and "hung" finds "Hùng" but not "Nhung".

/** At most this many words of a query are used. */
export const MAX_QUERY_WORDS = 6;

/** The query's words, as typed (lower case, NFC) and folded. */
export function searchWords(q: string): { typed: string[]; folded: string[] } {
  const typed = q.normalize("NFC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, MAX_QUERY_WORDS);
  return { typed, folded: typed.map((w) => foldVietnamese(w)).filter(Boolean) };
}

function words(s: string): string[] {
  return s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Does every folded query word start some word of the folded name? (What the database filter does.) */
export function matchesName(nameSearch: string, folded: string[]): boolean {
  const ws = words(nameSearch);
  return folded.every((q) => ws.some((w) => w.startsWith(q)));
}

/**
 * How well a matching name fits: 2 when every typed word (with its diacritics) starts a word of
 * the name, plus 1 when every word is a whole word of the name ("Yến" before "Yên", "Hùng"
 * before "Hưng", "an" before "anh"). Higher first.
 */
export function nameRank(fullName: string, q: { typed: string[]; folded: string[] }): number {
  const typedName = words(fullName.normalize("NFC").toLowerCase());
  const foldedName = typedName.map((w) => foldVietnamese(w));
  const exact = q.typed.length > 0 && q.typed.every((t) => typedName.some((w) => w.startsWith(t)));
  const whole = q.folded.length > 0 && q.folded.every((t) => foldedName.includes(t));
  return (exact ? 2 : 0) + (whole ? 1 : 0);
}

/** Orders matches: rank first, then the list's own order (Vietnamese sort key, then id). */
export function rankMatches<T extends { id: string; fullName: string; sortKey: string }>(rows: T[], q: string): T[] {
  const words_ = searchWords(q);
  return rows
    .map((r) => ({ r, rank: nameRank(r.fullName, words_) }))
    .sort((a, b) => b.rank - a.rank || (a.r.sortKey < b.r.sortKey ? -1 : a.r.sortKey > b.r.sortKey ? 1 : 0) || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0))
    .map((x) => x.r);
}
