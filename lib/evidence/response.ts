import "server-only";
// One way to hand out a stored file (scoring evidence, dossier papers): signed-in viewers only,
// the caller's loader does the scoped look-up, and the answer is always a download that the
// browser neither renders nor caches. Not found, another tenant's id and "not allowed" all give
// the same plain 404.
import { NextResponse } from "next/server";
import { getViewer } from "../auth/viewer";
import type { Viewer } from "../authz/permissions";
import { checkGate, type RouteGate } from "../authz/gate";
import { AppError, ERROR_MESSAGES } from "../server/errors";
import { contentDisposition } from "./rules";
import { ID_PATTERN } from "../server/page";


export interface StoredFile {
  bytes: Uint8Array;
  mime: string;
  fileName: string;
}

/** The download itself: attachment, nosniff, a sandboxing CSP, never cached. */
export function fileResponse(bytes: Uint8Array, mime: string, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": mime,
      "Content-Disposition": contentDisposition(fileName),
      "Content-Length": String(bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}

/** The same 404 for a missing id, another tenant's id and a refused one. */
export function missingFile(): Response {
  return new Response(ERROR_MESSAGES.NOT_FOUND, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}

/**
 * A GET handler's body: not signed in → the sign-in page; a route param that is not an id → 404;
 * the loader (a scoped query) throwing NOT_FOUND or FORBIDDEN → 404; anything else is a bug.
 */
export async function storedFileDownload(request: Request, params: (string | undefined)[], gate: RouteGate, load: (viewer: Viewer) => Promise<StoredFile>): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.redirect(new URL("/dang-nhap", request.url));
  if (!params.every((p) => p !== undefined && ID_PATTERN.test(p))) return missingFile();
  try {
    await checkGate(viewer, gate.cap, gate.target);
    const f = await load(viewer);
    return fileResponse(f.bytes, f.mime, f.fileName);
  } catch (e) {
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) return missingFile();
    throw e;
  }
}
