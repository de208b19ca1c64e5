import "server-only";
// The scale builder's writes (chair): create from a template, a copy of last year's or an Excel
// file (a new draft either way), edit while a draft, record adoption at the staff conference
// (date, resolution) which locks the version (a trigger refuses later changes), and start a new
// version from an adopted one.
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { schoolScope } from "../authz/scope";
import { record } from "../audit/record";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { AppError, conflict, notFound } from "../server/errors";
import { SCHOOL_BRIEF, schoolFor } from "../authz/load";
import { parseScale, type ScaleDefinition } from "./scale";
import { checksumOf } from "./snapshot";
import { BLANK_SCALE, TEMPLATES } from "./templates";
import { MAX_IMPORT_ERRORS, checkScaleUpload, formatImportError, workbookToScale } from "./scale-excel";
import { safeFileName } from "../evidence/rules";

const json = (d: ScaleDefinition) => d as unknown as Prisma.InputJsonValue;

/**
 * The whole check (the schema's ranges — a negative bonus — and the structural checks), not only
 * the latter: a caller may reach the mutation without the form's schema. Each problem also comes
 * back under its field ("definition.bonus.0.max") for the builder to show beside the field.
 */
function refuseProblems(definition: ScaleDefinition): void {
  const r = parseScale(definition);
  if (r.ok) return;
  const fieldErrors: Record<string, string[]> = { definition: r.problems.map((p) => p.message) };
  for (const p of r.problems) (fieldErrors[`definition.${p.path}`] ??= []).push(p.message);
  throw new AppError("INVALID", r.problems[0].message, fieldErrors);
}

type School = Prisma.SchoolGetPayload<{ select: typeof SCHOOL_BRIEF }>;

/** Writes a new scale (version 1, draft) of a school and its audit row, in one transaction. */
async function insertScale(viewer: Viewer, school: School, input: { schoolYearId: string; name: string; definition: ScaleDefinition; copiedFromId: string | null; source: string; submissionKey?: string }) {
  const db = await getDb();
  if (!(await db.schoolYear.findUnique({ where: { id: input.schoolYearId }, select: { id: true } }))) throw new AppError("INVALID", "Năm học không hợp lệ.", { schoolYearId: ["Chọn năm học."] });
  // One scale per form submission: a resent form answers with the first scale (lib/server/submission.ts).
  return createOnce(viewer, "scale.create", input.submissionKey, async (tx) => {
    const scale = await tx.scoringScale.create({
      data: { schoolId: school.id, schoolYearId: input.schoolYearId, name: input.name, copiedFromId: input.copiedFromId, versions: { create: { number: 1, definition: json(input.definition) } } },
      select: { id: true },
    });
    await record(tx, viewer, { action: "scale.create", entity: "ScoringScale", entityId: scale.id, schoolId: school.id, organisationId: school.unionUnitId, after: { name: input.name, schoolYearId: input.schoolYearId, source: input.source } });
    return scale;
  });
}

/** Creates a scale (version 1, draft) for a school year. Throws NOT_FOUND, INVALID. */
export async function createScale(viewer: Viewer, input: { schoolId: string; schoolYearId: string; name: string; source: string; submissionKey?: string }) {
  const db = await getDb();
  const school = await schoolFor(viewer, input.schoolId, "scale.manage", db, SCHOOL_BRIEF);
  let definition: ScaleDefinition;
  let copiedFromId: string | null = null;
  if (input.source.startsWith("copy:")) {
    const from = await db.scoringScale.findFirst({
      where: { id: input.source.slice(5), schoolId: school.id },
      select: { id: true, versions: { orderBy: { number: "desc" }, take: 1, select: { definition: true } } },
    });
    if (!from || !from.versions[0]) throw notFound();
    const parsed = parseScale(from.versions[0].definition);
    if (!parsed.ok) throw new AppError("INVALID", "Biểu điểm cũ không hợp lệ để sao chép.");
    definition = parsed.scale;
    copiedFromId = from.id;
  } else if (input.source === "blank") {
    definition = structuredClone(BLANK_SCALE);
  } else {
    definition = structuredClone(TEMPLATES[input.source.slice(9) as keyof typeof TEMPLATES].definition);
  }
  return insertScale(viewer, school, { schoolYearId: input.schoolYearId, name: input.name, definition, copiedFromId, source: input.source, submissionKey: input.submissionKey });
}

/**
 * Creates a draft scale (version 1) from an uploaded Excel workbook (scale-excel.ts), for the
 * chair of the school (scale.manage). The school is resolved in scope before the file is read.
 * Throws NOT_FOUND; INVALID with fieldErrors.file (the summary) and fieldErrors.rows (each
 * problem with its sheet and row, in Vietnamese).
 */
