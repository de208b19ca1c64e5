// Vietnamese formatting and search helpers shared by server and client code (no I/O).

/** NFC-normalises and trims user text before storing or comparing (SECURITY.md). */
export function cleanText(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** "Nguyễn Thị Thanh Tâm" → "nguyen thi thanh tam": search ignores diacritics and case. */
export function foldVietnamese(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

// Vietnamese collation (CLDR "vi", as Intl.Collator("vi") applies it): the alphabet is
// a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (Đ is its own letter after D, so
// "Dương" < "Đặng" < "E…"), and tones only break ties, in the order ngang, huyền, hỏi, ngã,
// sắc, nặng. The key is plain ASCII (two lowercase letters per letter), so that byte order in
// PostgreSQL (C collation), PGlite (no ICU) and JavaScript string comparison all agree.
// prisma/migrations/20261202150000_vietnamese_sort_key defines the same key in SQL
// (vi_sort_key) for the backfill: change both together (tests/unit/format-collation.test.ts).
const VI_LETTERS = [
  ..."0123456789",
  "a", "a\u0306", "a\u0302", "b", "c", "d", "đ", "e", "e\u0302", "f", "g", "h", "i", "j", "k", "l", "m", "n",
  "o", "o\u0302", "o\u031b", "p", "q", "r", "s", "t", "u", "u\u031b", "v", "w", "x", "y", "z",
];
const VI_MODIFIERS = new Set(["\u0306", "\u0302", "\u031b"]);
const VI_TONES: Record<string, number> = { "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5 };
/** Level separator "aa", word separator "ab", then one two-letter code per letter. */
function viCode(k: number): string {
  return String.fromCharCode(97 + Math.floor(k / 26), 97 + (k % 26));
}
const VI_CODE = new Map(VI_LETTERS.map((l, i) => [l, viCode(i + 2)]));

/** Words of a name as [letters' codes, letters' tones]. */
function viWords(text: string): { p: string; t: string }[] {
  const words: { p: string; t: string }[] = [];
  let word = { p: "", t: "" };
  let base = "";
  let mod = "";
  let tone = 0;
  const flushLetter = () => {
    if (!base) return;
    word.p += VI_CODE.get(base + mod) ?? VI_CODE.get(base)!;
    word.t += String.fromCharCode(97 + tone);
    base = mod = "";
    tone = 0;
  };
  const flushWord = () => {
    flushLetter();
    if (word.p) words.push(word);
    word = { p: "", t: "" };
  };
  for (const ch of cleanText(text).normalize("NFD")) {
    if (ch in VI_TONES) {
      if (base) tone = VI_TONES[ch];
    } else if (VI_MODIFIERS.has(ch)) {
      if (base) mod = ch;
    } else if (ch === " ") {
      flushWord();
    } else {
      flushLetter();
      const l = ch === "Đ" ? "đ" : ch >= "A" && ch <= "Z" ? ch.toLowerCase() : ch;
      if (VI_CODE.has(l)) base = l;
    }
  }
  flushWord();
  return words;
}

/**
 * The stored sort key (Member.sortKey): Vietnamese lists are ordered by given name (the last
 * word, with its tones), then the whole name from the family name: "Lê Văn An" comes before
 * "Nguyễn Thị Bình", "Dương Văn An" before "Đặng Văn An", "Tám" before "Tâm", "Dung" before "Dũng".
 */
export function vietnameseSortKey(fullName: string): string {
  const words = viWords(fullName);
  const given = words[words.length - 1] ?? { p: "", t: "" };
  return `${given.p}aa${given.t}${words.map((w) => w.p).join("ab")}aa${words.map((w) => w.t).join("")}`;
}

/** Compare two full names the Vietnamese way (given name first); agrees with ORDER BY "sortKey". */
export function compareVietnameseNames(a: string, b: string): number {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Key for any other text sorted the Vietnamese way, word by word from the start (school, group, title names).
 * SQL twin: vi_text_key (migration 20261203100000), which keeps School."sortKey"; change both together
 * (tests/integration/collation-schools.int.test.ts compares them).
 */
export function vietnameseTextKey(text: string): string {
  const words = viWords(text);
  return `${words.map((w) => w.p).join("ab")}aa${words.map((w) => w.t).join("")}`;
}

/** Compare two texts the Vietnamese way, word by word from the start. */
export function compareVietnamese(a: string, b: string): number {
  const ka = vietnameseTextKey(a);
  const kb = vietnameseTextKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Rows with a `name` (schools, units, groups) in Vietnamese order: the database's byte order puts "Đ…" after "Z…". */
export function byVietnameseName<T extends { name: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => compareVietnamese(a.name, b.name));
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** dd/mm/yyyy, for a Date stored as a calendar date (UTC midnight) or a moment. */
export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "";
  const date = typeof d === "string" ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) return "";
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** dd/mm/yyyy hh:mm in Vietnam time (UTC+7, no daylight saving). */
export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "";
  const date = new Date(typeof d === "string" ? d : d.getTime());
  const vn = new Date(date.getTime() + 7 * 3600_000);
  return `${formatDate(vn)} ${pad(vn.getUTCHours())}:${pad(vn.getUTCMinutes())}`;
}

/** Parses "dd/mm/yyyy" (or ISO "yyyy-mm-dd") to a UTC-midnight Date; null when invalid. */
export function parseDate(s: string): Date | null {
  const t = s.trim();
  let y: number, m: number, d: number;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** yyyy-mm-dd for <input type="date"> values. */
export function toDateInput(d: Date | null | undefined): string {
  if (!d) return "";
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** School year label with an en dash: 2025 → "2025–2026". */
export function schoolYearLabel(startYear: number): string {
  return `${startYear}–${startYear + 1}`;
}

/** The school year a date falls in: it opens 5 September (DOMAIN.md §2). */
export function schoolYearOf(d: Date): number {
  const y = d.getUTCFullYear();
  const opens = Date.UTC(y, 8, 5);
  return d.getTime() >= opens ? y : y - 1;
}

// Formatters are built once: constructing an Intl.NumberFormat costs far more than formatting
// (it showed in the load run's CPU profile, once per number on every page).
const NUMBER = new Intl.NumberFormat("vi-VN");
const PERCENT = new Map<number, Intl.NumberFormat>();

export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

/** A share as Vietnamese shows it: "55,56%" (comma decimal, no space, so it never wraps before "%").
 * `share` is a fraction (0.5556) unless `alreadyPercent`. Empty denominators are the caller's to show as "—". */
export function formatPercent(share: number, digits = 1, alreadyPercent = false): string {
  const v = alreadyPercent ? share : share * 100;
  let f = PERCENT.get(digits);
  if (!f) PERCENT.set(digits, (f = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 0, maximumFractionDigits: digits })));
  return `${f.format(v)}%`;
}
