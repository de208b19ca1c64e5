import { env } from "../server/env";

/**
 * The client address for throttling. A client-sent X-Forwarded-For is never trusted: only when
 * TRUST_PROXY=1 (our reverse proxy overwrites the header) is its last hop used. Without a proxy,
 * Next.js does not expose the socket address to route handlers, so all direct clients share
 * the key "direct" and the per-account lock still applies.
 */
export function clientAddress(headers: Record<string, unknown> | Headers): string {
  if (env.TRUST_PROXY !== "1") return "direct";
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const last = String(raw ?? "").split(",").pop()?.trim();
  return last || "direct";
}
