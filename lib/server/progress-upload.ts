import "server-only";
import { noteWrite } from "./brief-cache";
// A form upload that reports its progress (the member import's 10,000-row files): the browser
// sends the form with XMLHttpRequest (so it sees the upload's own progress) to a route handler,
// and this helper answers with one JSON line per stage as the server reaches it, then the final
// ActionState: {"stage":"checking"} … {"stage":"writing","rows":9980} … {"done":true,"state":{…}}.
// Same checks as a server action: a same-origin request (no cross-site form posts), a signed-in
// viewer, the route's gate (refused → the NOT_FOUND message), the zod schema (field errors),
// AppError → its Vietnamese message. The body limit is proxy.ts's, as for actions.
import type { z } from "zod";
import { getViewer } from "../auth/viewer";
import type { Viewer } from "../authz/permissions";
import { checkGate, type RouteGate } from "../authz/gate";
import { formObject, type ActionState } from "./action";
import { AppError, ERROR_MESSAGES } from "./errors";

export type ProgressLine = { stage: string; [k: string]: unknown } | { done: true; state: ActionState };

const JSON_HEADERS = { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** The request comes from a page of this site (the browser says so, or its Origin is this host). */
export function sameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host === (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host);
  } catch {
    return false;
  }
}

function answer(state: ActionState, status = 200): Response {
  return new Response(`${JSON.stringify({ done: true, state })}\n`, { status, headers: JSON_HEADERS });
}

export async function progressUpload<S extends z.ZodType>(
  request: Request,
  gate: RouteGate,
  schema: S,
  run: (viewer: Viewer, input: z.output<S>, stage: (line: { stage: string; [k: string]: unknown }) => void) => Promise<ActionState>,
): Promise<Response> {
  if (request.method !== "POST" || !sameOrigin(request)) return answer({ ok: false, message: ERROR_MESSAGES.NOT_FOUND }, 403);
  const viewer = await getViewer();
  if (!viewer) return answer({ ok: false, message: "Phiên đăng nhập đã hết. Hãy đăng nhập lại rồi gửi tệp." }, 401);
  try {
    await checkGate(viewer, gate.cap, gate.target);
  } catch (e) {
    if (e instanceof AppError) return answer({ ok: false, message: ERROR_MESSAGES.NOT_FOUND }, 404);
    throw e;
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return answer({ ok: false, message: ERROR_MESSAGES.INVALID }, 400);
  }
  const parsed = schema.safeParse(formObject(form));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "_")] ??= []).push(issue.message);
    return answer({ ok: false, message: ERROR_MESSAGES.INVALID, fieldErrors }, 400);
  }
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ProgressLine) => controller.enqueue(enc.encode(`${JSON.stringify(line)}\n`));
      try {
        send({ done: true, state: await run(viewer, parsed.data, (line) => send(line)) });
      } catch (e) {
        if (e instanceof AppError) send({ done: true, state: { ok: false, message: e.userMessage, fieldErrors: e.fieldErrors } });
        else {
          console.error("upload failed", e);
          send({ done: true, state: { ok: false, message: "Có lỗi khi xử lý tệp; chưa có dòng nào được ghi. Hãy thử lại." } });
        }
      } finally {
        noteWrite(); // the page frame's memos (lib/server/brief-cache.ts) are stale now
        controller.close();
      }
    },
  });
  return new Response(body, { headers: JSON_HEADERS });
}
