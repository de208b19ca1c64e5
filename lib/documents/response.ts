import "server-only";
// A generated document as a download for a signed-in viewer: attachment, nosniff, never
// cached. Not signed in → the sign-in page; NOT_FOUND/FORBIDDEN → a plain 404 (another
// school's document looks exactly like a missing one).
import { NextResponse } from "next/server";
import { getViewer } from "../auth/viewer";
import type { Viewer } from "../authz/permissions";
import { AppError } from "../server/errors";

/** Route params are input: anything that is not an id matches nothing. */
export function routeIdOrNull(v: string | undefined): string | null {
  return v && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : null;
}

export async function pdfDownload(request: Request, make: (viewer: Viewer) => Promise<{ fileName: string; pdf: Buffer }>): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.redirect(new URL("/dang-nhap", request.url));
  try {
    const { fileName, pdf } = await make(viewer);
    const safe = fileName.replace(/[^A-Za-z0-9._-]/g, "-");
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${safe}"`,
        "Content-Length": String(pdf.byteLength),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) {
      return new Response("Không tìm thấy dữ liệu này, hoặc bạn không có quyền xem.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    }
    throw e;
  }
}
