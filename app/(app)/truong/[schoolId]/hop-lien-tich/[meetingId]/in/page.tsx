import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getMinutesDocument } from "@/lib/meetings/export";
import { orNotFound, routeId } from "@/lib/server/page";
import { DocumentView } from "@/components/plans/document-view";
import { PrintButton } from "@/components/plans/print-button";

export const metadata: Metadata = { title: "Bản in biên bản họp liên tịch" };

export default async function MinutesPrintPage({ params }: { params: Promise<{ schoolId: string; meetingId: string }> }) {
  // A place the viewer works in with meeting.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("meeting.read", { school: (await params).schoolId, within: true });
  const { schoolId, meetingId } = await params;
  const sid = routeId(schoolId);
  const mid = routeId(meetingId);
  const { doc } = await orNotFound(getMinutesDocument(viewer, sid, mid));
  const back = `/truong/${sid}/hop-lien-tich/${mid}`;
  return (
    <>
      <div className="no-print mb-4 flex gap-3">
        <Link href={back} className="text-brand-700 hover:underline">
          ← Về cuộc họp
        </Link>
        <PrintButton />
        <a href={`${back}/pdf`} className="text-brand-700 hover:underline">
          Tải PDF
        </a>
      </div>
      <DocumentView doc={doc} />
    </>
  );
}
