// Paging and name search for lists already reduced to one small row per school (plan status,
// quotas): pure, so that the page, the tests and any export agree on what page N holds.
import { compareVietnamese, foldVietnamese } from "./format";

export interface Paged<T> {
  rows: T[];
  /** Rows matching before paging (the pager's total). */
  total: number;
  /** The page shown, clamped to 1..pages. */
  page: number;
  pageSize: number;
}

export function pageOf<T>(rows: readonly T[], page: number | undefined, pageSize: number): Paged<T> {
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const p = Math.min(Math.max(1, page ?? 1), pages);
  return { rows: rows.slice((p - 1) * pageSize, p * pageSize), total: rows.length, page: p, pageSize };
}

/** Whether a name contains the typed text, diacritics and case ignored ("son thuy" finds "Sơn Thủy"). */
export function nameMatches(name: string, q: string | undefined): boolean {
  if (!q) return true;
  return foldVietnamese(name).includes(foldVietnamese(q));
}

/** Vietnamese order of names, word by word (Đ after D, tones in their order): the same order as
 * School."sortKey" in SQL, so an in-memory list and a paged query agree. */
export function byName(a: string, b: string): number {
  return compareVietnamese(a, b);
}
