import { NextResponse, type NextRequest } from "next/server";
import { safeCallbackPath } from "./lib/auth/callback";
import { hstsHeader } from "./lib/auth/tls";
import { isRouteHandlerPath } from "./lib/server/route-handlers";
import { bodyOverLimit, tooLargeMessage } from "./lib/server/body-limit";

// Redirects and headers only. This is NOT a security gate: every page, action and query
// checks the viewer and scope itself (SECURITY.md: proxies have been bypassed many ways).

/** Inlined at build time by next.config.ts (`env`). */
const ROUTE_HANDLERS: string[] = JSON.parse(process.env.ROUTE_HANDLER_PATTERNS ?? "[]");

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const hsts = hstsHeader();
  const withTls = <R extends Response>(res: R): R => {
    if (hsts) res.headers.set("Strict-Transport-Security", hsts);
    return res;
  };

  // Declared (Content-Length) or counted (a chunked body): over the limit is a 413, not a 500.
  if (await bodyOverLimit(request)) {
    return withTls(
      new NextResponse(tooLargeMessage(), {
        status: 413,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      }),
    );
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const { pathname, search } = request.nextUrl;
  const signedIn = request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (!signedIn && pathname !== "/dang-nhap" && !pathname.startsWith("/api/auth")) {
    const url = request.nextUrl.clone();
    url.pathname = "/dang-nhap";
    // Only an in-app path goes into callbackUrl (lib/auth/callback.ts); the sign-in page checks again.
    const back = safeCallbackPath(pathname + search, request.nextUrl.origin);
    url.search = back === "/" ? "" : `?callbackUrl=${encodeURIComponent(back)}`;
    return withTls(NextResponse.redirect(url));
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // Route handlers (downloads) set their own CSP (`default-src 'none'; sandbox`) and cache
  // headers; a header set here would replace theirs, so pages only.
  if (!isRouteHandlerPath(pathname, ROUTE_HANDLERS)) {
    response.headers.set("Content-Security-Policy", csp);
    if (pathname !== "/dang-nhap") response.headers.set("Cache-Control", "no-store");
  }
  return withTls(response);
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
