// Pure pieces of the three dashboards (issue 9): shares, distributions, the nominations
// pipeline and the upper unit's table options. No I/O: the SQL in upper.ts / school.ts builds its
// IN lists from these tables, so the buckets shown and the buckets counted cannot drift apart.
import type { ItemState } from "../awards/workflow";
import type { UnitPlanStatus } from "../plans/rules";

/** A share as a fraction (0.42), or null when there is nothing to divide by (shown as "—"). */
export function share(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null;
  return Math.min(1, Math.max(0, part / whole));
}

/** Change from last year to this year (null when either side is unknown). */
export function delta(prev: number | null, cur: number | null): number | null {
  return prev === null || cur === null ? null : cur - prev;
}

/** Buckets of the nominations pipeline the upper unit follows (issue 9: draft / submitted / returned / approved). */
export const PIPELINE_BUCKETS = ["draft", "submitted", "returned", "approved"] as const;
export type PipelineBucket = (typeof PIPELINE_BUCKETS)[number];

export const PIPELINE_LABELS: Record<PipelineBucket, string> = {
  draft: "Dự thảo",
  submitted: "Đã gửi",
  returned: "Bị trả lại",
  approved: "Được duyệt",
};

/**
 * Where each nominee state sits in the pipeline. "Approved" counts every nominee the upper unit
 * approved, also once decided; rejected, withdrawn and revoked nominees leave the pipeline.
 */
export const PIPELINE_OF: Record<ItemState, PipelineBucket | null> = {
  DRAFT: "draft",
  POSTED: "draft",
  SUBMITTED: "submitted",
  RETURNED: "returned",
  APPROVED: "approved",
  APPROVED_CHANGED: "approved",
  DECIDED: "approved",
  REJECTED: null,
  REVOKED: null,
  WITHDRAWN: null,
};

/** The nominee states of one bucket (for SQL IN lists). */
export function statesOf(bucket: PipelineBucket): ItemState[] {
  return (Object.keys(PIPELINE_OF) as ItemState[]).filter((s) => PIPELINE_OF[s] === bucket);
}

export type Pipeline = Record<PipelineBucket, number>;

/** Counts nominees by bucket; states outside the pipeline are left out. */
export function bucketPipeline(items: readonly { status: ItemState; count?: number }[]): Pipeline {
  const out: Pipeline = { draft: 0, submitted: 0, returned: 0, approved: 0 };
  for (const i of items) {
    const b = PIPELINE_OF[i.status];
    if (b) out[b] += i.count ?? 1;
  }
  return out;
}

export function pipelineTotal(p: Pipeline): number {
  return PIPELINE_BUCKETS.reduce((n, b) => n + p[b], 0);
}

/** Label given to a council result that is complete but ranks in no band (a disqualifier, too few points). */
export const UNRANKED = "Không xếp loại";

/** The usual order of band labels (best first); labels of other scales follow in the order met. */
const BAND_ORDER = ["Xuất sắc", "A+", "Tốt", "A", "Khá", "B", "Đạt", "C", "Hoàn thành", "Chưa đạt", UNRANKED];

export interface DistributionEntry {
  label: string;
  count: number;
  /** Fraction of all classified (null when none). */
  share: number | null;
}

/** A classification distribution, best band first, with each band's share of the whole. */
export function distribution(counts: Readonly<Record<string, number>>): DistributionEntry[] {
  const labels = Object.keys(counts).filter((l) => counts[l] > 0);
  const rank = (l: string) => {
    const i = BAND_ORDER.indexOf(l);
    return i === -1 ? BAND_ORDER.length - 1.5 : i;
  };
  labels.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, "vi"));
  const total = labels.reduce((n, l) => n + counts[l], 0);
  return labels.map((label) => ({ label, count: counts[label], share: share(counts[label], total) }));
}

/** Adds distributions label by label (the unit's total from its schools). */
export function mergeCounts(list: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of list) for (const [k, n] of Object.entries(c)) out[k] = (out[k] ?? 0) + n;
  return out;
}

/** Plan status as a number the SQL sorts by: none < draft < being signed < signed. */
export const PLAN_STATUS_RANK: Record<UnitPlanStatus, number> = { NONE: 0, DRAFT: 1, SUBMITTED: 2, SIGNED: 3 };
export const PLAN_STATUS_BY_RANK: readonly UnitPlanStatus[] = ["NONE", "DRAFT", "SUBMITTED", "SIGNED"];

export function planStatusOfRank(rank: number): UnitPlanStatus {
  return PLAN_STATUS_BY_RANK[rank] ?? "NONE";
}

/** Columns of the upper unit's table the server sorts by (?sap-xep=…). */
export const UPPER_SORTS = ["name", "level", "members", "plan", "registration", "scoring", "excellent", "nominations", "awards", "roles"] as const;
export type UpperSort = (typeof UPPER_SORTS)[number];
export type SortDir = "asc" | "desc";

export function parseSort(v: string | undefined): UpperSort {
  return (UPPER_SORTS as readonly string[]).includes(v ?? "") ? (v as UpperSort) : "name";
}

export function parseDir(v: string | undefined, sort: UpperSort): SortDir {
  if (v === "asc" || v === "desc") return v;
  return sort === "name" || sort === "level" ? "asc" : "desc";
}

/** The direction a column header link asks for: the other one when already sorted by it. */
export function nextDir(current: { sort: UpperSort; dir: SortDir }, column: UpperSort): SortDir {
  if (current.sort === column) return current.dir === "asc" ? "desc" : "asc";
  return column === "name" || column === "level" ? "asc" : "desc";
}

/** The required role holders whose absence the dashboard flags (issue 11). */
export function missingRoles(has: { principal: boolean; chair: boolean }): ("PRINCIPAL" | "UNION_CHAIR")[] {
  return [...(has.principal ? [] : (["PRINCIPAL"] as const)), ...(has.chair ? [] : (["UNION_CHAIR"] as const))];
}
