import type { NextConfig } from "next";
import { routeHandlerPatterns } from "./lib/server/route-handlers";

/** Server actions and uploads: bodies above this get HTTP 413 with a Vietnamese message (proxy.ts). */
export const BODY_LIMIT_MB = 5;

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite loads its Wasm data from its own folder: keep it out of the bundle (STACK.md §7).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "exceljs", "pdfkit"],
  // Next answers a larger action body with a generic 500; proxy.ts refuses it first (413) by its
  // Content-Length, with the same limit.
  experimental: { serverActions: { bodySizeLimit: `${BODY_LIMIT_MB}mb` } },
  // Inlined into the proxy at build time: the body limit and which URLs are route handlers
  // (downloads keep their own CSP and cache headers; lib/server/route-handlers.ts).
  env: {
    BODY_LIMIT_BYTES: String(BODY_LIMIT_MB * 1024 * 1024),
    ROUTE_HANDLER_PATTERNS: JSON.stringify(routeHandlerPatterns(`${process.cwd()}/app`)),
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
