import "server-only";
// Scale reads: a school's scales with their versions (anyone in the school may read the scale:
// transparency), one scale with every version's definition, and what the Excel export and the
// import template need.
import { can, type Viewer } from "../authz/permissions";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { formatDate, schoolYearLabel, schoolYearOf } from "../format";
import { todayVN } from "../time";
import { safeFileName } from "../evidence/rules";
import { SCHOOL_BRIEF, schoolFor } from "../authz/load";
import { scaleOf } from "./load";
import { verifySnapshot } from "./snapshot";
import type { ScaleWorkbookMeta } from "./scale-excel";
import { TEMPLATES } from "./templates";

/** Scales of a school, newest first. Throws NOT_FOUND. */
export async function listScales(viewer: Viewer, schoolId: string) {
  const db = await getDb();
  const school = await schoolFor(viewer, schoolId, "scale.read", db, SCHOOL_BRIEF);
  const [scales, years] = await Promise.all([
    db.scoringScale.findMany({
      where: { schoolId: school.id },
      orderBy: [{ schoolYear: { startsOn: "desc" } }, { createdAt: "desc" }],
      select: { id: true, name: true, schoolYear: { select: { label: true } }, versions: { orderBy: { number: "desc" }, select: { id: true, number: true, adoptedOn: true, resolutionNo: true, adoptedAt: true } } },
    }),
    db.schoolYear.findMany({ orderBy: { startsOn: "desc" }, select: { id: true, label: true } }),
  ]);
  const current = schoolYearLabel(schoolYearOf(todayVN()));
  return { school, scales, years, currentYearId: years.find((y) => y.label === current)?.id ?? years[0]?.id, canManage: can(viewer, "scale.manage", { schoolId: school.id }) };
}

/** One scale with every version (definition checked, adoption checksum verified). Throws NOT_FOUND. */
export async function getScale(viewer: Viewer, schoolId: string, scaleId: string) {
  const db = await getDb();
  const school = await schoolFor(viewer, schoolId, "scale.read", db, SCHOOL_BRIEF);
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

/**
 * One version of a scale (the latest unless `number` is given) for the Excel export, for whoever
 * may read the scale (scale.read). Throws NOT_FOUND (another school's scale included).
 */
export async function getScaleExport(viewer: Viewer, schoolId: string, scaleId: string, number?: number) {
  const { school, scale } = await getScale(viewer, schoolId, scaleId);
  const v = number === undefined ? scale.versions[0] : scale.versions.find((x) => x.number === number);
  if (!v) throw notFound();
  const state = v.adoptedAt ? `thông qua ngày ${formatDate(v.adoptedOn)}, nghị quyết số ${v.resolutionNo}` : "bản nháp";
  const meta: ScaleWorkbookMeta = { name: scale.name, schoolName: school.name, schoolYear: scale.schoolYear.label, versionNote: `Phiên bản ${v.number} (${state})` };
  return { doc: v.definition, meta, fileName: `${safeFileName(scale.name)} - phiên bản ${v.number}.xlsx` };
}

/** The import template: the default scale (100 points) as a workbook, for the school's chair (scale.manage). Throws NOT_FOUND. */
export async function getScaleTemplate(viewer: Viewer, schoolId: string) {
  const db = await getDb();
  const school = await schoolFor(viewer, schoolId, "scale.manage", db, SCHOOL_BRIEF);
  const meta: ScaleWorkbookMeta = { name: "Biểu điểm thi đua (tệp mẫu)", schoolName: school.name };
  return { doc: TEMPLATES["100"].definition, meta, fileName: "Mẫu biểu điểm thi đua.xlsx" };
}
