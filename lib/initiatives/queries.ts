import "server-only";
import type { Viewer } from "../authz/permissions";
import { can } from "../authz/permissions";
import { getDb } from "../server/db";
import { schoolFor } from "../authz/load";
import { yearFor } from "../awards/years";
import { toIsoDay } from "../awards/facts";

/** A row of the registry (DTO). */
export interface InitiativeRow {
  id: string;
  title: string;
  field: string | null;
  summary: string | null;
  authors: { id: string; fullName: string }[];
  level: "SCHOOL" | "DIRECT_UPPER" | "PROVINCE" | "NATIONAL" | null;
  recognisedBy: string | null;
  decisionNumber: string | null;
  recognisedOn: string | null;
  applied: boolean;
  appliedNote: string | null;
  evidence: string | null;
  version: number;
}

/**
 * A school's initiatives (sáng kiến) of a school year (initiative.read: the school's people,
 * upper staff of its unit). Throws NOT_FOUND for a school outside the viewer's reach.
 */
export async function listInitiatives(viewer: Viewer, schoolId: string, yearId?: string) {
  const db = await getDb();
  const school = await schoolFor(viewer, schoolId, "initiative.read");
  const { year, years } = await yearFor(db, yearId);
  const rows = await db.initiative.findMany({
    where: { schoolId: school.id, schoolYearId: year.id },
    include: { authors: { include: { member: { select: { id: true, fullName: true, sortKey: true } } } } },
    orderBy: [{ createdAt: "asc" }],
  });
  const canManage = can(viewer, "initiative.manage", { schoolId: school.id, unitId: school.unionUnitId });
  const members = canManage
    ? await db.member.findMany({ where: { schoolId: school.id, status: { not: "LEFT" } }, select: { id: true, fullName: true }, orderBy: { sortKey: "asc" } })
    : [];
  const items: InitiativeRow[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    field: r.field,
    summary: r.summary,
    authors: r.authors.map((a) => a.member).sort((a, b) => a.sortKey.localeCompare(b.sortKey)).map((m) => ({ id: m.id, fullName: m.fullName })),
    level: r.level,
    recognisedBy: r.recognisedBy,
    decisionNumber: r.decisionNumber,
    recognisedOn: r.recognisedOn ? toIsoDay(r.recognisedOn) : null,
    applied: r.applied,
    appliedNote: r.appliedNote,
    evidence: r.evidence,
    version: r.version,
  }));
  return { school: { id: school.id, name: school.name }, year: { id: year.id, label: year.label }, years: years.map((y) => ({ id: y.id, label: y.label })), items, members, canManage };
}
