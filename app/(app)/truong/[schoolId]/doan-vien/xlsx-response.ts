import "server-only";
import { NextResponse } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import type { Viewer } from "@/lib/authz/permissions";
import { AppError } from "@/lib/server/errors";

/** Route params are input: anything that is not an id matches nothing. */
export function routeIdOrNull(v: string | undefined): string | null {
  return v && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : null;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A spreadsheet download for a signed-in viewer: attachment, never cached, nosniff. Not signed in
 * → the sign-in page; NOT_FOUND/FORBIDDEN → a plain 404 (another school looks missing).
 */
export async function xlsxDownload(request: Request, make: (viewer: Viewer) => Promise<{ fileName: string; bytes: Uint8Array }>): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.redirect(new URL("/dang-nhap", request.url));
  try {
    const { fileName, bytes } = await make(viewer);
    return new Response(bytes as BodyInit, {
      headers: {
        "Content-Type": XLSX,
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Content-Length": String(bytes.byteLength),
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
