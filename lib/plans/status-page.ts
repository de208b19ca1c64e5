import "server-only";
// The upper unit's plan-status page (issue 9): totals by status over every school first, then the
// schools searched, filtered and sorted on the server, one page at a time.
import type { Viewer } from "../authz/permissions";
import { byName, nameMatches, pageOf } from "../paging";
import { unitPlanOverview } from "./queries";

export const PLAN_STATUS_PAGE_SIZE = 50;
export const PLAN_STATUSES = ["NONE", "DRAFT", "SUBMITTED", "SIGNED"] as const;
export type PlanStatusFilter = (typeof PLAN_STATUSES)[number] | "LATE";
export const PLAN_STATUS_SORTS = ["ten", "trang-thai", "ngay-ky"] as const;
export type PlanStatusSort = (typeof PLAN_STATUS_SORTS)[number];

const STATUS_ORDER: Record<string, number> = { NONE: 0, DRAFT: 1, SUBMITTED: 2, SIGNED: 3 };

/**
 * unitPlanOverview (plan.read over the unit; NOT_FOUND otherwise) with totals per status and per
 * lateness over all the unit's schools, then one page of the schools matching `q` (school name,
 * diacritics ignored) and `status`, sorted by name, by status (furthest behind first) or by
 * signing date (latest first).
 */
export async function getPlanStatusPage(viewer: Viewer, unitId: string, opts: { yearId?: string; q?: string; status?: PlanStatusFilter; sort?: PlanStatusSort; page?: number } = {}, now = new Date()) {
  const r = await unitPlanOverview(viewer, unitId, opts.yearId, now);
  const totals = { schools: r.schools.length, late: r.schools.filter((s) => s.late).length, NONE: 0, DRAFT: 0, SUBMITTED: 0, SIGNED: 0 };
  for (const s of r.schools) totals[s.status]++;
  const sort = opts.sort ?? "ten";
  const rows = r.schools
    .filter((s) => nameMatches(s.name, opts.q) && (!opts.status || (opts.status === "LATE" ? s.late : s.status === opts.status)))
    .sort((a, b) =>
      sort === "trang-thai"
        ? STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || Number(b.late) - Number(a.late) || byName(a.name, b.name)
        : sort === "ngay-ky"
          ? (b.signedAt?.getTime() ?? 0) - (a.signedAt?.getTime() ?? 0) || byName(a.name, b.name)
          : byName(a.name, b.name),
    );
  const { schools: _all, ...rest } = r;
  return { ...rest, totals, filters: { q: opts.q, status: opts.status, sort }, list: pageOf(rows, opts.page, PLAN_STATUS_PAGE_SIZE) };
}
