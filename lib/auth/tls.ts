// Served over HTTPS or not: one decision for the session cookie, the device cookie and HSTS.
// It follows NEXTAUTH_URL, as next-auth itself does: behind a TLS-terminating reverse proxy the
// app sees plain http, so the request's own scheme cannot tell (README "Chạy sau TLS").
// No "server-only": the proxy uses it too.

export function isHttpsDeployment(nextAuthUrl: string | undefined = process.env.NEXTAUTH_URL): boolean {
  if (!nextAuthUrl) return false;
  try {
    return new URL(nextAuthUrl).protocol === "https:";
  } catch {
    return false;
  }
}

/** Two years, sub-domains included; only ever sent when served over HTTPS. */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

export function hstsHeader(nextAuthUrl?: string): string | null {
  return isHttpsDeployment(nextAuthUrl) ? HSTS_VALUE : null;
}

/** next-auth's session cookie: `__Secure-` prefixed and Secure over HTTPS, as next-auth names it. */
export function sessionCookieName(secure = isHttpsDeployment()): string {
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/** Our device cookie (OWASP device cookies): `__Host-` over HTTPS (Secure, Path=/, no Domain). */
export function deviceCookieName(secure = isHttpsDeployment()): string {
  return secure ? "__Host-thidua-device" : "thidua-device";
}
