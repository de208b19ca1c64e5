import "server-only";
// Minutes as a document (print view) and as a PDF, for whoever may read the meeting.
import type { Viewer } from "../authz/permissions";
import { adminDocumentPdf } from "../documents/cache";
import { getMeetingDetail } from "./queries";
import { minutesDocument, minutesFileName } from "./document";

export async function getMinutesDocument(viewer: Viewer, schoolId: string, meetingId: string) {
  const d = await getMeetingDetail(viewer, schoolId, meetingId);
  const m = d.meeting;
  const doc = minutesDocument({
    school: { name: m.school.name, address: m.school.address, govUnitName: m.school.govUnit?.name ?? null },
    meeting: m,
    attendees: m.attendees,
    tasks: d.tasks,
    reviewed: d.carried.filter((t) => t.reviewedInId === m.id),
  });
  return { doc, fileName: minutesFileName(m), detail: d };
}

export async function getMinutesPdf(viewer: Viewer, schoolId: string, meetingId: string) {
  const { doc, fileName, detail } = await getMinutesDocument(viewer, schoolId, meetingId);
  // Closed minutes never change: rendered once, then served from the document cache.
  return { pdf: await adminDocumentPdf("joint-minutes", doc, detail.meeting.status === "CLOSED"), fileName };
}
