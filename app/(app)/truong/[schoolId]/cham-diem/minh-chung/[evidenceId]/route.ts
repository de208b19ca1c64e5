import { NextResponse } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { getEvidenceFile } from "@/lib/evidence/queries";
import { contentDisposition } from "@/lib/evidence/rules";
import { AppError } from "@/lib/server/errors";

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const missing = () => new Response("Không tìm thấy dữ liệu này, hoặc bạn không có quyền xem.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

/**
 * GET: one evidence file, only for those who may read its sheet (the member, their group leader,
 * the school's chair and principal, the upper unit). Always a download (attachment), never
 * rendered by the browser (nosniff, a sandboxing CSP), never cached.
 */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string; evidenceId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.redirect(new URL("/dang-nhap", request.url));
  const { schoolId, evidenceId } = await params;
  if (!ID.test(schoolId) || !ID.test(evidenceId)) return missing();
  try {
    const f = await getEvidenceFile(viewer, evidenceId, schoolId);
    return new Response(new Uint8Array(f.bytes), {
      headers: {
        "Content-Type": f.mimeType,
        "Content-Disposition": contentDisposition(f.fileName),
        "Content-Length": String(f.bytes.byteLength),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) return missing();
    throw e;
  }
}
