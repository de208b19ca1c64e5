// Where to go after signing in: only somewhere inside the app (SECURITY.md "Sign-in and sessions").
// No "server-only": the proxy, the sign-in page and next-auth's redirect callback all use it.
//
// A string check ("starts with / and not //") is not enough: browsers read `/\evil.example`,
// `/<TAB>/evil.example` and `/\/evil.example` as `//evil.example` (the WHATWG URL parser
// turns "\" into "/" and drops tabs and newlines). So the callback is resolved against the
// app's own origin with the same parser the browser uses, and kept only when the origin is
// unchanged, it carries no credentials, and what we hand back is a plain path.

/** The app's origin: NEXTAUTH_URL when set (behind a proxy), else the given fallback. */
export function appOrigin(fallback = "http://localhost"): string {
  try {
    return new URL(process.env.NEXTAUTH_URL ?? fallback).origin;
  } catch {
    return new URL(fallback).origin;
  }
}

/**
 * The in-app path (pathname + search + hash) that `callbackUrl` points to, or "/" when it
 * leaves the app, is malformed, or is not a string.
 */
export function safeCallbackPath(callbackUrl: unknown, origin: string): string {
  if (typeof callbackUrl !== "string" || callbackUrl === "" || callbackUrl.length > 2048) return "/";
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(callbackUrl, base);
  } catch {
    return "/";
  }
  if (target.origin !== base.origin || target.username || target.password) return "/";
  if (target.protocol !== "http:" && target.protocol !== "https:") return "/";
  const path = `${target.pathname}${target.search}${target.hash}`;
  // `/.//evil.example` resolves to the path `//evil.example`, which a browser would read as
  // another host when handed back as a relative URL.
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return "/";
  return path;
}

/** The same decision as an absolute URL on `baseUrl` (next-auth's redirect callback). */
export function safeCallbackUrl(callbackUrl: unknown, baseUrl: string): string {
  const path = safeCallbackPath(callbackUrl, baseUrl);
  return path === "/" && !isRoot(callbackUrl, baseUrl) ? baseUrl : `${baseUrl.replace(/\/$/, "")}${path}`;
}

function isRoot(callbackUrl: unknown, baseUrl: string): boolean {
  if (typeof callbackUrl !== "string") return false;
  try {
    const u = new URL(callbackUrl, baseUrl);
    return u.origin === new URL(baseUrl).origin && u.pathname === "/" && !u.search && !u.hash;
  } catch {
    return false;
  }
}
