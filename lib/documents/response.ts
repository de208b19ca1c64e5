import "server-only";
// A generated file (PDF, spreadsheet) as a download for a signed-in viewer: attachment with the
// Vietnamese file name (RFC 5987, with an ASCII fallback), nosniff, never cached. Not signed in →
// the sign-in page; NOT_FOUND/FORBIDDEN → a plain 404 (another school's data looks exactly like
// missing data). Every download route goes through `download`.
import { NextResponse } from "next/server";
import { getViewer } from "../auth/viewer";
import type { Viewer } from "../authz/permissions";
import { checkGate, type RouteGate } from "../authz/gate";
import { contentDisposition } from "../evidence/rules";
import { AppError, ERROR_MESSAGES } from "../server/errors";
import { idParam } from "../server/page";

export { asciiFileName, fileSlug } from "./file-name";

export const MIME = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** Route params are input: anything that is not an id matches nothing. */
export function routeIdOrNull(v: string | undefined): string | null {
  return idParam(v) ?? null;
}

/** `gate` (lib/authz/gate.ts: gatedRoute) is checked before `make` runs: refused → the same 404. */
export async function download(request: Request, mime: string, gate: RouteGate, make: (viewer: Viewer) => Promise<{ fileName: string; bytes: Uint8Array }>): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.redirect(new URL("/dang-nhap", request.url));
  try {
    await checkGate(viewer, gate.cap, gate.target);
    const { fileName, bytes } = await make(viewer);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": mime,
        "Content-Disposition": contentDisposition(fileName),
        "Content-Length": String(bytes.byteLength),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        // A download is never a page: nothing in it may run (proxy.ts leaves this header alone).
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (e) {
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) {
      return new Response(ERROR_MESSAGES.NOT_FOUND, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
    }
    throw e;
  }
}

export function pdfDownload(request: Request, gate: RouteGate, make: (viewer: Viewer) => Promise<{ fileName: string; pdf: Buffer }>): Promise<Response> {
  return download(request, MIME.pdf, gate, async (viewer) => {
    const { fileName, pdf } = await make(viewer);
    return { fileName, bytes: pdf };
  });
}

export function xlsxDownload(request: Request, gate: RouteGate, make: (viewer: Viewer) => Promise<{ fileName: string; bytes: Uint8Array }>): Promise<Response> {
  return download(request, MIME.xlsx, gate, make);
}
