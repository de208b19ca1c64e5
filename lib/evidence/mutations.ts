import "server-only";
// Evidence (minh chứng) uploads on a sheet: by the member on their own sheet, the group leader in
// their group, the chair in the school, while the period is being scored. Type and size are
// checked by content (lib/evidence/rules.ts); the file is stored outside public/.
import type { Viewer } from "../authz/permissions";
import { memberScope } from "../authz/scope";
import { record } from "../audit/record";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { AppError, notFound } from "../server/errors";
import { findSheet, requirePeriodAction, sheetTarget } from "../scoring/load";
import { allCriteria } from "../scoring/scale";
import { checkEvidence } from "./rules";
import { removeStoredFile, storeFile } from "./storage";

export const MAX_FILES_PER_SHEET = 30;

/** Stores one evidence file for a sheet (optionally for one criterion). Throws NOT_FOUND, FORBIDDEN, STATE, INVALID. */
export async function uploadEvidence(viewer: Viewer, input: { sheetId: string; criterionKey?: string; file: File; submissionKey?: string }) {
  const db = await getDb();
  const sheet = await findSheet(db, viewer, input.sheetId);
  requirePeriodAction(viewer, sheet.period.state, "uploadEvidence", sheetTarget(sheet, sheet.period.school.unionUnitId));
  if (input.criterionKey && !allCriteria(sheet.period.scale).some((c) => c.key === input.criterionKey)) throw new AppError("INVALID", "Tiêu chí không có trong biểu điểm.");
  if ((await db.evidence.count({ where: { sheetId: sheet.id } })) >= MAX_FILES_PER_SHEET) throw new AppError("INVALID", `Mỗi phiếu tối đa ${MAX_FILES_PER_SHEET} tệp minh chứng.`);
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const check = checkEvidence(input.file.name, bytes);
  if (!check.ok) throw new AppError("INVALID", check.message, { file: [check.message] });
  const stored = await storeFile(bytes);
  try {
    // A resubmit of the same form stores nothing: its file is removed, the first upload is answered.
    return await createOnce(viewer, "evidence.upload", input.submissionKey, async (tx) => {
      const e = await tx.evidence.create({
        data: { sheetId: sheet.id, criterionKey: input.criterionKey ?? null, fileName: check.fileName, mimeType: check.mime, sizeBytes: bytes.length, sha256: stored.sha256, storageKey: stored.key, uploadedById: viewer.userId },
        select: { id: true },
      });
      await record(tx, viewer, { action: "evidence.upload", entity: "Evidence", entityId: e.id, schoolId: sheet.period.schoolId, organisationId: sheet.period.school.unionUnitId, after: { sheetId: sheet.id, criterionKey: input.criterionKey ?? null, fileName: check.fileName, sizeBytes: bytes.length, sha256: stored.sha256 } });
      return e;
    }, { onDuplicate: () => removeStoredFile(stored.key) });
  } catch (e) {
    await removeStoredFile(stored.key);
    throw e;
  }
}

/** The uploader removes their own file while the period is still being scored (the row goes; the audit keeps it). */
export async function deleteEvidence(viewer: Viewer, input: { evidenceId: string }) {
  const db = await getDb();
  const ev = await db.evidence.findFirst({ where: { id: input.evidenceId, sheet: { member: memberScope(viewer, "scoring.read") } }, select: { id: true, sheetId: true, uploadedById: true, storageKey: true, fileName: true, sha256: true } });
  if (!ev) throw notFound();
  const sheet = await findSheet(db, viewer, ev.sheetId);
  requirePeriodAction(viewer, sheet.period.state, "uploadEvidence", sheetTarget(sheet, sheet.period.school.unionUnitId));
  if (ev.uploadedById !== viewer.userId) throw new AppError("FORBIDDEN", "Chỉ người tải lên mới xóa được tệp này.");
  await db.$transaction(async (tx) => {
    await tx.evidence.delete({ where: { id: ev.id } });
    await record(tx, viewer, { action: "evidence.delete", entity: "Evidence", entityId: ev.id, schoolId: sheet.period.schoolId, organisationId: sheet.period.school.unionUnitId, before: { fileName: ev.fileName, sha256: ev.sha256 } });
  });
  await removeStoredFile(ev.storageKey);
}
