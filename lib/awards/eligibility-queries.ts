import "server-only";
// The eligibility page (issue 9): the whole school is judged set-based, the totals by verdict come
// first, and only one page of members (with their reasons and edit forms) leaves the server.
// Round trips, whatever the school's size: ONE, carrying the scope check, the school years and
// ONE statement (facts-loader.ts loadSchoolFacts) that returns every member with all the facts the rules read as
// JSON — evaluations, disciplines, open cases, initiatives, awards with their decisions,
// registrations in the campaigns that reach the school — plus the thresholds of the school's unit
// chain (as facts-loader.ts settingsFor reads them), the union groups and the latest disciplines
// and open cases.
// The nominations read the same facts through the same query (loadMemberFacts).
import type { Viewer } from "../authz/permissions";
import { can } from "../authz/permissions";
import { getDb } from "../server/db";
import { foldVietnamese } from "../format";
import { schoolFor } from "../authz/load";
import { todayIsoVN as todayIso } from "../time";
import { yearFor } from "./years";
import { evaluateAll, loadSchoolFacts, shapeSchoolFacts } from "./facts-loader";
import { cstdcsCap, cstdcsCapRule, evaluateCollectiveUnits, htxsnvCapRule, summarise } from "./rules";
import { toIsoDay, type CollectiveMemberFacts } from "./facts";
import { gradeAtLeast } from "./settings";
import { ELIGIBILITY_PAGE_SIZE, SHOWN_TITLES, VERDICT_FILTERS, matchesVerdict, type VerdictFilter } from "./eligibility-filters";

export interface EligibilityQuery {
  yearId?: string;
  verdict?: VerdictFilter;
  groupId?: string;
  /** Part of a name, diacritics ignored. */
  q?: string;
  page?: number;
}

/**
 * Who qualifies for what in a school and year (nomination.read: chair, principal, upper staff):
 * counts by verdict for the whole school, the caps and collective titles, then one page of members
 * (filtered by verdict, union group, name) with their verdicts and reasons; plus the facts the
 * school records (evaluations, disciplines, open cases) when the viewer may edit them.
 * Another school's id: NOT_FOUND. A string third argument is the school year (older callers).
 */
