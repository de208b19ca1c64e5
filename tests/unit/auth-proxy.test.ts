// proxy.ts: download routes keep their own CSP and cache headers; a body over the limit is a 413
// with a Vietnamese message; the callbackUrl it builds is an in-app path (issue 10).
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { isRouteHandlerPath, routeHandlerPatterns } from "@/lib/server/route-handlers";
import { BODY_LIMIT_BYTES, bodyOverLimit, tooLarge, tooLargeMessage } from "@/lib/server/body-limit";
import nextConfig, { BODY_LIMIT_MB } from "@/next.config";

const APP = path.resolve("app");
const patterns = routeHandlerPatterns(APP);
process.env.ROUTE_HANDLER_PATTERNS = JSON.stringify(patterns);
const { proxy } = await import("@/proxy");

/** A sample URL for every file named `name` under app/ (dynamic segments filled in). */
function samples(name: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string, segs: string[]) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name), [...segs, e.name]);
      else if (name.test(e.name)) {
        out.push(
          "/" +
            segs
              .filter((s) => !/^\(.*\)$/.test(s))
              .map((s) => (s.startsWith("[") ? "abc_1" : s))
              .join("/"),
        );
      }
    }
  };
  walk(APP, []);
  return out;
}

describe("route handlers keep their own headers", () => {
  it.each(samples(/^route\.ts$/))("%s is a route handler: the proxy leaves CSP and Cache-Control to it", async (p) => {
    expect(isRouteHandlerPath(p, patterns)).toBe(true);
    const res = await proxy(new NextRequest(`http://127.0.0.1:3100${p}`, { headers: { cookie: "next-auth.session-token=x" } }));
    expect(res.headers.get("content-security-policy")).toBeNull();
    expect(res.headers.get("cache-control")).toBeNull();
  });

  it.each(samples(/^page\.tsx$/).filter((p) => p !== "/"))("%s is a page: the proxy sets the page CSP and no-store", async (p) => {
    expect(isRouteHandlerPath(p, patterns)).toBe(false);
    const res = await proxy(new NextRequest(`http://127.0.0.1:3100${p}`, { headers: { cookie: "next-auth.session-token=x" } }));
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    if (p !== "/dang-nhap") expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("next.config.ts hands the same patterns to the proxy", () => {
    expect(JSON.parse(nextConfig.env!.ROUTE_HANDLER_PATTERNS!)).toEqual(patterns);
  });
});

describe("bodies over the limit", () => {
  it("uses next.config.ts's server-action limit", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(`${BODY_LIMIT_MB}mb`);
    expect(Number(nextConfig.env!.BODY_LIMIT_BYTES)).toBe(BODY_LIMIT_MB * 1024 * 1024);
    expect(BODY_LIMIT_BYTES).toBe(BODY_LIMIT_MB * 1024 * 1024);
  });

  it("a POST over the limit gets 413 with a Vietnamese message; at the limit it passes", async () => {
    const over = new NextRequest("http://127.0.0.1:3100/truong/sch_sta/cham-diem", {
      method: "POST",
      headers: { "content-length": String(BODY_LIMIT_BYTES + 1), "next-action": "abc", cookie: "next-auth.session-token=x" },
    });
    expect(tooLarge(over)).toBe(true);
    const res = await proxy(over);
    expect(res.status).toBe(413);
    expect(await res.text()).toBe(tooLargeMessage());
    expect(tooLargeMessage()).toContain("quá lớn");
    const ok = new NextRequest("http://127.0.0.1:3100/truong/sch_sta/cham-diem", {
      method: "POST",
      headers: { "content-length": String(BODY_LIMIT_BYTES), cookie: "next-auth.session-token=x" },
    });
    expect((await proxy(ok)).status).not.toBe(413);
  });
});

/** A body sent chunked, without Content-Length, in pieces of 64 KiB. */
function chunked(bytes: number): NextRequest {
  let left = bytes;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (left <= 0) return c.close();
      const n = Math.min(left, 65_536);
      left -= n;
      c.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
  const req = new NextRequest("http://127.0.0.1:3100/truong/sch_sta/cham-diem", { method: "POST", body, duplex: "half", headers: { "next-action": "abc", "transfer-encoding": "chunked", cookie: "next-auth.session-token=x" } } as unknown as ConstructorParameters<typeof NextRequest>[1]);
  expect(req.headers.get("content-length")).toBeNull();
  return req;
}

describe("chunked bodies (no Content-Length) are counted", () => {
  it("over the limit: 413 with the Vietnamese message, not a 500 from the action parser", async () => {
    const over = chunked(BODY_LIMIT_BYTES + 1);
    expect(await bodyOverLimit(over)).toBe(true);
    const res = await proxy(chunked(BODY_LIMIT_BYTES + 1));
    expect(res.status).toBe(413);
    expect(await res.text()).toBe(tooLargeMessage());
  });

  it("at the limit it passes, and the body is still whole for the action", async () => {
    const ok = chunked(BODY_LIMIT_BYTES);
    expect((await proxy(ok)).status).not.toBe(413);
    expect((await ok.arrayBuffer()).byteLength).toBe(BODY_LIMIT_BYTES);
    expect(await bodyOverLimit(chunked(10))).toBe(false);
  });
});

describe("the proxy's own callbackUrl", () => {
  it("keeps the in-app path and query", async () => {
    const res = await proxy(new NextRequest("http://127.0.0.1:3100/truong/sch_sta/doan-vien?q=an"));
    expect(new URL(res.headers.get("location")!).searchParams.get("callbackUrl")).toBe("/truong/sch_sta/doan-vien?q=an");
  });
  it("drops a path a browser would read as another host", async () => {
    const res = await proxy(new NextRequest("http://127.0.0.1:3100/.//evil.example/x"));
    const loc = new URL(res.headers.get("location")!);
    expect(loc.pathname).toBe("/dang-nhap");
    expect(loc.searchParams.get("callbackUrl") ?? "/").not.toContain("evil");
  });
});
