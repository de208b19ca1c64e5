import "server-only";
// The quotas page of an upper unit (issue 9): the quotas it set and the per-school numbers, each
// searched, sorted and paged on the server so that a unit of thousands of schools stays small.
import type { Viewer } from "../authz/permissions";
import { byName, nameMatches, pageOf } from "../paging";
import { getQuotaPage } from "./quotas";

export const QUOTA_PAGE_SIZE = 50;
/** Above this many schools the "give a school a quota" form lists only the schools found by the search. */
export const QUOTA_SCHOOL_CHOICES_MAX = 200;
export const QUOTA_SORTS = ["ten", "da-gui", "vuot"] as const;
export type QuotaSort = (typeof QUOTA_SORTS)[number];

/**
 * getQuotaPage (award.read over the unit; NOT_FOUND otherwise) with: the unit's quotas one page
 * at a time (`quotaPage`), the per-school table searched by school name (diacritics ignored),
 * sorted by name, by number sent (most first) or over-quota first, one page at a time (`page`),
 * and the school choices of the add form bounded.
 */
export async function getQuotaListPage(viewer: Viewer, unitId: string, opts: { yearId?: string; q?: string; sort?: QuotaSort; page?: number; quotaPage?: number } = {}) {
  const full = await getQuotaPage(viewer, unitId, opts.yearId);
  const sort = opts.sort ?? "ten";
  const sent = (s: (typeof full.bySchool)[number]) => s.cells.reduce((n, c) => n + c.used, 0);
  const over = (s: (typeof full.bySchool)[number]) => s.cells.filter((c) => c.max !== null && c.used > c.max).length;
  const matching = full.bySchool
    .filter((s) => nameMatches(s.name, opts.q))
    .sort((a, b) => (sort === "da-gui" ? sent(b) - sent(a) : sort === "vuot" ? over(b) - over(a) || sent(b) - sent(a) : 0) || byName(a.name, b.name));
  const choices = full.schools.length > QUOTA_SCHOOL_CHOICES_MAX ? full.schools.filter((s) => nameMatches(s.name, opts.q)).slice(0, QUOTA_SCHOOL_CHOICES_MAX) : full.schools;
  const { bySchool: _b, rows, schools, ...rest } = full;
  return {
    ...rest,
    schoolCount: schools.length,
    /** The schools the add form offers (all of them, or those matching the search). */
    schoolChoices: choices,
    schoolChoicesLimited: choices.length < schools.length,
    quotas: pageOf(rows, opts.quotaPage, QUOTA_PAGE_SIZE),
    overQuota: rows.filter((q) => q.used > q.max).length,
    bySchool: pageOf(matching, opts.page, QUOTA_PAGE_SIZE),
    filters: { q: opts.q, sort },
  };
}
