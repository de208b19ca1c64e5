// Request bodies over the limit (server actions, uploads) get HTTP 413 with a Vietnamese message
// from proxy.ts, before Next turns them into a generic 500. The limit is next.config.ts's
// BODY_LIMIT_MB, inlined at build time. No "server-only": the proxy and a unit test use it.

export const BODY_LIMIT_BYTES = Number(process.env.BODY_LIMIT_BYTES ?? 5 * 1024 * 1024);

export function tooLargeMessage(limit = BODY_LIMIT_BYTES): string {
  return `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(limit / 1024 / 1024)} MB). Hãy chọn tệp nhỏ hơn hoặc chia thành nhiều lần gửi.`;
}

/** A request whose declared body is over the limit. */
export function tooLarge(request: { method: string; headers: Headers }, limit = BODY_LIMIT_BYTES): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  const length = Number(request.headers.get("content-length") ?? "0");
  return Number.isFinite(length) && length > limit;
}

type BodyRequest = { method: string; headers: Headers; body: ReadableStream<Uint8Array> | null; clone(): BodyRequest };

/**
 * A request whose body is over the limit, declared or not: a body sent chunked (no
 * Content-Length) is counted on a copy of the stream, stopping one byte past the limit, so the
 * proxy can answer 413 before Next's action parser turns it into a 500. Next hands the proxy a
 * copy of the body (buffered up to proxyClientMaxBodySize, 10 MB by default, above this limit);
 * the page or action still receives the original.
 */
export async function bodyOverLimit(request: BodyRequest, limit = BODY_LIMIT_BYTES): Promise<boolean> {
  if (request.method === "GET" || request.method === "HEAD") return false;
  if (request.headers.has("content-length")) return tooLarge(request, limit);
  if (!request.body) return false;
  const copy = request.clone().body;
  if (!copy) return false;
  const reader = copy.getReader();
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    read += value.byteLength;
    if (read > limit) {
      await reader.cancel();
      return true;
    }
  }
}