export async function getEligibilityPage(viewer: Viewer, schoolId: string, query: EligibilityQuery | string = {}) {
  const opts: EligibilityQuery = typeof query === "string" ? { yearId: query } : query;
  const db = await getDb();
  // One round trip: the scope check, the school years and the facts do not depend on each other.
  // The facts are shaped only once the scope check passed (out of scope: NOT_FOUND, rows dropped).
  const [school, { year, years, period }, factsRow] = await Promise.all([schoolFor(viewer, schoolId, "nomination.read", db), yearFor(db, opts.yearId), loadSchoolFacts(db, schoolId)]);
  const { facts, groups, evaluations, disciplines, cases, settings: s } = shapeSchoolFacts(factsRow, school.id, period);
  const rows = evaluateAll(facts, period, s, todayIso());
  const collective: CollectiveMemberFacts[] = rows.map((r) => ({ memberId: r.member.id, fullName: r.member.fullName, grade: r.facts.grade, ldtt: r.verdicts[0].eligible, cstdcs: r.verdicts[1].eligible, disciplines: r.facts.disciplines }));
  const ldtt = collective.filter((c) => c.ldtt).length;
  const cstdcs = collective.filter((c) => c.cstdcs).length;
  const atLeastHttnv = collective.filter((c) => gradeAtLeast(c.grade, "HTTNV")).length;
  const htxsnv = collective.filter((c) => c.grade === "HTXSNV").length;

  // Totals by verdict over the whole school (before any filter), then the filtered page.
  const eligibleOf = rows.map((r) => new Map(r.verdicts.map((v) => [v.title, v.eligible])));
  const byVerdict = Object.fromEntries(VERDICT_FILTERS.map((f) => [f, eligibleOf.filter((e) => matchesVerdict(e, f)).length])) as Record<VerdictFilter, number>;
  const groupId = opts.groupId && groups.some((g) => g.id === opts.groupId) ? opts.groupId : undefined;
  const needle = opts.q ? foldVietnamese(opts.q) : "";
  const filtered = rows.filter((r, i) => (!opts.verdict || matchesVerdict(eligibleOf[i], opts.verdict)) && (!groupId || r.member.unionGroupId === groupId) && (!needle || r.member.nameSearch.includes(needle)));
  const pages = Math.max(1, Math.ceil(filtered.length / ELIGIBILITY_PAGE_SIZE));
  const page = Math.min(Math.max(1, opts.page ?? 1), pages);
  const shown = filtered.slice((page - 1) * ELIGIBILITY_PAGE_SIZE, page * ELIGIBILITY_PAGE_SIZE);

  const canEdit = can(viewer, "evaluation.manage", { schoolId: school.id, unitId: school.unionUnitId });
  const evalBy = evaluations;
  return {
    school: { id: school.id, name: school.name },
    year: { id: year.id, label: year.label },
    years: years.map((y) => ({ id: y.id, label: y.label })),
    groups,
    filters: { verdict: opts.verdict, groupId, q: opts.q },
    page,
    pageSize: ELIGIBILITY_PAGE_SIZE,
    /** Members matching the filters (the pager's total). */
    total: filtered.length,
    rows: shown.map((r) => {
      const e = evalBy.get(r.member.id);
      return {
        id: r.member.id,
        fullName: r.member.fullName,
        group: r.member.unionGroupName,
        status: r.member.status,
        registeredIn: r.facts.registeredIn ?? [],
        evaluation: { grade: e?.grade ?? null, standardRating: e?.standardRating ?? null, registered: e?.registered ?? false, absenceWorkingDays: e?.absenceWorkingDays ?? 0, maternityLeaveDays: e?.maternityLeaveDays ?? 0, note: e?.note ?? null, version: e?.version ?? 0 },
        // Only the titles the table shows (CSTĐ toàn quốc is flagged in the nomination, not here).
        verdicts: r.verdicts.filter((v) => (SHOWN_TITLES as readonly string[]).includes(v.title)).map((v) => ({ title: v.title, titleName: v.titleName, eligible: v.eligible, flagOnly: !!v.flagOnly, summary: summarise(v), reasons: v.reasons.map((x) => ({ rule: x.rule, passed: x.passed, basis: x.basis, detail: x.detail })) })),
      };
    }),
    counts: { members: rows.length, ldtt, cstdcs, cstdcsMax: cstdcsCap(ldtt, s), htxsnv, atLeastHttnv, byVerdict },
    shownTitles: SHOWN_TITLES,
    caps: [cstdcsCapRule(cstdcs, ldtt, s), htxsnvCapRule(htxsnv, atLeastHttnv, s)].map((c) => ({ passed: c.passed, detail: c.detail, basis: c.basis })),
    /** Rules 7–8 for the school and for each union / professional group. */
    collectiveUnits: evaluateCollectiveUnits(
      collective.map((c, i) => ({ ...c, unionGroupId: rows[i].member.unionGroupId, unionGroupName: rows[i].member.unionGroupName, professionalGroup: rows[i].member.professionalGroup })),
      period,
      s,
    ).map((u) => ({
      kind: u.unit.kind,
      name: u.unit.name,
      memberCount: u.memberCount,
      verdicts: u.verdicts.map((v) => ({ title: v.title, titleName: v.titleName, eligible: v.eligible, summary: summarise(v), reasons: v.reasons.map((x) => ({ passed: x.passed, detail: x.detail, basis: x.basis })) })),
    })),
    disciplines: disciplines.map((d) => ({ id: d.id, fullName: d.fullName, level: d.level, decidedOn: toIsoDay(d.decidedOn), decisionNumber: d.decisionNumber, reason: d.reason })),
    openCases: cases.map((c) => ({ id: c.id, fullName: c.fullName, kind: c.kind, openedOn: toIsoDay(c.openedOn), closedOn: c.closedOn ? toIsoDay(c.closedOn) : null, summary: c.summary, version: c.version })),
    canEdit,
  };
}
