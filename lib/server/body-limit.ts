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
