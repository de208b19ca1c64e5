import "server-only";
// Scale reads: a school's scales with their versions (anyone in the school may read the scale:
// transparency), and one scale with every version's definition.
import { can, type Viewer } from "../authz/permissions";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { schoolYearLabel, schoolYearOf } from "../format";
import { findSchool } from "../campaigns/access";
import { scaleOf } from "./access";
import { verifySnapshot } from "./snapshot";

/** Scales of a school, newest first. Throws NOT_FOUND. */
export async function listScales(viewer: Viewer, schoolId: string) {
  const db = await getDb();
  const school = await findSchool(db, viewer, schoolId, "scale.read");
  const [scales, years] = await Promise.all([
    db.scoringScale.findMany({
      where: { schoolId: school.id },
      orderBy: [{ schoolYear: { startsOn: "desc" } }, { createdAt: "desc" }],
      select: { id: true, name: true, schoolYear: { select: { label: true } }, versions: { orderBy: { number: "desc" }, select: { id: true, number: true, adoptedOn: true, resolutionNo: true, adoptedAt: true } } },
    }),
    db.schoolYear.findMany({ orderBy: { startsOn: "desc" }, select: { id: true, label: true } }),
  ]);
  const current = schoolYearLabel(schoolYearOf(new Date()));
  return { school, scales, years, currentYearId: years.find((y) => y.label === current)?.id ?? years[0]?.id, canManage: can(viewer, "scale.manage", { schoolId: school.id }) };
}

/** One scale with every version (definition checked, adoption checksum verified). Throws NOT_FOUND. */
export async function getScale(viewer: Viewer, schoolId: string, scaleId: string) {
  const db = await getDb();
  const school = await findSchool(db, viewer, schoolId, "scale.read");
  const scale = await db.scoringScale.findFirst({
    where: { id: scaleId, schoolId: school.id },
    select: { id: true, name: true, schoolYear: { select: { label: true } }, versions: { orderBy: { number: "desc" }, select: { id: true, number: true, version: true, definition: true, checksum: true, adoptedOn: true, resolutionNo: true, adoptedAt: true } } },
  });
  if (!scale) throw notFound();
  return {
    school,
    scale: {
      ...scale,
      versions: scale.versions.map((v) => ({ ...v, definition: scaleOf(v.definition), intact: v.checksum ? verifySnapshot({ payload: v.definition, checksum: v.checksum }) : null })),
    },
    canManage: can(viewer, "scale.manage", { schoolId: school.id }),
  };
}
