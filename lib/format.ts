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

/**
 * Vietnamese lists are ordered by given name (the last word), then family and middle names:
 * "Lê Văn An" comes before "Nguyễn Thị Bình". Folded, with the given name's accents kept as a
 * tie-breaker so "Tâm" and "Tám" stay distinct but adjacent.
 */
export function vietnameseSortKey(fullName: string): string {
  const words = cleanText(fullName).split(" ");
  const given = words[words.length - 1] ?? "";
  return `${foldVietnamese(given)} ${foldVietnamese(fullName)} ${given.normalize("NFC").toLowerCase()}`;
}

const collator = new Intl.Collator("vi", { sensitivity: "base" });
/** Compare two full names the Vietnamese way (given name first). */
export function compareVietnameseNames(a: string, b: string): number {
  return collator.compare(vietnameseSortKey(a), vietnameseSortKey(b));
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

export function formatNumber(n: number): string {
  return new Intl.NumberFormat("vi-VN").format(n);
}
