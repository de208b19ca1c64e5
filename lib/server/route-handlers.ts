// Which URLs are served by route handlers (app/**/route.ts: downloads, next-auth) rather than
// pages. The proxy must not put the page's CSP and cache headers on those: Next keeps a header
// the proxy set and drops the route's own (send-response.js appends only absent headers), so a
// download's `Content-Security-Policy: default-src 'none'; sandbox` would be lost.
// next.config.ts scans app/ at build time and hands the patterns to the proxy (env inlining).
// No "server-only": next.config.ts, proxy.ts and a unit test use it.
import { readdirSync } from "node:fs";
import path from "node:path";

/** One regex source per route handler, e.g. `^/truong/[^/]+/doan-vien/xuat/?$`. */
export function routeHandlerPatterns(appDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name), [...segments, e.name]);
      else if (/^route\.(ts|tsx|js|mjs)$/.test(e.name)) out.push(patternFor(segments));
    }
  };
  walk(appDir, []);
  return out.sort();
}

function patternFor(segments: string[]): string {
  const parts = segments
    .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"))
    .map((s) => {
      if (/^\[\[\.\.\..+\]\]$/.test(s)) return "(?:/.*)?";
      if (/^\[\.\.\..+\]$/.test(s)) return "/.+";
      if (/^\[.+\]$/.test(s)) return "/[^/]+";
      return `/${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
    });
  return `^${parts.join("") || ""}/?$`;
}

export function isRouteHandlerPath(pathname: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => new RegExp(p).test(pathname));
}
