// Per-school rows of the titles report (report 3) and the movements report (report 4), from the
// grouped rows of lib/reports/queries.ts. Pure. Shares are null when the base is zero (shown "—").
import { CATALOGUE } from "../awards/catalogue";

export const INITIATIVE_LEVELS = ["SCHOOL", "DIRECT_UPPER", "PROVINCE", "NATIONAL"] as const;
export type InitiativeLevel = (typeof INITIATIVE_LEVELS)[number];
export const INITIATIVE_LEVEL_LABELS: Record<InitiativeLevel, string> = {
  SCHOOL: "Cấp cơ sở",
  DIRECT_UPPER: "Cấp trên trực tiếp",
  PROVINCE: "Cấp tỉnh, bộ, ngành",
  NATIONAL: "Toàn quốc",
};

export interface SchoolTitleRow {
  schoolId: string;
  schoolName: string;
  /** Members not LEFT today (the base of the shares). */
  members: number;
  ldtt: number;
  ldttShare: number | null;
  cstdcs: number;
  cstdcsShare: number | null;
  /** Collective titles (Tập thể LĐTT/LĐXS, Cờ thi đua, CĐCS/tổ CĐ hoàn thành xuất sắc…). */
  collectiveTitles: number;
  /** Individual titles of any kind, and how many went to women. */
  individualTitles: number;
  womenTitles: number;
  womenShare: number | null;
  initiatives: Record<InitiativeLevel, number>;
}

const share = (n: number, base: number) => (base > 0 ? n / base : null);
const isTitle = (code: string) => CATALOGUE.get(code)?.kind === "title";

function finishTitle(r: Omit<SchoolTitleRow, "ldttShare" | "cstdcsShare" | "womenShare">): SchoolTitleRow {
  return { ...r, ldttShare: share(r.ldtt, r.members), cstdcsShare: share(r.cstdcs, r.members), womenShare: share(r.womenTitles, r.individualTitles) };
}

export function buildTitleRows(
  schools: readonly { id: string; name: string }[],
  awards: readonly { schoolId: string; titleCode: string; subject: string; gender: string | null; n: number }[],
  members: readonly { schoolId: string; members: number }[],
  initiatives: readonly { schoolId: string; level: string; n: number }[],
): { schools: SchoolTitleRow[]; total: SchoolTitleRow } {
  const blank = (schoolId: string, schoolName: string) => ({
    schoolId,
    schoolName,
    members: 0,
    ldtt: 0,
    cstdcs: 0,
    collectiveTitles: 0,
    individualTitles: 0,
    womenTitles: 0,
    initiatives: { SCHOOL: 0, DIRECT_UPPER: 0, PROVINCE: 0, NATIONAL: 0 } as Record<InitiativeLevel, number>,
  });
  const rows = new Map(schools.map((s) => [s.id, blank(s.id, s.name)]));
  for (const m of members) {
    const r = rows.get(m.schoolId);
    if (r) r.members += m.members;
  }
  for (const a of awards) {
    const r = rows.get(a.schoolId);
    if (!r || !isTitle(a.titleCode)) continue;
    if (a.subject !== "MEMBER") {
      r.collectiveTitles += a.n;
      continue;
    }
    r.individualTitles += a.n;
    if (a.gender === "NU") r.womenTitles += a.n;
    if (a.titleCode === "LDTT") r.ldtt += a.n;
    if (a.titleCode === "CSTDCS") r.cstdcs += a.n;
  }
  for (const i of initiatives) {
    const r = rows.get(i.schoolId);
    if (r && (INITIATIVE_LEVELS as readonly string[]).includes(i.level)) r.initiatives[i.level as InitiativeLevel] += i.n;
  }
  const list = [...rows.values()];
  const t = blank("", "Tổng cộng");
  for (const r of list) {
    for (const k of ["members", "ldtt", "cstdcs", "collectiveTitles", "individualTitles", "womenTitles"] as const) t[k] += r[k];
    for (const l of INITIATIVE_LEVELS) t.initiatives[l] += r.initiatives[l];
  }
  return { schools: list.map(finishTitle), total: finishTitle(t) };
}

export interface SchoolMovementRow {
  schoolId: string;
  schoolName: string;
  /** Campaigns reaching the school (its own and its upper union's) in the period. */
  campaigns: number;
  members: number;
  /** Members (not LEFT) registered in at least one of those campaigns. */
  registered: number;
  registrationRate: number | null;
  /** Score sheets of scoring periods overlapping the period, and those the council finished. */
  sheets: number;
  sheetsDone: number;
  scoringRate: number | null;
}
export type MovementTotals = Omit<SchoolMovementRow, "schoolId" | "schoolName" | "campaigns">;

export function buildMovementRows(
  schools: readonly { id: string; name: string }[],
  q: {
    campaigns: readonly { schoolId: string; n: number }[];
    registered: readonly { schoolId: string; n: number }[];
    members: readonly { schoolId: string; n: number }[];
    sheets: readonly { schoolId: string; sheets: number; done: number }[];
  },
): { schools: SchoolMovementRow[]; total: MovementTotals } {
  const by = <T extends { schoolId: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.schoolId, x]));
  const [c, r, m, s] = [by(q.campaigns), by(q.registered), by(q.members), by(q.sheets)];
  const list = schools.map((sc): SchoolMovementRow => {
    const members = m.get(sc.id)?.n ?? 0;
    const registered = r.get(sc.id)?.n ?? 0;
    const sheets = s.get(sc.id)?.sheets ?? 0;
    const sheetsDone = s.get(sc.id)?.done ?? 0;
    return { schoolId: sc.id, schoolName: sc.name, campaigns: c.get(sc.id)?.n ?? 0, members, registered, registrationRate: share(registered, members), sheets, sheetsDone, scoringRate: share(sheetsDone, sheets) };
  });
  const sum = (k: "members" | "registered" | "sheets" | "sheetsDone") => list.reduce((a, b) => a + b[k], 0);
  const total = { members: sum("members"), registered: sum("registered"), sheets: sum("sheets"), sheetsDone: sum("sheetsDone") };
  return { schools: list, total: { ...total, registrationRate: share(total.registered, total.members), scoringRate: share(total.sheetsDone, total.sheets) } };
}
