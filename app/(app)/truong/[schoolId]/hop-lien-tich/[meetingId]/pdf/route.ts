import { pdfDownload, routeIdOrNull } from "@/lib/documents/response";
import { getMinutesPdf } from "@/lib/meetings/export";
import { gatedRoute } from "@/lib/authz/gate";

/** GET: a meeting's minutes as a PDF (same reader rights as the meeting page). */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string; meetingId: string }> }) {
  const { schoolId, meetingId } = await params;
  return pdfDownload(request, gatedRoute("meeting.read", { meeting: routeIdOrNull(meetingId) }), (viewer) => getMinutesPdf(viewer, routeIdOrNull(schoolId) ?? "", routeIdOrNull(meetingId) ?? ""));
}
