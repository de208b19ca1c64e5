// The eligibility page's filters (no server imports: the page reads the labels, the query the
// predicates). A verdict filter keeps the members eligible for one title, or those eligible for
// none of the titles shown.
export const ELIGIBILITY_PAGE_SIZE = 50;

/** The individual titles the eligibility table shows, in column order. */
export const SHOWN_TITLES = ["LDTT", "CSTDCS", "CSTD_TINH", "BK_TLD"] as const;
export type ShownTitle = (typeof SHOWN_TITLES)[number];

export const VERDICT_FILTERS = [...SHOWN_TITLES, "KHONG"] as const;
export type VerdictFilter = (typeof VERDICT_FILTERS)[number];

export const VERDICT_FILTER_LABELS: Record<VerdictFilter, string> = {
  LDTT: "Đủ điều kiện LĐTT",
  CSTDCS: "Đủ điều kiện CSTĐCS",
  CSTD_TINH: "Đủ điều kiện CSTĐ cấp tỉnh (đề xuất)",
  BK_TLD: "Đủ điều kiện BK Tổng LĐ",
  KHONG: "Chưa đủ điều kiện danh hiệu nào",
};

export function verdictFilterParam(v: string | string[] | undefined): VerdictFilter | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return (VERDICT_FILTERS as readonly string[]).includes(s ?? "") ? (s as VerdictFilter) : undefined;
}

/** Whether a member's verdicts (title → eligible) fall under the filter. */
export function matchesVerdict(eligible: ReadonlyMap<string, boolean>, f: VerdictFilter): boolean {
  if (f === "KHONG") return SHOWN_TITLES.every((t) => !eligible.get(t));
  return eligible.get(f) === true;
}