export async function importScale(viewer: Viewer, input: { schoolId: string; schoolYearId: string; name: string; fileName: string; bytes: Uint8Array; submissionKey?: string }) {
  const db = await getDb();
  const school = await schoolFor(viewer, input.schoolId, "scale.manage", db, SCHOOL_BRIEF);
  const bad = checkScaleUpload(input.fileName, input.bytes);
  if (bad) throw new AppError("INVALID", bad, { file: [bad] });
  const read = await workbookToScale(input.bytes);
  if (!read.ok) {
    const count = read.errors.length >= MAX_IMPORT_ERRORS ? `từ ${MAX_IMPORT_ERRORS} lỗi trở lên` : `${read.errors.length} lỗi`;
    const summary = `Tệp có ${count}; chưa tạo biểu điểm. Sửa các dòng dưới đây rồi nhập lại.`;
    throw new AppError("INVALID", summary, { file: [summary], rows: read.errors.map(formatImportError) });
  }
  return insertScale(viewer, school, { schoolYearId: input.schoolYearId, name: input.name, definition: read.doc, copiedFromId: null, source: `excel:${safeFileName(input.fileName).slice(0, 120)}`, submissionKey: input.submissionKey });
}

async function findVersion(viewer: Viewer, versionId: string) {
  const db = await getDb();
  const v = await db.scaleVersion.findFirst({
    where: { id: versionId, scale: { school: schoolScope(viewer, "scale.manage") } },
    select: { id: true, number: true, version: true, adoptedAt: true, definition: true, scaleId: true, scale: { select: { schoolId: true, school: { select: { unionUnitId: true } } } } },
  });
  if (!v) throw notFound();
  return { db, v };
}

/** Saves a draft version's content. An adopted version is locked: STATE. */
export async function saveScaleDraft(viewer: Viewer, input: { versionId: string; version: number; definition: ScaleDefinition }) {
  const { db, v } = await findVersion(viewer, input.versionId);
  if (v.adoptedAt) throw new AppError("STATE", "Biểu điểm đã được thông qua nên không sửa được; hãy tạo phiên bản mới.");
  refuseProblems(input.definition);
  await db.$transaction(async (tx) => {
    const u = await tx.scaleVersion.updateMany({ where: { id: v.id, version: input.version, adoptedAt: null }, data: { definition: json(input.definition), version: { increment: 1 } } });
    if (u.count === 0) throw conflict();
    await record(tx, viewer, { action: "scale.update", entity: "ScaleVersion", entityId: v.id, schoolId: v.scale.schoolId, organisationId: v.scale.school.unionUnitId, after: { number: v.number, checksum: checksumOf(input.definition) } });
  });
}

/** Records adoption at the staff conference (date, resolution number): the version is locked for good. */
export async function adoptScale(viewer: Viewer, input: { versionId: string; version: number; adoptedOn: Date; resolutionNo: string }) {
  const { db, v } = await findVersion(viewer, input.versionId);
  if (v.adoptedAt) throw new AppError("STATE", "Phiên bản này đã được thông qua.");
  const parsed = parseScale(v.definition);
  if (!parsed.ok) throw new AppError("INVALID", parsed.problems[0].message);
  const checksum = checksumOf(v.definition);
  await db.$transaction(async (tx) => {
    const u = await tx.scaleVersion.updateMany({
      where: { id: v.id, version: input.version, adoptedAt: null },
      data: { adoptedOn: input.adoptedOn, resolutionNo: input.resolutionNo, adoptedAt: new Date(), adoptedById: viewer.userId, checksum, version: { increment: 1 } },
    });
    if (u.count === 0) throw conflict();
    await record(tx, viewer, { action: "scale.adopt", entity: "ScaleVersion", entityId: v.id, schoolId: v.scale.schoolId, organisationId: v.scale.school.unionUnitId, after: { number: v.number, adoptedOn: input.adoptedOn, resolutionNo: input.resolutionNo, checksum } });
  });
}

/** Starts a new draft version from the latest adopted one (only one draft at a time). */
export async function newScaleVersion(viewer: Viewer, input: { scaleId: string }) {
  const db = await getDb();
  const scale = await db.scoringScale.findFirst({
    where: { id: input.scaleId, school: schoolScope(viewer, "scale.manage") },
    select: { id: true, schoolId: true, school: { select: { unionUnitId: true } }, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, adoptedAt: true, definition: true } } },
  });
  if (!scale) throw notFound();
  const latest = scale.versions[0];
  if (!latest?.adoptedAt) throw new AppError("STATE", "Đang có một bản nháp; hãy sửa bản nháp đó.");
  return db.$transaction(async (tx) => {
    const made = await tx.scaleVersion.createMany({ data: [{ scaleId: scale.id, number: latest.number + 1, definition: latest.definition as Prisma.InputJsonValue }], skipDuplicates: true });
    if (made.count === 0) throw conflict();
    const v = await tx.scaleVersion.findUniqueOrThrow({ where: { scaleId_number: { scaleId: scale.id, number: latest.number + 1 } }, select: { id: true } });
    await record(tx, viewer, { action: "scale.version", entity: "ScaleVersion", entityId: v.id, schoolId: scale.schoolId, organisationId: scale.school.unionUnitId, after: { number: latest.number + 1 } });
    return v;
  });
}
