import "server-only";
// Reading evidence files: only through the same scope as the sheet they belong to.
import type { Viewer } from "../authz/permissions";
import { memberScope } from "../authz/scope";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { readStoredFile } from "./storage";

/** The file of an evidence row the viewer may read (scoring.read on its sheet's member), or NOT_FOUND. */
export async function getEvidenceFile(viewer: Viewer, evidenceId: string, schoolId: string) {
  const db = await getDb();
  const ev = await db.evidence.findFirst({
    where: { id: evidenceId, sheet: { member: { ...memberScope(viewer, "scoring.read"), schoolId } } },
    select: { fileName: true, mimeType: true, storageKey: true, sizeBytes: true },
  });
  if (!ev) throw notFound();
  return { ...ev, bytes: await readStoredFile(ev.storageKey) };
}
