// The decision screen's waiting list (issue 9 "Lists that grow with the data"): counts by form
// first, then the nominees narrowed by form and by name (nominee or school, diacritics ignored),
// one page of them drawn, and the ids of every match (all pages) for the decision form. Pure, over
// the nominees the unit may decide (lib/awards/queries.ts getDecisionsPage loads them).
import { foldVietnamese } from "../format";

/** Rows of the waiting list drawn per page; the decision form carries the ids of every matching one. */
export const DECISION_PAGE_SIZE = 100;

export interface WaitingNominee {
  id: string;
  nomineeName: string;
  schoolName: string;
  titleCode: string;
  titleName: string;
  /** The level it was approved at. */
  level?: string;
}

export function waitingList<T extends WaitingNominee>(all: readonly T[], opts: { titleCode?: string; q?: string; page?: number }, pageSize = DECISION_PAGE_SIZE) {
  const byForm = new Map<string, { code: string; name: string; count: number }>();
  for (const m of all) {
    const f = byForm.get(m.titleCode);
    if (f) f.count++;
    else byForm.set(m.titleCode, { code: m.titleCode, name: m.titleName, count: 1 });
  }
  // An unknown form in the address is no filter (not an empty list).
  const titleCode = opts.titleCode && byForm.has(opts.titleCode) ? opts.titleCode : undefined;
  const needle = opts.q ? foldVietnamese(opts.q) : "";
  const matching = all.filter((m) => (!titleCode || m.titleCode === titleCode) && (!needle || foldVietnamese(`${m.nomineeName} ${m.schoolName}`).includes(needle)));
  // The level most of the matching nominees were approved at (the decision form's first choice).
  const levels = new Map<string, number>();
  for (const m of matching) if (m.level) levels.set(m.level, (levels.get(m.level) ?? 0) + 1);
  let level: string | undefined;
  for (const [l, n] of levels) if (!level || n > levels.get(level)!) level = l;
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(Math.max(1, opts.page ?? 1), pages);
  return {
    forms: [...byForm.values()],
    filters: { titleCode, q: opts.q },
    total: matching.length,
    page,
    pageSize,
    matchingIds: matching.map((m) => m.id),
    level,
    rows: matching.slice((page - 1) * pageSize, page * pageSize),
  };
}
