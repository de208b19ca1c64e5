import "server-only";
// The school's sealed council-stage scores (issue 4's SealedSnapshot) for each individual nominee
// of a package, for the upper unit's review: the member's total and classification as sealed,
// when and by whom, the checksum, and whether the stored numbers still match it (recomputed with
// lib/scoring/snapshot.ts, the same function the school's scoring page uses).
import { can, type Viewer } from "../authz/permissions";
import type { Db } from "../authz/load";
import { getDb } from "../server/db";
import { formatPoints } from "../scoring/points";
import { verifySnapshot } from "../scoring/snapshot";

export interface SealedRow {
  sheetId: string | null;
  total: number | null;
  classification: string | null;
  complete: boolean;
}

/**
 * Pure: a snapshot's integrity (sha-256 of its canonical payload against the stored checksum) and
 * its rows by member. A payload that is not the expected shape yields no rows (and, having been
 * changed, fails the checksum anyway).
 */
export function readSealedSnapshot(s: { payload: unknown; checksum: string }): { intact: boolean; byMember: Map<string, SealedRow> } {
  const byMember = new Map<string, SealedRow>();
  const rows = (s.payload as { rows?: unknown } | null)?.rows;
  if (Array.isArray(rows)) {
    for (const r of rows as Record<string, unknown>[]) {
      if (!r || typeof r.memberId !== "string") continue;
      byMember.set(r.memberId, {
        sheetId: typeof r.sheetId === "string" ? r.sheetId : null,
        total: typeof r.total === "number" ? r.total : null,
        classification: typeof r.classification === "string" ? r.classification : null,
        complete: r.complete === true,
      });
    }
  }
  return { intact: verifySnapshot(s), byMember };
}

export interface SealedScoreView {
  memberId: string;
  nomineeName: string;
  titles: string[];
  sealed: {
    snapshotId: string;
    periodName: string;
    total: string;
    classification: string | null;
    complete: boolean;
    sealedAt: string;
    sealedBy: string | null;
    checksum: string;
    intact: boolean;
    /** Council-stage changes logged after sealing (rule 14). */
    amendments: number;
  } | null;
}

/**
 * For each individual nominee, the council-stage snapshot of the school's periods in the school
 * year that holds them (a whole-year period first, then the latest). Null when the viewer may not
 * read the school's scores (scoring.read). The package comes from a scoped query.
 */
export async function getSealedScores(
  viewer: Viewer,
  p: { schoolId: string; unitId: string; schoolYearId: string },
  nominees: { memberId: string; nomineeName: string; titleName: string }[],
  db?: Db,
): Promise<SealedScoreView[] | null> {
  if (!can(viewer, "scoring.read", { schoolId: p.schoolId, unitId: p.unitId })) return null;
  const client = db ?? (await getDb());
  const byMember = new Map<string, { nomineeName: string; titles: string[] }>();
  for (const n of nominees) {
    const e = byMember.get(n.memberId) ?? byMember.set(n.memberId, { nomineeName: n.nomineeName, titles: [] }).get(n.memberId)!;
    if (!e.titles.includes(n.titleName)) e.titles.push(n.titleName);
  }
  if (!byMember.size) return [];
  const snaps = await client.sealedSnapshot.findMany({
    where: { stage: "COUNCIL", period: { schoolId: p.schoolId, campaign: { schoolYearId: p.schoolYearId } } },
    select: { id: true, checksum: true, payload: true, sealedAt: true, sealedById: true, period: { select: { name: true, kind: true, endsOn: true } } },
  });
  snaps.sort((a, b) => Number(b.period.kind === "YEAR") - Number(a.period.kind === "YEAR") || b.period.endsOn.getTime() - a.period.endsOn.getTime() || b.sealedAt.getTime() - a.sealedAt.getTime());
  const read = snaps.map((s) => ({ s, ...readSealedSnapshot(s) }));
  const [users, amendments] = await Promise.all([
    client.user.findMany({ where: { id: { in: [...new Set(snaps.map((s) => s.sealedById))] } }, select: { id: true, displayName: true } }),
    client.scoreAmendment.findMany({
      where: { stage: "COUNCIL", sheet: { memberId: { in: [...byMember.keys()] }, period: { schoolId: p.schoolId, campaign: { schoolYearId: p.schoolYearId } } } },
      select: { sheetId: true, createdAt: true },
    }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  return [...byMember].map(([memberId, n]) => {
    const hit = read.find((r) => r.byMember.has(memberId));
    if (!hit) return { memberId, ...n, sealed: null };
    const row = hit.byMember.get(memberId)!;
    return {
      memberId,
      ...n,
      sealed: {
        snapshotId: hit.s.id,
        periodName: hit.s.period.name,
        total: row.total === null ? "" : formatPoints(row.total),
        classification: row.classification,
        complete: row.complete,
        sealedAt: hit.s.sealedAt.toISOString(),
        sealedBy: userName.get(hit.s.sealedById) ?? null,
        checksum: hit.s.checksum,
        intact: hit.intact,
        amendments: amendments.filter((a) => a.sheetId === row.sheetId && a.createdAt >= hit.s.sealedAt).length,
      },
    };
  });
}

/** The sealed scores of a package's individual nominees (withdrawn ones left out), for the review page. */
export async function getPackageSealedScores(viewer: Viewer, page: { school: { id: string; unitId: string }; year: { id: string }; items: { subject: string; memberId: string | null; nomineeName: string; titleName: string; status: string }[] }) {
  const nominees = page.items
    .filter((i) => i.subject === "MEMBER" && i.memberId && i.status !== "WITHDRAWN")
    .map((i) => ({ memberId: i.memberId!, nomineeName: i.nomineeName, titleName: i.titleName }));
  return getSealedScores(viewer, { schoolId: page.school.id, unitId: page.school.unitId, schoolYearId: page.year.id }, nominees);
}
