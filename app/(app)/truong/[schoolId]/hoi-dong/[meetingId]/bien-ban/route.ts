import { pdfDownload, routeIdOrNull } from "@/lib/documents/response";
import { getMinutesPdf } from "@/lib/awards/export";
import { gatedRoute } from "@/lib/authz/gate";

/** GET: the council meeting's minutes with ballot results as a PDF (council.read). */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string; meetingId: string }> }) {
  const { meetingId } = await params;
  return pdfDownload(request, gatedRoute("council.read", { councilMeeting: routeIdOrNull(meetingId) }), (viewer) => getMinutesPdf(viewer, routeIdOrNull(meetingId) ?? ""));
}
